import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../ocr/lines';
import { valueGoneAt, valueReadApart } from './value-apart';

function line(text: string, x: number, y: number, width: number, height = 11): OcrLine {
  return { text, confidence: 90, box: { x, y, width, height } };
}

// JSONEditor's tree as a tab showed it (from the bench's recordings): "John" typed over with
// "Ada", which the editor highlights yellow while it is edited, and OCR then drops.
const region = { x: 12, y: 180, width: 228, height: 128 };
const before = [
  line('v Employee {6} Ah', 65, 240, 145, 18),
  line('firstName John', 110, 267, 125),
  line('lastName Doe', 110, 291, 108),
  line('gender', 110, 307, 46, 25),
];
const after = [
  line('v Employee {6} Ah', 65, 240, 145, 18),
  line('firstName', 110, 267, 74),
  line('lastName Doe', 110, 291, 108),
  line('gender', 110, 307, 46, 25),
];

describe('valueGoneAt', () => {
  it('finds the field whose value OCR stopped reading in its line, and where to read it again', () => {
    const gone = valueGoneAt(before, after, region);
    expect(gone).toMatchObject({ caption: 'firstName', old: 'John' });
    // Right of the caption, over where "John" was and further (a longer value typed over it).
    expect(gone!.area.x).toBeGreaterThanOrEqual(184);
    expect(gone!.area.x + gone!.area.width).toBeGreaterThan(260);
    expect(gone!.area.y).toBeLessThan(267);
    expect(gone!.area.y + gone!.area.height).toBeGreaterThan(278);
  });

  it('finds none where the new value was read beside the caption (typedOverInLine names that)', () => {
    expect(valueGoneAt(before, [...after, line('Ada', 200, 267, 30)], region)).toBeUndefined();
  });

  it('finds none where the line moved away whole (a row of a list that scrolled)', () => {
    const moved = [
      ...after.filter((l) => l.text !== 'firstName'),
      line('firstName', 110, 267, 74),
      line('firstName John', 110, 400, 125),
    ];
    expect(valueGoneAt(before, moved, region)).toBeUndefined();
  });

  it('finds none where two lines lost their values (a panel redrawn, not one field typed over)', () => {
    const both = after.map((l) => (l.text === 'lastName Doe' ? line('lastName', 110, 291, 70) : l));
    expect(valueGoneAt(before, both, region)).toBeUndefined();
  });

  it('finds none outside the change', () => {
    expect(valueGoneAt(before, after, { x: 400, y: 400, width: 50, height: 50 })).toBeUndefined();
  });
});

describe('valueReadApart', () => {
  it('is the text read where the old value was', () => {
    expect(valueReadApart('John', [line('Ada', 200, 266, 30)])).toBe('Ada');
  });

  it("is without the caption's separator and the highlight's edge read before it, not a bracket typed", () => {
    expect(valueReadApart('100', [line(':[150', 184, 266, 40)])).toBe('150');
    expect(valueReadApart('1', [line('[1, 2]', 184, 266, 40)])).toBe('[1, 2]');
  });

  it('is nothing where the old value is read again (the highlight only, no typing), or nothing', () => {
    expect(valueReadApart('John', [line('John', 200, 266, 30)])).toBeUndefined();
    expect(valueReadApart('John', [])).toBeUndefined();
  });
});
