import { describe, expect, it } from 'vitest';
import type { LumaArea } from '../frame-luma';
import { toLines, type OcrWord } from '../ocr/lines';
import { changeBesideMark, markedModified, modifiedMarkIn } from './side-effects';

let lineId = 0;
const line = (text: string, x: number, y: number): OcrWord[] => {
  const id = lineId++;
  return [{ text, confidence: 90, box: { x, y, width: text.length * 7, height: 12 }, line: id }];
};

describe('markedModified', () => {
  it('is a name that gained a "*" or a dot before or after it', () => {
    expect(markedModified('Default', 'Default*')).toBe(true);
    expect(markedModified('Untitled', '*Untitled')).toBe(true);
    expect(markedModified('notes.txt', '● notes.txt')).toBe(true);
  });

  it('is not any other change, nor a mark alone', () => {
    expect(markedModified('Default', 'Default')).toBe(false);
    expect(markedModified('Default', 'Defaults')).toBe(false);
    expect(markedModified('10', '25')).toBe(false);
    expect(markedModified('Default*', 'Default')).toBe(false); // saved: the mark went, nothing was typed
    expect(markedModified('', '*')).toBe(false);
  });
});

describe('modifiedMarkIn', () => {
  const region = { x: 0, y: 0, width: 200, height: 180 };
  it('finds the line in a change that only gained the mark, in its place', () => {
    const before = toLines([...line('Default', 10, 8), ...line('height', 10, 150), ...line('10', 100, 150)]);
    const after = toLines([...line('Default*', 10, 8), ...line('height', 10, 150), ...line('25', 100, 150)]);
    expect(modifiedMarkIn(before, after, region)?.text).toBe('Default');
    // The change holding only the mark's end of the line ("*" after "Default").
    expect(modifiedMarkIn(before, after, { x: 60, y: 4, width: 140, height: 170 })?.text).toBe('Default');
    // Marked elsewhere (read in another place), or outside the change: none.
    const moved = toLines([...line('Default*', 10, 60), ...line('height', 10, 150)]);
    expect(modifiedMarkIn(before, moved, region)).toBeUndefined();
    expect(modifiedMarkIn(before, after, { x: 0, y: 100, width: 200, height: 80 })).toBeUndefined();
  });
});

describe('changeBesideMark', () => {
  /** Two readings of a 200 × 180 area, the second with the given boxes of pixels made brighter. */
  const frames = (...changes: { x: number; y: number; width: number; height: number }[]): [LumaArea, LumaArea] => {
    const [width, height] = [200, 180];
    const a = { x: 1000, y: 0, width, height, data: new Uint8Array(width * height).fill(30) };
    const b = { ...a, data: a.data.slice() };
    for (const box of changes)
      for (let y = box.y; y < box.y + box.height; y++)
        for (let x = box.x; x < box.x + box.width; x++) b.data[y * width + (x - 1000)] = 200;
    return [a, b];
  };
  const region = { x: 1000, y: 0, width: 200, height: 180 };
  const mark = { x: 1010, y: 8, width: 56, height: 12 };

  it("is the change's rows other than the marked line's, across its width", () => {
    const [a, b] = frames({ x: 1062, y: 10, width: 6, height: 8 }, { x: 1100, y: 150, width: 14, height: 9 });
    expect(changeBesideMark(a, b, region, mark)).toEqual({ x: 1000, y: 150, width: 200, height: 9 });
  });

  it('is nothing where only the mark changed, or a few stray pixels beside it', () => {
    const [a, b] = frames({ x: 1062, y: 10, width: 6, height: 8 });
    expect(changeBesideMark(a, b, region, mark)).toBeUndefined();
    const [c, d] = frames({ x: 1062, y: 10, width: 6, height: 8 }, { x: 1150, y: 90, width: 2, height: 2 });
    expect(changeBesideMark(c, d, region, mark)).toBeUndefined();
  });
});
