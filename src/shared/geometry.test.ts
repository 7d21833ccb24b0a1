import { describe, expect, it } from 'vitest';
import { center, clamp, contains, expand, gridToPixels, spanned, union } from './geometry';

describe('geometry', () => {
  it('unions any number of boxes, none gives undefined', () => {
    expect(union([])).toBeUndefined();
    expect(union([{ x: 5, y: 6, width: 1, height: 2 }])).toEqual({ x: 5, y: 6, width: 1, height: 2 });
    expect(
      union([
        { x: 10, y: 10, width: 5, height: 5 },
        { x: 2, y: 12, width: 3, height: 10 },
      ]),
    ).toEqual({ x: 2, y: 10, width: 13, height: 12 });
  });

  it('clamps to whole pixels inside the frame, never empty', () => {
    const frame = { width: 100, height: 50 };
    expect(clamp({ x: 10.4, y: 5.6, width: 10.2, height: 4 }, frame)).toEqual({ x: 10, y: 5, width: 11, height: 5 });
    expect(clamp({ x: -20, y: -5, width: 30, height: 10 }, frame)).toEqual({ x: 0, y: 0, width: 10, height: 5 });
    expect(clamp({ x: 90, y: 40, width: 50, height: 50 }, frame)).toEqual({ x: 90, y: 40, width: 10, height: 10 });
    expect(clamp({ x: 500, y: 500, width: 5, height: 5 }, frame)).toEqual({ x: 99, y: 49, width: 1, height: 1 });
    expect(clamp({ x: -50, y: -50, width: 5, height: 5 }, frame)).toEqual({ x: 0, y: 0, width: 1, height: 1 });
  });

  it('expands, centres, contains and spans', () => {
    expect(expand({ x: 10, y: 10, width: 4, height: 2 }, 3)).toEqual({ x: 7, y: 7, width: 10, height: 8 });
    expect(center({ x: 10, y: 10, width: 4, height: 2 })).toEqual({ x: 12, y: 11 });
    expect(contains({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0 })).toBe(true);
    expect(contains({ x: 0, y: 0, width: 10, height: 10 }, { x: 10.1, y: 0 })).toBe(false);
    expect(spanned({ x: 8, y: 2 }, { x: 3, y: 9 })).toEqual({ x: 3, y: 2, width: 5, height: 7 });
  });

  it('maps grid cells to frame pixels padded by a cell, within the frame', () => {
    const grid = { width: 320, height: 180 };
    const frame = { width: 1280, height: 720 };
    // 4 px per cell: cells 10..14 → pixels 36..64 with one cell of padding each side.
    expect(gridToPixels({ x: 10, y: 20, width: 5, height: 2 }, grid, frame)).toEqual({
      x: 36,
      y: 76,
      width: 28,
      height: 16,
    });
    expect(gridToPixels({ x: 0, y: 0, width: 320, height: 180 }, grid, frame)).toEqual({
      x: 0,
      y: 0,
      width: 1280,
      height: 720,
    });
  });
});
