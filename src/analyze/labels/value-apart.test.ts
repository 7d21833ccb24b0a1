import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../ocr/lines';
import { valueReadApart, valueReadLonger, valuesGoneAt } from './value-apart';

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

describe('valuesGoneAt', () => {
  it('finds the field whose value OCR stopped reading in its line, and where to read it again', () => {
    const [gone, ...others] = valuesGoneAt(before, after, region);
    expect(others).toEqual([]);
    expect(gone).toMatchObject({ caption: 'firstName', old: 'John' });
    // Right of the caption, over where "John" was and further (a longer value typed over it).
    expect(gone!.area.x).toBeGreaterThanOrEqual(184);
    expect(gone!.area.x + gone!.area.width).toBeGreaterThan(260);
    expect(gone!.area.y).toBeLessThan(267);
    expect(gone!.area.y + gone!.area.height).toBeGreaterThan(278);
  });

  it('finds none where the new value was read beside the caption (typedOverInLine names that)', () => {
    expect(valuesGoneAt(before, [...after, line('Ada', 200, 267, 30)], region)).toEqual([]);
  });

  it('finds none where the line moved away whole (a row of a list that scrolled)', () => {
    const moved = [
      ...after.filter((l) => l.text !== 'firstName'),
      line('firstName', 110, 267, 74),
      line('firstName John', 110, 400, 125),
    ];
    expect(valuesGoneAt(before, moved, region)).toEqual([]);
  });

  it('finds each line that lost its value (reading them again tells which was typed over), but not a page redrawn', () => {
    const both = after.map((l) => (l.text === 'lastName Doe' ? line('lastName', 110, 291, 70) : l));
    expect(valuesGoneAt(before, both, region).map((g) => g.caption)).toEqual(['firstName', 'lastName']);
    const rows = ['a', 'b', 'c', 'd'].map((name, i) => [
      line(`${name}Name X${i}`, 110, 200 + 24 * i, 100),
      line(`${name}Name`, 110, 200 + 24 * i, 60),
    ]);
    expect(
      valuesGoneAt(
        rows.map(([was]) => was!),
        rows.map(([, now]) => now!),
        { x: 100, y: 190, width: 200, height: 120 },
      ),
    ).toEqual([]);
  });

  it("finds a value read apart beside its caption that OCR no longer reads, where the value's own pixels changed", () => {
    // dat.GUI in a video: "10" typed over with "25" in the height field, and OCR read nothing there after.
    const area = { x: 1068, y: 4, width: 196, height: 164 };
    const gui = [
      line('maxSize', 1029, 120, 42, 8),
      line('6', 1217, 121, 6, 9),
      line('height', 1029, 148, 30, 10),
      line('10', 1119, 149, 13, 9),
    ];
    const read = [line('maxSize', 1029, 120, 42, 8), line('height', 1029, 148, 30, 10)];
    const [gone, ...others] = valuesGoneAt(gui, read, area, new Set(['10']));
    expect(others).toEqual([]);
    expect(gone).toMatchObject({ caption: 'height', old: '10' });
    // Over where "10" was and further right, not over the caption.
    expect(gone!.area.x).toBeGreaterThanOrEqual(1059);
    expect(gone!.area.x).toBeLessThanOrEqual(1119);
    expect(gone!.area.x + gone!.area.width).toBeGreaterThan(1160);
    // Not where its pixels stayed as they were (OCR missed "6", which is still there), nor where
    // the caption moved (a list scrolled), nor a value far right of its caption (another column).
    expect(valuesGoneAt(gui, read, area, new Set())).toEqual([]);
    const moved = [line('maxSize', 1029, 120, 42, 8), line('height', 1029, 170, 30, 10)];
    expect(valuesGoneAt(gui, moved, area, new Set(['10']))).toEqual([]);
    const far = gui.map((l) => (l.text === '10' ? line('10', 1200, 149, 13, 9) : l));
    expect(valuesGoneAt(far, read, area, new Set(['10']))).toEqual([]);
    // Nor where the change brought new text too (a folder opened, a card filled in), nor a value
    // OCR was unsure of ("Sow", which was "Slow" read through the video's blur).
    expect(valuesGoneAt(gui, [...read, line('color0', 1100, 60, 30, 10)], area, new Set(['10']))).toEqual([]);
    const hello = [line('Hello', 1114, 26, 34, 25), ...gui];
    expect(valuesGoneAt(hello, [line('Hello World', 1119, 26, 68, 25), ...read], area, new Set(['10']))).toHaveLength(
      1,
    );
    expect(valuesGoneAt(gui, [line('L', 1116, 128, 8, 6), ...read], area, new Set(['10']))).toHaveLength(1);
    const unsure = gui.map((l) => (l.text === '10' ? { ...l, confidence: 59 } : l));
    expect(valuesGoneAt(unsure, read, area, new Set(['10']))).toEqual([]);
    // Nor where something else is read in its place after (a value read anew, `choiceIn`'s).
    expect(valuesGoneAt(gui, [...read, line('25', 1119, 149, 13, 9)], area, new Set(['10']))).toEqual([]);
  });

  it('finds none outside the change', () => {
    expect(valuesGoneAt(before, after, { x: 400, y: 400, width: 50, height: 50 })).toEqual([]);
  });
});

describe('valueReadApart', () => {
  it('is the text read where the old value was', () => {
    expect(valueReadApart({ caption: 'firstName', old: 'John' }, [line('Ada', 200, 266, 30)])).toBe('Ada');
  });

  it("is without the caption's separator and the highlight's edge read before it, not a bracket typed", () => {
    expect(valueReadApart({ caption: 'salary', old: '100' }, [line(':[150', 184, 266, 40)])).toBe('150');
    expect(valueReadApart({ caption: 'array', old: '1' }, [line('[1, 2]', 184, 266, 40)])).toBe('[1, 2]');
  });

  it('is nothing where the old value is read again (the highlight only, no typing), or nothing', () => {
    expect(valueReadApart({ caption: 'firstName', old: 'John' }, [line('John', 200, 266, 30)])).toBeUndefined();
    expect(valueReadApart({ caption: 'firstName', old: 'John' }, [])).toBeUndefined();
  });

  it("is nothing where it reads as the caption's own words (a path that lost its last part: nothing typed)", () => {
    expect(valueReadApart({ caption: 'object', old: 'array' }, [line('object', 60, 135, 37)])).toBeUndefined();
    expect(valueReadApart({ caption: 'object', old: 'array' }, [line('string', 60, 135, 37)])).toBe('string');
  });
});

describe('valueReadLonger', () => {
  /** A line read as words at their x (each 9 px a letter, 4 px apart). */
  const words = (y: number, ...placed: [string, number][]): OcrLine => {
    const ws = placed.map(([text, x]) => ({ text, box: { x, y, width: text.length * 9, height: 12 } }));
    const last = ws.at(-1)!.box;
    return {
      text: ws.map((w) => w.text).join(' '),
      confidence: 90,
      box: { x: ws[0]!.box.x, y, width: last.x + last.width - ws[0]!.box.x, height: 12 },
      words: ws,
    };
  };
  // Tk's rolodex in a video: the caret against "555-0100" cut the change's reading to "55"; read
  // at the pointer, the row held it whole, with the field's edges.
  const cut = [line('Work Phone:', 737, 211, 91, 13), line('55', 835, 185, 16)];

  it('takes the value as the same frame read again at the pointer holds it on from where it starts', () => {
    const again = words(184, ['Home', 733], ['Phone:', 779], ['[555-0100]', 832]);
    expect(valueReadLonger('55', cut, [again])).toBe('555-0100');
    expect(valueReadLonger('55', cut, [words(184, ['555-0100', 835])])).toBe('555-0100');
  });

  it('keeps the value where the other reading does not go on from it, or lies elsewhere', () => {
    expect(
      valueReadLonger('55', cut, [words(184, ['Home', 733], ['Phone:', 779], ['[565-0100]', 832])]),
    ).toBeUndefined();
    expect(valueReadLonger('55', cut, [words(184, ['555-0100', 870])])).toBeUndefined();
    expect(valueReadLonger('55', cut, [words(240, ['555-0100', 835])])).toBeUndefined();
    expect(valueReadLonger('55', cut, [words(184, ['55', 835])])).toBeUndefined();
    expect(valueReadLonger('44', cut, [words(184, ['445', 835])])).toBeUndefined();
  });
});
