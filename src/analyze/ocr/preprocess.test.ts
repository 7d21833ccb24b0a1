import { describe, expect, it } from 'vitest';
import { darkOnLight, removeCarets, removeRuledLines } from './preprocess';

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

describe('removeCarets', () => {
  /** A digit-like glyph: a 6 × 10 box outline standing on the baseline (row 25), left edge at `x`. */
  const glyph = (set: (x: number, y: number) => void, x: number) => {
    for (let y = 16; y < 26; y++) {
      set(x, y);
      set(x + 5, y);
    }
    for (let k = x; k < x + 6; k++) {
      set(k, 16);
      set(k, 25);
    }
  };

  it("erases a caret touching the last glyph (Tk's 555-0100|), and keeps the glyph", () => {
    const rgba = image((set) => {
      glyph(set, 20);
      glyph(set, 28);
      for (let y = 13; y < 29; y++) [34, 35].forEach((x) => set(x, y)); // the caret, 2 px, above and below the glyphs
    });
    removeCarets(rgba, W, H, 1);
    expect(dark(rgba, 34, 20)).toBe(false);
    expect(dark(rgba, 35, 14)).toBe(false);
    expect(dark(rgba, 33, 20)).toBe(true); // the glyph's right side
    expect(dark(rgba, 28, 20)).toBe(true);
  });

  it('keeps an l: it reaches above the glyphs beside it but stands on their baseline', () => {
    const rgba = image((set) => {
      glyph(set, 20);
      for (let y = 12; y < 26; y++) set(28, y);
      glyph(set, 31);
    });
    removeCarets(rgba, W, H, 1);
    expect(dark(rgba, 28, 14)).toBe(true);
  });

  it('keeps a bracket: its feet lie beside the ends of its bar', () => {
    const rgba = image((set) => {
      for (let y = 13; y < 29; y++) set(20, y);
      for (const [x, y] of [
        [21, 13],
        [22, 13],
        [21, 28],
        [22, 28],
      ] as const)
        set(x, y);
      glyph(set, 24);
    });
    removeCarets(rgba, W, H, 1);
    expect(dark(rgba, 20, 20)).toBe(true);
  });

  it('keeps a bar with nothing beside it (an I or l on its own)', () => {
    const rgba = image((set) => {
      for (let y = 13; y < 29; y++) set(40, y);
    });
    removeCarets(rgba, W, H, 1);
    expect(dark(rgba, 40, 20)).toBe(true);
  });
});

describe('darkOnLight', () => {
  /** A 40 × 24 image: the left half a coloured bar (luma `bar`) with a light letter stroke, the right half a page with a dark one. */
  function page(bar: number, letter: number) {
    const width = 40;
    const height = 24;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const stroke = y >= 8 && y < 16 && (x === 6 || x === 7 || x === 30 || x === 31);
        const value = x < 20 ? (stroke ? letter : bar) : stroke ? 30 : 245;
        rgba.set([value, value, value, 255], (y * width + x) * 4);
      }
    }
    darkOnLight(rgba, width, height, 4);
    return (x: number, y: number) => rgba[(y * width + x) * 4]!;
  }

  it('turns white text on a mid-blue button dark on white, and keeps dark text on the page dark', () => {
    const at = page(122, 255);
    expect(at(6, 10)).toBeLessThan(60); // the button's white letter is now dark ink
    expect(at(2, 2)).toBeGreaterThan(240); // on white
    expect(at(30, 10)).toBeLessThan(60); // the page's dark letter stays dark
    expect(at(36, 2)).toBeGreaterThan(240);
  });

  /** A 48 × 24 grey image painted by `valueAt`, run through darkOnLight; reads a pixel back. */
  function painted(valueAt: (x: number, y: number) => number) {
    const width = 48;
    const height = 24;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const value = valueAt(x, y);
        rgba.set([value, value, value, 255], (y * width + x) * 4);
      }
    }
    darkOnLight(rgba, width, height, 4);
    return (x: number, y: number) => rgba[(y * width + x) * 4]!;
  }

  it('lifts a grey window to white, with a white field on it, and keeps its dark text dark', () => {
    const at = painted((x, y) => {
      const field = x >= 24 && y >= 4 && y < 20;
      const stroke = y >= 8 && y < 16 && (x === 8 || x === 9 || x === 32 || x === 33);
      return stroke ? 20 : field ? 255 : 217;
    });
    expect(at(2, 2)).toBeGreaterThan(245); // the grey window, white now like the field
    expect(at(40, 12)).toBeGreaterThan(245);
    expect(at(8, 12)).toBeLessThan(80); // the label's letter on the window
    expect(at(32, 12)).toBeLessThan(80); // the value's letter in the field
  });

  it('lifts a grey window where white fields take as much of the crop, its greys in two bins', () => {
    // Columns 0–23 grey (215 and 217 alternating, as a video's decoding leaves them), the rest a white field.
    const at = painted((x, y) => (x < 24 ? (y % 2 ? 215 : 217) : x === 30 && y > 8 && y < 16 ? 20 : 255));
    expect(at(2, 2)).toBeGreaterThan(245);
    expect(at(30, 12)).toBeLessThan(70);
  });

  it('leaves a grey part of a white page as drawn (a shadow, the edges of faint text)', () => {
    const at = painted((x) => (x < 12 ? 217 : 250)); // a grey band at the edge of a white page
    expect(at(2, 12)).toBe(217);
  });

  it('turns light text on a dark panel dark on white', () => {
    const at = page(20, 230);
    expect(at(7, 12)).toBeLessThan(60);
    expect(at(12, 20)).toBeGreaterThan(240);
  });
});
