import { describe, expect, it } from 'vitest';
import { testAnalysis } from '../analyze/testing';
import type { Analysis, AnalyzedStep } from '../analyze/types';
import { stepText, type StepFacts } from '../compose/step-text';
import { parseFrontmatter } from '../skill/frontmatter';
import { descriptionProblems, validateSkill } from '../skill/validate';
import { chosenTitle, defaultDraft, SEEN, slugify, stepNotes } from '../compose/draft';
import { skillGenerator } from './skill';
import { toBytes } from './zip';

function step(id: number, facts: StepFacts, extra: Partial<AnalyzedStep> = {}): AnalyzedStep {
  return {
    id: `step-${id}`,
    start: id * 2000,
    end: id * 2000 + 500,
    kind: facts.kind,
    text: stepText(facts),
    facts,
    eventCount: 2,
    beforeFrameId: `f${id}`,
    ...(facts.label ? { label: facts.label, labelSource: 'ocr' as const } : {}),
    ...(facts.value ? { value: facts.value } : {}),
    ...extra,
  };
}

function analysis(steps: AnalyzedStep[]): Analysis {
  return testAnalysis({ recordingId: 'r1', appName: 'Helpdesk', steps });
}

const steps = [
  step(1, { kind: 'click', label: 'New ticket' }),
  step(2, { kind: 'type', label: 'Summary', value: 'Printer jam' }, { parameter: 'summary' }),
  step(3, { kind: 'type', label: 'Reporter', value: 'ada@example.com' }),
  step(4, { kind: 'click', label: 'Delete draft' }, { editedText: 'Press **Delete draft** to discard the copy' }),
  step(5, { kind: 'visual' }, { caption: 'A ticket saved confirmation.', beforeFrameId: undefined }),
];

async function generate(input = analysis(steps)) {
  const draft = defaultDraft(input, 'Recording');
  const files = await skillGenerator.generate({
    analysis: input,
    draft,
    recordedAt: Date.UTC(2026, 10, 25),
    screenshot: async (s) => (s.beforeFrameId ? new Blob([new Uint8Array([137, 80, 78, 71])]) : null),
  });
  const bytes = await toBytes(files);
  const text = (path: string) => new TextDecoder().decode(bytes.get(`${draft.name}/${path}`));
  return { draft, bytes, text };
}

describe('skill generator', () => {
  it('writes a skill that passes the validator, with every linked image present', async () => {
    const { draft, bytes } = await generate();
    expect(draft.name).toBe('helpdesk-new-ticket');
    expect(validateSkill(bytes).filter((issue) => issue.severity === 'error')).toEqual([]);
    expect([...bytes.keys()].sort()).toEqual([
      'helpdesk-new-ticket/SKILL.md',
      'helpdesk-new-ticket/assets/step-01.png',
      'helpdesk-new-ticket/assets/step-02.png',
      'helpdesk-new-ticket/assets/step-03.png',
      'helpdesk-new-ticket/assets/step-04.png',
      'helpdesk-new-ticket/references/REFERENCE.md',
    ]);
  });

  it('puts the version in metadata, and a description that says when to use it', async () => {
    const { text } = await generate();
    const { data } = parseFrontmatter(text('SKILL.md'));
    expect(Object.keys(data)).toEqual(['name', 'description', 'metadata']);
    expect(data['metadata']).toEqual({ version: '1.0.0', generator: 'pack2skill 0.2.0', recorded: '2026-11-25' });
    expect(data['description']).toMatch(/^Repeats a recorded 5-step workflow(, from ".*" to ".*")?\. Use when /);
    expect(String(data['description']).length).toBeLessThanOrEqual(200);
  });

  it('writes inputs as parameters, the person’s edits, confirmations for risky steps, masked secrets', async () => {
    const { text } = await generate();
    const skill = text('SKILL.md');
    expect(skill).toContain('- `{{summary}}` (typed into **Summary**)');
    expect(skill).toContain('2. Type `{{summary}}` into **Summary**');
    expect(skill).not.toContain('Printer jam');
    expect(skill).toContain('3. Type `••••` into **Reporter**');
    expect(skill).not.toContain('ada@example.com');
    // The confirmation comes before the step that cannot be taken back.
    expect(skill).toContain(
      '4. **First ask the user to confirm: this cannot be undone or reaches others.** Press **Delete draft** to discard the copy',
    );
    expect(skill).toContain('The last screen should show: A ticket saved confirmation.');
    expect(skill).toContain('   ![Step 1](assets/step-01.png)');
    const reference = text('references/REFERENCE.md');
    expect(reference).toContain('## Step 5: Wait for the screen to change');
    expect(reference).toContain('- Caption: A ticket saved confirmation.');
  });

  it('says where to start, uses inputs everywhere, starts sections at markers and checks in general terms', async () => {
    const line = (text: string) => ({ text, confidence: 90, box: { x: 0, y: 0, width: 10, height: 10 } });
    const input = analysis([
      // The field's own example equals the value typed: it says nothing more, and is left out.
      step(
        1,
        { kind: 'type', label: 'Amount', value: '42.50', control: { type: 'text', format: 'e.g. 42.50' } },
        { parameter: 'amount' },
      ),
      // A person's edit and a later step repeat the recorded value: both become the input.
      step(2, { kind: 'click', label: 'Review' }, { editedText: 'Check that **42.50** is shown, then go on' }),
      step(
        3,
        { kind: 'click', label: 'Send report' },
        {
          start: 9000,
          ocr: {
            before: [line('Expense report')],
            after: [line('Expense report'), line('Report RPT-88213 sent'), line('x'), line('Total 42.50 was filed')],
          },
        },
      ),
    ]);
    input.start = { url: 'https://expenses.example.com/new?x=1', title: 'New report' };
    input.sections = [
      { t: 0, title: 'Fill in the report' },
      { t: 8000, title: 'Send it' },
    ];
    const { text } = await generate(input);
    const skill = text('SKILL.md');
    expect(skill).toContain(
      '- Go to `https://expenses.example.com/new?x=1` (the page titled **New report**); make sure the user is signed in.',
    );
    expect(skill).not.toContain('42.50');
    expect(skill).toContain('2. Check that **{{amount}}** is shown, then go on');
    expect(skill).toContain('### Fill in the report\n\n1. Type `{{amount}}` into **Amount**\n');
    expect(skill).toContain('### Send it\n\n3. **First ask the user to confirm');
    // One run's reference number and a one-letter misread are left out of the check; the input is named.
    expect(skill).toContain('The last screen should show: "Total {{amount}} was filed".');
    expect(text('references/REFERENCE.md')).not.toContain('42.50');
    expect(skill).toContain('If the app refuses a step');
    // A risky result read on the screen after the step makes it ask first, even when its label does not.
    const quiet = analysis([
      step(1, { kind: 'click', label: 'Go' }, { ocr: { before: [], after: [line('Your request was submitted')] } }),
    ]);
    const { text: quietText } = await generate(quiet);
    expect(quietText('SKILL.md')).toContain('1. **First ask the user to confirm');
    expect(skill).toContain('recorded once on `expenses.example.com`');
    // Without a start page, the first screen's largest text is said as its heading, never as the app's name.
    const unplaced = (await generate(analysis([step(1, { kind: 'click', label: 'Go' })]))).text('SKILL.md');
    expect(unplaced).toContain(
      '- Open the app or page the workflow uses, signed in.\n- Start from the screen shown in the first screenshot, headed **Helpdesk**.',
    );
    expect(unplaced).not.toMatch(/in \*\*Helpdesk\*\*/);
  });

  it("names a chosen value by its input, and keeps the dropdown's options as the page shows them", async () => {
    const choose = step(
      1,
      { kind: 'choose', label: 'Category', value: 'Travel', control: { type: 'select', options: ['Meals', 'Travel'] } },
      { parameter: 'category' },
    );
    const skill = (await generate(analysis([choose]))).text('SKILL.md');
    expect(skill).toContain('1. Choose **{{category}}** in **Category** (a dropdown: Meals, Travel)');
  });

  it('lists each screen’s text in the reference, secrets masked and markup escaped', async () => {
    const withScreens = analysis(steps);
    withScreens.screens = [
      {
        frameId: 'f1',
        t: 0,
        title: 'Helpdesk',
        lines: [
          { text: 'Reporter ada@example.com', confidence: 90, box: { x: 0, y: 0, width: 1, height: 1 } },
          { text: '<script>alert(1)</script>', confidence: 90, box: { x: 0, y: 0, width: 1, height: 1 } },
        ],
      },
    ];
    const { text } = await generate(withScreens);
    const reference = text('references/REFERENCE.md');
    expect(reference).toContain('## Screen at 0:00: Helpdesk');
    expect(reference).toContain('Reporter •••• · \\<script\\>alert(1)\\</script\\>');
    expect(reference).not.toContain('ada@example.com');
  });

  it('adds a table of contents to a long reference', async () => {
    const many = Array.from({ length: 30 }, (_, i) => step(i + 1, { kind: 'click', label: `Button ${i + 1}` }));
    const { bytes, text } = await generate(analysis(many));
    expect(text('references/REFERENCE.md')).toContain('## Contents');
    expect(validateSkill(bytes).filter((issue) => issue.severity === 'error')).toEqual([]);
  });
});

describe('drafts and notes', () => {
  it('names the skill after a title a person chose, else after the app and the first step', () => {
    const name = (title: string, overrides: Partial<Analysis> = {}) =>
      defaultDraft(testAnalysis({ recordingId: 'r1', appName: 'Name', steps, ...overrides }), title).name;
    expect(name('desktop-rolodex-fill-search-delete')).toBe('desktop-rolodex-fill-search-delete');
    expect(name('Expense report walkthrough')).toBe('expense-report-walkthrough');
    // Titles a recorder or this app made up say nothing of the workflow.
    for (const made of [
      'Screen Recording 2026-12-05 at 10.32.11',
      'Recording 5 Dec 2026, 10:32',
      'Recording',
      'IMG_0042',
      'pack session, 2026-12-05 10:32',
      'simplescreenrecorder-2026-12-05_10.32.11',
      'video (3)',
    ]) {
      expect(chosenTitle(made), made).toBeUndefined();
      expect(name(made), made).toBe('name-new-ticket');
    }
    // With page events, the start page's own title names the app, not the largest text read.
    expect(name('Recording', { start: { url: 'https://a.example/', title: 'Helpdesk' } })).toBe('helpdesk-new-ticket');
    const long = 'Inbox (3) - someone@example.com - Example Mail and more';
    expect(name('Recording', { start: { url: 'https://a.example/', title: long } })).toBe('name-new-ticket');
    // Hostile titles become a slug, nothing else.
    expect(name('<img src=x onerror=alert(1)> ---\nname: x')).toBe('img-src-x-onerror-alert-1-name-x');
  });

  it('takes a description the recording came with, masked, fit for frontmatter and saying when to use it', () => {
    const given = (givenDescription: string) =>
      defaultDraft(testAnalysis({ recordingId: 'r1', steps, givenDescription }), 'x').description;
    expect(given('Opens and saves a helpdesk ticket')).toBe(
      'Opens and saves a helpdesk ticket. Use when asked to do this task again.',
    );
    expect(given('Files a ticket.\n  Use when a printer jams.')).toBe('Files a ticket. Use when a printer jams.');
    const masked = given('Mail <ada@example.com> the report!');
    expect(masked).toMatch(/^Mail •+ the report! Use when asked to do this task again\.$/);
    const long = given('x'.repeat(2000));
    expect(long).toHaveLength(1024);
    expect(descriptionProblems(long)).toEqual([]);
    // Nothing usable left: the description made from the steps.
    expect(given('  <>  ')).toMatch(/^Repeats a recorded 5-step workflow/);
  });

  it('makes valid names from anything', () => {
    expect(slugify('Claude’s Helpdesk: New Ticket!')).toBe('s-helpdesk-new-ticket');
    expect(slugify('x'.repeat(80))).toHaveLength(64);
  });

  it('suggests inputs for run-specific values and flags risky actions', () => {
    expect(stepNotes(step(1, { kind: 'type', label: 'Due', value: '2026-12-01' })).warnings[0]).toMatch(
      /looks specific to this run/,
    );
    expect(stepNotes(step(1, { kind: 'click', label: 'Send invoice' })).risky).toBe(true);
    expect(stepNotes(step(1, { kind: 'click', label: 'Open invoice' })).risky).toBe(false);
    // A label that names what a field or a box holds is not an action.
    expect(stepNotes(step(1, { kind: 'toggle', label: 'Buy milk', value: 'checked' })).risky).toBe(false);
    expect(stepNotes(step(1, { kind: 'type', label: 'Order number', value: '42' })).risky).toBe(false);
    expect(stepNotes(step(1, { kind: 'key', label: 'Delete', key: 'Delete' })).risky).toBe(true);
  });

  it('says a label guessed from the text nearest a change is unsure, and what named the others', () => {
    const read = (seen: AnalyzedStep['seen']) =>
      stepNotes(step(1, { kind: 'visual', label: 'Price' }, seen ? { seen } : {}));
    expect(read('nearby').confidence).toBe('low');
    expect(read('nearby').warnings.join(' ')).toMatch(/nearest the change, a guess/);
    expect(read('mark').warnings).toEqual([]);
    expect(SEEN.mark).toMatch(/mark the click drew/);
  });
});
