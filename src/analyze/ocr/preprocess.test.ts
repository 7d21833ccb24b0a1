import { describe, expect, it } from 'vitest';
import { removeRuledLines } from './preprocess';

const W = 80;
const H = 40;

function image(draw: (set: (x: number, y: number) => void) => void): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(W * H * 4).fill(255);
  draw((x, y) => {
    const p = (y * W + x) * 4;
    rgba[p] = rgba[p + 1] = rgba[p + 2] = 20;
  });
  return rgba;
}
const dark = (rgba: Uint8ClampedArray, x: number, y: number) => rgba[(y * W + x) * 4]! < 128;

describe('removeRuledLines', () => {
  it('erases a button border and keeps the glyph inside it', () => {
    const rgba = image((set) => {
      for (let x = 5; x < 75; x++) {
        set(x, 5);
        set(x, 34);
      }
      for (let y = 5; y < 35; y++) {
        set(5, y);
        set(74, y);
      }
      for (let y = 12; y < 26; y++) set(30, y); // a letter's stem, 14 px
      for (let x = 30; x < 38; x++) set(x, 25); // and its foot
    });
    removeRuledLines(rgba, W, H, 24);
    expect(dark(rgba, 40, 5)).toBe(false);
    expect(dark(rgba, 5, 20)).toBe(false);
    expect(dark(rgba, 30, 18)).toBe(true);
    expect(dark(rgba, 34, 25)).toBe(true);
  });
});
