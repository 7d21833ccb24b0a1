import { describe, expect, it } from 'vitest';
import { lightenDarkAreas, removeRuledLines } from './preprocess';

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

describe('lightenDarkAreas', () => {
  it('inverts dark tiles (light text on a dark panel) and leaves light ones', () => {
    const width = 8;
    const height = 4;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const p = (y * width + x) * 4;
        // Left half: a dark panel with one white "letter" pixel; right half: a white page with one black pixel.
        const value = x < 4 ? (x === 1 && y === 1 ? 255 : 20) : x === 5 && y === 1 ? 0 : 250;
        rgba.set([value, value, value, 255], p);
      }
    }
    lightenDarkAreas(rgba, width, height, 4);
    const at = (x: number, y: number) => rgba[(y * width + x) * 4];
    expect(at(0, 0)).toBe(235); // panel background now light
    expect(at(1, 1)).toBe(0); // its white letter now dark ink
    expect(at(6, 0)).toBe(250); // the page untouched
    expect(at(5, 1)).toBe(0);
  });

  it('inverts white text on a mid-tone button, which is not dark on average', () => {
    const width = 8;
    const height = 4;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        // Left half: a blue button (luma about 125) with white letter pixels; right half: a grey page with dark text.
        const letter = y === 1 && (x === 1 || x === 2 || x === 5);
        const value = x < 4 ? (letter ? 255 : 125) : letter ? 20 : 170;
        rgba.set([value, value, value, 255], (y * width + x) * 4);
      }
    }
    lightenDarkAreas(rgba, width, height, 4);
    const at = (x: number, y: number) => rgba[(y * width + x) * 4];
    expect(at(1, 1)).toBe(0); // the button's white letter is now dark ink
    expect(at(0, 0)).toBe(130); // on a lighter button
    expect(at(5, 1)).toBe(20); // the page's dark text untouched
    expect(at(6, 0)).toBe(170);
  });
});
