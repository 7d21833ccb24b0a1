import { describe, expect, it } from 'vitest';
import { mapSessionEvents, readSessionFile } from './pack2skill-session';

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
      { t: 2000, type: 'input', source: 'extension', value: 'hi' },
      { t: 3000, type: 'click', source: 'extension', point: { x: 5, y: 6 }, button: 2 },
      { t: 4250, type: 'key', source: 'extension', key: 'Enter' },
    ]);
    expect(() => mapSessionEvents([{ type: 'click' }], 'events.json')).toThrow(
      'events.json: event 1 needs a number "t" and a "type"',
    );
    expect(() => mapSessionEvents({ nope: 1 }, 'events.json')).toThrow(/not a list of events/);
  });
});
