/**
 * Sessions from pack2skill 0.1: a session file (name, description, start and
 * end time, video and events paths, framerate, resolution), the video, and an
 * events file — a list of `{t, type: "click" | "keystroke", x, y, button, key}`
 * with `t` in seconds from the start. Events go onto the video's clock;
 * keystrokes become typing (or key presses), clicks keep their point so OCR
 * can read what was under it.
 */
import type { NewEvent } from '../capture/events';
import { coordinate, endOf, keyName, SessionError } from './pack-session';
import { isRecord } from '../shared/records';

export interface Pack2SkillSession {
  name: string;
  description: string;
  videoPath: string;
  eventsPath: string;
  resolution?: { width: number; height: number };
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
const isObject = (value: unknown): value is Record<string, Json> => isRecord<Json>(value);

/** Whether a parsed JSON file looks like a 0.1 session file. */
export function isSessionFile(value: unknown): boolean {
  return isObject(value) && typeof value['video_path'] === 'string' && typeof value['events_path'] === 'string';
}

export function readSessionFile(value: unknown, fileName: string): Pack2SkillSession {
  if (!isSessionFile(value) || !isObject(value)) {
    throw new SessionError(`${fileName} is not a pack2skill session file (it needs "video_path" and "events_path")`);
  }
  const resolution = value['resolution'];
  let size: Pack2SkillSession['resolution'];
  if (Array.isArray(resolution) && resolution.length === 2)
    size = { width: Number(resolution[0]), height: Number(resolution[1]) };
  else if (isObject(resolution)) size = { width: Number(resolution['width']), height: Number(resolution['height']) };
  else if (typeof resolution === 'string' && /^\d+x\d+$/.test(resolution)) {
    const [w, h] = resolution.split('x').map(Number) as [number, number];
    size = { width: w, height: h };
  }
  return {
    name: typeof value['name'] === 'string' ? value['name'] : 'pack2skill session',
    description: typeof value['description'] === 'string' ? value['description'] : '',
    videoPath: value['video_path'] as string,
    eventsPath: value['events_path'] as string,
    ...(size && size.width > 0 && size.height > 0 ? { resolution: size } : {}),
  };
}

/** How long after a modifier's press the next key still counts as pressed with it. */
const MODIFIER_HOLD_MS = 1000;

/**
 * A logged key as pynput names it: `Key.enter`, or the character (`a`, or `'a'` as
 * `str()` of a key code writes it). Loggers that wrote the browser's names
 * (`Enter`, `Control`) or bare ones (`enter`) are read as the named key.
 */
function pynputName(raw: string): string {
  if (raw.startsWith('Key.') || raw.length === 1) return raw;
  if (/^'.'$/su.test(raw)) return raw.slice(1, -1);
  return `Key.${raw.toLowerCase()}`;
}

/** The events file as our events, in ms on the video's clock. */
export function mapSessionEvents(value: unknown, fileName: string): NewEvent[] {
  const list = Array.isArray(value)
    ? value
    : isObject(value) && Array.isArray(value['events'])
      ? value['events']
      : null;
  if (!list) throw new SessionError(`${fileName} is not a list of events`);
  const out: NewEvent[] = [];
  let typed: { t: number; endT: number; text: string } | null = null;
  const flush = () => {
    // The typing lasts until its last key: Enter soon after that submits it (the step's "then press Enter").
    if (typed) out.push({ t: typed.t, ...endOf(typed), type: 'input', source: 'extension', value: typed.text });
    typed = null;
  };
  // 0.1 logged key presses only, never releases: a modifier holds for the next key pressed soon after.
  let held: { names: string[]; t: number } | null = null;
  // Checked before sorting: a time that is not a finite number would sort anywhere (and NaN rows are never indexed).
  for (const [index, item] of list.entries()) {
    if (!isObject(item) || typeof item['t'] !== 'number' || !Number.isFinite(item['t']) || item['t'] < 0) {
      throw new SessionError(`${fileName}: event ${index + 1} needs a time "t" in seconds (a number from 0)`);
    }
    if (typeof item['type'] !== 'string') throw new SessionError(`${fileName}: event ${index + 1} needs a "type"`);
  }
  const sorted = [...(list as Record<string, unknown>[])].sort((a, b) => Number(a['t']) - Number(b['t']));
  for (const item of sorted) {
    if (typeof item['t'] !== 'number' || typeof item['type'] !== 'string') continue; // checked above
    const t = Math.round(item['t'] * 1000);
    if (item['type'] === 'click') {
      flush();
      held = null;
      const button = String(item['button'] ?? 'left');
      out.push({
        t,
        type: 'click',
        source: 'extension',
        point: { x: coordinate(item['x']), y: coordinate(item['y']) },
        button: /right/i.test(button) ? 2 : /middle/i.test(button) ? 1 : 0,
      });
    } else if (item['type'] === 'keystroke') {
      const named = keyName(pynputName(String(item['key'] ?? '')));
      if (named.modifier) {
        const names: string[] = held && t - held.t <= MODIFIER_HOLD_MS ? held.names : [];
        held = { names: names.includes(named.modifier) ? names : [...names, named.modifier], t };
        continue;
      }
      const key = named.key;
      if (!key) continue;
      const modifiers = held && t - held.t <= MODIFIER_HOLD_MS ? held.names : [];
      held = null;
      // Shift with a character is already in the character (`A`); with a named key it is a combination.
      const combo = key.length === 1 ? modifiers.filter((m) => m !== 'Shift') : modifiers;
      if (combo.length === 0 && (key.length === 1 || key === 'Backspace')) {
        typed ??= { t, endT: t, text: '' };
        typed.endT = t;
        typed.text = key === 'Backspace' ? typed.text.slice(0, -1) : typed.text + key;
      } else {
        flush();
        out.push({
          t,
          type: 'key',
          source: 'extension',
          key: [...combo, key.length === 1 ? key.toUpperCase() : key].join('+'),
        });
      }
    }
  }
  flush();
  return out;
}
