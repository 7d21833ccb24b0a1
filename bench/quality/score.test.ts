import { describe, expect, it } from 'vitest';
import { scoreApp, scoreSteps, skillHeading, skillSteps } from './score.mjs';

const SKILL = `---
name: x
---
# X

## Steps

1. Type \`Buy milk\` into **What needs to be done?**
   ![Step 1](assets/step-01.png)
2. Type \`{{todo}}\` into **What needs to be done?**
3. Click **Buy milk**
4. Wait for the screen to change: *Active* appears
5. Click **Active**

## Check that it worked
1. Not a step
`;

describe('quality scoring', () => {
  it('reads the numbered steps of SKILL.md only', () => {
    expect(skillSteps(SKILL)).toHaveLength(5);
    expect(skillSteps('# no steps\n')).toEqual([]);
  });

  it('recalls actions in order by label and value, an input standing for its recorded value', () => {
    const truth = [
      { verb: 'type', label: 'What needs to be done?', value: 'Buy milk' },
      { verb: 'type', label: 'What needs to be done?', value: 'Walk the dog' },
      { verb: 'toggle', label: 'Buy milk' },
      { verb: 'click', label: 'Active' },
    ] as const;
    const score = scoreSteps([...truth], skillSteps(SKILL), { todo: 'Walk the dog' });
    expect(score).toMatchObject({
      truth: 4,
      steps: 5,
      recalled: 4,
      recall: 1,
      labelAccuracy: 1,
      extra: 1,
      wrongVerb: 0,
    });
    expect(score.matches).toEqual([0, 1, 2, 4]);
  });

  it('reads a punctuation mark the step escaped for Markdown as itself, as a renderer shows it', () => {
    // dat.GUI's number chosen in a video: "Choose **0\.5** in **growthSpeed**" shows "0.5".
    const score = scoreSteps(
      [{ verb: 'type', label: 'growthSpeed', value: '0.5' }],
      ['Choose **0\\.5** in **growthSpeed**'],
    );
    expect(score.recalled).toBe(1);
    expect(scoreSteps([{ verb: 'click', label: 'array [3]' }], ['Click **array \\[3\\]**']).recalled).toBe(1);
  });

  it('needs the value for typing and choosing, keeps order, and counts wrong verbs and extra steps', () => {
    const steps = ['Click **Summary**', 'Type `Printer` into **Summary**', 'Click **Save**', 'Click **Priority**'];
    const score = scoreSteps(
      [
        { verb: 'type', label: 'Summary', value: 'Printer jam' },
        { verb: 'click', label: 'Save' },
        { verb: 'choose', label: 'Priority', value: 'High' },
        { verb: 'type', label: 'Save', value: 'x' },
      ],
      steps,
    );
    expect(score.recalled).toBe(1); // only Save; the typed value is cut short, High never appears
    expect(score.labelAccuracy).toBe(3 / 4); // Summary, Save, Priority named in order; the 2nd Save is not after
    expect(score.extra).toBe(3);
    expect(scoreSteps([{ verb: 'type', label: 'Save', value: 'Save' }], ['Click **Save**']).wrongVerb).toBe(1);
    expect(
      scoreSteps([], ['Type `Buy milk 1 item left All Active Completed` into **x**', 'Type `Buy milk`']).dumps,
    ).toBe(1);
    // A dump that holds the value is recalled by the rule, but not "without dumps".
    const dump = 'Type `Buy milk 1 item left All Active Completed` into **x**';
    expect(scoreSteps([{ verb: 'type', label: 'x', value: 'Buy milk' }], [dump])).toMatchObject({
      recalled: 1,
      cleanRecalled: 0,
    });
  });
});

describe('app name scoring', () => {
  const skill = (heading: string) =>
    `## Before you start\n\n- Open the app or page the workflow uses, signed in.\n- Start from the screen shown in the first screenshot, headed **${heading}**.\n`;

  it('reads the heading the skill gives the first screen, none where it gives none', () => {
    expect(skillHeading(skill('Vue\\.js'))).toBe('Vue\\.js');
    expect(skillHeading('- Start from the screen shown in the first screenshot.\n')).toBeUndefined();
  });

  it('is right for an accepted name however punctuated, cut short by eight letters or more, or with more around it', () => {
    expect(scoreApp(['todos', 'Vue.js'], 'Vue\\.js')).toBe('right');
    expect(scoreApp(['Tk Widget Demonstrations'], 'Tk Widget Demonstra')).toBe('right');
    expect(scoreApp(['Spectre'], 'SPECTRE DOCS')).toBe('right');
    expect(scoreApp(['Tk Widget Demonstrations'], 'Tk Wid')).toBe('wrong');
    expect(scoreApp(['tablesort'], 'Birthday')).toBe('wrong');
    expect(scoreApp(['tablesort'], undefined)).toBe('none');
  });

  it('is right to name nothing on a screen that shows no name, wrong to name something there', () => {
    expect(scoreApp([], undefined)).toBe('right');
    expect(scoreApp([], 'Fest')).toBe('wrong');
  });
});
