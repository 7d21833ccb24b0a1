import { describe, expect, it } from 'vitest';
import type { LumaArea } from '../frame-luma';
import type { Rect } from '../../shared/geometry';
import { toLines, type OcrWord } from '../ocr/lines';
import {
  changeApartFrom,
  changeBesideMark,
  focusLeftIn,
  markAppendedIn,
  markedModified,
  modifiedMarkIn,
} from './side-effects';

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

/** Two readings of a 200 × 180 area at x 1000, the second with the given boxes of pixels made brighter. */
const frames = (...changes: Rect[]): [LumaArea, LumaArea] => {
  const [width, height] = [200, 180];
  const a = { x: 1000, y: 0, width, height, data: new Uint8Array(width * height).fill(30) };
  const b = { ...a, data: a.data.slice() };
  for (const box of changes)
    for (let y = box.y; y < box.y + box.height; y++)
      for (let x = box.x; x < box.x + box.width; x++) b.data[y * width + (x - 1000)] = 200;
  return [a, b];
};

describe('markAppendedIn', () => {
  const region = { x: 1000, y: 0, width: 200, height: 180 };
  // dat.GUI's preset "Default" (box x 1031–1072, y 7–16) and the field typed in below it.
  const before = toLines([
    { text: 'Default', confidence: 90, box: { x: 1031, y: 7, width: 41, height: 9 }, line: 900 },
    { text: 'height', confidence: 90, box: { x: 1031, y: 150, width: 36, height: 9 }, line: 901 },
  ]);

  it('is the line a "*" was drawn just after, high in its rows (measured on the real frames)', () => {
    const [a, b] = frames({ x: 1072, y: 7, width: 5, height: 5 }, { x: 1119, y: 149, width: 13, height: 8 });
    expect(markAppendedIn(before, a, b, region)).toEqual({ x: 1031, y: 7, width: 41, height: 9 });
  });

  it('is nothing for a letter typed on (down to the baseline), a caret, or a change in the line itself', () => {
    const typed = frames({ x: 1072, y: 9, width: 5, height: 7 }, { x: 1119, y: 149, width: 13, height: 8 });
    expect(markAppendedIn(before, ...typed, region)).toBeUndefined();
    const caret = frames({ x: 1073, y: 5, width: 1, height: 13 });
    expect(markAppendedIn(before, ...caret, region)).toBeUndefined();
    const renamed = frames({ x: 1040, y: 7, width: 38, height: 5 });
    expect(markAppendedIn(before, ...renamed, region)).toBeUndefined();
    const far = frames({ x: 1100, y: 7, width: 5, height: 5 }); // not just after the line
    expect(markAppendedIn(before, ...far, region)).toBeUndefined();
  });
});

describe('changeBesideMark', () => {
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

describe('changeApartFrom', () => {
  const region = { x: 1000, y: 0, width: 200, height: 180 };
  // This app's floating controls in a video of the whole screen: their timer ticked.
  const own = { x: 1005, y: 5, width: 60, height: 15 };
  const timer = { x: 1040, y: 8, width: 10, height: 10 };
  const titleBar = { x: 1000, y: 26, width: 40, height: 4 }; // its window dimmed, touching the controls
  const titleButtons = { x: 1150, y: 0, width: 30, height: 5 }; // nearer the controls than the rest
  const link = { x: 1100, y: 70, width: 60, height: 8 }; // the link clicked, lit up
  const opened = { x: 1040, y: 100, width: 150, height: 70 }; // the window it opened

  it('is the box around what changed apart from the controls and what lies nearer them than the rest (on an 8 px grid)', () => {
    const [a, b] = frames(timer, titleBar, titleButtons, link, opened);
    expect(changeApartFrom(a, b, region, own)).toEqual({ x: 1040, y: 64, width: 152, height: 112 });
  });

  it('is nothing where only the controls and what touches them changed', () => {
    const [a, b] = frames(timer, titleBar);
    expect(changeApartFrom(a, b, region, own)).toBeUndefined();
  });
});

describe('focusLeftIn', () => {
  // A desktop form's two fields, 22 px high, 100 px apart, on a grey window (Tk's rolodex).
  const [width, height, ground, ink] = [200, 150, 217, 0];
  const region = { x: 500, y: 50, width, height };
  const field = (top: number) => ({ x: 510, y: 50 + top, width: 180, height: 22 });
  const blank = () => new Uint8Array(width * height).fill(ground);
  const set = (data: Uint8Array, x: number, y: number, v: number) => {
    data[(y - 50) * width + (x - 500)] = v;
  };
  const ring = (data: Uint8Array, box: Rect, v: number) => {
    for (let x = box.x; x < box.x + box.width; x++) [box.y, box.y + box.height - 1].forEach((y) => set(data, x, y, v));
    for (let y = box.y; y < box.y + box.height; y++) [box.x, box.x + box.width - 1].forEach((x) => set(data, x, y, v));
  };
  const text = (data: Uint8Array, box: Rect, letters: number) => {
    for (let i = 0; i < letters; i++)
      for (let y = box.y + 6; y < box.y + 16; y++) for (let x = 0; x < 5; x++) set(data, box.x + 6 + i * 8 + x, y, ink);
  };
  const caret = (data: Uint8Array, box: Rect, at: number) => {
    for (let y = box.y + 4; y < box.y + 18; y++) set(data, at, y, ink);
  };
  const area = (data: Uint8Array): LumaArea => ({ ...region, data });
  const [name, phone] = [field(10), field(110)];

  it('is the rest of a change where one field lost its focus ring and caret, and the next was typed in', () => {
    const [a, b] = [blank(), blank()];
    ring(a, name, ink);
    caret(a, name, 600);
    text(b, phone, 8);
    ring(b, phone, ink);
    text(a, name, 10);
    text(b, name, 10);
    expect(focusLeftIn(area(a), area(b), region)).toEqual({ x: 500, y: phone.y, width, height: phone.height });
    // The text beam pointer, resting in the field the focus left before (a caret and a pointer
    // inside its ring), moved below the other as it was typed in: not the action's.
    for (let y = name.y + 3; y < name.y + 19; y++) for (let x = 680; x < 687; x++) set(a, x, y, ink);
    for (let y = 188; y < 200; y++) for (const x of [620, 621]) set(b, x, y, ink);
    expect(focusLeftIn(area(a), area(b), region)).toEqual({ x: 500, y: phone.y, width, height: phone.height });
  });

  it('is nothing where no ring went away', () => {
    const [a, b] = [blank(), blank()];
    text(b, phone, 8); // one part only
    expect(focusLeftIn(area(a), area(b), region)).toBeUndefined();
    // A ring drawn (focus came), not taken away, with text elsewhere.
    const [c, d] = [blank(), blank()];
    ring(d, name, ink);
    text(d, phone, 8);
    expect(focusLeftIn(area(c), area(d), region)).toBeUndefined();
    // The field above changed inside too (its text went): no ring alone.
    const [e, f] = [blank(), blank()];
    ring(e, name, ink);
    text(e, name, 4);
    caret(e, name, 600);
    text(f, phone, 8);
    expect(focusLeftIn(area(e), area(f), region)).toBeUndefined();
  });

  it('is nothing where more than a row changed besides (a menu opened under a button whose border faded)', () => {
    const [a, b] = [blank(), blank()];
    ring(a, name, ink);
    for (const top of [50, 75, 100, 125]) text(b, field(top - 10), 12); // four rows of a menu
    expect(focusLeftIn(area(a), area(b), region)).toBeUndefined();
  });

  it('is nothing where a selection moved from one box to another (both parts rings)', () => {
    const [a, b] = [blank(), blank()];
    ring(a, name, ink);
    ring(b, phone, ink);
    expect(focusLeftIn(area(a), area(b), region)).toBeUndefined();
  });
});
