import { describe, expect, it } from 'vitest';
import type { LumaArea } from '../frame-luma';
import { boxAround } from './box';

/** A dark page (luma 30) with `draw` painting on it. */
function page(width: number, height: number, draw: (set: (x: number, y: number, v: number) => void) => void): LumaArea {
  const data = new Uint8Array(width * height).fill(30);
  draw((x, y, v) => (data[y * width + x] = v));
  return { x: 100, y: 50, width, height, data };
}
const fill = (
  set: (x: number, y: number, v: number) => void,
  x0: number,
  y0: number,
  w: number,
  h: number,
  v: number,
) => {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) set(x, y, v);
};
/** A select: a white box with a light ring round it, "text" (dark strokes) inside. */
const select = (set: (x: number, y: number, v: number) => void) => {
  fill(set, 40, 10, 80, 24, 200); // the focus ring
  fill(set, 42, 12, 76, 20, 30); // a dark gap inside the ring
  fill(set, 44, 14, 72, 16, 255); // the box's inside
  for (let x = 48; x < 100; x += 6) fill(set, x, 17, 2, 10, 20); // letters
};

describe('boxAround', () => {
  it("is the inside of the box a point falls in, letters and all (a select's value)", () => {
    const image = page(200, 60, select);
    expect(boxAround(image, { x: 100 + 60, y: 50 + 22 })).toEqual({ x: 144, y: 64, width: 72, height: 16 });
    // From a point on a letter, too.
    expect(boxAround(image, { x: 100 + 48, y: 50 + 20 })).toEqual({ x: 144, y: 64, width: 72, height: 16 });
  });

  it("is the inside of a box whose ground is the page's, from a point just inside its border", () => {
    // A desktop button: grey inside like the grey page round it, a light top edge and a dark
    // bottom one; the point 1 px below the top edge has the page's ground within reach above.
    const button = page(200, 60, (set) => {
      fill(set, 0, 0, 200, 60, 217);
      fill(set, 40, 10, 112, 1, 255);
      fill(set, 40, 10, 1, 28, 255);
      fill(set, 40, 37, 112, 1, 130);
      fill(set, 151, 10, 1, 28, 130);
      for (let x = 60; x < 120; x += 6) fill(set, x, 20, 2, 12, 20); // letters
    });
    expect(boxAround(button, { x: 100 + 80, y: 50 + 11 })).toEqual({ x: 141, y: 61, width: 110, height: 26 });
  });

  it('is nothing for text on the page itself, a point outside the image, or a panel, not a row', () => {
    const text = page(200, 60, (set) => {
      for (let x = 48; x < 100; x += 6) fill(set, x, 17, 2, 10, 220);
    });
    expect(boxAround(text, { x: 160, y: 72 })).toBeUndefined();
    expect(boxAround(page(200, 60, select), { x: 10, y: 10 })).toBeUndefined();
    const panel = page(200, 100, (set) => {
      fill(set, 40, 10, 120, 80, 200);
      fill(set, 42, 12, 116, 76, 255);
    });
    expect(boxAround(panel, { x: 200, y: 100 })).toBeUndefined();
  });
});
