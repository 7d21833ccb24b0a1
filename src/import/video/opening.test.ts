import { describe, expect, it } from 'vitest';
import { isRecordingStart } from './opening';

describe('isRecordingStart', () => {
  it("is any change that begins in a video's first second, large or small: the screen settling as the share began", () => {
    expect(isRecordingStart({ startT: 167 })).toBe(true); // the recorder's window opening over its page
    expect(isRecordingStart({ startT: 667 })).toBe(true); // the sharing bar sliding in, a notice appearing
  });

  it('is not a change that begins later, however large (a new page after a click)', () => {
    expect(isRecordingStart({ startT: 1000 })).toBe(false);
    expect(isRecordingStart({ startT: 1833 })).toBe(false);
  });
});
