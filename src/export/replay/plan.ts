/**
 * What a skill's replay script does, as data: the start page, the inputs (with
 * the recorded values as defaults, secrets required), and each step's action
 * with the ways to find its element (role and accessible name first, then the
 * recorded selectors), and the text the last screen showed. Made only from
 * steps that page events described: a step seen only as pixels has nothing a
 * script could find again, so such a skill gets no script (and says why).
 */
import type { Analysis, AnalyzedStep, SkillDraft } from '../../analyze/types';
import { sectionedSteps } from '../../analyze/context';
import { lastingText, skillInputs, stepPlainText, type SkillInput } from '../../compose/draft';
import { isSensitive, maskSensitive } from '../../compose/redact';
import { parameterName } from '../../review/edits';

export type ReplayAction = 'click' | 'dblclick' | 'fill' | 'select' | 'check' | 'uncheck' | 'press';

/** A value as the script uses it: written in, or an input's (by name). */
export type ReplayValue = { text: string } | { input: string };

export interface ReplayStep {
  /** The step's number in SKILL.md (merged steps share it). */
  number: number;
  /** The step as SKILL.md says it, in plain words, for the script's log. */
  says: string;
  action: ReplayAction;
  /** How to find the element: its ARIA role and accessible name. */
  role?: string;
  name?: string;
  /** The text of its row, when its name is shared by others ("Expand" beside "array"). */
  context?: string;
  /** Fallbacks, Chrome Recorder style: each a list of selectors from the document into shadow roots. */
  selectors: string[][];
  value?: ReplayValue;
  /** `select`: its options as shown and their values, where the page said them. */
  options?: { label: string; value: string }[];
  /** `press`: the keys, in order (Playwright names, `, ` between: `Control+S`, `Tab, Enter`); `fill`: a key pressed after it. */
  key?: string;
}

export interface ReplayInput {
  name: string;
  /** Where it is typed, for `--help`. */
  label?: string;
  /** The recorded value, used when the option is not given; none for secrets. */
  default?: string;
  /** A password or a value redacted in the recording: the option must be given. */
  required: boolean;
}

export interface ReplayPlan {
  startUrl?: string;
  inputs: ReplayInput[];
  steps: ReplayStep[];
  /** Text the last screen showed after the workflow (inputs as `{{name}}`): checked at the end. */
  expect: string[];
}

export type PlanResult = { plan: ReplayPlan } | { plan: null; reason: string };

/** Steps with nothing to do in a replay: a screen change, a scroll (elements are scrolled to when used). */
const PASSIVE = new Set<AnalyzedStep['kind']>(['visual', 'scroll']);

export function replayPlan(analysis: Analysis, draft: SkillDraft): PlanResult {
  const steps = sectionedSteps(analysis);
  if (!steps.some((step) => step.target)) {
    return {
      plan: null,
      reason:
        'This recording has no page events (it was seen only as pixels), so nothing tells a script how to find each control again.',
    };
  }
  const inputs = skillInputs(steps);
  const secrets = new Map<string, ReplayInput>();
  const out: ReplayStep[] = [];
  for (const [index, step] of steps.entries()) {
    for (const part of [step, ...(step.then ?? [])]) {
      if (PASSIVE.has(part.kind)) continue;
      const made = replayStep(part, index + 1, inputs, secrets);
      if ('problem' in made) return { plan: null, reason: made.problem };
      out.push(made);
    }
  }
  const start = draft.startUrl?.trim() || analysis.start?.url;
  const plan: ReplayPlan = {
    ...(start && /^https?:\/\//i.test(start) ? { startUrl: start } : {}),
    inputs: [
      ...inputs.map((input) => ({
        name: input.name,
        ...labelOf(steps, input),
        default: input.value,
        required: false,
      })),
      ...secrets.values(),
    ],
    steps: out,
    expect: finalCheck(steps.at(-1), inputs),
  };
  return { plan };
}

/** OCR confidence a line needs to be checked by a replay: a misread line would fail a run that worked. */
const CHECK_CONFIDENCE = 85;

/**
 * What the last screen should show after a replay: the lasting text the last step made
 * appear (as SKILL.md's check), only lines read clearly (confident, no stray brackets
 * or bars, which OCR makes of edges), never a sensitive one.
 */
function finalCheck(step: AnalyzedStep | undefined, inputs: readonly SkillInput[]): string[] {
  if (!step?.ocr) return [];
  const clear = step.ocr.after.filter((line) => line.confidence >= CHECK_CONFIDENCE && !/[[\]{}|]/.test(line.text));
  return lastingText({ ...step, ocr: { before: step.ocr.before, after: clear } }, inputs).filter(
    (text) => !isSensitive(text),
  );
}

function labelOf(steps: readonly AnalyzedStep[], input: SkillInput): { label?: string } {
  const label = steps.find((step) => step.parameter === input.name)?.label;
  return label ? { label: maskSensitive(label) } : {};
}

function replayStep(
  step: AnalyzedStep,
  number: number,
  inputs: readonly SkillInput[],
  secrets: Map<string, ReplayInput>,
): ReplayStep | { problem: string } {
  const target = step.target;
  const says = stepPlainText(step);
  if (step.kind === 'key' && !target?.selectors?.length) {
    return { number, says, action: 'press', selectors: [], key: playwrightKey(step.key ?? '') };
  }
  if (!target?.selectors?.length) {
    return {
      problem: `Step ${number} ("${says}") was seen only as pixels: no page event says which element it acted on.`,
    };
  }
  const found = {
    ...(target.role ? { role: target.role } : {}),
    ...(target.name ? { name: target.name } : {}),
    ...(target.context ? { context: target.context } : {}),
    selectors: target.selectors,
  };
  switch (step.kind) {
    case 'click':
      return { number, says, action: step.facts.double ? 'dblclick' : 'click', ...found };
    case 'toggle':
      return { number, says, action: step.value === 'unchecked' ? 'uncheck' : 'check', ...found };
    case 'choose': {
      const values = target.optionValues ?? [];
      const options = (target.options ?? []).flatMap((label, i) =>
        values[i] !== undefined ? [{ label, value: values[i]! }] : [],
      );
      return {
        number,
        says,
        action: 'select',
        ...found,
        value: valueOf(step, inputs, secrets),
        ...(options.length > 0 ? { options } : {}),
      };
    }
    case 'type':
      return {
        number,
        says,
        action: 'fill',
        ...found,
        value: valueOf(step, inputs, secrets),
        ...(step.facts.thenKey ? { key: playwrightKey(step.facts.thenKey) } : {}),
      };
    case 'key':
      return { number, says, action: 'press', ...found, key: playwrightKey(step.key ?? '') };
    default:
      return { problem: `Step ${number} ("${says}") is not an action a script can repeat.` };
  }
}

/**
 * A step's value in the script: its input by name; for a secret (a password, a value
 * redacted when recorded, anything that looks like a key) a required input, never the value.
 */
function valueOf(step: AnalyzedStep, inputs: readonly SkillInput[], secrets: Map<string, ReplayInput>): ReplayValue {
  if (step.parameter) return { input: step.parameter };
  const value = step.value ?? '';
  if (step.redacted || isSensitive(value)) {
    const base = parameterName(step.label ?? 'secret');
    let name = base;
    for (
      let n = 2;
      inputs.some((i) => i.name === name) || (secrets.has(name) && secrets.get(name)!.label !== step.label);
      n++
    )
      name = `${base}_${n}`;
    secrets.set(name, { name, ...(step.label ? { label: step.label } : {}), required: true });
    return { input: name };
  }
  return { text: value };
}

/** "Ctrl+S" → "Control+S": Playwright's names for modifier keys. */
export function playwrightKey(key: string): string {
  return key
    .replace(/\bCtrl\b/g, 'Control')
    .replace(/\bCmd\b/g, 'Meta')
    .replace(/\bEsc\b/g, 'Escape');
}
