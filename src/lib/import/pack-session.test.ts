import { describe, expect, it } from 'vitest';
import { mapPackSession, parsePackEvents, parsePackTimestamp, SessionError } from './pack-session';

const line = (stamp: string, type: string, details: string, x: number, y: number, shot: string | null) =>
  `{'timestamp': '2025-07-17_10-06-${stamp}', 'event_type': '${type}', 'details': {${details}}, 'monitor': {'left': 0, 'top': 1200, 'width': 1920, 'height': 1200}, 'cursor_pos': (${x}, ${y + 1200}), 'screenshot_path': ${shot ? `'/home/u/logs/screenshots/${shot}'` : 'None'}}`;

const SESSION = [
  line('32-396543', 'poll', '', 960, 600, 'a.jpg'),
  line('48-566158', 'mouse_down', "'button': 'Button.left'", 632, 111, 'b.jpg'),
  line('48-681458', 'mouse_up', "'button': 'Button.left'", 632, 111, 'c.jpg'),
  line('47-756061', 'mouse_move', '', 634, 176, null), // out of order, as pack writes them
  line('50-100000', 'keyboard_press', "'key': 'h'", 632, 111, 'd.jpg'),
  line('50-200000', 'keyboard_press', "'key': 'i'", 632, 111, null),
  line('50-300000', 'keyboard_press', "'key': 'Key.backspace'", 632, 111, null),
  line('50-400000', 'keyboard_press', "'key': 'o'", 632, 111, null),
  line('51-000000', 'keyboard_press', "'key': 'Key.ctrl_l'", 632, 111, 'e.jpg'),
  line('51-100000', 'keyboard_press', "'key': 's'", 632, 111, null),
  line('51-200000', 'keyboard_release', "'key': 'Key.ctrl_l'", 632, 111, null),
  line('52-000000', 'keyboard_press', "'key': 'Key.enter'", 632, 111, 'f.jpg'),
  line('53-000000', 'poll', '', 632, 111, 'g.jpg'),
].join('\n');

describe('pack sessions', () => {
  it('reads timestamps to the millisecond', () => {
    expect(parsePackTimestamp('2025-07-17_10-06-48-566158')).toBe(Date.UTC(2025, 6, 17, 10, 6, 48) + 566);
    expect(parsePackTimestamp('yesterday')).toBeNull();
  });

  it('maps clicks, typing, shortcuts and keys onto our events, with screenshots as key frames', () => {
    const events = parsePackEvents(SESSION);
    expect(events.map((e) => e.type).slice(0, 3)).toEqual(['poll', 'mouse_move', 'mouse_down']);
    const mapped = mapPackSession(events, new Set(['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'e.jpg', 'f.jpg', 'g.jpg']));
    const actions = mapped.events.filter((e) => e.type !== 'visual');
    expect(actions.map((e) => [e.type, e.key ?? e.value ?? e.point])).toEqual([
      ['click', { x: 632, y: 111 }],
      ['input', 'ho'],
      ['key', 'Control+S'],
      ['key', 'Enter'],
    ]);
    const click = mapped.events.find((e) => e.type === 'visual')!;
    expect(click).toMatchObject({ beforeFrameId: 'b.jpg', afterFrameId: 'd.jpg', box: { x: 620, y: 99 } });
    expect(mapped.durationMs).toBe(20_604);
    expect(mapped.frames.map((f) => f.file).sort()).toEqual(['b.jpg', 'd.jpg', 'e.jpg', 'f.jpg', 'g.jpg']);
  });

  it('names the line that is not an event, and refuses a session whose screenshots are missing', () => {
    expect(() => parsePackEvents(`${SESSION}\n{'timestamp': 'x'}`)).toThrow(
      new SessionError('events.jsonl line 14 has no "timestamp" and "event_type"'),
    );
    expect(() => parsePackEvents('not a dict')).toThrow(/events.jsonl line 1 is not an event/);
    expect(() => mapPackSession(parsePackEvents(SESSION), new Set())).toThrow(/none of the screenshots/);
  });
});
