import { describe, expect, it } from 'vitest';
import { isRecordingStart } from './opening';

describe('isRecordingStart', () => {
  it("is a large change in a video's first second: the recorder's window opening over its page", () => {
    expect(isRecordingStart({ startT: 167, fraction: 0.43 })).toBe(true);
  });

  it('is not a small change early on, nor a large one later (a new page after a click)', () => {
    expect(isRecordingStart({ startT: 167, fraction: 0.003 })).toBe(false);
    expect(isRecordingStart({ startT: 1833, fraction: 0.43 })).toBe(false);
  });
});
