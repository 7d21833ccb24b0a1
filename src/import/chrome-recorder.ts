/**
 * A Chrome DevTools Recorder recording (the JSON its panel exports, the
 * `@puppeteer/replay` schema) as page events of a recording: `navigate` names the
 * start page, `click`/`doubleClick` and `change` act on an element described by
 * its selectors (its name from an `aria/` selector, else its `text/`), `keyDown`
 * presses keys. Steps with nothing to show (viewport, waits, hovers, scrolls) are
 * passed over. It has no screenshots: the steps are words until the person
 * records the run once more. A file that is not such a recording is refused
 * whole, naming the step and the problem.
 */
import type { NewEvent, TargetDescriptor } from '../capture/events';
import { keyCombo } from '../capture/dom-events';
import { isRecord } from '../shared/records';

export class RecorderImportError extends Error {}

/** Each step this far apart on the recording's clock (the Recorder keeps no times). */
const STEP_MS = 1000;

/** Recorder steps with no action a person sees: kept out of the steps. */
const PASSED_OVER = new Set([
  'setViewport',
  'waitForElement',
  'waitForExpression',
  'hover',
  'scroll',
  'close',
  'emulateNetworkConditions',
  'customStep',
]);

const MODIFIERS: Record<string, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'> = {
  Control: 'ctrlKey',
  Meta: 'metaKey',
  Alt: 'altKey',
  Shift: 'shiftKey',
};

export interface RecorderImport {
  title: string;
  events: NewEvent[];
  /** How many of its steps became events, and how many were passed over. */
  used: number;
  skipped: number;
}

export function parseRecorderRecording(text: string, fileName: string): RecorderImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RecorderImportError(`${fileName} is not JSON (${(error as Error).message})`);
  }
  if (!isRecord(data) || !Array.isArray(data['steps'])) {
    throw new RecorderImportError(
      `${fileName} is not a Chrome Recorder recording: it needs a "steps" list (export one from the Recorder panel as JSON)`,
    );
  }
  const title = typeof data['title'] === 'string' && data['title'].trim() ? data['title'].trim() : fileName;
  const events: NewEvent[] = [];
  const held = { ctrlKey: false, metaKey: false, altKey: false, shiftKey: false };
  let skipped = 0;
  const steps = data['steps'] as unknown[];
  for (const [index, step] of steps.entries()) {
    const at = `Step ${index + 1}`;
    if (!isRecord(step) || typeof step['type'] !== 'string') {
      throw new RecorderImportError(`${at} has no "type"`);
    }
    const type = step['type'];
    const t = events.length * STEP_MS;
    switch (type) {
      case 'navigate': {
        const url = step['url'];
        if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) {
          throw new RecorderImportError(`${at} (navigate) needs a "url" starting with http:// or https://`);
        }
        const asserted = Array.isArray(step['assertedEvents']) ? step['assertedEvents'] : [];
        const title = asserted.map((e) => (isRecord(e) ? e['title'] : undefined)).find((v) => typeof v === 'string');
        events.push({ t, type: 'navigate', source: 'page', url, ...(title ? { title: title as string } : {}) });
        break;
      }
      case 'click':
      case 'doubleClick': {
        const target = targetOf(step, `${at} (${type})`);
        events.push({
          t,
          type: 'click',
          source: 'page',
          target,
          button: 0,
          ...(type === 'doubleClick' ? { clickCount: 2 } : {}),
        });
        break;
      }
      case 'change': {
        const target = targetOf(step, `${at} (change)`);
        const value = step['value'];
        if (typeof value !== 'string') throw new RecorderImportError(`${at} (change) needs a "value" that is text`);
        events.push({ t, type: 'input', source: 'page', target, value });
        break;
      }
      case 'keyDown':
      case 'keyUp': {
        const key = step['key'];
        if (typeof key !== 'string' || !key) throw new RecorderImportError(`${at} (${type}) needs a "key"`);
        const modifier = MODIFIERS[key];
        if (modifier) held[modifier] = type === 'keyDown';
        else if (type === 'keyDown') events.push({ t, type: 'key', source: 'page', key: keyCombo({ key, ...held }) });
        break;
      }
      default:
        if (!PASSED_OVER.has(type)) {
          throw new RecorderImportError(
            `${at} has a type this app does not know: ${JSON.stringify(type.slice(0, 40))}`,
          );
        }
        skipped++;
    }
  }
  if (!events.some((event) => event.type !== 'navigate')) {
    throw new RecorderImportError(`${fileName} has no clicks, changes or key presses to make steps of`);
  }
  return { title, events, used: steps.length - skipped, skipped };
}

/**
 * The element a step acts on, from its selectors: a list of alternatives, each a
 * selector or a list of them (one per shadow root or frame). Its name and role come
 * from an `aria/Name[role="x"]` selector, its text from a `text/` one.
 */
function targetOf(step: Record<string, unknown>, at: string): TargetDescriptor {
  const raw = step['selectors'];
  if (!Array.isArray(raw) || raw.length === 0) throw new RecorderImportError(`${at} has no "selectors"`);
  const selectors = raw.map((alternative, i) => {
    const parts = typeof alternative === 'string' ? [alternative] : alternative;
    if (!Array.isArray(parts) || parts.length === 0 || !parts.every((p) => typeof p === 'string' && p)) {
      throw new RecorderImportError(`${at}: selector ${i + 1} is not a selector or a list of them`);
    }
    return parts as string[];
  });
  const target: TargetDescriptor = { selectors };
  const aria = selectors.find((s) => s.length === 1 && s[0]!.startsWith('aria/'))?.[0];
  const match = aria ? /^aria\/(.*?)(?:\[role="([^"]+)"\])?$/.exec(aria) : null;
  if (match?.[1]) target.name = match[1];
  if (match?.[2]) target.role = match[2];
  const text = selectors.find((s) => s.length === 1 && s[0]!.startsWith('text/'))?.[0];
  if (text) target.text = text.slice(5);
  const css = selectors.find((s) => s.length === 1 && !/^(aria|text|xpath|pierce)\//.test(s[0]!))?.[0];
  if (css) {
    target.selector = css;
    // A select chosen from: a `change` on it is a choice, not typing.
    if (/(^|[\s>])select\b/i.test(css) || target.role === 'combobox' || target.role === 'listbox')
      target.tag = 'select';
  }
  return target;
}
