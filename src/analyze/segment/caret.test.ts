import { describe, expect, it } from 'vitest';
import { isCaretBlink } from './caret';

describe('isCaretBlink', () => {
  it('is a change one cell wide and about a line tall', () => {
    // 1280 px frames on a 320-cell grid: 4 px cells; a caret's padded box is 12×36.
    expect(isCaretBlink({ x: 568, y: 160, width: 12, height: 36 }, 1280, 320)).toBe(true);
    expect(isCaretBlink({ x: 0, y: 0, width: 18, height: 40 }, 1920, 320)).toBe(true);
  });

  it('is not a checkbox tick, a button, a line of text or a tall panel edge', () => {
    expect(isCaretBlink({ x: 0, y: 0, width: 24, height: 24 }, 1280, 320)).toBe(false);
    expect(isCaretBlink({ x: 0, y: 0, width: 96, height: 36 }, 1280, 320)).toBe(false);
    expect(isCaretBlink({ x: 0, y: 0, width: 12, height: 12 }, 1280, 320)).toBe(false);
    expect(isCaretBlink({ x: 0, y: 0, width: 12, height: 400 }, 1280, 320)).toBe(false);
  });
});
