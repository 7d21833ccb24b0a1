import { describe, expect, it } from 'vitest';
import {
  BURST_PRESETS,
  burstSettingsFor,
  defaultBurstSettings,
  detectBursts,
  groupByGap,
  splitLongGroup,
  type TimedEvent,
} from './bursts';

const ev = (seconds: number, type = 'click', endSeconds?: number): TimedEvent => ({
  t: seconds * 1000,
  type,
  ...(endSeconds !== undefined ? { endT: endSeconds * 1000 } : {}),
});
const times = (groups: TimedEvent[][]) => groups.map((g) => g.map((e) => e.t / 1000));

describe('groupByGap', () => {
  it('splits the original example into two groups at a 0.5 s gap', () => {
    const events = [0, 0.1, 0.2, 2.0, 2.1].map((s) => ev(s));
    expect(times(groupByGap(events, 500))).toEqual([
      [0, 0.1, 0.2],
      [2.0, 2.1],
    ]);
  });

  it('measures the gap from the end of an event that lasts', () => {
    const events = [ev(0, 'input', 3), ev(3.4, 'input')];
    expect(groupByGap(events, 500)).toHaveLength(1);
  });

  it('starts a new group at a boundary even without a gap', () => {
    const events = [0, 0.1, 0.2, 0.3].map((s) => ev(s));
    expect(times(groupByGap(events, 500, [150]))).toEqual([
      [0, 0.1],
      [0.2, 0.3],
    ]);
  });
});

describe('splitLongGroup', () => {
  it('splits a burst longer than its span at the event nearest its midpoint', () => {
    // 0 … 10 s, midpoint 5 s: the event at 4.8 s is nearest and starts the second half.
    const group = [0, 1, 2, 4.8, 6, 10].map((s) => ev(s));
    expect(times(splitLongGroup(group, 6000))).toEqual([
      [0, 1, 2],
      [4.8, 6, 10],
    ]);
  });

  it('splits again until every part fits', () => {
    const group = Array.from({ length: 21 }, (_, i) => ev(i));
    const parts = splitLongGroup(group, 4000);
    expect(parts.every((p) => p.at(-1)!.t - p[0]!.t <= 4000)).toBe(true);
    expect(parts.flat()).toHaveLength(21);
  });

  it('leaves a single event alone however long it lasts', () => {
    expect(splitLongGroup([ev(0, 'input', 60)], 1000)).toHaveLength(1);
  });
});

describe('detectBursts', () => {
  it('keeps each kind in its own queue with its own thresholds (accurate)', () => {
    // A double click 0.15 s apart is one click burst; keys 0.4 s apart are one key burst.
    const events = [ev(0), ev(0.15), ev(1, 'key'), ev(1.4, 'key'), ev(1.8, 'key'), ev(5, 'scroll'), ev(5.4, 'scroll')];
    const bursts = detectBursts(events, burstSettingsFor('accurate'));
    expect(bursts.map((b) => [b.kind, b.events.length])).toEqual([
      ['click', 2],
      ['key', 3],
      ['scroll', 2],
    ]);
  });

  it('groups more loosely with the rough preset', () => {
    const clicks = [0, 0.5, 1.0].map((s) => ev(s));
    expect(detectBursts(clicks, burstSettingsFor('accurate'))).toHaveLength(3);
    expect(detectBursts(clicks, burstSettingsFor('rough'))).toHaveLength(1);
    expect(BURST_PRESETS.rough.key).toEqual({ gapMs: 2000, maxSpanMs: 24_000 });
    expect(BURST_PRESETS.accurate.move).toEqual({ gapMs: 500, maxSpanMs: 4000 });
  });

  it('splits a click burst longer than its 0.3 s span (accurate)', () => {
    const clicks = [0, 0.15, 0.3, 0.45].map((s) => ev(s));
    const bursts = detectBursts(clicks, defaultBurstSettings);
    expect(bursts.length).toBeGreaterThanOrEqual(2);
    expect(bursts.every((b) => b.end - b.start <= 300)).toBe(true);
  });

  it('opens a new burst when the captured surface switches', () => {
    const keys = [0, 0.2, 0.4, 0.6].map((s) => ev(s, 'key'));
    expect(detectBursts(keys, defaultBurstSettings)).toHaveLength(1);
    expect(detectBursts(keys, defaultBurstSettings, [500])).toHaveLength(2);
  });

  it('treats a marker as a boundary and not as an event of a burst', () => {
    const events = [ev(0, 'key'), ev(0.2, 'key'), ev(0.3, 'marker'), ev(0.4, 'key')];
    const bursts = detectBursts(events, defaultBurstSettings);
    expect(bursts.map((b) => b.events.length)).toEqual([2, 1]);
  });

  it('keeps a lone click and a lone screen change in every mode', () => {
    const events = [ev(0, 'key'), ev(0.2, 'key'), ev(0.4, 'key'), ev(10), ev(20, 'visual', 20.5)];
    for (const mode of ['accurate', 'rough', 'simple'] as const) {
      const bursts = detectBursts(events, burstSettingsFor(mode));
      expect(bursts.flatMap((b) => b.events)).toHaveLength(events.length);
      expect(bursts.some((b) => b.events.some((e) => e.t === 10_000))).toBe(true);
    }
  });

  describe('simple mode', () => {
    const simple = burstSettingsFor('simple');

    it('groups all kinds with one gap', () => {
      const events = [ev(0), ev(0.1, 'key'), ev(0.2, 'visual'), ev(2.0), ev(2.1, 'key'), ev(2.3, 'key')];
      const bursts = detectBursts(events, simple);
      expect(bursts.map((b) => [b.kind, b.events.length])).toEqual([
        ['mixed', 3],
        ['mixed', 3],
      ]);
    });

    it('merges a group below the minimum into a close neighbour', () => {
      // The lone click at 1.2 s is 1 s from the burst before it (within 4 gaps).
      const events = [ev(0), ev(0.1), ev(0.2), ev(1.2)];
      const bursts = detectBursts(events, simple);
      expect(bursts).toHaveLength(1);
      expect(bursts[0]!.events).toHaveLength(4);
    });

    it('keeps a group below the minimum on its own when nothing is near', () => {
      const events = [ev(0), ev(0.1), ev(0.2), ev(30)];
      expect(detectBursts(events, simple).map((b) => b.events.length)).toEqual([3, 1]);
    });

    it('does not merge across a surface switch', () => {
      const events = [ev(0), ev(0.1), ev(0.2), ev(1.2)];
      expect(detectBursts(events, simple, [1000]).map((b) => b.events.length)).toEqual([3, 1]);
    });
  });
});
