import { describe, expect, it, vi } from 'vitest';
import type { FrameResult } from './backend';
import type { Rect } from '../shared/geometry';
import { toLines, type OcrWord } from './ocr/lines';
import { keptAtPoint, pointerTip, readRow } from './point-row';

vi.mock('../storage/cache', () => ({ readCache: async () => undefined, writeCache: async () => undefined }));
vi.mock('../storage/recordings', () => ({ getFrame: async () => undefined }));

let lineId = 0;
const line = (text: string, x: number, y: number, confidence = 90): OcrWord[] => {
  const id = lineId++;
  let cursor = x;
  return text.split(' ').map((word) => {
    const box = { x: cursor, y, width: word.length * 8, height: 12 };
    cursor += box.width + 6;
    return { text: word, confidence, box, line: id };
  });
};

/** A backend whose strip (480 × 48 around the point), row alone (640 × 28) and box around the point read as given. */
function backend(strip: OcrWord[], row: OcrWord[], box?: { words: OcrWord[]; area: Rect }) {
  const reads: boolean[] = [];
  return {
    reads,
    analyzePoint: async (_frameId: string, _point: { x: number; y: number }, alone = false): Promise<FrameResult> => {
      reads.push(alone);
      return { lines: toLines(alone ? row : strip), cached: false };
    },
    analyzeBoxAt: async () => (box ? { lines: toLines(box.words), cached: false, area: box.area } : null),
  };
}

describe('readRow', () => {
  // A desktop form's field clicked in its middle: its label "Home Phone:" 260 px to the left.
  const point = { x: 992, y: 191 };

  it('is the strip where it read the line at the point whole and surely enough', async () => {
    const reader = backend(line('Home Phone:', 900, 185, 92), line('Home Phone:', 900, 185, 96));
    expect((await readRow(reader, 'f', point)).lines.map((l) => l.text)).toEqual(['Home Phone:']);
    expect(reader.reads).toEqual([false]);
    // Less than sure: the row alone is read too, but a surer piece of the line does not replace it.
    const piece = backend(line('Home Phone:', 900, 185, 75), line('Home', 900, 185, 96));
    expect((await readRow(piece, 'f', point)).lines.map((l) => l.text)).toEqual(['Home Phone:']);
    expect(piece.reads).toEqual([false, true]);
  });

  it('is the row alone where it reads the whole line more surely than the strip read it less than surely', async () => {
    // TodoMVC's "Clear completed (1)": 11 px grey on a grey button, misread in the strip.
    const at = { x: 992, y: 292 };
    const reader = backend(line('cl leted (1)', 944, 286, 87), line('Clear completed (1)', 942, 286, 96));
    expect((await readRow(reader, 'f', at)).lines.map((l) => l.text)).toEqual(['Clear completed (1)']);
    const lessSure = backend(line('cl leted (1)', 944, 286, 87), line('Clear completed (1)', 942, 286, 80));
    expect((await readRow(lessSure, 'f', at)).lines.map((l) => l.text)).toEqual(['cl leted (1)']);
  });

  it('is the row alone where the strip cut the line at its edge or read garbage', async () => {
    const cut = backend(line('me Phone:', 756, 185, 96), line('Home Phone:', 733, 185, 95));
    expect((await readRow(cut, 'f', point)).lines.map((l) => l.text)).toEqual(['Home Phone:']);
    const garbage = backend(line('id I', 900, 185, 42), line('Home Phone:', 900, 185, 96));
    expect((await readRow(garbage, 'f', point)).lines.map((l) => l.text)).toEqual(['Home Phone:']);
    const nothing = backend([], line('Home Phone:', 733, 185, 90));
    expect((await readRow(nothing, 'f', point)).lines.map((l) => l.text)).toEqual(['Home Phone:']);
  });

  it('is the row alone where the strip read only a piece of its line, however surely', async () => {
    // Tk's rolodex: the rows above and below in the strip cut "Name:" to "Nam" at 96 %; the
    // text-beam pointer in the field was read as "I". Alone, the row reads "Name:" at 71 %.
    const at = { x: 992, y: 83 };
    const strip = [...line('Nam', 781, 77, 96), ...line('I', 989, 77, 77)].map((w) => ({ ...w, line: 900 }));
    const reader = backend(strip, line('‘Name:', 776, 77, 71));
    expect((await readRow(reader, 'f', at, true)).lines.map((l) => l.text)).toEqual(['‘Name:']);
  });

  it('is the box around the point read alone where neither the strip nor the row read anything there', async () => {
    // Tk's default button, closed in by a double border: "Cancel" reads only inside it.
    const at = { x: 642, y: 426 };
    const area = { x: 606, y: 414, width: 70, height: 24 };
    const reader = backend([], [], { words: line('Cancel', 616, 420, 96), area });
    expect(await readRow(reader, 'f', at)).toEqual({ lines: toLines(line('Cancel', 616, 420, 96)), area });
    // Not where the strip read the control (the box is not read then).
    const read = backend(line('Cancel', 616, 420, 80), [], { words: line('Cance', 616, 420, 96), area });
    expect((await readRow(read, 'f', at)).lines.map((l) => l.text)).toEqual(['Cancel']);
    // Nor where no box is around the point, or it reads nothing there.
    expect((await readRow(backend([], []), 'f', at)).lines).toEqual([]);
  });

  it('is the box round the point, and its text the point, where a click fell on a control off its text', async () => {
    // Tk's "X Dismiss" (text 714–726) in a button from 708 to 733, the X pointer's middle at 708:
    // the strip read the text, not on the point's row; the row alone, centred on the point, cut it.
    const at = { x: 1180, y: 708 };
    const area = { x: 1132, y: 708, width: 111, height: 26 };
    const dismiss = line('X Dismiss', 1151, 714, 95);
    const reader = backend(dismiss, line('Nicmice 1', 1171, 694, 70), { words: dismiss, area });
    const row = await readRow(reader, 'f', at);
    expect(row).toEqual({ lines: toLines(dismiss), area, at: { x: 1151 + 35, y: 720 } });
    expect(reader.reads).toEqual([false]);
    // Not for a field typed into (its caption is what names it), nor where the box holds no text.
    expect((await readRow(reader, 'f', at, true)).at).toBeUndefined();
    const empty = backend(dismiss, line('Nicmice 1', 1171, 694, 70));
    expect((await readRow(empty, 'f', at)).lines.map((l) => l.text)).toEqual(['Nicmice 1']);
    // The next button's text level with the point, beside it in the strip, lies outside the box: the box.
    const seeCode = line('Ch see Code', 1023, 700, 85);
    const beside = backend([...seeCode, ...dismiss], line('Nicmice 1', 1171, 694, 70), { words: dismiss, area });
    expect((await readRow(beside, 'f', at)).at).toEqual({ x: 1151 + 35, y: 720 });
    // Text beside the point inside the box (a wide button's own text): not moved.
    const own = backend(line('Dismiss', 1200, 700, 85), line('Nicmice 1', 1171, 694, 70), { words: dismiss, area });
    expect((await readRow(own, 'f', at)).at).toBeUndefined();
  });

  it("is the box round the point where it reads the control's text over the point and the strip only the next control's", async () => {
    // A ttk notebook's tab "Description" (its D underlined), unread in the strip and garbled in
    // the row alone; the strip's line nearest the point is the tab "Text Editor", 87 px along.
    const at = { x: 738, y: 315 };
    const area = { x: 693, y: 304, width: 91, height: 23 };
    const tab = line('Description', 698, 309, 96);
    const strip = line('Text Editor', 865, 309, 96);
    const reader = backend(strip, line('Text Editor', 865, 303, 47), { words: tab, area });
    expect(await readRow(reader, 'f', at)).toEqual({ lines: toLines(tab), area });
    expect(reader.reads).toEqual([false]);
    // Not where the box's text lies beside the point only (the strip's line is nearer then)…
    const beside = backend(strip, [], { words: line('Description', 748, 309, 96), area });
    expect((await readRow(beside, 'f', at)).lines.map((l) => l.text)).toEqual(['Text Editor']);
    // …nor where the strip's line beside the point lies in the box too.
    const inBox = backend(strip, [], { words: tab, area: { ...area, width: 260 } });
    expect((await readRow(inBox, 'f', at)).lines.map((l) => l.text)).toEqual(['Text Editor']);
  });

  it('keeps the strip where the row alone reads nothing at the point, or less surely', async () => {
    expect((await readRow(backend(line('id I', 900, 185, 42), []), 'f', point)).lines.map((l) => l.text)).toEqual([
      'id I',
    ]);
    const worse = backend(line('Home Phone:', 900, 185, 55), line('Hame Phane:', 900, 185, 40));
    expect((await readRow(worse, 'f', point)).lines.map((l) => l.text)).toEqual(['Home Phone:']);
  });

  it('is the row alone where the strip read only a shortcut at the point and the row the control', async () => {
    // Tk's "Delete...   Ctrl+D" with the pointer resting on "Delete...": the strip kept only "Ctrl+D".
    const at = { x: 1145, y: 276 };
    const reader = backend(line('Ctrl+D', 1159, 269, 93), line('Delete... Ctrl+D', 1084, 269, 80));
    const row = await readRow(reader, 'f', at);
    expect(row.lines.map((l) => l.text)).toEqual(['Delete... Ctrl+D']);
    // The row alone read only the shortcut too: the strip stays.
    const neither = backend(line('Ctrl+D', 1159, 269, 93), line('Ctrl+D', 1159, 269, 95));
    expect((await readRow(neither, 'f', at)).lines.map((l) => l.text)).toEqual(['Ctrl+D']);
  });

  it('reads the row alone for a field typed into whose value the strip named only by the line above', async () => {
    // dat.GUI: "height" and its value "10", the row "maxSize 6" 27 px above; the strip missed "height".
    const at = { x: 1188, y: 154 };
    const strip = [...line('maxSize', 1021, 121, 92), ...line('6', 1180, 121), ...line('10', 1172, 148, 70)];
    const row = [...line('height', 1021, 148, 64), ...line('10', 1172, 148, 70)];
    const reader = backend(strip, row);
    expect((await readRow(reader, 'f', at, 'replaced')).lines.map((l) => l.text)).toEqual(['height', '10']);
    expect(reader.reads).toEqual([false, true]);
    // The row alone reads no caption on the row either: the strip, with the line above.
    const none = backend(strip, line('10', 1172, 148, 70));
    expect((await readRow(none, 'f', at, 'replaced')).lines.map((l) => l.text)).toContain('maxSize');
    // Not a field (a click): the strip, as before (its "10" at 70 % has the row alone read too,
    // which reads it no more surely).
    const click = backend(strip, row);
    expect((await readRow(click, 'f', at)).lines.map((l) => l.text)).toContain('maxSize');
    expect(click.reads).toEqual([false, true]);
  });
});

describe('pointerTip', () => {
  // Tk's widget demo: a hand resting on the link "5. Radio-buttons …" (rows 315–328), its middle
  // in the gap above "6. A 15-puzzle game …" (from 332).
  const links = toLines([
    ...line('5. Radio-buttons (select one of a group)', 710, 315),
    ...line('6. A 15-puzzle game made out of buttons', 710, 332),
  ]);

  it("takes a pointer's tip, above its middle, where only the tip falls in a line", () => {
    expect(pointerTip(links, { x: 772, y: 330 })).toEqual({ x: 772, y: 322 });
  });

  it('keeps the middle where it falls in a line (an X pointer points there) or the tip in none', () => {
    expect(pointerTip(links, { x: 772, y: 320 })).toEqual({ x: 772, y: 320 });
    expect(pointerTip(links, { x: 772, y: 360 })).toEqual({ x: 772, y: 360 });
  });
});

describe('keptAtPoint', () => {
  // Tk's "Bottom" pressed: the X pointer resting on it hides half its text in the after frame;
  // once the pointer moved on, it reads again where it was.
  const point = { x: 1122, y: 596 };
  const before = toLines(line('Bottom', 1095, 588));
  const hidden = toLines(line('Blue', 914, 572));

  it('is whether the text at the point reads again after the change, or once the pointer left it', () => {
    expect(keptAtPoint({ point, before, after: toLines(line('Bottom', 1095, 588)) })).toBe(true);
    expect(keptAtPoint({ point, before, after: hidden })).toBe(false);
    expect(keptAtPoint({ point, before, after: hidden, left: toLines(line('Bottom', 1095, 587)) })).toBe(true);
    // A field typed into: its old text gave way, with or without the pointer on it.
    expect(keptAtPoint({ point, before, after: hidden, left: toLines(line('Grace', 1095, 588)) })).toBe(false);
    // No after frame read (typing): nothing kept.
    expect(keptAtPoint({ point, before, left: before })).toBe(false);
  });
});
