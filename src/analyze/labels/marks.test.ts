import { describe, expect, it } from 'vitest';
import type { Rect } from '../../shared/geometry';
import { toLines, type OcrLine, type OcrWord } from '../ocr/lines';
import { boxToggledAt, boxToggledBeside, dotMovedTo, gainedMark } from './marks';
import type { LumaArea } from '../frame-luma';

const WIDTH = 640;
const HEIGHT = 240;
const PAPER = 250;

/** A blank frame area (the whole test screen). */
function screen(): LumaArea {
  return { x: 0, y: 0, width: WIDTH, height: HEIGHT, data: new Uint8Array(WIDTH * HEIGHT).fill(PAPER) };
}

function fill(image: LumaArea, box: Rect, luma: number): void {
  for (let y = box.y; y < box.y + box.height; y++)
    for (let x = box.x; x < box.x + box.width; x++) image.data[y * image.width + x] = luma;
}

function outline(image: LumaArea, box: Rect, luma: number): void {
  fill(image, { ...box, height: 1 }, luma);
  fill(image, { ...box, y: box.y + box.height - 1, height: 1 }, luma);
  fill(image, { ...box, width: 1 }, luma);
  fill(image, { ...box, x: box.x + box.width - 1, width: 1 }, luma);
}

let lineId = 0;
/** Words drawn as glyph-like strokes, and what OCR would read of them. */
function write(image: LumaArea, text: string, x: number, y: number, gap = 6, ink = 40): OcrWord[] {
  const id = lineId++;
  let cursor = x;
  return text.split(' ').map((word) => {
    const box = { x: cursor, y, width: word.length * 8, height: 12 };
    for (let gx = box.x; gx < box.x + box.width; gx += 3) fill(image, { x: gx, y, width: 1, height: 12 }, ink);
    cursor += box.width + gap;
    return { text: word, confidence: 90, box, line: id };
  });
}

/** Tk's window grey, and its check box: an 11 px white box with a dark top and left edge. */
const TK_GREY = 217;
function tkCheckBox(image: LumaArea, x: number, y: number): void {
  fill(image, { x, y, width: 11, height: 11 }, 255);
  fill(image, { x, y, width: 10, height: 1 }, 130);
  fill(image, { x, y, width: 1, height: 10 }, 130);
}

/** The same page before and after, each given what to draw; returns the frames and lines. */
function frames(draw: (image: LumaArea, after: boolean) => OcrWord[]) {
  const [before, after] = [screen(), screen()];
  const [linesBefore, linesAfter] = [toLines(draw(before, false)), toLines(draw(after, true))];
  return { before, after, linesBefore, linesAfter };
}

/** A line as OCR reads it with the arrow before it as a letter "v". */
const readWithArrow = (line: OcrLine): OcrLine => ({
  ...line,
  text: `v ${line.text}`,
  box: { ...line.box, x: line.box.x - 20, width: line.box.width + 20 },
});

const mark = (f: { before: LumaArea; after: LumaArea; linesBefore: OcrLine[]; linesAfter: OcrLine[] }) =>
  gainedMark(f.before, f.after, f.linesBefore, f.linesAfter);

describe('gainedMark', () => {
  it('names the header a sort arrow moved to, not the one across the column border', () => {
    const arrow = (image: LumaArea, x: number) => fill(image, { x, y: 22, width: 9, height: 5 }, 60);
    const f = frames((image, after) => {
      for (const x of [150, 300]) fill(image, { x, y: 10, width: 1, height: 30 }, 200); // column borders
      arrow(image, after ? 280 : 130);
      // Rows below, sorted anew: other text in the same places.
      const rows = after ? ['Bert', 'Ernie'] : ['Ernie', 'Bert'];
      return [
        ...write(image, 'Name', 10, 18),
        ...write(image, 'Price', 160, 18),
        ...write(image, 'Version', 310, 18),
        ...rows.flatMap((name, i) => write(image, name, 10, 60 + 30 * i)),
      ];
    });
    expect(mark(f)).toMatchObject({ label: 'Price', checkbox: false });
  });

  it("finds no mark where most of the text faded in place (a dialog's overlay paled the page under it)", () => {
    const page = (fade: boolean) =>
      frames((image, after) => {
        const ink = after && fade ? 190 : 40;
        // A glyph drawn beside a line: a mark, were the page not paled.
        if (after) fill(image, { x: 130, y: 22, width: 9, height: 5 }, 60);
        return ['Name', 'Price', 'Version', 'Filesize'].flatMap((text, i) =>
          write(image, text, 10, 18 + 40 * i, 6, ink),
        );
      });
    expect(mark(page(false))).toMatchObject({ label: 'Name' });
    expect(mark(page(true))).toBeUndefined();
  });

  it('names the filter that gained a faint border, where the list that shrank moved it', () => {
    const f = frames((image, after) => {
      const dy = after ? -30 : 0;
      const words = write(image, 'All Active Completed', 200, 150 + dy, 20);
      const selected = after ? words[1]! : words[0]!;
      outline(image, { x: selected.box.x - 5, y: selected.box.y - 3, width: selected.box.width + 10, height: 18 }, 225);
      return [...(after ? [] : write(image, 'Buy milk', 60, 120)), ...words];
    });
    expect(mark(f)).toMatchObject({ label: 'Active', checkbox: false });
  });

  it('reads a box ticked beside a todo that faded as a checkbox for that todo', () => {
    const f = frames((image, after) => {
      outline(image, { x: 20, y: 40, width: 16, height: 16 }, 200);
      if (after) fill(image, { x: 22, y: 42, width: 12, height: 12 }, 70);
      // Ticked off, the todo's text fades (grey, struck through) where OCR no longer reads it.
      if (after) {
        write(image, 'Buy milk', 60, 42, 6, 190);
        fill(image, { x: 60, y: 48, width: 70, height: 1 }, 190);
      }
      return after
        ? write(image, 'Walk the dog', 60, 80)
        : [...write(image, 'Buy milk', 60, 42), ...write(image, 'Walk the dog', 60, 80)];
    });
    expect(mark(f)).toMatchObject({ label: 'Buy milk', checkbox: true });
  });

  it('names the todo ticked that faded, not the toggle-all arrow that darkened with it, nearer its text', () => {
    // TodoMVC: the last item ticked off darkens the arrow before the new-todo field too.
    const f = frames((image, after) => {
      fill(image, { x: 44, y: 10, width: 10, height: 8 }, after ? 60 : 235);
      outline(image, { x: 20, y: 40, width: 16, height: 16 }, 200);
      if (after) fill(image, { x: 22, y: 42, width: 12, height: 12 }, 70);
      if (after) {
        write(image, 'Fix the sink', 60, 42, 6, 190);
        fill(image, { x: 60, y: 48, width: 90, height: 1 }, 190);
      }
      return [...write(image, 'What needs to be done?', 60, 8), ...(after ? [] : write(image, 'Fix the sink', 60, 42))];
    });
    expect(mark(f)).toMatchObject({ label: 'Fix the sink', checkbox: true });
  });

  it('reads a tick that paled beside a todo that came back into full ink as its box unticked', () => {
    const f = frames((image, after) => {
      fill(image, { x: 44, y: 10, width: 10, height: 8 }, after ? 235 : 60); // the toggle-all arrow paled
      fill(image, { x: 22, y: 42, width: 14, height: 12 }, after ? 230 : 120);
      if (!after) {
        write(image, 'Email Sam', 60, 42, 6, 190);
        fill(image, { x: 60, y: 48, width: 80, height: 1 }, 190);
      }
      return [...write(image, 'What needs to be done?', 60, 8), ...(after ? write(image, 'Email Sam', 60, 42) : [])];
    });
    expect(mark(f)).toMatchObject({ label: 'Email Sam', checkbox: true, unticked: true });
    // OCR read the struck-through todo in its faint grey too: it came back into darker ink.
    const readFaint = frames((image, after) => {
      fill(image, { x: 22, y: 42, width: 14, height: 12 }, after ? 230 : 120);
      const todo = write(image, 'Email Sam', 60, 42, 6, after ? undefined : 190);
      if (!after) fill(image, { x: 60, y: 48, width: 80, height: 1 }, 190);
      return [...write(image, 'What needs to be done?', 60, 8), ...todo];
    });
    expect(mark(readFaint)).toMatchObject({ label: 'Email Sam', checkbox: true, unticked: true });
    // A mark that went beside a line that stayed as it was is a side effect: no box unticked.
    const arrow = frames((image, after) => {
      fill(image, { x: 44, y: 10, width: 12, height: 10 }, after ? 235 : 60);
      return write(image, 'What needs to be done?', 60, 8);
    });
    expect(mark(arrow)).toBeUndefined();
  });

  it('takes no number that changed in place, nor a word that moved along its row, for a mark', () => {
    // TodoMVC's footer: "0items left" then "1 item left" ("left" moved along), and "(2)" then "(1)".
    const digit = (image: LumaArea, x: number, one: boolean) =>
      one
        ? fill(image, { x: x + 3, y: 100, width: 2, height: 12 }, 40)
        : outline(image, { x, y: 100, width: 8, height: 12 }, 40);
    const f = frames((image, after) => {
      digit(image, 20, after);
      digit(image, 400, !after);
      const counter = after
        ? [...write(image, '1', 20, 100), ...write(image, 'item', 34, 100), ...write(image, 'left', 72, 100)]
        : [...write(image, '0items', 20, 100), ...write(image, 'left', 80, 100)];
      return [
        ...counter,
        ...write(image, 'All Active Completed', 200, 100),
        ...write(image, after ? '(1)' : '(2)', 400, 100),
      ];
    });
    expect(mark(f)).toBeUndefined();
    // "Clear completed (2)" not read before (a video's frame), "Clear completed (1)" after: its
    // count is text of a line that changed, no mark beside the filters.
    const unread = frames((image, after) => {
      digit(image, 428, !after);
      const clear = write(image, 'Clear completed', 300, 100);
      const count = { ...clear[0]!, text: after ? '(1)' : '(2)', box: { x: 424, y: 100, width: 24, height: 12 } };
      return [...write(image, 'All Active Completed', 100, 100), ...(after ? [...clear, count] : [])];
    });
    expect(mark(unread)).toBeUndefined();
  });

  it('reads a box ticked beside a todo that OCR read struck through, letters apart, in its place', () => {
    const f = frames((image, after) => {
      outline(image, { x: 20, y: 40, width: 16, height: 16 }, 200);
      if (after) fill(image, { x: 22, y: 42, width: 12, height: 12 }, 70);
      if (after) fill(image, { x: 60, y: 48, width: 100, height: 1 }, 40);
      return [...write(image, 'Book flights', 60, 42), ...write(image, '2 items left', 60, 80)];
    });
    // Read after as "Boeck fights", in its place.
    const struck = f.linesAfter.map((l) => (l.text === 'Book flights' ? { ...l, text: 'Boeck fights' } : l));
    expect(mark({ ...f, linesAfter: struck })).toMatchObject({ label: 'Book flights', checkbox: true });
    // A line whose text another replaced, a few letters apart, is a result: no mark beside it.
    const counter = frames((image, after) => {
      outline(image, { x: 20, y: 40, width: 16, height: 16 }, 200);
      if (after) fill(image, { x: 22, y: 42, width: 12, height: 12 }, 70);
      return write(image, after ? '1 item left' : '2 items left', 60, 42);
    });
    expect(mark(counter)).toBeUndefined();
  });

  it('reads the tick though OCR read a line of the list a letter apart after (a video)', () => {
    // Four lines of text, two "gone" by exact text (half: a view replaced), but for the misreading.
    const f = frames((image, after) => {
      outline(image, { x: 20, y: 40, width: 16, height: 16 }, 200);
      if (after) fill(image, { x: 22, y: 42, width: 12, height: 12 }, 70);
      if (after) write(image, 'Buy milk', 60, 42, 6, 190);
      const rest = [
        ...write(image, 'Walk the dog', 60, 80),
        ...write(image, 'Feed the cat', 60, 120),
        ...write(image, 'Pay rent', 60, 160),
      ];
      return after ? rest : [...write(image, 'Buy milk', 60, 42), ...rest];
    });
    // "Feed the cat" read "Feed the cal" after.
    const misread = f.linesAfter.map((l) => (l.text === 'Feed the cat' ? { ...l, text: 'Feed the cal' } : l));
    expect(mark({ ...f, linesAfter: misread })).toMatchObject({ label: 'Buy milk', checkbox: true });
    // Where most of its lines went (other text drawn in their places), the view stays replaced.
    const replaced = frames((image, after) => {
      outline(image, { x: 20, y: 40, width: 16, height: 16 }, 200);
      if (after) fill(image, { x: 22, y: 42, width: 12, height: 12 }, 70);
      const rows = after ? ['Settings', 'Your profile', 'Log out'] : ['Walk the dog', 'Feed the cat', 'Pay rent'];
      return [
        ...write(image, 'Buy milk', 60, 42),
        ...rows.flatMap((row, i) => write(image, row, after ? 61 : 60, 80 + 40 * i)),
      ];
    });
    expect(mark(replaced)).toBeUndefined();
    // Lines OCR did not read again, though their pixels are as they were, are not gone (a video's
    // noisy frame, a line boxed taller at the edge of the area read).
    expect(mark({ ...f, linesAfter: misread.slice(0, 1) })).toMatchObject({ label: 'Buy milk', checkbox: true });
  });

  it('reads a small desktop check box ticked beside the label the pointer rests on, its reading spoilt by the pointer', () => {
    // Ticking "Wipers OK" also turns "Safety Check" above it to its mixed state (a grey tick).
    const tick = (image: LumaArea, x: number, y: number, luma: number) => {
      for (let i = 0; i < 3; i++) fill(image, { x: x + 2 + i, y: y + 5 + i, width: 1, height: 2 }, luma);
      for (let i = 0; i < 4; i++) fill(image, { x: x + 5 + i, y: y + 6 - i, width: 1, height: 2 }, luma);
    };
    const f = frames((image, after) => {
      image.data.fill(TK_GREY);
      tkCheckBox(image, 40, 41);
      tkCheckBox(image, 55, 71);
      const words = [...write(image, 'Safety Check', 58, 40, 6, 20), ...write(image, 'Wipers OK', 73, 70, 6, 20)];
      if (after) {
        tick(image, 40, 41, 140);
        tick(image, 55, 71, 0);
        fill(image, { x: 92, y: 70, width: 10, height: 16 }, 0); // the pointer, on "Wipers"
      }
      return words;
    });
    // After, OCR reads only "OK" of the line the pointer is drawn over.
    const spoilt = f.linesAfter.map((l) =>
      l.text === 'Wipers OK' ? { ...l, text: 'OK', box: { ...l.box, x: 129, width: 16 }, words: [] } : l,
    );
    const pointer = { x: 96, y: 76 };
    expect(gainedMark(f.before, f.after, f.linesBefore, spoilt, pointer)).toMatchObject({
      label: 'Wipers OK',
      checkbox: true,
    });
    // Nor where OCR read the tick with its box's edge as a word of its own ("Iv").
    const tickRead = toLines([{ text: 'Iv', confidence: 60, box: { x: 55, y: 72, width: 10, height: 10 }, line: 950 }]);
    expect(gainedMark(f.before, f.after, f.linesBefore, [...spoilt, ...tickRead], pointer)).toMatchObject({
      label: 'Wipers OK',
      checkbox: true,
    });
    // Without the pointer, the only label that stayed is the box above's, ticked as a result.
    expect(gainedMark(f.before, f.after, f.linesBefore, spoilt)).toMatchObject({ label: 'Safety Check' });
    // A video where the pointer was not seen: the line read again in its place with a word
    // spoilt and the tick as a word ("Vv Widgrs OK", its tick's pixels no text) is the one ticked.
    const garbled = f.linesAfter.map((l) =>
      l.text === 'Wipers OK'
        ? {
            ...l,
            text: 'Vv Widgrs OK',
            box: { ...l.box, x: 55, width: l.box.x + l.box.width - 55 },
            words: [{ text: 'Vv', box: { x: 55, y: 71, width: 11, height: 11 } }, ...(l.words ?? [])],
          }
        : l,
    );
    expect(gainedMark(f.before, f.after, f.linesBefore, garbled)).toMatchObject({
      label: 'Wipers OK',
      checkbox: true,
    });
    // A word of it replaced by another ("Wipers OK" now "Brakes OK") is no spoilt reading.
    const other = garbled.map((l) => (l.text === 'Vv Widgrs OK' ? { ...l, text: 'Vv Brakes OK' } : l));
    expect(gainedMark(f.before, f.after, f.linesBefore, other)).toMatchObject({ label: 'Safety Check' });
    // A pointer on a line that other text replaced does not make it the mark's label.
    const replaced = spoilt.map((l) => (l.text === 'OK' ? { ...l, text: 'Brakes' } : l));
    expect(gainedMark(f.before, f.after, f.linesBefore, replaced, pointer)).toMatchObject({ label: 'Safety Check' });
  });

  it('reads the tick though the pointer garbled its label and the row it left, of four lines (no view replaced)', () => {
    const f = frames((image, after) => {
      image.data.fill(TK_GREY);
      for (const y of [41, 71, 101]) tkCheckBox(image, 55, y);
      if (after) for (let i = 0; i < 4; i++) fill(image, { x: 58 + i, y: 106 - i, width: 1, height: 2 }, 0);
      return [
        ...write(image, 'Wipers OK', 73, 40, 6, 20),
        ...write(image, 'Brakes OK', 73, 70, 6, 20),
        ...write(image, 'Driver Sober', 73, 100, 6, 20),
        ...write(image, 'See Variables See Code', 73, 150, 6, 20),
      ];
    });
    // The pointer left "Brakes OK" (read "I~ OK" under it before) for "Driver Sober" (read through it after).
    const reread = (lines: OcrLine[], from: string, to: string) =>
      lines.map((l) => (l.text === from ? { ...l, text: to, words: undefined } : l));
    const linesBefore = reread(f.linesBefore, 'Brakes OK', 'I~ OK');
    const linesAfter = reread(f.linesAfter, 'Driver Sober', 'Driv)¢ Sober');
    expect(gainedMark(f.before, f.after, linesBefore, linesAfter, { x: 110, y: 106 })).toMatchObject({
      label: 'Driver Sober',
      checkbox: true,
    });
  });

  it('reads a small mark on a plain ground beside a label as no checkbox (a dot, not a box ticked)', () => {
    const f = frames((image, after) => {
      if (after) fill(image, { x: 44, y: 44, width: 8, height: 8 }, 60);
      return write(image, 'Unread', 60, 42);
    });
    expect(mark(f)).toMatchObject({ label: 'Unread', checkbox: false });
  });

  it('reads a box that fills with colour as it is ticked, on a dark page, as a checkbox for its label', () => {
    // A dark theme's checkbox: white when empty; blue with a white tick when ticked. OCR read
    // the label a letter short after, its box stretched over the box beside it.
    const checkbox = { x: 140, y: 40, width: 16, height: 16 };
    const draw = (image: LumaArea, ticked: boolean): OcrWord[] => {
      image.data.fill(30);
      fill(image, checkbox, ticked ? 90 : 240);
      if (ticked) for (let i = 0; i < 8; i++) fill(image, { x: 144 + i, y: 52 - i, width: 2, height: 2 }, 240);
      const words = [...write(image, 'displayOutline', 20, 42, 6, 220), ...write(image, 'explode', 20, 80, 6, 220)];
      if (!ticked) return words;
      const [label, rest] = [words[0]!, words.slice(1)];
      return [{ ...label, text: 'displayOutine', box: { ...label.box, width: 140 } }, ...rest];
    };
    const ticked = frames((image, after) => draw(image, after));
    expect(mark(ticked)).toMatchObject({ label: 'displayOutline', checkbox: true });
    const unticked = frames((image, after) => draw(image, !after));
    expect(mark(unticked)).toBeUndefined();
    // OCR took the box into the label's box in both frames (a video): still the label's tick.
    const stretched = (words: OcrWord[]) =>
      words.map((w, i) => (i === 0 ? { ...w, text: 'displayOutine', box: { ...w.box, width: 140 } } : w));
    const both = frames((image, after) => stretched(draw(image, after)));
    expect(mark(both)).toMatchObject({ label: 'displayOutine', checkbox: true });
    // Before, the empty box read as its two sides ("ll") after the label; after, taken into it.
    const sides = (words: OcrWord[], ticked: boolean) => {
      if (ticked) return words;
      const [label, rest] = [words[0]!, words.slice(1)];
      const box = { ...checkbox, x: checkbox.x - 6, width: 22 };
      return [{ ...label, box: { ...label.box, width: 140 } }, { ...label, text: 'll', box }, ...rest];
    };
    const ll = frames((image, after) => sides(stretched(draw(image, after)), after));
    expect(mark(ll)).toMatchObject({ label: 'displayOutine', checkbox: true });
  });

  it('does not take a line OCR boxed a few pixels off after for one that moved and gained a mark', () => {
    // dat.GUI's rows have a coloured edge left of their labels; "message" read 5 px left and 5 up
    // after would bring it into the word's surroundings, as if a border had been drawn there.
    const checkbox = { x: 140, y: 62, width: 16, height: 16 };
    const draw = (image: LumaArea, ticked: boolean): OcrWord[] => {
      image.data.fill(30);
      fill(image, { x: 4, y: 20, width: 8, height: 70 }, 200);
      fill(image, checkbox, ticked ? 90 : 240);
      if (ticked) for (let i = 0; i < 8; i++) fill(image, { x: 144 + i, y: 74 - i, width: 2, height: 2 }, 240);
      const words = [...write(image, 'message', 20, 30, 6, 220), ...write(image, 'displayOutline', 20, 64, 6, 220)];
      if (!ticked) return words;
      const [message, label] = [words[0]!, words[1]!];
      return [
        { ...message, box: { x: 15, y: 25, width: message.box.width + 5, height: 22 } },
        { ...label, box: { ...label.box, y: 62 } },
      ];
    };
    expect(mark(frames((image, after) => draw(image, after)))).toMatchObject({
      label: 'displayOutline',
      checkbox: true,
    });
  });

  it('takes no word OCR boxed taller one time, its text where it was, for one that moved and gained a mark', () => {
    // A video's "Tree ▾" on JSONEditor's blue bar: boxed 24 px tall before and 10 after, its top
    // 13 px lower; read as moved, its surroundings were compared with the white page under the bar.
    const draw = (image: LumaArea, after: boolean): OcrWord[] => {
      fill(image, { x: 0, y: 0, width: WIDTH, height: 36 }, 70);
      const [word] = write(image, 'Tree', 200, 14, 6, 250);
      const nodes = write(image, 'job', 120, 80);
      return [
        { ...word!, box: after ? { ...word!.box, y: 15, height: 10 } : { ...word!.box, y: 2, height: 24 } },
        ...nodes,
      ];
    };
    expect(mark(frames(draw))).toBeUndefined();
  });

  it('names the tree node whose arrow turned as it opened, not the rows that appeared under it', () => {
    // ▸ as a tall narrow wedge, ▾ as a wide flat one, in the same place.
    const arrow = (image: LumaArea, open: boolean) =>
      fill(image, open ? { x: 10, y: 64, width: 10, height: 5 } : { x: 12, y: 60, width: 5, height: 10 }, 60);
    const f = frames((image, after) => {
      arrow(image, after);
      const rows = after ? ['alpha', 'beta', 'string'] : ['string'];
      return [
        ...write(image, 'array', 30, 30),
        ...write(image, 'object', 30, 60),
        ...rows.flatMap((name, i) => write(image, name, 50, 90 + 30 * i)),
      ];
    });
    expect(mark(f)).toMatchObject({ label: 'object', checkbox: false });
    // OCR reads the open arrow as a letter leading the line, "v object": the line stayed all the same.
    const read = { ...f, linesAfter: f.linesAfter.map((l) => (l.text === 'object' ? readWithArrow(l) : l)) };
    expect(mark(read)).toMatchObject({ label: 'object', checkbox: false });
    // An arrow that turned after its text (a breadcrumb's, a menu's) is no control of that line.
    const trailing = frames((image, after) => {
      fill(image, after ? { x: 90, y: 64, width: 10, height: 5 } : { x: 92, y: 60, width: 5, height: 10 }, 60);
      return write(image, 'object', 30, 60);
    });
    expect(mark(trailing)).toBeUndefined();
  });

  it('names a folder whose arrow turned by its whole name, where OCR read only part of it before (a video)', () => {
    const arrow = (image: LumaArea, open: boolean) =>
      fill(image, open ? { x: 10, y: 64, width: 10, height: 5 } : { x: 12, y: 60, width: 5, height: 10 }, 60);
    const f = frames((image, after) => {
      arrow(image, after);
      const rows = after ? ['alpha', 'beta'] : [];
      return [
        ...write(image, 'Colors', 30, 30),
        ...write(image, 'Another Folder', 30, 60),
        ...rows.flatMap((name, i) => write(image, name, 50, 90 + 30 * i)),
      ];
    });
    // Before, OCR read "Folder" alone (the first word spoilt in a compressed frame).
    const partly = f.linesBefore.map((l) =>
      l.text === 'Another Folder' ? { ...l, text: 'Folder', box: { ...l.box, x: 94, width: 48 }, words: undefined } : l,
    );
    expect(mark({ ...f, linesBefore: partly })).toMatchObject({ label: 'Another Folder', checkbox: false });
  });

  it('names the tree node whose filled arrow turned from ▶ to ▼, though the two share much of their ink', () => {
    // As a tree view draws them in a 10 px cell (JSONEditor): the wedges overlap by more than half.
    const arrow = (image: LumaArea, open: boolean) => {
      for (let r = 0; r < (open ? 9 : 10); r++) {
        const row = open
          ? { x: 10 + Math.floor(r / 2) + (r % 2), y: 62 + r, width: 10 - 2 * (Math.floor(r / 2) + (r % 2)), height: 1 }
          : { x: 12, y: 61 + r, width: Math.min(8, 2 * Math.min(r, 9 - r) + 1), height: 1 };
        fill(image, row, 94);
      }
    };
    const f = frames((image, after) => {
      arrow(image, after);
      const rows = after ? ['alpha', 'beta', 'string'] : ['string'];
      return [
        ...write(image, 'number', 30, 30),
        ...write(image, 'object', 30, 60),
        ...rows.flatMap((name, i) => write(image, name, 50, 90 + 30 * i)),
      ];
    });
    expect(
      mark({ ...f, linesAfter: f.linesAfter.map((l) => (l.text === 'object' ? readWithArrow(l) : l)) }),
    ).toMatchObject({ label: 'object', checkbox: false });
  });

  it('does not name a mark by text that other text replaced', () => {
    // A breadcrumb "Select node" becomes "object > array", which OCR did not read: the arrow
    // drawn is part of the new text, not a mark beside the old.
    const crumb = frames((image, after) => {
      if (!after) return write(image, 'Select node', 10, 18);
      write(image, 'object array', 11, 18, 40);
      fill(image, { x: 160, y: 22, width: 8, height: 6 }, 60);
      return [];
    });
    expect(mark(crumb)).toBeUndefined();
  });

  it('finds nothing where nothing was drawn, where marks were only taken away, or where content appeared', () => {
    const still = frames((image) => write(image, 'Name Price', 10, 18));
    expect(mark(still)).toBeUndefined();
    const cleared = frames((image, after) => {
      if (!after) fill(image, { x: 70, y: 22, width: 9, height: 5 }, 60);
      return write(image, 'Name', 10, 18);
    });
    expect(mark(cleared)).toBeUndefined();
    const panel = frames((image, after) => {
      if (after) fill(image, { x: 100, y: 60, width: 300, height: 120 }, 90);
      return write(image, 'Details', 10, 18);
    });
    expect(mark(panel)).toBeUndefined();
  });

  it("finds nothing where a video's encoder shifted the plain ground around one word by a few levels", () => {
    // 228 and 250 lie in different bands of the ink's commonest level: the word's ink rose with nothing drawn.
    const reencoded = frames((image, after) => {
      fill(image, { x: 0, y: 100, width: 200, height: 40 }, after ? 250 : 228);
      return [...write(image, 'Title', 20, 112), ...write(image, 'Layout', 300, 20)];
    });
    expect(mark(reencoded)).toBeUndefined();
  });
});

describe('boxToggledAt', () => {
  const box = { x: 20, y: 40, width: 16, height: 16 };
  const ticked = frames((image, after) => {
    outline(image, box, 200);
    if (after) fill(image, { x: 22, y: 42, width: 12, height: 12 }, 70);
    return write(image, 'Buy milk', 60, 42);
  });

  it('says a click on a box ticked it, and a click elsewhere did not', () => {
    expect(boxToggledAt(ticked.before, ticked.after, { x: 28, y: 48 })).toBe('ticked');
    expect(boxToggledAt(ticked.before, ticked.after, { x: 90, y: 48 })).toBeUndefined();
  });

  it('says a click on a ticked box unticked it, and takes a flat mark drawn at the point for neither', () => {
    expect(boxToggledAt(ticked.after, ticked.before, { x: 28, y: 48 })).toBe('unticked');
    const arrow = frames((image, after) => {
      if (after) fill(image, { x: 24, y: 46, width: 12, height: 5 }, 60);
      return [];
    });
    expect(boxToggledAt(arrow.before, arrow.after, { x: 28, y: 48 })).toBeUndefined();
    expect(boxToggledAt(arrow.after, arrow.before, { x: 28, y: 48 })).toBeUndefined();
    // Ink lost in no box (a link's text under the point losing its hover colour) unticked nothing.
    const link = frames((image, after) => write(image, 'Ch', 20, 42, 6, after ? 150 : 40));
    expect(boxToggledAt(link.before, link.after, { x: 28, y: 48 })).toBeUndefined();
  });

  it('says a click on a tick in no box unticked it where the change read it as a box unticked there', () => {
    const paled = frames((image, after) => {
      // (Flat: no box of its own the luma shows.)
      fill(image, { x: 20, y: 44, width: 18, height: 8 }, after ? 230 : 120);
      return [];
    });
    expect(boxToggledAt(paled.before, paled.after, { x: 28, y: 48 })).toBeUndefined();
    const unticked = {
      label: 'Email Sam',
      box: { x: 20, y: 44, width: 18, height: 8 },
      checkbox: true,
      unticked: true,
    } as const;
    expect(boxToggledAt(paled.before, paled.after, { x: 28, y: 48 }, unticked)).toBe('unticked');
    expect(boxToggledAt(paled.before, paled.after, { x: 90, y: 48 }, unticked)).toBeUndefined();
  });
});

describe('boxToggledBeside', () => {
  // Tk's check button: an 11 px box, its label 8 px right of it; the click on "Wipers".
  const tick = (image: LumaArea, x: number, y: number) => {
    for (let i = 0; i < 3; i++) fill(image, { x: x + 2 + i, y: y + 5 + i, width: 1, height: 2 }, 0);
    for (let i = 0; i < 4; i++) fill(image, { x: x + 5 + i, y: y + 6 - i, width: 1, height: 2 }, 0);
  };
  const ticked = frames((image, after) => {
    image.data.fill(TK_GREY);
    tkCheckBox(image, 55, 71);
    if (after) tick(image, 55, 71);
    return write(image, 'Wipers OK', 74, 70, 6, 20);
  });

  it('says a click on a label ticked the box left of it on its row, or unticked it', () => {
    expect(boxToggledBeside(ticked.before, ticked.after, { x: 96, y: 76 })).toBe('ticked');
    expect(boxToggledBeside(ticked.after, ticked.before, { x: 96, y: 76 })).toBe('unticked');
  });

  it('says nothing of a box off the row, too far left, or right of the click', () => {
    expect(boxToggledBeside(ticked.before, ticked.after, { x: 96, y: 110 })).toBeUndefined();
    expect(boxToggledBeside(ticked.before, ticked.after, { x: 160, y: 76 })).toBeUndefined();
    expect(boxToggledBeside(ticked.before, ticked.after, { x: 30, y: 76 })).toBeUndefined();
    // Ink lost in no box (a filter's border gone left of the one clicked) unticked nothing.
    const border = frames((image, after) => {
      if (!after) outline(image, { x: 60, y: 68, width: 16, height: 16 }, 60);
      return write(image, 'Active', 90, 70);
    });
    expect(boxToggledBeside(border.before, border.after, { x: 100, y: 76 })).toBeUndefined();
    // Nor a square that darkened in no box (a combo box's text lit up as its list dropped).
    const lit = frames((image, after) => {
      if (after) fill(image, { x: 60, y: 68, width: 16, height: 16 }, 60);
      return write(image, 'Sydney', 90, 70);
    });
    expect(boxToggledBeside(lit.before, lit.after, { x: 100, y: 76 })).toBeUndefined();
  });
});

describe('dotMovedTo', () => {
  /** Spectre's radio buttons: a ring left of each option, filled (with a white dot) when chosen. */
  const group = (chosen: 'Male' | 'Female') => {
    const image = screen();
    const words = [...write(image, 'Male', 353, 205), ...write(image, 'Female', 353, 237)];
    for (const [name, y] of [
      ['Male', 203],
      ['Female', 235],
    ] as const) {
      const ring = { x: 328, y, width: 16, height: 16 };
      if (name === chosen) {
        fill(image, ring, 90);
        fill(image, { x: 334, y: y + 6, width: 4, height: 4 }, 255);
      } else outline(image, ring, 200);
    }
    return { image, lines: toLines(words) };
  };

  it('names the option whose button grew dark as another lost its dot', () => {
    const [was, now] = [group('Male'), group('Female')];
    const buttons = { x: 324, y: 200, width: 24, height: 56 };
    expect(dotMovedTo(was.image, now.image, now.lines, buttons)).toBe('Female');
    expect(dotMovedTo(now.image, was.image, was.lines, buttons)).toBe('Male');
  });

  it('is nothing where the change reached the text (a tab or a filter lit up) or no dot moved', () => {
    const [was, now] = [group('Male'), group('Female')];
    expect(dotMovedTo(was.image, now.image, now.lines, { x: 324, y: 200, width: 120, height: 56 })).toBeUndefined();
    expect(dotMovedTo(was.image, was.image, was.lines, { x: 324, y: 200, width: 24, height: 56 })).toBeUndefined();
  });
});
