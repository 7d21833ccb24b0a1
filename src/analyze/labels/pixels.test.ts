import { describe, expect, it, vi } from 'vitest';
import type { LumaArea } from '../frame-luma';
import { blankRightOf } from './pixels';

vi.mock('../../storage/recordings', () => ({ getFrame: async () => undefined }));

/** A dark panel (26) with a lighter field (48) from x 100 to 248, rows 10 to 30: dat.GUI's look. */
function panel(): LumaArea {
  const [width, height] = [300, 40];
  const data = new Uint8Array(width * height).fill(26);
  for (let y = 10; y < 30; y++) for (let x = 100; x < 248; x++) data[y * width + x] = 48;
  return { x: 1000, y: 100, width, height, data };
}

/** Draws ink (a glyph's strokes, luma 160) in every other column of a box of frame pixels. */
function ink(luma: LumaArea, x: number, y: number, width: number, height: number): void {
  for (let row = y; row < y + height; row++)
    for (let col = x; col < x + width; col += 2) luma.data[(row - luma.y) * luma.width + (col - luma.x)] = 160;
}

describe('blankRightOf', () => {
  // The change: the whole field; the value "0.5" read at its left.
  const region = { x: 1100, y: 110, width: 148, height: 20 };
  const value = { x: 1104, y: 114, width: 18, height: 10 };

  it('says a value left-aligned in an empty box (a text field) has nothing right of it', () => {
    const field = panel();
    ink(field, 1104, 114, 18, 10);
    expect(blankRightOf(field, value, region)).toBe(true);
    // The field's edge is a step in shade, not ink; a change reaching past it still reads blank.
    expect(blankRightOf(field, value, { ...region, width: 180 })).toBe(true);
  });

  it("finds a select's arrow beside its value, or at the far end of a wide one", () => {
    const beside = panel();
    ink(beside, 1104, 114, 18, 10);
    ink(beside, 1140, 116, 8, 6);
    expect(blankRightOf(beside, value, region)).toBe(false);
    const far = panel();
    ink(far, 1104, 114, 18, 10);
    ink(far, 1230, 116, 8, 6);
    expect(blankRightOf(far, value, region)).toBe(false);
  });

  it('cannot tell where the change ends just past the value', () => {
    const field = panel();
    expect(blankRightOf(field, value, { ...region, width: 40 })).toBe(false);
  });
});
