import { describe, expect, it } from 'vitest';
import { mapSessionEvents, readSessionFile } from './pack2skill-session';
import { defaultBurstSettings, detectBursts } from '../analyze/segment/bursts';
import { buildSteps } from '../analyze/segment/steps';

describe('pack2skill 0.1 sessions', () => {
  it('reads the session file', () => {
    expect(
      readSessionFile(
        {
          name: 'File a ticket',
          description: 'Files a helpdesk ticket',
          start_time: '2025-01-02T10:00:00',
          end_time: '2025-01-02T10:01:00',
          video_path: '/home/me/.pack2skill/sessions/x/recording.mp4',
          events_path: 'events.json',
          framerate: 30,
          resolution: [1920, 1080],
        },
        'session.json',
      ),
    ).toEqual({
      name: 'File a ticket',
      description: 'Files a helpdesk ticket',
      videoPath: '/home/me/.pack2skill/sessions/x/recording.mp4',
      eventsPath: 'events.json',
      resolution: { width: 1920, height: 1080 },
    });
    expect(() => readSessionFile({ name: 'x' }, 'session.json')).toThrow(/needs "video_path" and "events_path"/);
  });

  it('puts events on the video clock: clicks with their points, keystrokes as typing or keys', () => {
    const events = mapSessionEvents(
      [
        { t: 4.25, type: 'keystroke', key: 'enter' },
        { t: 1.5, type: 'click', x: 100, y: 200, button: 'left' },
        { t: 2.0, type: 'keystroke', key: 'h' },
        { t: 2.1, type: 'keystroke', key: 'i' },
        { t: 3.0, type: 'click', x: 5, y: 6, button: 'Button.right' },
      ],
      'events.json',
    );
    expect(events).toEqual([
      { t: 1500, type: 'click', source: 'extension', point: { x: 100, y: 200 }, button: 0 },
      // The typing lasts until its last key (Enter soon after it submits it).
      { t: 2000, endT: 2100, type: 'input', source: 'extension', value: 'hi' },
      { t: 3000, type: 'click', source: 'extension', point: { x: 5, y: 6 }, button: 2 },
      { t: 4250, type: 'key', source: 'extension', key: 'Enter' },
    ]);
    expect(() => mapSessionEvents([{ type: 'click' }], 'events.json')).toThrow(
      'events.json: event 1 needs a time "t" in seconds (a number from 0)',
    );
    // Times that are not finite would never be indexed (so never deleted), or sort anywhere.
    for (const t of [Number.NaN, Number.POSITIVE_INFINITY, -1]) {
      expect(() =>
        mapSessionEvents(
          [
            { t: 1, type: 'click' },
            { t, type: 'click' },
          ],
          'events.json',
        ),
      ).toThrow('events.json: event 2 needs a time "t" in seconds (a number from 0)');
    }
    expect(() => mapSessionEvents([{ t: 1 }], 'events.json')).toThrow('events.json: event 1 needs a "type"');
    expect(mapSessionEvents([{ t: 1, type: 'click', x: 'left', y: Number.NaN }], 'e.json')[0]!.point).toEqual({
      x: 0,
      y: 0,
    });
    expect(() => mapSessionEvents({ nope: 1 }, 'events.json')).toThrow(/not a list of events/);
  });

  it('reads pynput and browser key names, and a modifier as held for the next key pressed soon after', () => {
    const keys = (list: [number, string][]) =>
      mapSessionEvents(
        list.map(([t, key]) => ({ t, type: 'keystroke', key })),
        'events.json',
      ).map((e) => (e.type === 'key' ? `key ${e.key}` : `input ${e.value}`));
    // pynput: Ctrl+A, then typing that replaces the selection, a correction, Enter.
    expect(
      keys([
        [1, 'Key.ctrl_l'],
        [1.1, "'a'"],
        [1.5, "'H'"],
        [1.6, "'o'"],
        [1.7, "'p'"],
        [1.8, 'Key.backspace'],
        [1.9, "'i'"],
        [2, 'Key.enter'],
      ]),
    ).toEqual(['key Control+A', 'input Hoi', 'key Enter']);
    // The browser's names; Shift is in the character already, but makes Shift+Tab a combination.
    expect(
      keys([
        [1, 'Control'],
        [1.1, 'a'],
        [2, 'Shift'],
        [2.1, 'B'],
        [2.2, 'e'],
        [3, 'Shift'],
        [3.1, 'Tab'],
        [4, 'ArrowDown'],
      ]),
    ).toEqual(['key Control+A', 'input Be', 'key Shift+Tab', 'key ArrowDown']);
    // A modifier pressed long before, or cut off by a click, holds for nothing.
    expect(
      keys([
        [1, 'Key.cmd'],
        [3, "'x'"],
      ]),
    ).toEqual(['input x']);
  });

  it('submits typing with the Enter pressed soon after its last key, however long the typing took', () => {
    // "Walk the dog" at a person's pace (a pause after each word), Enter a second after the last key.
    const typing = [...'Walk the dog'].map((key, i) => ({
      t: 2 + i * 0.2 + (i > 4 ? 0.7 : 0),
      type: 'keystroke',
      key,
    }));
    const events = mapSessionEvents(
      [
        { t: 1.5, type: 'click', x: 400, y: 180, button: 'left' },
        ...typing,
        { t: 5.9, type: 'keystroke', key: 'Key.enter' },
      ],
      'events.json',
    );
    expect(events[1]).toMatchObject({ type: 'input', value: 'Walk the dog', t: 2000, endT: 4900 });
    const steps = buildSteps(
      detectBursts(
        events.map((e, i) => ({ ...e, id: i })),
        defaultBurstSettings,
      ),
    );
    expect(steps.map((s) => [s.kind, s.value, s.thenKey])).toEqual([['type', 'Walk the dog', 'Enter']]);
  });
});
