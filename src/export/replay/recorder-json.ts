/**
 * The replay plan as a Chrome DevTools Recorder recording (the `@puppeteer/replay`
 * schema), so a person can import it into Chrome's Recorder panel and watch it run:
 * `navigate`, `click`, `change`, `keyDown`/`keyUp`, each with its selectors as lists
 * of alternatives. Inputs take their recorded values; secrets stay empty (the
 * Recorder has no inputs), so a password is never written.
 */
import type { ReplayPlan, ReplayStep, ReplayValue } from './plan';

/** Where in the element a click lands (the Recorder requires an offset); near its top-left corner. */
const OFFSET = 5;

export type RecorderStep = Record<string, unknown> & { type: string };

export interface RecorderRecording {
  title: string;
  steps: RecorderStep[];
}

export function recorderRecording(plan: ReplayPlan, title: string): RecorderRecording {
  const defaults = new Map(plan.inputs.map((input) => [input.name, input.required ? '' : (input.default ?? '')]));
  const valueOf = (value: ReplayValue | undefined) =>
    value === undefined ? '' : 'text' in value ? value.text : (defaults.get(value.input) ?? '');
  const steps: RecorderStep[] = [];
  if (plan.startUrl) {
    steps.push({ type: 'navigate', url: plan.startUrl, assertedEvents: [{ type: 'navigation', url: plan.startUrl }] });
  }
  for (const step of plan.steps) steps.push(...recorderSteps(step, valueOf(step.value)));
  return { title, steps };
}

function recorderSteps(step: ReplayStep, value: string): RecorderStep[] {
  const selectors = step.selectors;
  switch (step.action) {
    case 'click':
    case 'check':
    case 'uncheck':
      return [{ type: 'click', selectors, offsetX: OFFSET, offsetY: OFFSET }];
    case 'dblclick':
      return [{ type: 'doubleClick', selectors, offsetX: OFFSET, offsetY: OFFSET }];
    case 'fill':
      return [{ type: 'change', selectors, value }, ...(step.key ? keys(step.key) : [])];
    case 'select':
      // The Recorder sets a select's value: the option's, where its text is known.
      return [{ type: 'change', selectors, value: step.options?.find((o) => o.label === value)?.value ?? value }];
    case 'press':
      return step.key ? keys(step.key) : [];
    default:
      return step.action satisfies never;
  }
}

/** "Control+S, Enter" as key presses: modifiers held down around the key. */
function keys(combos: string): RecorderStep[] {
  return combos.split(', ').flatMap((combo) => {
    const parts = combo.split('+').filter(Boolean);
    const downs = parts.map((key) => ({ type: 'keyDown', key }));
    const ups = [...parts].reverse().map((key) => ({ type: 'keyUp', key }));
    return [...downs, ...ups];
  });
}
