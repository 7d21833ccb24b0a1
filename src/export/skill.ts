/**
 * The Agent Skill: `<name>/SKILL.md` (frontmatter, when to use it, inputs,
 * prerequisites, the replay script when there is one, numbered steps with
 * screenshots, how to check it worked, what to do when the screen differs),
 * `references/REFERENCE.md` (what was seen at each step), `assets/step-NN.png`,
 * and, for a recording with page events, `scripts/replay.mjs` and
 * `references/recording.json` (./replay). The written steps stay complete on their
 * own: the script is a faster way, not the only one.
 */
import { formatDuration } from '../shared/format';
import { writeFrontmatter } from '../skill/frontmatter';
import { maskSensitive } from '../compose/redact';
import { markdownCode, markdownLine, markdownText } from '../compose/markdown';
import { TOC_AFTER_LINES } from '../skill/validate';
import type { AnalyzedStep } from '../analyze/types';
import { sectionedSteps } from '../analyze/context';
import {
  hostOf,
  lastingText,
  skillInputs,
  stepMarkdown,
  stepNotes,
  withInputs,
  type SkillInput,
} from '../compose/draft';
import type { GeneratorInput, OutputFile, OutputGenerator } from './types';
import { replayPlan, type PlanResult, type ReplayPlan } from './replay/plan';
import { replayScript } from './replay/script';
import { recorderRecording } from './replay/recorder-json';

export const GENERATOR = 'pack2skill 0.2.0';
export const SKILL_VERSION = '1.0.0';

const pad = (n: number) => String(n).padStart(2, '0');
/** Screen text for Markdown: one run's input values named, secrets masked, written as text (see compose/markdown). */
const screenText = (text: string, inputs: readonly SkillInput[] = []) =>
  markdownText(maskSensitive(withInputs(text, inputs)));

export const skillGenerator: OutputGenerator = {
  id: 'skill',
  async generate(input: GeneratorInput): Promise<OutputFile[]> {
    const { analysis, draft } = input;
    const root = draft.name;
    const files: OutputFile[] = [];
    const images = new Map<string, string>();
    for (const [index, step] of analysis.steps.entries()) {
      const image = await input.screenshot(step);
      if (!image) continue;
      const path = `assets/step-${pad(index + 1)}.png`;
      images.set(step.id, path);
      files.push({ path: `${root}/${path}`, data: image });
    }
    const replay = replayPlan(analysis, draft);
    files.unshift(
      { path: `${root}/SKILL.md`, data: skillMarkdown(input, images, replay) },
      { path: `${root}/references/REFERENCE.md`, data: referenceMarkdown(input, replay) },
    );
    if (replay.plan) {
      files.push(
        { path: `${root}/scripts/replay.mjs`, data: replayScript(replay.plan) },
        {
          path: `${root}/references/recording.json`,
          data: `${JSON.stringify(recorderRecording(replay.plan, title(draft.name)), null, 2)}\n`,
        },
      );
    }
    return files;
  },
};

function title(name: string): string {
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function skillMarkdown(
  { analysis, draft, recordedAt }: GeneratorInput,
  images: Map<string, string>,
  replay: PlanResult,
): string {
  // The largest text on the first screen: a page heading as often as an app's name, so called neither.
  const heading = analysis.appName ? screenText(analysis.appName) : undefined;
  const parameters = analysis.steps.filter((step) => step.parameter);
  const inputs = skillInputs(analysis.steps);
  const start = startOf(analysis, draft);
  const lines: string[] = [
    writeFrontmatter({
      name: draft.name,
      description: draft.description,
      metadata: {
        version: SKILL_VERSION,
        generator: GENERATOR,
        recorded: new Date(recordedAt).toISOString().slice(0, 10),
      },
    }),
    `# ${title(draft.name)}`,
    '',
    markdownLine(maskSensitive(draft.description)),
    '',
    '## When to use',
    '',
    `Use this skill to repeat, on the user's behalf, a workflow that was recorded once${start ? ` on ${markdownCode(hostOf(start.url))}` : ''}. ` +
      'Follow the steps in order, on the real screen; the screenshots show what each step looked like when it was recorded.',
    '',
  ];
  if (parameters.length > 0) {
    lines.push('## Inputs', '', 'Ask the user for these values if the request does not give them:', '');
    for (const step of parameters) {
      const where = step.label ? ` (typed into **${screenText(step.label)}**)` : '';
      lines.push(`- ${markdownCode(`{{${step.parameter}}}`)}${where}`);
    }
    lines.push('');
  }
  lines.push('## Before you start', '');
  if (start) {
    lines.push(
      `- Go to ${markdownCode(start.url)}${start.title ? ` (the page titled **${screenText(start.title)}**)` : ''}; make sure the user is signed in.`,
    );
  } else {
    lines.push('- Open the app or page the workflow uses, signed in.');
  }
  lines.push(
    heading
      ? `- Start from the screen shown in the first screenshot, headed **${heading}**.`
      : '- Start from the screen shown in the first screenshot.',
    '',
  );
  if (replay.plan)
    lines.push(
      ...scriptSection(
        replay.plan,
        analysis.steps.some((step) => stepNotes(step).risky),
      ),
    );
  lines.push('## Steps', '');
  for (const { step, index, section } of withSections(analysis)) {
    if (section) lines.push('', `### ${markdownLine(section)}`, '');
    const notes = stepNotes(step);
    // Asked before the step that cannot be taken back, not after it.
    const confirm = notes.risky ? '**First ask the user to confirm: this cannot be undone or reaches others.** ' : '';
    lines.push(`${index + 1}. ${confirm}${stepMarkdown(step, inputs)}`);
    const image = images.get(step.id);
    if (image) lines.push(`   ![Step ${index + 1}](${image})`);
  }
  lines.push('', '## Check that it worked', '');
  const last = analysis.steps.at(-1);
  const finalText = last ? lastScreenText(last, inputs) : '';
  lines.push(
    finalText ? `The last screen should show: ${finalText}.` : 'The last screen should look like the last screenshot.',
    '',
    '## If the screen looks different',
    '',
    '- Find each control by its label, not by its position: layouts move.',
    '- If the app refuses a step (a message such as "Please fill out this field", a field marked in red), read the message, correct that field with the value the user gave, and try again; never invent a value.',
    '- If a step cannot be found, stop and tell the user what you see instead; do not guess.',
    '- See [the reference](references/REFERENCE.md) for the text and timing recorded at each step.',
    '',
  );
  return lines.join('\n');
}

/**
 * What the last step left on screen, in terms that hold for any run: its caption, else
 * the lines that appeared near it with inputs named, leaving out what one run alone
 * shows (short or misread bits, reference numbers), at most three.
 */
function lastScreenText(step: AnalyzedStep, inputs: readonly SkillInput[]): string {
  if (step.caption) return screenText(step.caption.replace(/\.$/, ''), inputs);
  const appeared = lastingText(step, inputs);
  return appeared.length > 0 ? appeared.map((text) => `"${screenText(text)}"`).join(', ') : '';
}

/** How to use `scripts/replay.mjs`, and when not to. */
function scriptSection(plan: ReplayPlan, risky: boolean): string[] {
  const example = plan.inputs
    .slice(0, 2)
    .map((input) => ` --${input.name} "…"`)
    .join('');
  return [
    '## Faster, with the replay script',
    '',
    'If you can run Node.js 20+ with Playwright, `scripts/replay.mjs` does these steps in a browser:',
    '',
    "- `node scripts/replay.mjs --help` lists its inputs; then run it with the user's values, for example `node scripts/replay.mjs" +
      example +
      '`.',
    "- To act in the user's own signed-in browser, add `--cdp <endpoint>` (a Chrome started with `--remote-debugging-port`).",
    '- It prints one line per step and stops at the first step it cannot do, naming it.',
    ...(risky
      ? [
          '- A step below asks for confirmation: get it from the user before you run the script, which does not stop to ask.',
        ]
      : []),
    '- If it fails, or you cannot run it, follow the steps below (from the step it named); they are complete on their own.',
    '',
  ];
}

/** Where the workflow starts: the page the recording began on, or the one the person gave. */
function startOf(
  analysis: GeneratorInput['analysis'],
  draft: GeneratorInput['draft'],
): { url: string; title?: string } | null {
  const given = draft.startUrl?.trim();
  if (given && /^https?:\/\//i.test(given)) return { url: given };
  return analysis.start ?? null;
}

/** The steps, each with the title of the section it opens (a marker's, or the person's), if it opens one. */
export function withSections(
  analysis: GeneratorInput['analysis'],
): { step: AnalyzedStep; index: number; section?: string }[] {
  return sectionedSteps(analysis).map((step, index) => ({
    step,
    index,
    ...(step.section ? { section: step.section } : {}),
  }));
}

function referenceMarkdown({ analysis }: GeneratorInput, replay: PlanResult): string {
  const inputs = skillInputs(analysis.steps);
  const sections: string[][] = analysis.steps.map((step, index) => {
    const notes = stepNotes(step);
    const section = [
      `## Step ${index + 1}: ${stepMarkdown(step, inputs)}`,
      '',
      `- Time: ${formatDuration(step.start)} to ${formatDuration(step.end)} (${step.eventCount} events, ${step.kind})`,
      `- Confidence: ${notes.confidence}${step.labelSource ? ` (label from the ${step.labelSource === 'page' ? 'page' : 'screen, by OCR'})` : ''}`,
    ];
    if (step.caption) section.push(`- Caption: ${screenText(step.caption, inputs)}`);
    const seen = [...new Set((step.ocr?.after ?? step.ocr?.before ?? []).map((line) => line.text))];
    if (seen.length > 0) {
      section.push(`- Text seen: ${seen.map((text) => `"${screenText(text, inputs)}"`).join(', ')}`);
    }
    for (const warning of notes.warnings) section.push(`- Note: ${screenText(warning)}`);
    section.push('');
    return section;
  });
  // Each distinct screen's text, read whole: what an agent should expect to see.
  for (const screen of analysis.screens) {
    const heading = screen.title ? screenText(screen.title) : 'Untitled screen';
    const seen = screen.lines.map((line) => screenText(line.text, inputs)).filter(Boolean);
    sections.push([
      `## Screen at ${formatDuration(screen.t)}: ${heading}`,
      '',
      seen.join(' · ') || '(no text read)',
      '',
    ]);
  }
  sections.push(
    replay.plan
      ? [
          '## Replay',
          '',
          '`scripts/replay.mjs` repeats the steps with Playwright (see SKILL.md). `references/recording.json` is the same workflow as a Chrome DevTools Recorder recording: import it in the Recorder panel to watch it run. Its inputs hold the recorded values; secrets are left empty.',
          '',
        ]
      : ['## Replay', '', `No replay script: ${markdownText(replay.reason)}`, ''],
  );
  const body = sections.flat();
  const head = ['# Reference', '', 'What was recorded at each step of the skill, then the text of each screen.', ''];
  if (head.length + body.length > TOC_AFTER_LINES) {
    head.push(
      '## Contents',
      '',
      ...analysis.steps.map((step, i) => `- Step ${i + 1}: ${stepMarkdown(step, inputs)}`),
      ...analysis.screens.map((screen) => `- Screen at ${formatDuration(screen.t)}`),
      '',
    );
  }
  return [...head, ...body].join('\n');
}
