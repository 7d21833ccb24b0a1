/**
 * The words of a step, from what is known about it: its kind, the typed value
 * or key, and the label of what was acted on (from the page or from OCR).
 * Deterministic, and structured (plain / strong / code parts) so that the UI
 * renders it without HTML and the exporters write it as Markdown.
 */
import type { StepKind } from '../analyze/segment/steps';
import { markdownCode, markdownStrong, markdownText, type TextPart } from './markdown';
import { pickerWord, roleWord, type ControlFacts } from './control';

export type { TextPart } from './markdown';

export interface StepFacts {
  kind: StepKind;
  label?: string | undefined;
  value?: string | undefined;
  redacted?: boolean | undefined;
  key?: string | undefined;
  /** A click that was a double click. */
  double?: boolean | undefined;
  /** Where the control is when its name is shared by others (its row's text). */
  context?: string | undefined;
  /** Typing: the key pressed right after it to submit it (Enter). */
  thenKey?: string | undefined;
  /** Typing: it replaced the field's text (selected first). */
  replaces?: boolean | undefined;
  scrollDelta?: { x: number; y: number } | undefined;
  /** Text that appeared in the region during a change seen only as pixels. */
  appeared?: string | undefined;
  /** How long the change took, ms: typing takes a while, a click's result appears at once. */
  durationMs?: number | undefined;
  /** The caption model's words for the screen after the step. */
  caption?: string | undefined;
  /** What kind of control it acts on, when known (a date field, a dropdown, a button). */
  control?: ControlFacts | undefined;
}

/** At least this much new text (letters, digits, signs): a window's or a panel's worth, not a field's. */
const AT_ONCE_MANY_CHARS = 60;

/**
 * Whether a change brought much text (`AT_ONCE_MANY_CHARS`) faster than a person types: a
 * window, a panel or a page that opened, whatever part of it is read as a field's value.
 */
export function cameAtOnce(appeared: string | undefined, durationMs: number | undefined): boolean {
  return (
    appeared !== undefined &&
    appeared.replace(/\s/g, '').length >= AT_ONCE_MANY_CHARS &&
    !readsAsTyping(appeared, Math.max(durationMs ?? 0, TYPING_MIN_MS))
  );
}

/** A change seen only as pixels that lasted this long and left new text reads as typing. */
const TYPING_MIN_MS = 400;
/**
 * Faster than a person types (about 10 characters a second; 30 is a typist's burst): this
 * much text that appeared at this rate came at once, a window or a panel opening.
 */
const TYPING_MAX_PER_S = 30;
const AT_ONCE_MIN_CHARS = 20;

/** Whether a change seen only as pixels reads as typing: new text, that took a while to come, at a typist's rate. */
export function readsAsTyping(appeared: string | undefined, durationMs: number | undefined): appeared is string {
  if (!appeared || (durationMs ?? 0) < TYPING_MIN_MS) return false;
  const chars = appeared.replace(/\s/g, '').length;
  return chars < AT_ONCE_MIN_CHARS || chars / ((durationMs ?? 0) / 1000) <= TYPING_MAX_PER_S;
}

const plain = (text: string): TextPart => ({ text });
const strong = (text: string): TextPart => ({ text, style: 'strong' });
const code = (text: string): TextPart => ({ text, style: 'code' });

export function stepText(facts: StepFacts): TextPart[] {
  const { label } = facts;
  switch (facts.kind) {
    case 'click': {
      const verb = facts.double ? 'Double-click' : 'Click';
      if (!label) return [plain(`${verb} the marked area`)];
      const role = roleWord(facts.control);
      const what = role
        ? [plain(`${verb} the `), strong(label), plain(` ${role}`)]
        : [plain(`${verb} `), strong(label)];
      return facts.context ? [...what, plain(' beside '), strong(facts.context)] : what;
    }
    case 'type':
      return [
        ...typeText(facts.redacted ? undefined : facts.value, label, facts.redacted),
        ...formatNote(facts.control, facts.value),
        ...(facts.replaces && label ? [plain(' (replacing its text)')] : []),
        ...(facts.thenKey ? [plain(', then press '), strong(facts.thenKey)] : []),
      ];
    case 'choose':
      return [
        ...(label && facts.value
          ? [plain('Choose '), strong(facts.value), plain(' in '), strong(label)]
          : [plain('Choose '), strong(facts.value ?? label ?? 'an option')]),
        ...optionsNote(facts.control),
      ];
    case 'toggle':
      if (facts.control?.type === 'radio') return [plain('Select the '), strong(label ?? 'marked'), plain(' option')];
      if (facts.control?.type === 'checkbox' && label)
        return [plain(facts.value === 'unchecked' ? 'Uncheck the ' : 'Check the '), strong(label), plain(' checkbox')];
      return [plain(facts.value === 'unchecked' ? 'Uncheck ' : 'Check '), strong(label ?? 'the marked box')];
    case 'scroll': {
      const direction = (facts.scrollDelta?.y ?? 1) < 0 ? 'up' : 'down';
      return label ? [plain(`Scroll ${direction} to `), strong(label)] : [plain(`Scroll ${direction}`)];
    }
    case 'key':
      return [plain('Press '), strong(facts.key ?? 'the key')];
    case 'visual':
      if (readsAsTyping(facts.appeared, facts.durationMs))
        return [
          ...typeText(facts.appeared, label, false),
          ...(facts.thenKey ? [plain(', then press '), strong(facts.thenKey)] : []),
        ];
      if (label) return [plain('Click '), strong(label)];
      // Nothing names what changed: the caption is the only description there is.
      return facts.caption
        ? [plain('Wait for the screen to change: '), plain(asClause(facts.caption))]
        : [plain('Wait for the screen to change')];
    default:
      return facts.kind satisfies never;
  }
}

/** " (a date field, yyyy-mm-dd)", " (format mm/dd/yyyy)": how the value must be written. */
function formatNote(control: ControlFacts | undefined, value?: string): TextPart[] {
  const picker = pickerWord(control);
  if (picker && control?.format) return [plain(` (a ${picker} field, ${control.format})`)];
  // What the page shows is said as it is, even where it equals a value made an input.
  if (!control?.format) return [];
  // "e.g. 42.00" is an example of what to type, not a format.
  const example = /^(e\.g\.|eg\b|ex\.|example:?|for example:?)\s*/i;
  const shown = control.format.replace(example, '');
  // An example the value repeats says nothing more (and would keep one run's value in the text).
  if (example.test(control.format) && shown === value) return [];
  return example.test(control.format)
    ? [{ text: ` (for example ${shown})`, page: true }]
    : [{ text: ` (format ${control.format})`, page: true }];
}

/** " (a dropdown: Meals, Travel, Office)": what else it offers, as seen on the page. */
function optionsNote(control: ControlFacts | undefined): TextPart[] {
  const options = control?.options;
  if (!control || !options?.length) return [];
  return control.optionCount
    ? [{ text: ` (a dropdown of ${control.optionCount} options: ${options.join(', ')}, …)`, page: true }]
    : [{ text: ` (a dropdown: ${options.join(', ')})`, page: true }];
}

/** "A login form." → "a login form": a caption read as the end of a sentence. */
function asClause(caption: string): string {
  const text = caption.trim().replace(/[.\s]+$/, '');
  return /^[A-Z](?![A-Z])/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function typeText(value: string | undefined, label: string | undefined, redacted: boolean | undefined): TextPart[] {
  const what = redacted ? [plain('the secret value')] : value ? [code(value)] : [plain('the text')];
  return label ? [plain('Type '), ...what, plain(' into '), strong(label)] : [plain('Type '), ...what];
}

/** Markdown for exports: labels in bold, typed text in code spans, screen text escaped. */
export function toMarkdown(parts: TextPart[]): string {
  return parts
    .map((part) =>
      part.style === 'code'
        ? markdownCode(part.text)
        : part.style === 'strong'
          ? markdownStrong(part.text)
          : markdownText(part.text),
    )
    .join('');
}

export function toPlainText(parts: TextPart[]): string {
  return parts.map((p) => p.text).join('');
}
