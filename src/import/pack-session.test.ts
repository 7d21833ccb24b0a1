import { describe, expect, it } from 'vitest';
import {
  mapPackSession,
  parsePackAggregations,
  parsePackEvents,
  parsePackTimestamp,
  SessionError,
} from './pack-session';

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
    // 'h' at 50.1 s to 'o' at 50.4 s: the typing lasts until its last key.
    const typing = mapped.events.find((e) => e.type === 'input')!;
    expect(typing.endT! - typing.t).toBe(300);
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

  it('reads later pack: epoch-second timestamps, key_press, positions in details, screenshots in aggregations.jsonl', () => {
    const T = 1_752_746_808;
    const event = (dt: number, type: string, details: string) =>
      `{'timestamp': ${T + dt}, 'monitor_index': 0, 'event_type': '${type}', 'details': {${details}}}`;
    const events = parsePackEvents(
      [
        event(0.5, 'mouse_move', "'x': 600, 'y': 100"),
        event(1.0, 'mouse_down', "'x': 632, 'y': 111, 'button': 'Button.left'"),
        event(1.1, 'mouse_up', "'x': 632, 'y': 111, 'button': 'Button.left'"),
        event(2.0, 'key_press', "'key': 'o'"),
        event(2.1, 'key_release', "'key': 'o'"),
        event(2.2, 'key_press', "'key': 'k'"),
        event(3.0, 'mouse_scroll', "'x': 640, 'y': 300, 'dx': 0, 'dy': -3"),
      ].join('\n'),
    );
    // aggregations.jsonl is JSON; screenshots are taken at burst starts and ends.
    const aggregation = (dt: number, reason: string, shot: string | null) =>
      JSON.stringify({
        timestamp: T + dt,
        reason,
        event_type: reason.split('_')[0],
        is_start: reason.endsWith('start'),
        screenshot_path: shot ? `screenshots/${shot}` : null,
        screenshot_timestamp: shot ? T + dt - 0.05 : null,
        num_events: 1,
        events: [],
      });
    const shots = parsePackAggregations(
      [
        aggregation(1.0, 'click_start', 's1.jpg'),
        aggregation(1.1, 'click_end', 's2.jpg'),
        aggregation(2.0, 'key_start', 's3.jpg'),
        aggregation(2.2, 'key_end', null),
        aggregation(2.9, 'scroll_start', 's4.jpg'),
      ].join('\n'),
    );
    expect(shots.map((shot) => shot.screenshot)).toEqual(['s1.jpg', 's2.jpg', 's3.jpg', 's4.jpg']);
    expect(shots[0]!.at).toBe(Math.round((T + 0.95) * 1000));

    const mapped = mapPackSession(events, new Set(['s1.jpg', 's2.jpg', 's3.jpg', 's4.jpg']), shots);
    const actions = mapped.events.filter((e) => e.type !== 'visual');
    expect(actions.map((e) => [e.type, e.value ?? e.point ?? e.scrollDelta])).toEqual([
      ['click', { x: 632, y: 111 }],
      ['input', 'ok'],
      ['scroll', { x: 0, y: -3 }],
    ]);
    // The click's after frame is the first screenshot taken once its effect had time to show (not the one at mouse-up).
    expect(mapped.events.find((e) => e.type === 'visual')).toMatchObject({
      beforeFrameId: 's1.jpg',
      afterFrameId: 's3.jpg',
    });
    expect(() => parsePackAggregations('{"timestamp": 1}\nnot json')).toThrow(
      /aggregations.jsonl line 2 is not an aggregation/,
    );
  });

  it('reads earlier pack scrolls given as a [dx, dy] list', () => {
    const [scroll] = parsePackEvents(
      "{'timestamp': '2025-07-17_10-06-48-566158', 'event_type': 'mouse_scroll', 'details': {'scroll': [0, -2]}, 'cursor_pos': (5, 6), 'screenshot_path': None}",
    );
    expect(scroll!.scroll).toEqual({ x: 0, y: -2 });
  });
});
