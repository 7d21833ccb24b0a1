/**
 * The words around the steps: a skill name and description made from the
 * analysis (the person edits them in review), the export text of each step,
 * and the quality notes a reader should see.
 */
import { toMarkdown, toPlainText, type TextPart } from './step-text';
import type { Analysis, AnalyzedStep, LabelBasis, SkillDraft } from '../analyze/types';
import { maskSensitive } from './redact';
import { personMarkdown } from './markdown';
import { MAX_DESCRIPTION, MAX_NAME } from '../skill/validate';

/** The host of a web address (`example.com`), or the address itself if it cannot be read. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
}

export function slugify(text: string, max = MAX_NAME): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/claude|anthropic/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '');
}

/** An input of the skill: the value recorded in a step, and the name the person gave it. */
export interface SkillInput {
  name: string;
  value: string;
}

/** The skill's inputs: each step value the person made an input. */
export function skillInputs(steps: readonly AnalyzedStep[]): SkillInput[] {
  return steps.flatMap((step) => (step.parameter && step.value ? [{ name: step.parameter, value: step.value }] : []));
}

/**
 * `text` with every recorded value that is an input written as `{{name}}`, wherever it
 * appears (a step's text, a person's edit, text seen on screen, the check): the skill
 * must not keep one run's values. Longer values first, so one that contains another wins.
 */
export function withInputs(text: string, inputs: readonly SkillInput[]): string {
  let out = text;
  for (const { name, value } of [...inputs].sort((a, b) => b.value.length - a.value.length)) {
    if (value.trim().length >= 2) out = out.split(value).join(`{{${name}}}`);
  }
  return out;
}

/** A step's generated text as exported: recorded values that are inputs become `{{name}}`, secrets are masked. */
function exportParts(step: AnalyzedStep, inputs: readonly SkillInput[]): TextPart[] {
  return step.text.map((part) =>
    part.style === 'code' && step.parameter && part.text === step.value
      ? { ...part, text: `{{${step.parameter}}}` }
      : { ...part, text: maskSensitive(part.page ? part.text : withInputs(part.text, inputs)) },
  );
}

/** A step as written in exports: the person's words, or the generated ones; inputs by name. */
export function stepMarkdown(step: AnalyzedStep, inputs: readonly SkillInput[] = skillInputs([step])): string {
  if (step.editedText !== undefined) {
    return personMarkdown(maskSensitive(withInputs(step.editedText.trim(), inputs)));
  }
  return toMarkdown(exportParts(step, inputs));
}

export function stepPlainText(step: AnalyzedStep): string {
  if (step.editedText !== undefined) return maskSensitive(step.editedText.replace(/[*_`]/g, '').trim());
  return toPlainText(exportParts(step, skillInputs([step])));
}

/**
 * The skill's first name: the recording's title where a person chose it (an imported
 * file's or session's name), else the app and the first step's label. The app is the
 * start page's own title where events name it, else the first screen's largest text,
 * which is often a control or a caption on a screen without a heading.
 */
export function defaultDraft(analysis: Analysis, recordingTitle: string): SkillDraft {
  const given = chosenTitle(recordingTitle);
  const pageTitle = analysis.start?.title;
  const app = pageTitle && pageTitle.length <= MAX_APP_TITLE ? pageTitle : analysis.appName;
  const first = analysis.steps.find((step) => step.label)?.label;
  const name =
    slugify(given ?? '') || slugify(`${app ?? ''} ${first ?? ''}`) || slugify(recordingTitle) || 'recorded-workflow';
  return { name, description: givenDescription(analysis) ?? defaultDescription(analysis) };
}

/** A page title longer than this is more than a name ("Inbox (3) - someone@… - Mail"). */
const MAX_APP_TITLE = 40;

/** Words recorders and this app put in the titles they make up; never a workflow's name. */
const MADE_UP_WORDS = new Set(
  (
    'screen recording recorded record capture screencast cast video movie clip untitled img vid mov obs kazam ' +
    'simplescreenrecorder peek imported import session pack new copy final export output at am pm ' +
    'jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august september ' +
    'october november december mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday'
  ).split(' '),
);

/** A date or a time of day, as recorders stamp them into file names. */
const STAMP = /\d{1,4}[-./]\d{1,2}[-./]\d{1,4}|\b\d{1,2}[:.h]\d{2}\b/;

/**
 * `title` where a person chose it: not stamped with a date or time, and with a word of
 * three letters or more that no recorder makes up ("expense-report-demo", not
 * "Screen Recording 2026-12-05 at 10.32.11", "Recording 5 Dec 2026, 10:32" or "IMG_0042").
 */
export function chosenTitle(title: string): string | undefined {
  if (STAMP.test(title)) return undefined;
  const words = title.toLowerCase().split(/[^\p{L}]+/u);
  return words.some((word) => word.length >= 3 && !MADE_UP_WORDS.has(word)) ? title.trim() : undefined;
}

/** The description a recording came with, made fit for frontmatter; none if nothing is left of it. */
function givenDescription(analysis: Analysis): string | undefined {
  const text = maskSensitive(analysis.givenDescription ?? '')
    .replace(/[<>]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return undefined;
  // A skill's description also says when to use it (DESIGN §5); a session's seldom does.
  const sentence = /[.!?]$/.test(text) ? text : `${text}.`;
  const withWhen = /\buse (it )?when\b/i.test(text) ? sentence : `${sentence} Use when asked to do this task again.`;
  return withWhen.length <= MAX_DESCRIPTION ? withWhen : `${withWhen.slice(0, MAX_DESCRIPTION - 1)}…`;
}

/** claude.ai's upload form takes at most this many characters (DESIGN §5), whatever the spec allows. */
export const UPLOAD_DESCRIPTION_LIMIT = 200;

/**
 * One short sentence of what the workflow does and when to use it, within the
 * upload limit: its first and last step when they fit, never a run of screen text.
 */
function defaultDescription(analysis: Analysis): string {
  // Where, by the start page's host: the first screen's largest text may be a page heading, not the app.
  const host = analysis.start ? hostOf(analysis.start.url).replace(/[<>]/g, '') : '';
  const app = host ? ` on ${host}` : '';
  const texts = analysis.steps.map((step) => stepPlainText(step).replace(/[<>"]/g, ''));
  const count = texts.length;
  const when = 'Use when asked to do this task again.';
  const plain = `Repeats a recorded ${count}-step workflow${app}. ${when}`;
  // A step text longer than this is likely screen text read as typing: it never goes in.
  const short = (text: string | undefined) => (text && text.length <= 60 ? text : undefined);
  const [first, last] = [short(texts[0]), short(texts.at(-1))];
  const span = first && last && count > 1 ? `, from "${first}" to "${last}"` : first ? `: "${first}"` : '';
  const full = `Repeats a recorded ${count}-step workflow${app}${span}. ${when}`;
  return full.length <= UPLOAD_DESCRIPTION_LIMIT ? full : plain.slice(0, UPLOAD_DESCRIPTION_LIMIT);
}

/** Words in a step's label that mean it cannot be undone or reaches someone else. */
const RISKY = /\b(delete|remove|erase|submit|send|pay|purchase|buy|order|transfer|publish|confirm|close account)\b/i;

export interface StepNotes {
  risky: boolean;
  confidence: 'high' | 'medium' | 'low';
  /** Said beside the step in review and in the reference. */
  warnings: string[];
}

/** A typed value that looks specific to this one run (a date, an email, a path, a number). */
/** Words on the screen after a step that say it could not be taken back. */
const DONE =
  /\b(submitted|sent|deleted|removed|paid|published|ordered|purchased|transferred|payment (was )?(made|received))\b/i;

const HARD_CODED = /\d|@|[\\/]|\.(pdf|docx?|xlsx?|csv|png|jpe?g|txt)$/i;

/** The lines read after a step that were not there before it: what the step made appear. */
export function appearedAfter(step: AnalyzedStep): string[] {
  const before = new Set((step.ocr?.before ?? []).map((line) => line.text));
  return (step.ocr?.after ?? []).filter((line) => !before.has(line.text)).map((line) => line.text);
}

/**
 * What a step left on screen in terms that hold for any run: the lines that appeared
 * after it with inputs named, leaving out what one run alone shows (short or misread
 * bits, reference numbers), at most three. The SKILL.md check and the replay's.
 */
export function lastingText(step: AnalyzedStep, inputs: readonly SkillInput[]): string[] {
  return appearedAfter(step)
    .map((text) => withInputs(text, inputs))
    .filter((text) => (text.match(/\p{L}/gu) ?? []).length >= 4 && !/\b[A-Z]*\d[\dA-Z-]{3,}\b/.test(text))
    .slice(0, 3);
}

/** What named a step's control on the screen, as the review says it ("label read from the screen: …"). */
export const SEEN: Record<LabelBasis, string> = {
  point: 'the text where the click was',
  mark: 'a mark the click drew on it (an arrow, a border)',
  tick: 'a box beside it was ticked',
  menu: 'the item the closed menu now shows',
  title: 'the new page is titled by it',
  changed: 'its own pixels changed',
  stayed: 'it stayed while the rest changed',
  gone: 'text there before that is gone now, as a placeholder typed over',
  nearby: 'only the text nearest the change',
};

export function stepNotes(step: AnalyzedStep): StepNotes {
  const warnings: string[] = [];
  const label = step.label ?? '';
  // Risky by what it acts on, or by what the screen said after it ("Request submitted").
  // A field's, a box's or a list's label says what it holds, not what it does: typing into
  // "Order number" or ticking "Buy milk" on a to-do list is not an order. What is pressed can be.
  const acts = step.kind === 'click' || step.kind === 'key' || step.kind === 'visual';
  const risky =
    (acts && RISKY.test(label)) ||
    RISKY.test(step.editedText ?? '') ||
    appearedAfter(step).some((text) => DONE.test(text));
  if (risky) warnings.push('Cannot be undone or reaches others: the skill asks for confirmation first.');
  let confidence: StepNotes['confidence'] = 'high';
  if (step.labelSource !== 'page') {
    const lines = [...(step.ocr?.before ?? []), ...(step.ocr?.after ?? [])].filter(
      (l) => label && l.text.includes(label),
    );
    const best = Math.max(0, ...lines.map((l) => l.confidence));
    confidence = !label || step.seen === 'nearby' ? 'low' : best >= 80 ? 'medium' : 'low';
  }
  if (label && step.seen === 'nearby' && step.editedText === undefined) {
    warnings.push('Named only by the text nearest the change, a guess: check the screenshot and edit the text.');
  }
  if (step.cloud && !step.cloud.seen) {
    confidence = 'low';
    warnings.push(
      `The model named "${maskSensitive(step.cloud.target)}", which was not read on this step's screenshots: check it.`,
    );
  }
  if (!label && !step.cloud && step.kind !== 'key' && step.kind !== 'scroll' && step.editedText === undefined) {
    warnings.push('Nothing names what was acted on: check the screenshot and edit the text.');
  }
  // (Not once the person's own words no longer hold the value.)
  const stillSaid = step.editedText === undefined || step.editedText.includes(step.value ?? '');
  if (step.value && !step.parameter && HARD_CODED.test(step.value) && stillSaid) {
    warnings.push(`"${maskSensitive(step.value)}" looks specific to this run: consider making it an input.`);
  }
  return { risky, confidence, warnings };
}
