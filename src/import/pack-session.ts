/**
 * Sessions recorded by pack: `events.jsonl` (one event per line, written by
 * Python as a dict literal or as JSON) and `screenshots/`. Two layouts exist:
 * - earlier pack: string timestamps (`2025-07-17_10-06-48-566158`),
 *   `keyboard_press`, `cursor_pos` and `monitor`, and each event names the
 *   screenshot taken with it (`screenshot_path`);
 * - later pack: timestamps in epoch seconds, `key_press`, the position in
 *   `details`, and the screenshots named in `aggregations.jsonl` (one burst
 *   start or end per line, with its `screenshot_path`).
 * Mouse down/up, key press/release and scroll become our events; the
 * screenshots become the key frames before and after each action. Moves and
 * polls carry no action and are dropped.
 */
import type { NewEvent } from '../capture/events';
import { parsePythonLiteral, type PyValue } from './python-literal';
import { isRecord } from '../shared/records';

/** Typing's end where it was more than one key: its last key's time. */
export const endOf = (typed: { t: number; endT: number }) => (typed.endT > typed.t ? { endT: typed.endT } : {});

export interface PackEvent {
  /** ms since the epoch, from pack's `YYYY-MM-DD_HH-MM-SS-ffffff`. */
  at: number;
  type: string;
  key?: string;
  button?: string;
  scroll?: { x: number; y: number };
  /** Cursor position on the monitor that was captured. */
  x: number;
  y: number;
  /** The screenshot's file name, when one was taken. */
  screenshot?: string;
}

export class SessionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionError';
  }
}

const record = (value: PyValue | undefined): Record<string, PyValue> => (isRecord<PyValue>(value) ? value : {});

export function parsePackTimestamp(stamp: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})_(\d{2})-(\d{2})-(\d{2})-(\d{1,6})$/.exec(stamp);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const micros = Number(match[7]!.padEnd(6, '0'));
  return Date.UTC(year, month - 1, day, hour, minute, second) + Math.floor(micros / 1000);
}

/** Later pack's event names → the earlier ones this module maps. */
const EVENT_TYPES: Record<string, string> = { key_press: 'keyboard_press', key_release: 'keyboard_release' };

/** A pack timestamp in ms since the epoch: the earlier string form, or epoch seconds. */
function packTime(value: PyValue | undefined): number | null {
  if (typeof value === 'string') return parsePackTimestamp(value);
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return Math.round(value * 1000);
  return null;
}

const fileNameOf = (path: string) => path.split(/[\\/]/).pop()!;
/** A coordinate as a number, 0 where the log has none or something else (NaN would reach every step it touches). */
export const coordinate = (value: unknown) => {
  const n = Number(value ?? 0);
  return Number.isFinite(n) ? n : 0;
};

/** The non-empty lines of a `.jsonl` (JSON or Python dict literals), read; one that cannot be read names its number. */
function* jsonlLines(
  text: string,
  fileName: string,
  what: string,
): Generator<{ item: Record<string, PyValue>; lineNumber: number }> {
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    let raw: PyValue;
    try {
      raw = parsePythonLiteral(line);
    } catch (error) {
      throw new SessionError(`${fileName} line ${index + 1} is not ${what} (${(error as Error).message})`);
    }
    yield { item: record(raw), lineNumber: index + 1 };
  }
}

/** A screenshot on the session's clock. */
export interface PackShot {
  at: number;
  screenshot: string;
}

/**
 * The screenshots `aggregations.jsonl` names (later pack), in time order: each
 * burst start or end with a `screenshot_path`, at the screenshot's own time
 * where given. Lines without a screenshot are skipped; a line that is not an
 * object names its number.
 */
export function parsePackAggregations(text: string, fileName = 'aggregations.jsonl'): PackShot[] {
  const shots: PackShot[] = [];
  for (const { item } of jsonlLines(text, fileName, 'an aggregation')) {
    const path = item['screenshot_path'];
    const at = packTime(item['screenshot_timestamp']) ?? packTime(item['timestamp']);
    if (typeof path !== 'string' || path === '' || at === null) continue;
    shots.push({ at, screenshot: fileNameOf(path) });
  }
  return shots.sort((a, b) => a.at - b.at);
}

/** The events of an `events.jsonl`, in time order; a line that is not an event names its number. */
export function parsePackEvents(text: string, fileName = 'events.jsonl'): PackEvent[] {
  const events: PackEvent[] = [];
  for (const { item, lineNumber } of jsonlLines(text, fileName, 'an event')) {
    const at = packTime(item['timestamp']);
    if (at === null || typeof item['event_type'] !== 'string') {
      throw new SessionError(`${fileName} line ${lineNumber} has no "timestamp" and "event_type"`);
    }
    const details = record(item['details']);
    const monitor = record(item['monitor']);
    // Earlier pack: `cursor_pos` on the desktop, less the monitor's corner. Later: `x`, `y` in details.
    const cursor = Array.isArray(item['cursor_pos']) ? item['cursor_pos'] : [details['x'], details['y']];
    const event: PackEvent = {
      at,
      type: EVENT_TYPES[item['event_type']] ?? item['event_type'],
      x: coordinate(cursor[0]) - coordinate(monitor['left']),
      y: coordinate(cursor[1]) - coordinate(monitor['top']),
    };
    if (typeof details['key'] === 'string') event.key = details['key'];
    if (typeof details['button'] === 'string') event.button = details['button'];
    const scroll = Array.isArray(details['scroll']) ? details['scroll'] : [details['dx'], details['dy']];
    if (typeof scroll[0] === 'number' || typeof scroll[1] === 'number') {
      event.scroll = { x: coordinate(scroll[0]), y: coordinate(scroll[1]) };
    }
    if (typeof item['screenshot_path'] === 'string') event.screenshot = fileNameOf(item['screenshot_path']);
    events.push(event);
  }
  if (events.length === 0) throw new SessionError(`${fileName} holds no events`);
  return events.sort((a, b) => a.at - b.at);
}

// pynput's names, and the browser's (`KeyboardEvent.key`, lower-cased) that some loggers wrote.
const MODIFIERS: Record<string, string> = {
  cmd: 'Meta',
  meta: 'Meta',
  ctrl: 'Control',
  control: 'Control',
  alt: 'Alt',
  shift: 'Shift',
};
const NAMED: Record<string, string> = {
  enter: 'Enter',
  tab: 'Tab',
  esc: 'Escape',
  escape: 'Escape',
  arrowup: 'ArrowUp',
  arrowdown: 'ArrowDown',
  arrowleft: 'ArrowLeft',
  arrowright: 'ArrowRight',
  pageup: 'PageUp',
  pagedown: 'PageDown',
  backspace: 'Backspace',
  delete: 'Delete',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  home: 'Home',
  end: 'End',
  page_up: 'PageUp',
  page_down: 'PageDown',
  space: ' ',
};

/** pynput's key names: `Key.ctrl_l` → modifier Control; `Key.enter` → Enter; `a` → a. */
export function keyName(key: string): { modifier?: string; key?: string } {
  const match = /^Key\.([a-z_0-9]+)$/.exec(key);
  if (!match) return { key: key.replace(/^'(.*)'$/, '$1') };
  const name = match[1]!;
  const base = name.replace(/_[lr]$|_gr$/, '');
  if (MODIFIERS[base]) return { modifier: MODIFIERS[base] };
  return { key: NAMED[name] ?? name.charAt(0).toUpperCase() + name.slice(1) };
}

export interface FrameUse {
  /** The screenshot's file name. */
  file: string;
  t: number;
  role: 'before' | 'after';
}

export interface MappedSession {
  startedAt: number;
  durationMs: number;
  /** Our events, `t` in ms from the first event; frame ids are the screenshots' file names until stored. */
  events: NewEvent[];
  frames: FrameUse[];
}

/** Size of the area around a click that stands for what was clicked. */
const CLICK_BOX = 24;

/**
 * `extraShots`: screenshots named outside the events (later pack's
 * `aggregations.jsonl`); they join those the events name.
 */
export function mapPackSession(
  events: readonly PackEvent[],
  available: ReadonlySet<string>,
  extraShots: readonly PackShot[] = [],
): MappedSession {
  const startedAt = Math.min(events[0]!.at, extraShots[0]?.at ?? Infinity);
  const t = (event: { at: number }) => event.at - startedAt;
  const shots = [
    ...events.flatMap((e) => (e.screenshot ? [{ at: e.at, screenshot: e.screenshot }] : [])),
    ...extraShots,
  ]
    .filter((shot) => available.has(shot.screenshot))
    .sort((a, b) => a.at - b.at);
  const frames = new Map<string, FrameUse>();
  const use = (file: string, at: number, role: 'before' | 'after') => {
    if (!frames.has(file)) frames.set(file, { file, t: at, role });
    return file;
  };
  /** The screenshot at or just before `at`, and the first one after `after`. */
  const before = (at: number) => shots.filter((e) => e.at <= at).at(-1) ?? shots[0];
  const afterShot = (after: number) => shots.find((e) => e.at > after) ?? shots.at(-1);

  const out: NewEvent[] = [];
  const held = new Set<string>();
  let typed: { start: PackEvent; last: PackEvent; text: string } | null = null;
  const visual = (start: PackEvent, end: number, box?: NewEvent['box']) => {
    const b = before(start.at);
    const a = afterShot(end + 100);
    if (!b || !a || b === a) return;
    out.push({
      t: t(start) + 1,
      type: 'visual',
      source: 'visual',
      ...(box ? { box } : {}),
      beforeFrameId: use(b.screenshot, t(b), 'before'),
      afterFrameId: use(a.screenshot, t(a), 'after'),
    });
  };
  const flushTyping = () => {
    if (!typed) return;
    // The typing lasts until its last key: Enter soon after that submits it (the step's "then press Enter").
    out.push({
      t: t(typed.start),
      ...endOf({ t: t(typed.start), endT: t(typed.last) }),
      type: 'input',
      source: 'extension',
      value: typed.text,
    });
    visual(typed.start, typed.last.at);
    typed = null;
  };

  for (const [index, event] of events.entries()) {
    switch (event.type) {
      case 'mouse_down': {
        flushTyping();
        const button = event.button === 'Button.right' ? 2 : event.button === 'Button.middle' ? 1 : 0;
        out.push({ t: t(event), type: 'click', source: 'extension', point: { x: event.x, y: event.y }, button });
        const up = events.slice(index + 1).find((e) => e.type === 'mouse_up');
        visual(event, up?.at ?? event.at, {
          x: event.x - CLICK_BOX / 2,
          y: event.y - CLICK_BOX / 2,
          width: CLICK_BOX,
          height: CLICK_BOX,
        });
        break;
      }
      case 'keyboard_press': {
        const { modifier, key } = keyName(event.key ?? '');
        if (modifier) {
          held.add(modifier);
          break;
        }
        if (!key) break;
        const combo = [...held].filter((m) => m !== 'Shift');
        if (combo.length === 0 && (key.length === 1 || key === 'Backspace')) {
          typed ??= { start: event, last: event, text: '' };
          typed.text = key === 'Backspace' ? typed.text.slice(0, -1) : typed.text + key;
          typed.last = event;
          break;
        }
        flushTyping();
        const name = [...combo, key.length === 1 ? key.toUpperCase() : key].join('+');
        out.push({ t: t(event), type: 'key', source: 'extension', key: name });
        visual(event, event.at);
        break;
      }
      case 'keyboard_release': {
        const { modifier } = keyName(event.key ?? '');
        if (modifier) held.delete(modifier);
        break;
      }
      case 'mouse_scroll':
        flushTyping();
        out.push({ t: t(event), type: 'scroll', source: 'extension', scrollDelta: event.scroll ?? { x: 0, y: 1 } });
        break;
      default:
        break; // moves, polls: no action
    }
  }
  flushTyping();
  if (frames.size === 0) throw new SessionError('none of the screenshots the events name is in the session');
  const lastAt = Math.max(events.at(-1)!.at, shots.at(-1)?.at ?? 0);
  return { startedAt, durationMs: lastAt - startedAt, events: out, frames: [...frames.values()] };
}
