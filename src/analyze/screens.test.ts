import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../capture/events';
import { bringsNewScreen, distinctScreens, NEW_SCREEN_FRACTION } from './screens';

const change = (t: number, fraction: number, n: number): EventRecord => ({
  recordingId: 'r',
  t,
  type: 'visual',
  source: 'visual',
  fraction,
  box: { x: 0, y: 0, width: 10, height: 10 },
  beforeFrameId: `before-${n}`,
  afterFrameId: `after-${n}`,
});

describe('distinctScreens', () => {
  it('is the first screen, then each screen a large change brought', () => {
    const events: EventRecord[] = [
      { recordingId: 'r', t: 100, type: 'marker', source: 'page' },
      change(1000, 0.02, 1), // a button press: the same screen
      change(4000, 0.8, 2), // a new page
      change(6000, NEW_SCREEN_FRACTION - 0.01, 3), // a menu: not yet a new screen
      change(9000, NEW_SCREEN_FRACTION, 4), // a large dialog
    ];
    expect(distinctScreens(events)).toEqual([
      { frameId: 'before-1', t: 0 },
      { frameId: 'after-2', t: 4000 },
      { frameId: 'after-4', t: 9000 },
    ]);
  });

  it('is empty without screen changes', () => {
    expect(distinctScreens([{ recordingId: 'r', t: 0, type: 'click', source: 'page' }])).toEqual([]);
  });

  it('counts only stored visual changes as new screens', () => {
    expect(bringsNewScreen({ type: 'visual', fraction: 0.9, afterFrameId: 'a' })).toBe(true);
    expect(bringsNewScreen({ type: 'visual', fraction: 0.9 })).toBe(false);
    expect(bringsNewScreen({ type: 'scroll', fraction: 0.9, afterFrameId: 'a' })).toBe(false);
  });
});
