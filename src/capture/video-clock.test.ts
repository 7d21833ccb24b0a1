import { describe, expect, it } from 'vitest';
import { VideoClock } from './video-clock';

describe('VideoClock', () => {
  it('counts milliseconds since the start', () => {
    const clock = new VideoClock(1000);
    expect(clock.toVideoMs(1000)).toBe(0);
    expect(clock.toVideoMs(3500)).toBe(2500);
  });

  it('leaves paused time out of the video timeline', () => {
    const clock = new VideoClock(0);
    clock.pause(1000);
    expect(clock.paused).toBe(true);
    expect(clock.toVideoMs(4000)).toBe(1000);
    clock.resume(5000);
    expect(clock.toVideoMs(6000)).toBe(2000);
    clock.pause(7000);
    clock.resume(9000);
    expect(clock.toVideoMs(10_000)).toBe(4000);
  });

  it('ignores a double pause or a resume without a pause', () => {
    const clock = new VideoClock(0);
    clock.resume(100);
    clock.pause(1000);
    clock.pause(2000);
    clock.resume(3000);
    expect(clock.toVideoMs(4000)).toBe(2000);
  });

  it('never returns a negative time', () => {
    expect(new VideoClock(5000).toVideoMs(4000)).toBe(0);
  });
});
