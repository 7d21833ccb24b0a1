import { describe, expect, it } from 'vitest';
import { union } from '../../shared/geometry';
import { runReading, toLines, type OcrLine, type OcrWord } from '../ocr/lines';
import {
  actedOn,
  dismissalAhead,
  placeOnRow,
  hiddenRun,
  wholeFrameLabel,
  appearedText,
  captionAbove,
  captionInLine,
  captionOf,
  captionOfTyped,
  captionOnValueRow,
  hyphenReadElsewhere,
  rowLeftOf,
  typedFieldName,
  choiceAtPoint,
  choiceIn,
  earlierIsClearer,
  isValidationMessage,
  labelAtClick,
  labelAtPoint,
  stayedAfterTyping,
  stillAtPoint,
  tickedBoxLabel,
  textRightOf,
  typedOverInLine,
  labelFor,
  onWord,
  radioChosen,
  readAgainClearly,
  readWholeElsewhere,
  screenTitle,
  newViewTitle,
  linkTo,
} from './labels';

/** The label `actedOn` gives, without the rule that gave it. */
const actedOnLabel = (...args: Parameters<typeof actedOn>) => actedOn(...args)?.label;

let lineId = 0;
/** A line of words laid out left to right from (x, y), 10 px per character. */
function line(text: string, x: number, y: number, confidence = 90): OcrWord[] {
  const id = lineId++;
  let cursor = x;
  return text.split(' ').map((word) => {
    const box = { x: cursor, y, width: word.length * 10, height: 16 };
    cursor += box.width + 8;
    return { text: word, confidence, box, line: id };
  });
}

describe('onWord', () => {
  it('is a point on a word or between two, not on a glyph beside one', () => {
    const row = toLines([...line('v', 20, 100), ...line('Buy milk', 44, 100)]);
    expect(onWord(row, { x: 60, y: 108 })).toBe(true);
    expect(onWord(row, { x: 25, y: 108 })).toBe(false);
    // Between two words close either side (a button's text read as two lines) is on the text.
    expect(onWord(row, { x: 78, y: 108 })).toBe(true);
    expect(onWord(toLines([...line('Delete...', 20, 100), ...line('Ctrl+D', 130, 100)]), { x: 114, y: 108 })).toBe(
      true,
    );
    // A box left of its label: a word on one side only.
    expect(onWord(row, { x: 36, y: 108 })).toBe(false);
  });
});

describe('captionAbove', () => {
  // Tk's combobox demo: "Fully Editable" over the box typed in, "Disabled" over the next box.
  const region = { x: 840, y: 480, width: 108, height: 28 };
  const after = toLines([
    ...line('Fully Editable', 839, 462),
    ...line('Grace Hopper', 845, 487),
    ...line('Disabled', 839, 524),
  ]);

  it("is the field's caption above it where a line below the typing named it", () => {
    const before = toLines([...line('Editable', 876, 462), ...line('Disabled', 839, 524)]);
    expect(captionAbove({ before, after }, region, 'Disabled')).toBe('Fully Editable');
  });

  it("is the caption just above the field where a line farther up named it (text over the field's frame)", () => {
    const before = toLines([
      ...line('only allows you to select values from its list', 692, 422),
      ...line('Editable', 876, 462),
      ...line('Disabled', 839, 524),
    ]);
    const framed = toLines([
      ...line('only allows you to select values from its list', 692, 422),
      ...line('~Fully Editable', 833, 462),
      ...line('Grace Hopper', 845, 487),
      ...line('Disabled', 839, 524),
    ]);
    expect(captionAbove({ before, after: framed }, region, 'only allows you to')).toBe('Fully Editable');
    // Named by the caption just above itself, it stays so.
    expect(captionAbove({ before, after: framed }, region, '~Fully Editable')).toBeUndefined();
  });

  it('is the caption on the field\'s frame, not text far left on its row (a window behind read "ent")', () => {
    const before = toLines([...line('Editable', 876, 462), ...line('Disabled', 839, 524)]);
    const behind = [...after, ...toLines(line('ent', 660, 482))];
    expect(captionAbove({ before, after: behind }, region, 'Disabled')).toBe('Fully Editable');
    // Read with the frame's border before it ("~Fully Editable", a video), without it.
    const video = behind.map((l) => (l.text === 'Fully Editable' ? { ...l, text: '~Fully Editable' } : l));
    expect(captionAbove({ before, after: video }, region, 'Disabled')).toBe('Fully Editable');
  });

  it('is nothing where the named line is not below the change, or nothing is above or left of it', () => {
    expect(captionAbove({ before: after, after }, region, 'Fully Editable')).toBeUndefined();
    const alone = toLines([...line('Grace Hopper', 845, 487), ...line('Disabled', 839, 524)]);
    expect(captionAbove({ before: alone, after: alone }, region, 'Disabled')).toBeUndefined();
  });
});

describe('captionOfTyped', () => {
  it("is the caption above the text typed into an empty field, the fuller of two readings, without the frame's border", () => {
    // Tk's combobox demo imported with its click point: the box was empty, clicked at its right end.
    const before = toLines([
      ...line('only allows you to select values from its drop-down list', 693, 422),
      ...line('Editable', 876, 462),
    ]);
    const after = toLines([
      ...line('only allows you to select values from its drop-down list', 693, 422),
      ...line('~Fully Editable', 833, 462),
      ...line('Grace Hopper', 845, 489),
    ]);
    expect(captionOfTyped(before, after, { x: 941, y: 495 })).toBe('Fully Editable');
    expect(captionOfTyped(after, after, { x: 941, y: 495 })).toBeUndefined();
    const edged = toLines([...line('Editable-', 876, 462), ...line('Grace Hopper', 845, 489)]);
    expect(captionOfTyped(before.slice(0, 1), edged, { x: 941, y: 495 })).toBe('Editable');
  });

  it('names a field typed into by its caption where the text read at the click was a glyph or two', () => {
    // The same box, its caret or edge read "zl" at the click; a placeholder there names the field.
    const before = toLines([...line('Fully Editable', 839, 462)]);
    const after = toLines([...line('Fully Editable-', 839, 462), ...line('Grace Hopper', 845, 489)]);
    expect(typedFieldName('zl', before, after, { x: 941, y: 495 })).toBe('Fully Editable');
    expect(typedFieldName(undefined, before, after, { x: 941, y: 495 })).toBe('Fully Editable');
    expect(typedFieldName('Your name', before, after, { x: 941, y: 495 })).toBe('Your name');
    expect(typedFieldName('zl', after, after, { x: 941, y: 495 })).toBe('zl');
  });

  it('is the label left of the field on its row, or above it, read before the typing', () => {
    const form = toLines([...line('Email', 20, 100), ...line('Notes', 20, 160)]);
    const typed = toLines([...line('Email', 20, 100), ...line('Notes', 20, 160), ...line('ada@example.com', 120, 100)]);
    expect(captionOfTyped(form, typed, { x: 300, y: 108 })).toBe('Email');
    const stacked = toLines([...line('Email', 20, 100)]);
    const below = toLines([...line('Email', 20, 100), ...line('ada@example.com', 24, 130)]);
    expect(captionOfTyped(stacked, below, { x: 300, y: 138 })).toBe('Email');
  });

  it('is nothing where no new text lies on the row of the point', () => {
    const before = toLines([...line('Email', 20, 100)]);
    const after = toLines([...line('Email', 20, 100), ...line('Saved', 20, 300)]);
    expect(captionOfTyped(before, after, { x: 300, y: 108 })).toBeUndefined();
  });
});

describe('typedOverInLine', () => {
  // JSONEditor's tree: the breadcrumb above changes as focus moves; the value is typed over.
  const region = { x: 10, y: 210, width: 260, height: 70 };
  const before = toLines([
    ...line('Select a node...', 15, 218),
    ...line('firstName John', 110, 262),
    ...line('v job {3}', 89, 300),
  ]);

  it('is the caption and the new value of a line read again in its place with other words after its first', () => {
    const after = toLines([
      ...line('object lastName', 15, 218),
      ...line('firstName ‘Ada', 110, 262),
      ...line('v job {3}', 89, 300),
    ]);
    expect(typedOverInLine(before, after, region)).toEqual({ caption: 'firstName', value: 'Ada' });
  });

  it("reads the value typed apart from its caption (the field's highlight between them) as one line with it", () => {
    // The change covers the value only: "salary 100", then "salary" and "150" apart.
    const rows = [...line('role developer', 134, 435)];
    const was = toLines([...rows, ...line('salary 100', 135, 459)]);
    const now = toLines([...rows, ...line('salary', 135, 459), ...line('150', 201, 460)]);
    expect(typedOverInLine(was, now, { x: 192, y: 452, width: 68, height: 28 })).toEqual({
      caption: 'salary',
      value: '150',
    });
    // Not a value beside a caption read otherwise than before ("Home Phone" now "Home Phone:").
    const field = { x: 824, y: 172, width: 332, height: 36 };
    const caption = toLines(line('Home Phone', 733, 184));
    const typed = toLines([...line('Home Phone:', 733, 184), ...line('555-0100', 845, 185)]);
    expect(typedOverInLine(caption, typed, field)).toBeUndefined();
    // Not a line far to the right on the row: another column's text.
    const far = toLines([...rows, ...line('salary', 135, 459), ...line('150', 260, 460)]);
    expect(typedOverInLine(was, far, { x: 250, y: 452, width: 68, height: 28 })).toBeUndefined();
  });

  it('is nothing where the new words are shown elsewhere already (a path naming what has focus), or a count', () => {
    const path = toLines([
      ...line('object job', 15, 218),
      ...line('firstName John', 110, 262),
      ...line('v job {3}', 89, 300),
    ]);
    const was = toLines([
      ...line('object gender', 15, 218),
      ...line('firstName John', 110, 262),
      ...line('v job {3}', 89, 300),
    ]);
    expect(typedOverInLine(was, path, region)).toBeUndefined();
    const counted = toLines([...line('Select a node...', 15, 218), ...line('firstName {7}', 110, 262)]);
    expect(typedOverInLine(toLines(line('firstName {6}', 110, 262)), counted, region)).toBeUndefined();
    // A count whose brackets a video's fade lost as it went up ("Clear completed (1)", then "… 2").
    const faded = toLines(line('Clear completed 2', 110, 262));
    expect(typedOverInLine(toLines(line('Clear completed (1)', 110, 262)), faded, region)).toBeUndefined();
    // A number typed over a number is still a value typed.
    expect(typedOverInLine(toLines(line('salary 100', 110, 262)), toLines(line('salary 2', 110, 262)), region)).toEqual(
      {
        caption: 'salary',
        value: '2',
      },
    );
    // Two lines so changed: which one was typed in is not known.
    const two = toLines([...line('object Ada', 15, 218), ...line('firstName Ada', 110, 262)]);
    expect(
      typedOverInLine(toLines([...line('object x', 15, 218), ...line('firstName John', 110, 262)]), two, region),
    ).toBeUndefined();
  });
});

describe('captionInLine', () => {
  // JSONEditor's tree: "salary : 100" read as one line, the value typed over at x 192.
  const region = { x: 192, y: 452, width: 68, height: 28 };

  it("is the words left of the field where the line holds the field's old text too", () => {
    const [row] = toLines(line('salary 100', 130, 459));
    expect(row!.text).toBe('salary 100');
    expect(captionInLine(row!, { ...region, x: 200 })).toBe('salary');
  });

  it('is nothing where no word lies in the field, or nothing with letters left of it', () => {
    const [caption] = toLines(line('salary', 130, 459));
    expect(captionInLine(caption!, region)).toBeUndefined();
    const [value] = toLines(line('100 200', 200, 459));
    expect(captionInLine(value!, region)).toBeUndefined();
    const [glyph] = toLines(line('v 100', 180, 459));
    expect(captionInLine(glyph!, { ...region, x: 195 })).toBeUndefined();
  });
});

describe('readAgainClearly', () => {
  const point = { x: 756, y: 541 };
  it('is so where the frame from before the glide reads the same line a few letters apart, without the pointer', () => {
    const before = toLines(line('Wipgrs OK', 731, 534, 80));
    expect(readAgainClearly(before, toLines(line('Wipers OK', 731, 534, 95)), point)).toBe(true);
    expect(
      readAgainClearly(toLines(line('X D)niss', 996, 625)), toLines(line('X Dismiss', 996, 625)), { x: 1033, y: 632 }),
    ).toBe(true);
  });

  it('is not where the screen changed there in between, the line read the same, or nothing read', () => {
    const before = toLines(line('Wipgrs OK', 731, 534, 80));
    // The demo's window was not open yet: the main window's link under the point.
    expect(readAgainClearly(before, toLines(line('5. A directory browser tree', 710, 536)), point)).toBe(false);
    expect(readAgainClearly(before, before, point)).toBe(false);
    expect(readAgainClearly(before, [], point)).toBe(false);
    expect(readAgainClearly([], toLines(line('Wipers OK', 731, 534)), point)).toBe(false);
  });

  /** One line of words as OCR gives it, each written "text@x" (10 px a letter). */
  const row = (spec: string, y: number): OcrLine[] => {
    const words = spec.split(' ').map((word) => {
      const [text, x] = word.split('@') as [string, string];
      return { text, box: { x: Number(x), y, width: text.length * 10, height: 14 } };
    });
    const box = union(words.map((w) => w.box))!;
    return [{ text: words.map((w) => w.text).join(' '), confidence: 70, box, words }];
  };

  it('is so where the pointer hid the words at the point whole, the rest read where they stood', () => {
    // Tk's check button: the pointer over "Wipers" leaves its box glyph and "OK".
    const clear = row('I~@714 Wipers@731 OK@790', 534);
    expect(readAgainClearly(row('I~@714 OK@790', 534), clear, point)).toBe(true);
    expect(readAgainClearly(row('OK@791', 534), clear, point)).toBe(true);
    // The button's icon read, its word under the pointer lost: the line is read off the point.
    const dismiss = row('X@985 Dismiss@1003', 625);
    expect(readAgainClearly(row('x@986', 625), dismiss, { x: 1033, y: 632 })).toBe(true);
    // Run into the button beside it: its words are not the line's.
    const merged = row('See@889 Code@920 X@986', 625);
    expect(readAgainClearly(merged, dismiss, { x: 1033, y: 632 })).toBe(true);
  });

  it("is so where the pointer hid the line whole and the row's other lines read as before", () => {
    const dismiss = { x: 1033, y: 632 };
    const clear = [
      ...row('See@746 variables@776', 625),
      ...row('Cy@869 See@889 Code@920', 623),
      ...row('X@996 Dismiss@1016', 625),
    ];
    const hidden = [...row('See@746 variables@776', 625), ...row('Ci@869 See@889 Code@920', 623)];
    expect(readAgainClearly(hidden, clear, dismiss)).toBe(true);
    // Its buttons run into one line this time; a glyph read on the row is no word of it.
    const merged = row('See@746 variables@776 Ci@869 See@889 Code@920', 623);
    expect(readAgainClearly(merged, clear, dismiss)).toBe(true);
    expect(readAgainClearly([...hidden, ...row('i@660', 625)], clear, dismiss)).toBe(true);
  });

  it('is not where the line is hidden and the row reads otherwise, or nothing on it is read', () => {
    const dismiss = { x: 1033, y: 632 };
    const clear = [...row('See@746 variables@776', 625), ...row('X@996 Dismiss@1016', 625)];
    // A window over the row: its own text.
    expect(readAgainClearly(row('Save@746 changes?@790', 625), clear, dismiss)).toBe(false);
    expect(readAgainClearly(row('v@1020', 700), clear, dismiss)).toBe(false);
  });

  it('is so where only the word under the pointer reads otherwise, however far apart the lines read', () => {
    // Tk's link "4. Notebook widget", the pointer over "Not": the rest of the line read where it stood.
    const link = { x: 773, y: 220 };
    const clear = row('4.@710 Notebook@727 widget@799', 213);
    expect(readAgainClearly(row('4@710 ebgok@744 widget@799', 213), clear, link)).toBe(true);
    // OCR read it twice over, the pointer's height taller than the line.
    expect(readAgainClearly(row('4.@708 4.@711 Notebgok@727 widget@799 widget@801', 211), clear, link)).toBe(true);
    // Not where another word is read off the point, or the word under it is another.
    expect(readAgainClearly(row('4.@710 ebgok@744 gadget@799', 213), clear, link)).toBe(false);
    expect(readAgainClearly(row('4.@710 Unrelated@727 widget@799', 213), clear, link)).toBe(false);
  });

  it('is not where another word stands in the line, or at the point, or the words moved', () => {
    const clear = row('I~@714 Wipers@731 OK@790', 534);
    expect(readAgainClearly(row('I~@714 OK@790 Cancel@808', 534), clear, point)).toBe(false);
    expect(readAgainClearly(row('I~@714 Brakes@731 OK@790', 534), clear, point)).toBe(false);
    expect(readAgainClearly(row('I~@714 OK@760', 534), clear, point)).toBe(false);
    // Only a glyph read where none stood: nothing says it is the same line.
    expect(readAgainClearly(row('~@700', 534), clear, point)).toBe(false);
    // The word at the point was a glyph: no word hidden.
    expect(readAgainClearly(row('OK@790', 534), row('v@752 OK@790', 534), point)).toBe(false);
  });
});

describe('readWholeElsewhere', () => {
  /** One line as OCR gives it, with its confidence. */
  const read = (text: string, x: number, y: number, confidence: number) => ({
    text,
    confidence,
    box: { x, y, width: text.length * 9, height: 11 },
  });

  it("names a control the pointer cut or garbled as other frames read it whole in its place (Tk's demo links)", () => {
    const screen = [read('Spin-boxes', 727, 553, 90), read('Combo-boxes', 727, 570, 89)];
    expect(readWholeElsewhere(read('bo-boxes', 752, 570, 70), screen)).toBe('Combo-boxes');
    expect(readWholeElsewhere(read('Comho-boxes', 727, 570, 72), screen)).toBe('Combo-boxes');
    expect(readWholeElsewhere(read('Nam', 700, 120, 60), [read('Name:', 700, 120, 93)])).toBe('Name:');
  });

  it('names a caption read with its field\'s caret ("ome Phone: 1") by the run of words that named it', () => {
    const row = toLines(line('ome Phone: 1', 744, 184, 70));
    const caption = runReading(row[0]!, 'ome Phone:');
    expect(caption?.box).toMatchObject({ x: 744, width: 98 });
    expect(readWholeElsewhere(caption!, [read('Home Phone:', 735, 184, 95)])).toBe('Home Phone:');
    expect(runReading(row[0]!, 'Phone: 2')).toBeUndefined();
  });

  it('names a label OCR read part of, its other words too unsure to keep, as read whole where they were lost', () => {
    // dat.GUI's "Another Folder" at 11 px: "Another" read 32 and dropped, "Folder" 96.
    const part = { ...read('Folder', 1078, 260, 96), unsure: [{ x: 1036, y: 260, width: 39, height: 11 }] };
    expect(readWholeElsewhere(part, [read('Another Folder', 1036, 260, 94.5)])).toBe('Another Folder');
    // Not where the words lost lie outside the other reading, nor without a sure one.
    const apart = { ...part, unsure: [{ x: 1200, y: 260, width: 39, height: 11 }] };
    expect(readWholeElsewhere(apart, [read('Another Folder', 1036, 260, 94.5)])).toBeUndefined();
    expect(readWholeElsewhere(part, [read('Another Folder', 1036, 260, 80)])).toBeUndefined();
    // A hyphen joins one word: "boxes" alone is cut from "Combo-boxes".
    expect(readWholeElsewhere(read('boxes', 783, 570, 70), [read('5. Combo-boxes', 709, 570, 90)])).toBe(
      '5. Combo-boxes',
    );
  });

  it('names a label the pointer garbled, surely read or a few letters spoilt under it, as read whole in its place', () => {
    // Tk's check-button "Driver Sober" read with the pointer over it at 89.5 ("Sober" read well).
    const sober = [read('Driver Sober', 731, 588, 96)];
    expect(readWholeElsewhere(read('Driv)¢ Sober', 731, 588, 89.5), sober)).toBe('Driver Sober');
    expect(readWholeElsewhere(read('Driver Sobr', 731, 588, 89.5), sober)).toBeUndefined();
    // A radio button's "Blue" read "BMe" with the pointer seen resting on it; not without it.
    const colours = [read('Green', 914, 546, 96), read('Blue', 914, 572, 96)];
    expect(readWholeElsewhere(read('BMe', 914, 572, 77), colours, true)).toBe('Blue');
    expect(readWholeElsewhere(read('BMe', 914, 572, 77), colours)).toBeUndefined();
    // Nor another word where it stands, nor one read as surely.
    expect(readWholeElsewhere(read('Gre', 914, 572, 77), colours, true)).toBeUndefined();
    expect(readWholeElsewhere(read('BMe', 914, 572, 96), colours, true)).toBeUndefined();
  });

  it('names a label read surely where it ends or starts at the click, the pointer over the rest, as read whole', () => {
    // Tk's demo links with the hand pointer over them: "5. Radio" ends at the click, "mbo-boxes" starts past it.
    const links = [
      read('5. Radio-buttons (select one of a group)', 709, 316, 93),
      read('5. Combo-boxes', 709, 570, 90),
    ];
    expect(readWholeElsewhere(read('5. Radio', 709, 316, 95), links, false, { x: 786, y: 322 })).toBe(
      '5. Radio-buttons (select one of a group)',
    );
    expect(readWholeElsewhere(read('mbo-boxes', 776, 570, 92), links, false, { x: 764, y: 577 })).toBe(
      '5. Combo-boxes',
    );
    // Read elsewhere without the number before it: the word cut goes on there.
    const unnumbered = [read('Radio-buttons (select one of a group)', 727, 316, 94)];
    expect(readWholeElsewhere(read('5. Radio', 709, 316, 90), unnumbered, false, { x: 786, y: 322 })).toBe(
      'Radio-buttons (select one of a group)',
    );
    expect(
      readWholeElsewhere(read('5. Radio', 709, 316, 90), [read('Radio (select)', 727, 316, 94)], false, {
        x: 786,
        y: 322,
      }),
    ).toBeUndefined();
    // Read surely away from the click, or with no click, it stays.
    expect(readWholeElsewhere(read('5. Radio', 709, 316, 95), links, false, { x: 820, y: 322 })).toBeUndefined();
    expect(readWholeElsewhere(read('5. Radio', 709, 316, 95), links, false, { x: 786, y: 360 })).toBeUndefined();
    expect(readWholeElsewhere(read('5. Radio', 709, 316, 95), links)).toBeUndefined();
  });

  it("takes a line that ends a letter's piece past the click as cut there, not one further past", () => {
    // The hand's fingertip on "Combo-boxes"'s "o": OCR boxed "Comb" 4 px past the click.
    const links = [read('5. Combo-boxes', 709, 570, 90)];
    const comb = { ...read('Comb', 727, 570, 92), box: { x: 727, y: 570, width: 41, height: 11 } };
    expect(readWholeElsewhere(comb, links, false, { x: 764, y: 577 })).toBe('5. Combo-boxes');
    const past = { ...comb, box: { ...comb.box, width: 49 } };
    expect(readWholeElsewhere(past, links, false, { x: 764, y: 577 })).toBeUndefined();
  });

  it('names a label read a letter in four apart, its spaces aside, as read whole in its place', () => {
    // TodoMVC's struck-through "Email Sam", clicked to untick it, read at 50 %.
    const rows = [read('Email Sam', 577, 242, 96)];
    expect(readWholeElsewhere(read('EmeitSam', 556, 242, 50), rows)).toBe('Email Sam');
    expect(readWholeElsewhere(read('EmeitSap', 556, 242, 50), rows)).toBeUndefined();
  });

  it('keeps a label that another reading holds as whole words, or that is read elsewhere, less surely, or two ways', () => {
    expect(readWholeElsewhere(read('Save', 700, 120, 80), [read('Save all', 700, 120, 95)])).toBeUndefined();
    expect(readWholeElsewhere(read('bo-boxes', 752, 570, 70), [read('Combo-boxes', 727, 640, 89)])).toBeUndefined();
    expect(readWholeElsewhere(read('bo-boxes', 752, 570, 80), [read('Combo-boxes', 727, 570, 79)])).toBeUndefined();
    // Read surely at the point, or read elsewhere with a letter lost.
    expect(readWholeElsewhere(read('bo-boxes', 752, 570, 88), [read('Combo-boxes', 727, 570, 95)])).toBeUndefined();
    expect(readWholeElsewhere(read('Home Phone:', 700, 120, 80), [read('ome Phone:', 709, 120, 90)])).toBeUndefined();
    const twoWays = [read('Combo-boxes', 727, 570, 89), read('Jumbo-boxes', 727, 570, 90)];
    expect(readWholeElsewhere(read('bo-boxes', 752, 570, 70), twoWays)).toBeUndefined();
    // A glyph or two is no label to put whole.
    expect(readWholeElsewhere(read('ab', 700, 120, 50), [read('abc', 700, 120, 95)])).toBeUndefined();
  });
});

describe('placeOnRow', () => {
  const read = (text: string, x: number, y: number, width: number, height = 11): OcrLine => ({
    text,
    confidence: 70,
    box: { x, y, width, height },
  });

  it("is the line's box with the pieces of its control beside it on its row, in turn", () => {
    // "5. Combo-boxes" under a hand: "5.", "Comb" and "0-boxes"; the links above and below apart.
    const comb = read('Comb', 727, 570, 41);
    const lines = [
      read('4. 5pin-boxes', 709, 553, 100),
      read('5.', 710, 563, 12, 13),
      comb,
      read('0-boxes', 769, 570, 56, 13),
      read('6. Simple', 710, 587, 70),
      read('Combo-boxes', 900, 570, 80),
    ];
    expect(placeOnRow(comb, lines)).toEqual({ x: 710, y: 563, width: 115, height: 20 });
    expect(placeOnRow(comb, [comb])).toEqual(comb.box);
  });
});

describe('earlierIsClearer', () => {
  const point = { x: 640, y: 425 };
  const before = toLines(line('Ca)¢el', 600, 417, 55));
  const earlier = toLines(line('Cancel', 600, 417, 93));

  it('is so where the reading from before the pointer came has a line in the same place', () => {
    expect(earlierIsClearer(before, earlier, point)).toBe(true);
    // However sure tesseract was of the text under the pointer.
    expect(earlierIsClearer(before, toLines(line('cancel', 600, 417, 44)), point)).toBe(true);
    // Or where the pointer broke the line at the point up so that nothing was read over it.
    const row = toLines([...line('Add', 400, 417), ...line('Cancel', 600, 417, 93)]);
    expect(earlierIsClearer(toLines(line('Add', 400, 417)), row, point)).toBe(true);
    // The earlier line ends just short of the point (the gap between two words read as two lines).
    const split = toLines([...line('Delete...', 560, 417, 96), ...line('Ctrl+D', 670, 417, 93)]);
    expect(earlierIsClearer(toLines(line('Delete..)¢ Ctrl+D J', 560, 417, 77)), split, { x: 655, y: 425 })).toBe(true);
  });

  it('is not where the earlier read its line elsewhere, or nothing there', () => {
    const menu = toLines(line('Rename', 600, 395, 60));
    const over = toLines(line('Rename', 600, 417, 60));
    expect(earlierIsClearer(over, toLines(line('Cancel', 600, 380, 93)), point)).toBe(false);
    expect(earlierIsClearer(menu, [], point)).toBe(false);
  });
});

describe('toLines', () => {
  it('joins words of a line and drops noise', () => {
    const lines = toLines([...line('Create ticket', 10, 10), ...line('~', 10, 40), ...line('blurry text', 10, 70, 20)]);
    expect(lines.map((l) => l.text)).toEqual(['Create ticket']);
    expect(lines[0]!.box).toEqual({ x: 10, y: 10, width: 128, height: 16 });
  });

  it('drops an edge read as letters: a line under 4 px tall', () => {
    const flat = (text: string, y: number, height: number) =>
      line(text, 10, y).map((w) => ({ ...w, box: { ...w.box, height } }));
    const lines = toLines([...flat('mall', 10, 1), ...flat('os', 40, 3), ...flat('Buy milk', 70, 4)]);
    expect(lines.map((l) => l.text)).toEqual(['Buy milk']);
  });

  it("drops one character under 5 px tall (a field's corner read as a 1), not a short letter", () => {
    const sized = (text: string, y: number, height: number) =>
      line(text, 10, y).map((w) => ({ ...w, box: { ...w.box, width: 4, height } }));
    const lines = toLines([...sized('1', 10, 4), ...sized('x', 40, 5), ...sized('OK', 70, 4)]);
    expect(lines.map((l) => l.text)).toEqual(['x', 'OK']);
  });
});

describe('withoutEdges', () => {
  it("drops a box's edge read as a bracket or bar, and keeps brackets that pair", () => {
    const read = (text: string) => toLines(line(text, 10, 10))[0]?.text;
    expect(read('[Fast')).toBe('Fast');
    expect(read('Slow|')).toBe('Slow');
    expect(read('|Call mom]')).toBe('Call mom');
    expect(read('array [3]')).toBe('array [3]');
    expect(read('[0,128,255]')).toBe('[0,128,255]');
    expect(read('editor.setMode (mode),')).toBe('editor.setMode (mode),');
    expect(read(':|555-0100')).toBe('555-0100'); // a caption's colon, then the field's edge
    expect(read('a|b')).toBe('a|b');
  });
});

describe('labelFor', () => {
  const lines = toLines([
    ...line('Add item', 60, 150),
    ...line('Summary', 60, 270),
    ...line('Urgent', 480, 270),
    ...line('Open panel', 60, 390),
  ]);

  it('names the line the click landed on', () => {
    expect(labelFor(lines, { x: 40, y: 240, width: 600, height: 60 }, { x: 500, y: 278 })).toBe('Urgent');
  });

  it('names the one of several controls OCR read as one line that the point is on', () => {
    // Filter links "All", "Active", "Clear completed" about 20 px apart, text 16 px high; words of one label 8 px apart.
    const words = [...line('All', 10, 10), ...line('Active', 60, 10), ...line('Clear completed', 138, 10)];
    const row = toLines(words.map((w) => ({ ...w, line: 99 })));
    expect(row.map((l) => l.text)).toEqual(['All Active Clear completed']);
    const at = (x: number) => labelFor(row, { x: x - 8, y: 10, width: 16, height: 16 }, { x, y: 18 });
    expect([at(20), at(90), at(160), at(250)]).toEqual(['All', 'Active', 'Clear completed', 'Clear completed']);
  });

  it('names the nearest of the controls on the row when the one clicked was not read', () => {
    // Filters "All  Active  [Completed]": OCR read the first two; the click was on the third.
    const words = [...line('All', 10, 10), ...line('Active', 54, 10)];
    const row = toLines(words.map((w) => ({ ...w, line: 96 })));
    expect(labelFor(row, { x: 140, y: 10, width: 16, height: 16 }, { x: 148, y: 18 })).toBe('Active');
  });

  it("names a logged click by the row read around its point, unless that row's line was cut at its edge", () => {
    const row = (words: OcrWord[], id: number) => toLines(words.map((w) => ({ ...w, line: id })));
    // The wide reading of the step missed the link clicked; the strip around the point read it.
    const wide = row([...line('All', 10, 10), ...line('Active', 54, 10)], 94);
    const strip = {
      lines: row([...line('All', 10, 10), ...line('Active', 54, 10), ...line('Completed', 134, 10)], 93),
    };
    const region = { x: 140, y: 10, width: 16, height: 16 };
    const point = { x: 148, y: 18 };
    expect(labelAtClick({ ...strip, area: { x: 0, y: -6, width: 480, height: 48 } }, wide, region, point)).toBe(
      'Completed',
    );
    // A long button's text runs past the strip's left edge: the wide reading holds it whole.
    const long = row(line('Button with a long description', 10, 60), 92);
    const cut = { lines: row(line('long description', 150, 60), 91), area: { x: 150, y: 44, width: 480, height: 48 } };
    expect(labelAtClick(cut, long, { x: 240, y: 60, width: 16, height: 16 }, { x: 248, y: 68 })).toBe(
      'Button with a long description',
    );
    // Or starts a few pixels in: the letter the edge sliced went unread.
    const sliced = { ...cut, area: { ...cut.area, x: 144 } };
    expect(labelAtClick(sliced, long, { x: 240, y: 60, width: 16, height: 16 }, { x: 248, y: 68 })).toBe(
      'Button with a long description',
    );
    // Nothing read at the point in the strip: the wide reading names it.
    expect(labelAtClick({ lines: [], area: strip.lines[0]!.box }, wide, region, point)).toBe('Active');
    // Both read the button at the point: the surer reading names it ("Tree", not "Jie", on blue).
    const button = { x: 220, y: 100, width: 16, height: 16 };
    const surer = { lines: toLines(line('Jie', 216, 100, 51)), area: { x: 0, y: 84, width: 480, height: 48 } };
    expect(labelAtClick(surer, toLines(line('Tree', 216, 100, 73)), button, { x: 228, y: 108 })).toBe('Tree');
    expect(labelAtClick(surer, toLines(line('Tree', 216, 100, 45)), button, { x: 228, y: 108 })).toBe('Jie');
  });

  it('names a field by the wider reading where the strip read noise over its caption (Tk\'s "Boi I" over "Name:")', () => {
    const noise: OcrLine = { text: 'Boi I', confidence: 62, box: { x: 768, y: 75, width: 229, height: 33 } };
    const strip = { lines: [noise], area: { x: 524, y: 59, width: 480, height: 48 } };
    const wide = toLines([...line('Name:', 781, 77, 96), ...line('Address:', 765, 103, 96)]);
    const region = { x: 984, y: 75, width: 16, height: 16 };
    expect(labelAtClick(strip, wide, region, { x: 992, y: 83 }, true)).toBe('Name:');
    // (Not where the wider reading was hardly surer, or read what the strip's line holds.)
    const unsure = toLines(line('Name:', 781, 77, 80));
    expect(labelAtClick(strip, unsure, region, { x: 992, y: 83 }, true)).toBe('Boi I');
    const held = toLines(line('Boi', 781, 77, 96));
    expect(labelAtClick(strip, held, region, { x: 992, y: 83 }, true)).toBe('Boi I');
  });

  it("names a field typed into by its caption, not the caret or text pointer read after it ('Name: I')", () => {
    const region = { x: 200, y: 10, width: 16, height: 16 };
    for (const glyph of ['I', '1', '|'])
      expect(labelFor(toLines(line(`Home Phone: ${glyph}`, 10, 10)), region, { x: 208, y: 18 }, 24, true)).toBe(
        'Home Phone:',
      );
    // A caption with a number of its own keeps it; so does a control that is not a field.
    expect(labelFor(toLines(line('Line 1', 10, 10)), region, { x: 60, y: 18 }, 24, true)).toBe('Line 1');
    expect(labelFor(toLines(line('Page: 1', 10, 10)), region, { x: 40, y: 18 })).toBe('Page: 1');
  });

  it("names a field by its caption where the text at the point is the field's value: a number, or text typed over", () => {
    const region = { x: 200, y: 10, width: 16, height: 16 };
    const point = { x: 240, y: 18 };
    // dat.GUI: the caption left, the value in the field; clicked right of the value.
    const apart = toLines([...line('height', 20, 10), ...line('10', 120, 10)]);
    expect(labelFor(apart, region, point, 24, true)).toBe('height');
    expect(labelFor(apart, region, point, 24, 'replaced')).toBe('height');
    expect(labelFor(apart, region, point)).toBe('10'); // a click names what it hit
    // Read as one line with the value: the words before its last number, once typed over.
    const merged = toLines(line('growthSpeed 0.2', 100, 10));
    expect(labelFor(merged, region, point, 24, 'replaced')).toBe('growthSpeed');
    // Text typed over: the caption in its own part of the line, or on a line of its own.
    const message = toLines(
      [...line('message', 20, 10), ...line('Hello World', 120, 10)].map((w) => ({ ...w, line: 7 })),
    );
    expect(labelFor(message, region, point, 24, 'replaced')).toBe('message');
    const own = toLines([...line('message', 20, 10), ...line('Hello World', 120, 10)]);
    expect(labelFor(own, region, point, 24, 'replaced')).toBe('message');
    expect(labelFor(own, region, point, 24, true)).toBe('Hello World'); // a placeholder names its field
    // Read in the strip around the point and in the step's wider area: the surer caption.
    const area = { x: 0, y: -14, width: 480, height: 48 };
    const garbled = toLines([...line('ses', 20, 10, 41), ...line('0.2', 160, 10)]);
    const clear = toLines([...line('growthSpeed', 20, 10, 88), ...line('0.2', 160, 10)]);
    expect(labelAtClick({ lines: garbled, area }, clear, region, point, 'replaced')).toBe('growthSpeed');
    expect(labelAtClick({ lines: clear, area }, garbled, region, point, 'replaced')).toBe('growthSpeed');
    // Found in one reading only: that one, not the value the other read at the point.
    expect(labelAtClick({ lines: toLines(line('0.2', 160, 10)), area }, clear, region, point, 'replaced')).toBe(
      'growthSpeed',
    );
    // The value's own caption went unread in one reading, which took the row above's (dat.GUI's rows
    // are 27 px apart): the caption on the value's row, from the other reading, however unsure.
    // (One read "height" alone and took it for the value, named by the line above it.)
    const above = toLines([...line('maxSize', 20, -17, 92), ...line('height', 20, 10, 50)]);
    const onRow = toLines([...line('height', 20, 10, 55), ...line('0.2', 160, 10)]);
    expect(labelAtClick({ lines: above, area }, onRow, region, point, 'replaced')).toBe('height');
    expect(labelAtClick({ lines: onRow, area }, above, region, point, 'replaced')).toBe('height');
    // One reading began past the caption's first letter ("ome Phone:", the edge of the step's
    // wider area 11 px into it), however surely: the whole caption, from the other.
    const joined = (words: OcrWord[]) => toLines(words.map((w) => ({ ...w, line: words[0]!.line })));
    const whole = joined([...line('Home Phone:', 20, 10, 85), ...line('I', 236, 10, 85)]);
    const piece = joined([...line('ome Phone:', 30, 10, 89), ...line('1', 340, 10, 89)]);
    expect(labelAtPoint(piece, point, true)?.caption?.text).toBe('ome Phone:'); // "1" its value
    expect(labelAtClick({ lines: whole, area }, piece, region, point, true)).toBe('Home Phone:');
    expect(labelAtClick({ lines: piece, area }, whole, region, point, true)).toBe('Home Phone:');
    // A caption beside an empty field is the caption, typed over or not.
    expect(labelFor(toLines(line('Name:', 150, 10)), region, point, 24, 'replaced')).toBe('Name:');
  });

  it('takes text beside a field typed over for its caption, not its old value, where it stayed after the typing', () => {
    // dat.GUI: "height" read, its value "10" not; "maxSize" on the row above. Clicked right of the value.
    const point = { x: 188, y: 18 };
    const height = line('height', 20, 10, 96);
    const before = toLines([...line('maxSize', 20, -18, 96), ...height]);
    const after = toLines([...line('maxSize', 20, -18, 96), ...height, ...line('25', 110, 10)]);
    expect(stayedAfterTyping(before, after, point)).toBe(true);
    // Taken for the old value, "height" would be named by the line above it.
    const region = { x: 180, y: 10, width: 16, height: 16 };
    expect(labelFor(before, region, point, 24, 'replaced')).toBe('maxSize');
    expect(labelFor(before, region, point, 24, true)).toBe('height');
    // The old value read: it gave way to the new one, and the caption left of it names the field.
    const read = toLines([...height, ...line('10', 110, 10)]);
    expect(stayedAfterTyping(read, after, point)).toBe(false);
    expect(labelFor(read, region, point, 24, 'replaced')).toBe('height');
    // Typed over in a field under its caption: the old value is gone.
    const stacked = toLines([...line('message', 20, -18), ...line('Hello World', 20, 10)]);
    const typed = toLines([...line('message', 20, -18), ...line('Good morning', 20, 10)]);
    expect(stayedAfterTyping(stacked, typed, point)).toBe(false);
    expect(labelFor(stacked, region, point, 24, 'replaced')).toBe('message');
  });

  it('tells a button pressed (its text still read at the pointer after) from a field typed into', () => {
    // Tk's rolodex: Delete pressed as Search, beside it, went back from lit to plain (read anew).
    const point = { x: 200, y: 18 };
    const before = toLines([...line('Add Ctrl+A Delete', 20, 10), ...line('Delete... Ctrl+D', 170, 10)]);
    const after = toLines([...line('Search Ctrl+S', 20, 10), ...line('Delete..)¢ Ctrl+D', 170, 10)]);
    expect(stillAtPoint(before, after, point)).toBe(true);
    expect(stillAtPoint(before, toLines(line('Delete... Ctrl+D', 170, 10)), point)).toBe(true);
    // A field's placeholder under the pointer gave way to what was typed.
    const placeholder = toLines(line('What needs to be done?', 20, 10));
    expect(stillAtPoint(placeholder, toLines(line('Pack bags', 20, 10)), { x: 60, y: 18 })).toBe(false);
    // Nothing under the pointer (an empty field), or it went, or was read elsewhere.
    expect(stillAtPoint(toLines(line('Name:', 20, 10)), [], { x: 300, y: 18 })).toBe(false);
    expect(stillAtPoint(before, toLines(line('Search Ctrl+S', 20, 10)), point)).toBe(false);
    expect(stillAtPoint(before, toLines(line('Delete... Ctrl+D', 170, 60)), point)).toBe(false);
  });

  it('names a field typed into by its whole placeholder, however wide its words are spaced', () => {
    const placeholder = [...line('What needs', 10, 10), ...line('to be done?', 140, 10)];
    const row = toLines(placeholder.map((w) => ({ ...w, line: 95 })));
    const region = { x: 200, y: 10, width: 16, height: 16 };
    expect(labelFor(row, region, { x: 208, y: 18 })).toBe('to be done?');
    expect(labelFor(row, region, { x: 208, y: 18 }, 24, true)).toBe('What needs to be done?');
    expect(labelFor(row, { x: 330, y: 10, width: 16, height: 16 }, { x: 338, y: 18 }, 24, true)).toBe(
      'What needs to be done?',
    );
  });

  it("names a tree node's arrow, read as a letter, by the node's text beside it", () => {
    const words = [...line('v', 89, 183), ...line('array [3]', 110, 183)];
    const row = toLines(words.map((w) => ({ ...w, line: 97 })));
    expect(labelFor(row, { x: 85, y: 181, width: 16, height: 16 }, { x: 93, y: 189 })).toBe('array [3]');
  });

  it('parts controls by the gap usual for the line, though a selected one is boxed taller', () => {
    const words = [...line('All', 10, 10), ...line('Active', 54, 10), ...line('Completed', 128, 10)];
    // "Completed" is selected: OCR's box for it takes in its border.
    words[2] = { ...words[2]!, box: { ...words[2]!.box, y: 2, height: 32 } };
    const row = toLines(words.map((w) => ({ ...w, line: 98 })));
    const at = (x: number) => labelFor(row, { x: x - 8, y: 10, width: 16, height: 16 }, { x, y: 18 });
    expect([at(20), at(80), at(170)]).toEqual(['All', 'Active', 'Completed']);
  });

  it('prefers the text on the row of the point to text nearer it above or below', () => {
    // A checkbox at x 460 with its label to the right; a field's value just above.
    const rows = toLines([...line('Hello World', 440, 250), ...line('displayOutline', 250, 277)]);
    expect(labelFor(rows, { x: 452, y: 276, width: 16, height: 16 }, { x: 460, y: 284 })).toBe('displayOutline');
  });

  it('takes the line nearest the region centre without a point', () => {
    expect(labelFor(lines, { x: 48, y: 140, width: 130, height: 40 })).toBe('Add item');
  });

  it('finds nothing far from the region', () => {
    expect(labelFor(lines, { x: 900, y: 600, width: 50, height: 50 })).toBeUndefined();
  });
});

describe("the browser's sharing bar", () => {
  it('is not read: it is never the workflow nor a label', () => {
    const lines = toLines([
      ...line('http://localhost:4173 is sharing your screen. Stop sharing Hide', 400, 760),
      ...line('Stop sharing', 100, 100),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Stop sharing']); // a page's own button stays
  });

  it('is not read cut short as it slides in, while a line that goes on past "is sharing" is kept', () => {
    const lines = toLines([
      ...line('http://localhost:4173 is sharing your', 400, 760),
      ...line('http://localhost:4173 is sharing', 400, 700),
      ...line('Ann is sharing notes with Bob', 100, 100),
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Ann is sharing notes with Bob']);
  });
});

describe('appearedText', () => {
  it('returns what is in the region after but was not before', () => {
    const region = { x: 40, y: 250, width: 360, height: 50 };
    const before = toLines([...line('Summary', 60, 270)]);
    const after = toLines([...line('Quarterly report', 60, 270)]);
    expect(appearedText(before, after, region)).toBe('Quarterly report');
    expect(appearedText(after, after, region)).toBeUndefined();
  });

  it('is nothing where a line was read again in two pieces, a glyph under the pointer lost between them', () => {
    const region = { x: 700, y: 280, width: 320, height: 40 };
    const before = toLines(line('Check-buttons (select any)', 727, 298));
    const after = toLines([...line('Check', 727, 298), ...line('uttons (select any)', 797, 298)]);
    expect(appearedText(before, after, region)).toBeUndefined();
    // Typing over a placeholder that began with the same letters is typing.
    const typed = toLines(line('Chec', 727, 298));
    expect(appearedText(toLines(line('Checkout code', 727, 298)), typed, region)).toBe('Chec');
  });

  it('is nothing where a line only came out garbled under the pointer that came to rest on it', () => {
    const region = { x: 600, y: 408, width: 80, height: 32 };
    expect(appearedText(toLines(line('Cancel', 616, 418)), toLines(line('Ca)¢el', 616, 418)), region)).toBeUndefined();
    // Its last words hidden behind it, read as a stray glyph (Tk's "Search Ctrl+S" button pressed).
    const button = { x: 920, y: 260, width: 144, height: 32 };
    const pressed = toLines(line('Search)', 930, 268));
    expect(appearedText(toLines(line('Search Ctrl+S', 930, 268)), pressed, button)).toBeUndefined();
    // Read before as part of the row of buttons, garbled after where the pointer rests on one.
    const row = { x: 820, y: 260, width: 400, height: 32 };
    const buttons = toLines(line('Clear Ctrl+C Add Ctrl+A Search Ctrl+S Delete', 830, 268));
    const search = buttons[0]!.words!.find((w) => w.text === 'Search')!.box;
    const garbledSearch = toLines(line('search)ctri+s', search.x, 268));
    expect(appearedText(buttons, garbledSearch, row)).toBeUndefined();
    // Nor a button read anew with its keyboard shortcut, where the pointer spoiled it before.
    const searchButton = { x: 920, y: 260, width: 300, height: 32 };
    const spoiled = toLines(line('Search) Ctrl+S', 938, 268));
    expect(appearedText(spoiled, toLines(line('Search Ctrl+S', 938, 268)), searchButton)).toBeUndefined();
    // Text typed over a field's old text that starts it is new text (no glyph where the rest was).
    const typed = toLines(line('Hello', 930, 268));
    expect(appearedText(toLines(line('Hello World', 930, 268)), typed, button)).toBe('Hello');
    expect(appearedText(toLines(line('Search Ctrl+S', 930, 268)), toLines(line('Sea)', 930, 268)), button)).toBe(
      'Sea)',
    );
  });

  it('is nothing where the pointer came to rest on a line read a few letters apart, and a value typed over elsewhere', () => {
    const row = { x: 180, y: 95, width: 100, height: 26 };
    const before = toLines(line('Blue', 200, 100));
    const after = toLines(line('Io BMe', 180, 100));
    expect(appearedText(before, after, row, 8, undefined, { x: 215, y: 104 })).toBeUndefined();
    expect(appearedText(before, after, row)).toBe('Io BMe');
  });

  it('is nothing where a line was only read again with a letter in another case (a row of buttons, one pressed)', () => {
    const row = { x: 920, y: 260, width: 144, height: 32 };
    const before = toLines(line('Add ctri+A Delete', 900, 269));
    const after = toLines(line('Add Ctri+A Delete', 900, 269));
    expect(appearedText(before, after, row)).toBeUndefined();
    // Typed over with other letters, it is new text.
    expect(appearedText(toLines(line('hello', 930, 268)), toLines(line('Hallo', 930, 268)), row)).toBe('Hallo');
  });

  it('is the value typed in a field, not the label OCR read with it as one line (a desktop form\'s "Name: Ada")', () => {
    // The field is the change; its label sits just left of it, and OCR joins the two.
    const field = { x: 824, y: 64, width: 332, height: 36 };
    const before = toLines([...line('Name:', 781, 77)]);
    const after = toLines(line('Name: Ada Lovelace', 781, 77));
    expect(after).toHaveLength(1);
    expect(appearedText(before, after, field)).toBe('Ada Lovelace');
  });

  it('is not the text-beam pointer resting in a field, read as a letter', () => {
    const field = { x: 824, y: 64, width: 332, height: 36 };
    expect(appearedText([], toLines(line('I', 989, 75)), field)).toBeUndefined();
    expect(appearedText([], toLines(line('1', 989, 75)), field)).toBe('1'); // a quantity typed
    // Spelt out as two letters in the width of one stroke (resting on a Tk button): no text.
    const beam = { text: 'Id', confidence: 61, box: { x: 994, y: 248, width: 3, height: 8 }, line: 999 };
    expect(toLines([beam])).toEqual([]);
    const narrowButTrue = { text: 'Il', confidence: 90, box: { x: 994, y: 248, width: 5, height: 8 }, line: 998 };
    expect(toLines([narrowButTrue]).map((l) => l.text)).toEqual(['Il']);
  });
});

describe('actedOnLabel', () => {
  it("names a field typed into by its placeholder, not a caret's bars read above it (TodoMVC Vue's 'II')", () => {
    const region = { x: 572, y: 160, width: 268, height: 36 };
    const before = toLines([...line('II', 555, 149), ...line('What needs to be done?', 575, 165)]);
    const after = toLines(line('Book flights', 577, 165));
    expect(actedOnLabel(before, after, region)).toBe('What needs to be done?');
    // Bars alone are all there is: they stay the label (nothing better was read).
    expect(actedOnLabel(toLines(line('II', 555, 149)), after, region)).toBe('II');
  });

  it('names the tree node expanded, read with its new arrow, and not the path bar that changed', () => {
    const region = { x: 12, y: 128, width: 260, height: 268 };
    const before = toLines([
      ...line('Select a node...', 15, 134),
      ...line('v object {6}', 65, 159),
      ...line('array [3]', 110, 183),
      ...line('boolean true', 110, 207),
    ]);
    const after = toLines([
      ...line('object array', 16, 134),
      ...line('v object {6}', 65, 159),
      ...line('v array [3]', 89, 183),
      ...line('0', 134, 208),
      ...line('boolean true', 110, 279),
    ]);
    expect(actedOnLabel(before, after, region, [], new Set(['Select a node...', 'array [3]', 'boolean true']))).toBe(
      'array [3]',
    );
  });

  it('names the tree node read again with a triangle gained or lost, not a line above that OCR read anew', () => {
    // A video's frames: the node "job" opened; its row now starts with the open triangle, and
    // compression changed the pixels (and OCR's reading) of the root's row above it.
    const region = { x: 12, y: 216, width: 276, height: 264 };
    const before = toLines([
      ...line('v Employee {6} 4h', 65, 240),
      ...line('age', 110, 342),
      ...line('job {3} A', 110, 382),
    ]);
    const after = toLines([
      ...line('v Employee {6} Ah', 65, 240),
      ...line('age', 110, 342),
      ...line('v job {3} A', 89, 384),
      ...line('company freelance', 134, 411),
    ]);
    const changed = new Set(['v Employee {6} 4h']);
    expect(actedOn(before, after, region, [], changed)).toEqual({ label: 'job {3} A', seen: 'mark' });
    // An accordion: the section clicked opened and moved up; the one above it shut, in place.
    const sections = toLines([...line('v Elements', 337, 347), ...line('Layout', 357, 471)]);
    const swapped = toLines([
      ...line('Elements', 357, 347),
      ...line('Layout', 357, 387),
      ...line('Layout 1', 345, 431),
    ]);
    expect(actedOn(sections, swapped, region)?.label).not.toBe('Elements');
  });

  it("names a menu's item by the one that shows elsewhere once the menu closed", () => {
    const region = { x: 4, y: 92, width: 508, height: 500 };
    const menu = ['Code', 'Form', 'Text', 'Tree', 'Preview'].flatMap((item, i) => line(item, 235, 131 + 24 * i));
    const before = toLines([...menu, ...line('boolean true', 110, 279), ...line('1', 167, 208)]);
    const after = toLines([...line('[Code v', 246, 103), ...line('"boolean": true,', 82, 238), ...line('1,', 98, 167)]);
    expect(actedOnLabel(before, after, region)).toBe('Code');
    // The whole view changed with it: the breadcrumb's "object" shows again in the code
    // (and was an earlier step's label), but was no item of the menu.
    const crumb = toLines([...menu, ...line('object', 71, 135), ...line('boolean true', 110, 279)]);
    const code = toLines([
      ...line('code', 240, 98),
      ...line('"object": {', 82, 293),
      ...line('"boolean": true,', 82, 238),
    ]);
    expect(actedOnLabel(crumb, code, region)).toBe('Code');
    expect(actedOnLabel(crumb, code, region, ['object'])).toBe('Code');
    // A list re-sorted moves many lines: no one of them is a choice.
    const rows = ['Bert', 'Ernie', 'Gonzo'];
    const sorted = toLines(rows.flatMap((r, i) => line(r, 240, 160 + 35 * i)));
    const resorted = toLines([...rows].reverse().flatMap((r, i) => line(r, 240, 160 + 35 * i)));
    expect(actedOnLabel(sorted, resorted, { x: 184, y: 128, width: 860, height: 232 })).not.toBe('Gonzo');
  });

  it('names a button of a row read again without it, where the pointer rests on it', () => {
    // Tk's rolodex in a video: Search clicked, the pointer on it; "Ctrl+A" read "Ctri+A" after.
    const region = { x: 920, y: 240, width: 144, height: 52 };
    const row = toLines(line('Clear Ctrl+C Add Ctrl+A search Ctrl+S Delete... Ctrl+D', 680, 264));
    const hidden = toLines(line('Clear Ctrl+C Add Ctri+A Delete... Ctrl+D', 680, 269));
    expect(actedOn(row, hidden, region)).toEqual({ label: 'search', seen: 'gone' });
    expect(
      hiddenRun('Clear Ctrl+C Add Ctrl+A search Ctrl+S Delete... Ctrl+D', 'Clear Ctrl+C Add Ctri+A Delete... Ctrl+D'),
    ).toBe('search Ctrl+S');
    // Not a line read whole again, one that gained words, nor one that kept too little of itself.
    expect(hiddenRun('Add Search Delete', 'Add Search Delete')).toBeUndefined();
    expect(hiddenRun('Add Search Delete', 'Add Search Find Delete')).toBeUndefined();
    expect(hiddenRun('Add Search Delete', 'Delete')).toBeUndefined();
    expect(hiddenRun('3 items left', '2 items left')).toBeUndefined();
  });

  it('names what closed a dialog by its one button that dismisses it', () => {
    // Spectre's modal over its docs page: its footer's "Share" and "Close" read as one line; its
    // title shows again in the page's code sample under it (no menu's item).
    const region = { x: 28, y: 16, width: 1228, height: 692 };
    const dialog = toLines([
      ...line('Modal title', 354, 113),
      ...line('This is the content inside the modal.', 352, 173),
      ...line('Lorem ipsum', 354, 219),
      ...line('Share Close', 812, 589),
    ]);
    const page = toLines([
      ...line('Modals', 331, 25),
      ...line('Modals are flexible dialog prompts.', 329, 267),
      ...line('<div class="modal-title h5">Modal title</div>', 398, 696),
    ]);
    expect(actedOn(dialog, page, region)).toEqual({ label: 'Close', seen: 'gone' });
    // Not where it offered two ways out, nor a menu (no message) that closed.
    const both = toLines([
      ...line('Delete all the rows for good?', 352, 173),
      ...line('Lorem ipsum', 354, 219),
      ...line('Cancel OK', 812, 589),
    ]);
    expect(actedOn(both, page, region)?.label).not.toMatch(/^(Cancel|OK)$/);
    const menu = toLines(['New', 'Open', 'Save', 'Close'].flatMap((item, i) => line(item, 354, 113 + 24 * i)));
    expect(actedOn(menu, page, region)?.label).not.toBe('Close');
    // Nor where a line stayed in its place (the dialog's box did not go away whole).
    expect(actedOn(dialog, [...page, ...toLines(line('Lorem ipsum', 354, 219))], region)?.label).not.toBe('Close');
  });

  it('finds the dismissal of a window that closed on the way of a pointer caught still gliding', () => {
    // Tk's radio buttons demo: the X pointer seen under "Tristate" on its way down to "Dismiss",
    // the window gone in the next frame, the desktop's other window under it.
    const region = { x: 684, y: 324, width: 568, height: 420 };
    const window = toLines([
      ...line('Three groups of radiobuttons are displayed below.', 700, 340),
      ...line('Point Size 18', 744, 612),
      ...line('Tristate', 1094, 656),
      ...line('Ch see Variables Ch see Code X Dismiss', 880, 707),
    ]);
    const desktop = toLines([...line('1. Entries without scrollbars', 711, 587)]);
    const glide = { from: { x: 1122, y: 596 }, to: { x: 1164, y: 674 } };
    expect(dismissalAhead(window, desktop, region, glide)).toEqual({ x: 1211, y: 715 });
    // Not where it was heading elsewhere, or had gone past it.
    expect(dismissalAhead(window, desktop, region, { from: glide.to, to: { x: 1000, y: 500 } })).toBeUndefined();
    expect(dismissalAhead(window, desktop, region, { from: glide.from, to: { x: 1290, y: 790 } })).toBeUndefined();
    // Nor more than 20° off its heading (a glide toward "Tristate"'s right, 24° off).
    expect(dismissalAhead(window, desktop, region, { from: glide.from, to: { x: 1200, y: 640 } })).toBeUndefined();
    // The one on its way, where the window holds others off it ("OK" ending a box's label).
    const checks = toLines([
      ...line('Four checkbuttons are displayed below.', 693, 364),
      ...line('Wipers OK', 748, 533),
      ...line('Brakes OK', 731, 561),
      ...line('Ch see variables Ci See Code', 725, 623),
      ...line('X Dismiss', 996, 625),
    ]);
    const toDismiss = { from: { x: 764, y: 596 }, to: { x: 932, y: 620 } };
    expect(dismissalAhead(checks, desktop, region, toDismiss)).toEqual({ x: 1049, y: 633 });
    // Nor where the window stayed (a line read again in its place), or offered two ways out.
    const stayed = [...desktop, ...toLines(line('Tristate', 1094, 656))];
    expect(dismissalAhead(window, stayed, region, glide)).toBeUndefined();
    const both = toLines([...line('Close the window for good?', 700, 340), ...line('Cancel OK Dismiss', 1100, 707)]);
    expect(dismissalAhead(both, desktop, region, glide)).toBeUndefined();
  });

  it('takes no line shown again only inside a longer word for a menu choice (a window opened over a list)', () => {
    // Tk's widget demo: the check buttons' window covers the list of demos; "Buttons" stayed above it.
    const region = { x: 588, y: 8, width: 512, height: 656 };
    const list = ['Buttons', 'Check-buttons (select any)', 'Radio-buttons (select one)', 'Iconic buttons'];
    const before = toLines(list.flatMap((item, i) => line(item, 727, 282 + 17 * i)));
    const after = toLines([
      ...line('Buttons', 727, 282),
      ...line('Four checkbuttons are displayed below.', 693, 364),
      ...line('Wipers OK', 730, 534),
    ]);
    expect(actedOn(before, after, region)?.seen).not.toBe('menu');
  });

  it("names a field typed into by its placeholder, not a line in the margin above it that OCR read once ('sd')", () => {
    const region = { x: 568, y: 160, width: 272, height: 36 };
    const before = toLines([
      ...line('sd', 548, 137, 50),
      ...line('What needs to be done?', 577, 169),
      ...line('Feed the cat', 577, 233),
    ]);
    const after = toLines([...line('Water plants', 575, 170), ...line('Feed the cat', 577, 233)]);
    expect(actedOnLabel(before, after, region)).toBe('What needs to be done?');
  });

  it('names a folder opened by its title read again in part, not by the title above the change', () => {
    // dat.GUI in a video: "Another Folder" opened, its new arrow spoiling "Another"; "Colors" above it.
    const region = { x: 1016, y: 256, width: 256, height: 132 };
    const before = toLines([
      ...line('Colors', 1036, 232),
      ...line('Another Folder', 1036, 260),
      ...line('Button with a long description', 1029, 288),
      ...line('Close Controls', 1107, 312),
    ]);
    const after = toLines([
      ...line('Colors', 1036, 232),
      ...line('Folder', 1078, 260),
      ...line('noiseStrength', 1033, 288),
      ...line('Nested Folder', 1041, 314),
      ...line('Button with a long description', 1029, 344),
      ...line('Close Controls', 1107, 368),
    ]);
    expect(actedOnLabel(before, after, region)).toBe('Another Folder');
  });

  it('names a field by its long placeholder when the typing covered only its start', () => {
    const before = toLines(line('What needs to be done?', 60, 100));
    const after = toLines(line('Buy mil', 60, 100));
    // The change is where the typed text is: the placeholder's centre lies outside it.
    expect(actedOnLabel(before, after, { x: 60, y: 96, width: 80, height: 24 })).toBe('What needs to be done?');
  });

  it('names the field typed in now, not the one before it that OCR read with the start of its value', () => {
    // Clicking Home Phone took the focus ring from Name: both fields and their labels are in the change.
    const region = { x: 700, y: 64, width: 456, height: 144 };
    const before = toLines([...line('Name: Ada', 781, 72), ...line('Home Phone:', 733, 184)]);
    const after = toLines([...line('Name: Ada Lovelace', 781, 72), ...line('Home Phone: 555-0100', 733, 184)]);
    expect(actedOnLabel(before, after, region, ['Name:', 'Ada Lovelace'])).toBe('Home Phone:');
  });

  it('names the trigger, not the text it made appear', () => {
    const region = { x: 40, y: 120, width: 580, height: 80 };
    const before = toLines([...line('Add item', 60, 150)]);
    const after = toLines([...line('Add item', 60, 150), ...line('Item number 1', 260, 150)]);
    expect(actedOnLabel(before, after, region)).toBe('Add item');
  });

  it('falls back to the placeholder that typing replaced', () => {
    const region = { x: 40, y: 250, width: 360, height: 50 };
    const before = toLines([...line('Summary', 60, 270)]);
    const after = toLines([...line('Quarterly report', 60, 270)]);
    expect(actedOnLabel(before, after, region)).toBe('Summary');
  });

  it('names the unchanged button beside the message it showed', () => {
    const region = { x: 224, y: 112, width: 236, height: 28 };
    const before = toLines([...line('Helpdesk', 48, 30), ...line('New ticket', 72, 116)]);
    const after = [...before, ...toLines(line('Draft created', 230, 118))];
    expect(actedOnLabel(before, after, region)).toBe('New ticket');
  });

  it('passes over the control of the step before, which only lost its focus ring', () => {
    const region = { x: 48, y: 312, width: 348, height: 132 };
    const before = toLines([...line('Urgent', 95, 319), ...line('Assign to me', 72, 418)]);
    const after = [...before, ...toLines(line('Assigned: Dana', 252, 418))];
    expect(actedOnLabel(before, after, region)).toBe('Urgent');
    expect(actedOnLabel(before, after, region, ['Urgent'])).toBe('Assign to me');
  });

  it('passes over the field typed into just before, which only lost its focus ring', () => {
    const region = { x: 48, y: 200, width: 400, height: 140 };
    const before = toLines([...line('Printer jam', 60, 218), ...line('Urgent', 95, 319)]);
    const after = [...before, ...toLines(line('Marked urgent', 195, 318))];
    expect(actedOnLabel(before, after, region)).toBe('Printer jam');
    expect(actedOnLabel(before, after, region, ['Summary', 'Printer jam'])).toBe('Urgent');
  });

  it('names the button whose pixels changed, not the unchanged one above it in the same region', () => {
    // Saving recoloured its button (OCR cannot read it after) and the focus ring left the checkbox above.
    const region = { x: 48, y: 312, width: 400, height: 180 };
    const before = toLines([
      ...line('Urgent', 95, 319),
      ...line('Assign to me', 72, 418),
      ...line('Save ticket', 72, 470),
    ]);
    const after = toLines([
      ...line('Urgent', 95, 319),
      ...line('Assign to me', 72, 418),
      ...line('Saved at 10:42', 220, 470),
    ]);
    expect(actedOnLabel(before, after, region, ['Urgent'])).toBe('Assign to me');
    expect(actedOnLabel(before, after, region, ['Urgent'], new Set(['Save ticket', 'Urgent']))).toBe('Save ticket');
  });

  it('finds nothing in an empty region', () => {
    expect(actedOnLabel([], [], { x: 0, y: 0, width: 10, height: 10 })).toBeUndefined();
  });
});

describe('textRightOf', () => {
  it("is the text a glyph at the point starts on its row (a todo's tick read as a letter)", () => {
    const row = toLines([...line('v', 508, 228), ...line('Emait-Sam', 575, 233)]);
    expect(textRightOf(row, { x: 535, y: 242 })?.text).toBe('Emait-Sam');
  });

  it('is none where text lies over the point, or only left of it, or far right', () => {
    expect(textRightOf(toLines(line('Buy milk', 508, 228)), { x: 535, y: 236 })).toBeUndefined();
    // A delete button at a row's end: its text lies left of it.
    expect(
      textRightOf(toLines([...line('Buy milk', 300, 228), ...line('x', 508, 228)]), { x: 512, y: 236 }),
    ).toBeUndefined();
    expect(textRightOf(toLines(line('Buy milk', 620, 228)), { x: 535, y: 236 })).toBeUndefined();
    // A desktop button's shortcut, the pointer over its text ("x" of "Search").
    expect(
      textRightOf(toLines([...line('x', 508, 228), ...line('Ctrl+S', 560, 228)]), { x: 512, y: 236 }),
    ).toBeUndefined();
  });
});

describe('tickedBoxLabel', () => {
  it('names a box ticked by the text on its row where the tick was read as a letter, else as read', () => {
    const row = toLines([...line('v', 520, 200), ...line('Water plants', 560, 200)]);
    expect(tickedBoxLabel('v', row, { x: 524, y: 206 })).toBe('Water plants');
    expect(tickedBoxLabel('Water plants', row, { x: 600, y: 206 })).toBe('Water plants');
    expect(tickedBoxLabel('v', toLines(line('v', 520, 200)), { x: 524, y: 206 })).toBe('v');
  });

  it('leaves out the state shown after the name where the row after shows another ("true", then "false")', () => {
    const point = { x: 250, y: 366 };
    const before = toLines(line('availableToHire true', 110, 360));
    const after = toLines(line('availableToHire 0 false', 110, 360));
    expect(tickedBoxLabel('availableToHire true', before, point, after)).toBe('availableToHire');
    // A label read a letter apart after keeps its words; so does one with nothing read after.
    expect(tickedBoxLabel('Buy milk', before, point, toLines(line('Buy mik', 110, 360)))).toBe('Buy milk');
    expect(tickedBoxLabel('availableToHire true', before, point)).toBe('availableToHire true');
    // Read at the box, the state alone: the box is named by the rest of its line.
    expect(tickedBoxLabel('true', before, point, after)).toBe('availableToHire');
  });
});

describe('labelFor at a click point', () => {
  it('takes the text on the clicked row when the control is wider than its text', () => {
    // A table header: "Name" left-aligned in a 185 px cell, clicked in the middle.
    const lines = toLines([...line('Name', 241, 128), ...line('Birthday', 426, 128), ...line('Ernie', 241, 198)]);
    const point = { x: 325, y: 135 };
    const region = { x: point.x - 8, y: point.y - 8, width: 16, height: 16 };
    expect(labelFor(lines, region, point)).toBe('Name');
    expect(labelFor(lines, region, { x: 325, y: 300 })).toBeUndefined();
  });

  it('names a desktop button by its text, not the keyboard shortcut shown beside it', () => {
    // Tk's "Delete...   Ctrl+D", clicked nearer the shortcut; one line of two parts.
    const button = toLines(
      [...line('Delete...', 1080, 268), ...line('Ctrl+D', 1180, 268)].map((w) => ({ ...w, line: 700 })),
    );
    const point = { x: 1190, y: 276 };
    const region = { x: point.x - 8, y: point.y - 8, width: 16, height: 16 };
    expect(labelFor(button, region, point)).toBe('Delete...');
    // A shortcut alone is all there is to name it by, or with another control's text far left
    // of it (its own text hidden by the pointer): no other control is named for it.
    expect(labelFor(toLines(line('Ctrl+D', 1160, 268)), region, point)).toBe('Ctrl+D');
    const far = toLines([...line('Add', 1000, 268), ...line('Ctrl+D', 1180, 268)].map((w) => ({ ...w, line: 701 })));
    expect(labelFor(far, region, point)).toBe('Ctrl+D');
  });

  it('names a desktop button by its text where OCR read its shortcut as a line of its own', () => {
    const split = toLines([
      ...line('Add Ctrl+A', 900, 268),
      ...line('Delete...', 1080, 268),
      ...line('Ctrl+D', 1180, 268),
    ]);
    const point = { x: 1190, y: 276 };
    const region = { x: point.x - 8, y: point.y - 8, width: 16, height: 16 };
    expect(labelFor(split, region, point)).toBe('Delete...');
    // Read with its neighbour as one line, the part just left of the shortcut.
    const joined = toLines([
      ...[...line('Add Ctrl+A', 900, 268), ...line('Delete...', 1080, 268)].map((w) => ({ ...w, line: 702 })),
      ...line('Ctrl+D', 1180, 268),
    ]);
    expect(labelFor(joined, region, point)).toBe('Delete...');
    // The line that stayed where a dialog opened under the row, nearest the change's corner.
    const dialog = { x: 1170, y: 260, width: 200, height: 120 };
    const after = toLines([...line('Ctrl+D', 1180, 268), ...line('Are you sure?', 1200, 330)]);
    expect(actedOnLabel(split, after, dialog)).toBe('Delete...');
  });
});

describe('actedOnLabel with lines that moved', () => {
  it('passes over a line pushed down by what appeared, and takes the field that stayed', () => {
    const before = toLines([
      ...line('What needs to be done?', 100, 100),
      ...line('Double-click to edit a todo', 100, 200),
    ]);
    const after = toLines([
      ...line('What needs to be done?', 100, 100),
      ...line('Buy milk', 100, 150),
      ...line('Double-click to edit a todo', 100, 260),
    ]);
    const region = { x: 90, y: 90, width: 400, height: 200 };
    // The footer's old place changed pixels: it moved, it was not pressed.
    const changed = new Set(['Double-click to edit a todo']);
    expect(actedOnLabel(before, after, region, [], changed)).toBe('What needs to be done?');
  });

  it('passes over a counter whose text changed in place', () => {
    const before = toLines([...line('What needs to be done?', 100, 100), ...line('1 item left', 100, 250)]);
    const after = toLines([
      ...line('What needs to be done?', 100, 100),
      ...line('Walk the dog', 100, 150),
      ...line('2 items left', 100, 250),
    ]);
    const region = { x: 90, y: 90, width: 400, height: 200 };
    expect(actedOnLabel(before, after, region, [], new Set(['1 item left']))).toBe('What needs to be done?');
  });

  it('names the line read nowhere after, not one that moved up with the list (read a letter apart)', () => {
    // TodoMVC's "Clear completed" took its item away: the footer moved up a row without it.
    const footer = (y: number, counter: string, clear: boolean) => [
      ...line(counter, 531, y),
      ...line('All Active Completed', 721, y),
      ...(clear ? line('Clear completed (1)', 942, y) : []),
    ];
    // (The item cleared, struck through in faint grey, was read nowhere before either.)
    const before = toLines([...line('Buy stamps', 577, 292), ...footer(345, 'Litem left', true)]);
    const after = toLines([...line('Buy stamps', 577, 233), ...footer(285, '1 item left', false)]);
    const region = { x: 508, y: 228, width: 564, height: 252 };
    expect(actedOnLabel(before, after, region)).toBe('Clear completed (1)');
    // A video's frame read the cleared item's tick as "v", its text not at all: it went with its row.
    const tick = toLines([
      ...line('v', 529, 236),
      ...line('Buy stamps', 577, 292),
      ...footer(345, '1 item left', true),
    ]);
    const cleared = toLines([...line('Buy stamps', 577, 233), ...footer(285, '1 item left', false)]);
    expect(actedOnLabel(tick, cleared, region, [], new Set(['v', '1 item left']))).toBe('Clear completed (1)');
    // A line read again in its own place a letter apart left it for no other: still the nearest.
    const name = toLines([...line('EE', 845, 35, 40), ...line('Name', 782, 77)]);
    const typed = toLines([...line('Name:', 781, 77), ...line('Ada Lovelace', 834, 76)]);
    expect(actedOnLabel(name, typed, { x: 824, y: 64, width: 332, height: 36 })).toBe('Name');
  });

  it('in a table sorted by a click, names the header that stayed, not a row that moved', () => {
    const before = toLines([...line('Name', 300, 100), ...line('Gonzo', 300, 140), ...line('Ernie', 300, 180)]);
    const after = toLines([...line('Name', 300, 100), ...line('Ernie', 300, 140), ...line('Gonzo', 300, 180)]);
    const region = { x: 180, y: 90, width: 800, height: 120 };
    expect(actedOnLabel(before, after, region, [], new Set(['Gonzo', 'Ernie']))).toBe('Name');
  });
});

describe('actedOnLabel for a list that opened', () => {
  // Spectre's docs sidebar: a section's links open under its heading, and the sections below
  // go down, the last one out of view.
  const sidebar = [
    ...line('LAYOUT', 39, 450),
    ...line('COMPONENTS', 39, 493),
    ...line('UTILITIES', 39, 535),
    ...line('EXPERIMENTALS', 39, 578),
  ];
  const before = toLines(sidebar);
  const after = toLines([
    ...line('LAYOUT', 39, 450),
    ...line('COMPONENTS', 39, 493),
    ...line('Accordions', 58, 531),
    ...line('Avatars', 58, 565),
    ...line('Badges', 59, 597),
  ]);

  it('names the heading right above the lines new to the screen, not a line pushed out of view', () => {
    const region = { x: 32, y: 528, width: 132, height: 152 };
    expect(actedOn(before, after, region, [], new Set(['UTILITIES', 'EXPERIMENTALS']))).toEqual({
      label: 'COMPONENTS',
      seen: 'stayed',
    });
    // Nor a line pushed down in another column and not read again (faint code, read as garbage).
    const wide = { ...region, width: 400 };
    const code = toLines([...sidebar, ...line('ard A', 200, 611)]);
    expect(actedOnLabel(code, after, wide, [], new Set(['UTILITIES', 'EXPERIMENTALS', 'ard A']))).toBe('COMPONENTS');
  });
});

describe('actedOnLabel for a row read anew', () => {
  it("names a box ticked in a tree's row by its row, without the state shown, not by the row above", () => {
    // JSONEditor's schema example: the box beside "true" ticked off, the row now "… false".
    const rows = [...line('lastName Doe', 110, 291), ...line('age', 110, 342)];
    const before = toLines([...rows, ...line('availableToHire true', 110, 363)]);
    const after = toLines([...rows, ...line('availableToHire 0 false', 110, 363)]);
    expect(actedOn(before, after, { x: 248, y: 356, width: 68, height: 24 })).toEqual({
      label: 'availableToHire',
      seen: 'gone',
    });
  });
});

describe('actedOnLabel past a button edge read as a letter', () => {
  it('names the button whose pixels changed, not a lone letter its edge was read as', () => {
    // TodoMVC's "Clear completed (1)" gone as it was clicked, in a video: its left edge read "r".
    const glyph = (text: string, x: number, y: number, width: number, height: number) => [
      { text, confidence: 50, box: { x, y, width, height }, line: lineId++ },
    ];
    const before = toLines([
      ...glyph('r', 933, 281, 7, 8),
      ...glyph('1', 933, 296, 3, 6),
      ...line('Clear completed (1)', 944, 284),
    ]);
    const region = { x: 928, y: 276, width: 124, height: 28 };
    expect(actedOnLabel(before, [], region, [], new Set(['r', '1', 'Clear completed (1)']))).toBe(
      'Clear completed (1)',
    );
    // A letter alone, with no line of words beside it, is still a control ("x", "+").
    const alone = toLines(glyph('x', 933, 281, 8, 10));
    expect(actedOnLabel(alone, [], region, [], new Set(['x']))).toBe('x');
  });
});

describe('actedOnLabel past specks', () => {
  it('passes over a speck OCR read as a glyph (an edge blurred in motion, 1 × 5 px) for the control pressed', () => {
    const speck = [{ text: '1', confidence: 40, box: { x: 90, y: 95, width: 1, height: 5 }, line: lineId++ }];
    const before = toLines([...speck, ...line('Save', 120, 100)]);
    const after = toLines(line('Save', 120, 100));
    expect(actedOnLabel(before, after, { x: 88, y: 90, width: 80, height: 30 }, [], new Set(['1', 'Save']))).toBe(
      'Save',
    );
  });
});

describe('actedOnLabel under a resting pointer', () => {
  it("is not a list opened under a dialog's question where only the button under the pointer was read anew", () => {
    const before = toLines([...line('Are you sure?', 575, 368), ...line('Cancel', 616, 418)]);
    const after = toLines([...line('Are you sure?', 575, 368), ...line('Ca)¢el', 616, 418)]);
    expect(actedOnLabel(before, after, { x: 644, y: 408, width: 36, height: 32 })).not.toBe('Are you sure?');
  });
});

describe('radioChosen', () => {
  const options = [...line('Gender', 329, 169), ...line('Male', 353, 205), ...line('Female', 353, 237)];
  const region = { x: 324, y: 200, width: 24, height: 56 };
  const dot = (text: string, y: number) => [
    { text, confidence: 60, box: { x: 328, y, width: 12, height: 16 }, line: lineId++ },
  ];

  it('names the option whose button the dot came to (OCR reads the dot as a glyph)', () => {
    const before = toLines([...options, ...dot('0', 204)]);
    expect(radioChosen(before, toLines([...options, ...dot('O', 236)]), region)).toBe('Female');
  });

  it('where only the dot that left was read, names the option at the other end of the change', () => {
    const before = toLines([...options, ...dot('0', 204)]);
    expect(radioChosen(before, toLines(options), region)).toBe('Female');
    // A change that does not reach another option's row says nothing.
    expect(radioChosen(before, toLines(options), { ...region, height: 20 })).toBeUndefined();
  });

  it('is nothing where no dot came or went (a "0" typed into a field stays put)', () => {
    const typed = toLines([...line('Amount', 100, 100), ...line('0', 180, 100)]);
    expect(radioChosen(typed, typed, { x: 170, y: 95, width: 40, height: 26 })).toBeUndefined();
    expect(
      radioChosen(toLines(line('Amount', 100, 100)), typed, { x: 170, y: 95, width: 40, height: 26 }),
    ).toBeUndefined();
  });
});

describe('appearedText near a field', () => {
  it('takes the new line nearest the field typed into, not the list and footer that appeared with it', () => {
    const before = toLines([...line('What needs to be done?', 100, 100)]);
    const after = toLines([
      ...line('What needs to be done?', 100, 100),
      ...line('Buy milk', 100, 150),
      ...line('1 item left All Active Completed', 100, 300),
    ]);
    const region = { x: 80, y: 90, width: 400, height: 240 };
    const field = before[0]!.box;
    expect(appearedText(before, after, region)).toBe('Buy milk 1 item left All Active Completed');
    expect(appearedText(before, after, region, 8, field)).toBe('Buy milk');
  });
});

describe('hyphenReadElsewhere', () => {
  // Tk's widget demo: the link "5. Combo-boxes" read at a click without its hyphen, surely; the
  // demo's heading spells it.
  const heading = toLines(line('Entries, Spin-boxes and Combo-boxes', 660, 480, 84));

  it('joins two words the screen shows hyphenated elsewhere', () => {
    expect(hyphenReadElsewhere('5. Combo boxes', heading)).toBe('5. Combo-boxes');
    expect(hyphenReadElsewhere('Combo boxes:', heading)).toBe('Combo-boxes:');
    expect(hyphenReadElsewhere('Spin boxes and Combo boxes', heading)).toBe('Spin-boxes and Combo-boxes');
  });

  it('leaves a label the screen spells otherwise, or spells only in a line read unsurely', () => {
    expect(hyphenReadElsewhere('5. Combo-boxes', heading)).toBeUndefined();
    // ("5 Combo" is no pair of words: a number before a hyphenated word.)
    expect(hyphenReadElsewhere('5 Combo-boxes', heading)).toBeUndefined();
    expect(hyphenReadElsewhere('Spin the boxes', heading)).toBeUndefined();
    expect(hyphenReadElsewhere('Combo boxes', toLines(line('Combo-boxes', 660, 480, 60)))).toBeUndefined();
  });
});

describe('captionOnValueRow', () => {
  // dat.GUI: "speed" left of its select, "three" (the select above) read "hree v" over it.
  const [above] = toLines(line('hree v', 1121, 172, 66));
  const value = { x: 1121, y: 201, width: 40, height: 16 };

  it('names a choice named by the line above it by the caption left of its value on its row', () => {
    const row = toLines(line('speed', 1028, 201, 95));
    expect(captionOnValueRow(above!, value, row)).toBe('speed');
    // (Read in the area left of the value, a few px round its row.)
    expect(rowLeftOf(value)).toEqual({ x: 801, y: 197, width: 320, height: 24 });
  });

  it('keeps a label read on the value row, and one with nothing surely read left of the value', () => {
    const [beside] = toLines(line('type', 1028, 201));
    expect(captionOnValueRow(beside!, value, toLines(line('speed', 1028, 201)))).toBeUndefined();
    expect(captionOnValueRow(above!, value, toLines(line('speed', 1028, 201, 30)))).toBeUndefined();
    expect(captionOnValueRow(above!, value, toLines(line('v', 1100, 201)))).toBeUndefined();
    // Nor text on the row above or below, nor right of the value.
    expect(captionOnValueRow(above!, value, toLines(line('height', 1028, 172)))).toBeUndefined();
    expect(captionOnValueRow(above!, value, toLines(line('speed', 1180, 201)))).toBeUndefined();
  });
});

describe('choiceIn', () => {
  const before = toLines([...line('speed', 20, 100), ...line('Fast', 200, 100), ...line('message', 20, 70)]);

  it('reads a value swapped in place beside a label as a choice in that label', () => {
    const after = toLines([...line('speed', 20, 100), ...line('Slow', 200, 100), ...line('message', 20, 70)]);
    expect(choiceIn(before, after, { x: 190, y: 95, width: 120, height: 26 })).toMatchObject({
      label: 'speed',
      value: 'Slow',
    });
    // With where the new value was read (the pixels right of it tell a select from a text field).
    const slow = after.find((l) => l.text === 'Slow')!;
    expect(choiceIn(before, after, { x: 190, y: 95, width: 120, height: 26 })?.box).toEqual(slow.box);
  });

  it('is no choice where the pointer came to rest on a line read a few letters apart (Tk\'s "Blue", then "Io BMe")', () => {
    const region = { x: 190, y: 95, width: 120, height: 26 };
    const blue = toLines([...line('Colour', 20, 100), ...line('Blue', 200, 100)]);
    const spoilt = toLines([...line('Colour', 20, 100), ...line('Io BMe', 180, 100)]);
    const pointer = { x: 215, y: 104 };
    expect(choiceIn(blue, spoilt, region, undefined, pointer)).toBeUndefined();
    // Away from the pointer, or with none seen, a value a few letters apart is a choice ("Black").
    const black = toLines([...line('Colour', 20, 100), ...line('Black', 200, 100)]);
    expect(choiceIn(blue, black, region)).toMatchObject({ label: 'Colour', value: 'Black' });
    expect(choiceIn(blue, black, region, undefined, { x: 400, y: 104 })).toMatchObject({ value: 'Black' });
  });

  it('is no choice where a row of controls read as one line is read apart after, each word in its place', () => {
    // Tk's alignment demo: "Left", the label's icon and "Right" read as one line; the label moved
    // up and was read on its own, "Left" and "Right" apart, outside the change.
    const region = { x: 85, y: 90, width: 60, height: 30 };
    const row = [...line('Left', 20, 100), ...line('2', 100, 100), ...line('Right', 170, 100)].map((w) => ({
      ...w,
      line: 999,
    }));
    const before = toLines([...line('Alignment', 20, 70), ...row]);
    const after = toLines([
      ...line('Alignment', 20, 70),
      ...line('Left', 20, 100),
      ...line('Label', 90, 98),
      ...line('Right', 170, 100),
    ]);
    expect(choiceIn(before, after, region)).toBeUndefined();
    // Where the row's words went, it was replaced.
    const replaced = toLines([...line('Alignment', 20, 70), ...line('Label', 90, 98)]);
    expect(choiceIn(before, replaced, region)).toMatchObject({ label: 'Alignment', value: 'Label' });
  });

  it('reads a value shown where a select showed only its arrow (nothing chosen yet) as a choice', () => {
    // JSONEditor's enum field: an empty select and a warning ("v A"), then "female v".
    const region = { x: 172, y: 308, width: 48, height: 20 };
    const empty = toLines([...line('gender', 110, 312), ...line('v A', 221, 312)]);
    const chosen = toLines([...line('gender', 110, 312), ...line('female v', 177, 313)]);
    expect(choiceIn(empty, chosen, region)).toMatchObject({ label: 'gender', value: 'female' });
    // A neighbour read anew as well (the age field's "28") does not hide it.
    const wider = { x: 150, y: 308, width: 80, height: 40 };
    const also = toLines([...line('gender', 110, 312), ...line('female v', 177, 313), ...line('28', 158, 340)]);
    expect(choiceIn(empty, also, wider)).toMatchObject({ label: 'gender', value: 'female' });
    // The arrow run into the icon beside it ("vA"), as OCR reads it at times.
    const runTogether = toLines([...line('gender', 110, 312), ...line('vA', 221, 312)]);
    expect(choiceIn(runTogether, chosen, region)).toMatchObject({ label: 'gender', value: 'female' });
    // The caption read on one line with the value, the warning still beside the arrow.
    const oneLine = toLines(line('gender female v A', 110, 313));
    const read = choiceIn(empty, oneLine, region);
    expect(read).toMatchObject({ label: 'gender', value: 'female' });
    expect(read?.box.x).toBe(178); // the value's word, not the caption's
    const word = toLines([...line('gender', 110, 312), ...line('via', 221, 312)]);
    expect(choiceIn(word, chosen, region)?.value).not.toBe('female');
    // Text that appeared where a word was is no such choice; nor a value without its arrow.
    const worded = toLines([...line('gender', 110, 312), ...line('vague', 221, 312)]);
    expect(choiceIn(worded, chosen, region)?.value).not.toBe('female');
    const typed = toLines([...line('gender', 110, 312), ...line('female', 177, 313)]);
    expect(choiceIn(empty, typed, region)?.value).not.toBe('female');
  });

  it('names a value read apart from its caption after, in a box drawn round it, by that caption: typed over', () => {
    // JSONEditor in a video: "salary 100" read as a line before; the highlight round "150" as it
    // was edited set it apart ("salary", ":[150"), and the line above is another field.
    const region = { x: 192, y: 452, width: 68, height: 28 };
    const before = toLines([...line('role developer', 134, 435), ...line('salary 100 A', 135, 456)]);
    const after = toLines([
      ...line('role developer', 134, 435),
      ...line('salary', 135, 459),
      ...line(':[150', 191, 454),
    ]);
    expect(choiceIn(before, after, region)).toMatchObject({ label: 'salary', value: '150', apart: true });
    // A value swapped beside a caption read apart both times is a choice (dat.GUI's "speed").
    expect(
      choiceIn(
        toLines([...line('speed', 20, 100), ...line('Fast', 200, 100)]),
        toLines([...line('speed', 20, 100), ...line('Slow', 200, 100)]),
        { x: 190, y: 95, width: 120, height: 26 },
      )?.apart,
    ).toBeUndefined();
  });

  it('is no choice where a path lost its last part (a breadcrumb as focus moved)', () => {
    const region = { x: 190, y: 95, width: 160, height: 26 };
    const path = toLines([...line('Path', 20, 100), ...line('object array', 200, 100)]);
    const shorter = toLines([...line('Path', 20, 100), ...line('object', 200, 100)]);
    expect(choiceIn(path, shorter, region)).toBeUndefined();
    // A value swapped for another is still one.
    const other = toLines([...line('Path', 20, 100), ...line('string', 200, 100)]);
    expect(choiceIn(path, other, region)).toMatchObject({ label: 'Path', value: 'string' });
  });

  it('is no choice where a label kept only its last words (the pointer come to rest over the others)', () => {
    // Tk's radio buttons in a video: "Point Size 18", then "18", the hand over "Point Size".
    const region = { x: 736, y: 604, width: 104, height: 27 };
    const column = line('Point Size 14', 744, 585);
    const whole = toLines([...column, ...line('Point Size 18', 744, 612)]);
    const hidden = toLines([...column, ...line('18', 817, 613)]);
    expect(choiceIn(whole, hidden, region)).toBeUndefined();
    // A value swapped for another in its place is still one.
    const other = toLines([...column, ...line('Point Size 24', 744, 612)]);
    expect(choiceIn(whole, other, region)).toBeDefined();
  });

  it('is no choice where a row of buttons read as one line kept most of its words (one hidden by the pointer)', () => {
    // Tk's rolodex: the pointer on Search, read as "I"; "Fax:" is the row above.
    const region = { x: 20, y: 95, width: 600, height: 26 };
    const fax = line('Fax:', 20, 70);
    const row = toLines([...fax, ...line('Clear Ctrl+C Add Ctrl+A Search Ctrl+S Delete... Ctrl+D', 20, 100)]);
    const hidden = toLines([...fax, ...line('Clear Ctrl+C Add I Delete... Ctrl+D', 20, 100)]);
    expect(choiceIn(row, hidden, region)).toBeUndefined();
    // A value read through the pointer over it: a button under it read anew, not an option.
    const buttons = toLines([...fax, ...line('Add Ctrl+A Delete', 20, 100)]);
    expect(choiceIn(buttons, toLines([...fax, ...line('Delete..)¢ Ctrl+D', 20, 100)]), region)).toBeUndefined();
    // What was left of the row with the lit buttons hidden, one word read a letter apart.
    const lit = toLines([...fax, ...line('Add ctri+A Search Ctrl+S Delete... ctri+p', 20, 100)]);
    expect(choiceIn(lit, toLines([...fax, ...line('Add Ctrl+A ctri+p', 20, 100)]), region)).toBeUndefined();
    // Options alike but for a word are a choice still ("Ship in five days" for "Ship in two days").
    const ship = toLines([...line('Delivery', 20, 70), ...line('Ship in two days', 20, 100)]);
    const five = toLines([...line('Delivery', 20, 70), ...line('Ship in five days', 20, 100)]);
    expect(choiceIn(ship, five, region)).toMatchObject({ label: 'Delivery', value: 'Ship in five days' });
  });

  it("is no choice where a desktop form's buttons were read anew with their keyboard shortcuts", () => {
    // Tk's rolodex as the pointer went to Search: OCR split the row of buttons differently each time.
    const region = { x: 900, y: 220, width: 160, height: 72 };
    const clear = line('Ctrl+C', 850, 262);
    const was = toLines([...clear, ...line('Search Ctrl+S', 930, 262)]);
    const now = toLines([...clear, ...line('Add Ctrl+A Delete... ctri+p', 930, 262)]);
    expect(choiceIn(was, now, region)).toBeUndefined();
    // Nor is a button with its shortcut a caption beside a value that only looks swapped.
    const add = line('Add Ctrl+A', 820, 262);
    expect(
      choiceIn(toLines([...add, ...line('Search', 930, 262)]), toLines([...add, ...line('Ctrl', 930, 262)]), region),
    ).toBeUndefined();
  });

  it("reads the choice though the select's arrow beside it was read as a letter, and is not now", () => {
    const arrow = toLines([...line('speed', 20, 100), ...line('Fast', 200, 100), ...line('E', 290, 100)]);
    const after = toLines([...line('speed', 20, 100), ...line('Slow', 200, 100)]);
    expect(choiceIn(arrow, after, { x: 190, y: 95, width: 120, height: 26 })).toMatchObject({
      label: 'speed',
      value: 'Slow',
    });
  });

  it('reads the choice though a neighbouring control was read as garbage, differently before and after', () => {
    const unsure = (text: string, y: number) => line(text, 200, y, 40);
    const was = toLines([...line('speed', 20, 100), ...line('Fast', 200, 100), ...unsure('Bhree', 84)]);
    const now = toLines([...line('speed', 20, 100), ...line('Slow', 200, 100), ...unsure('IE', 84)]);
    expect(choiceIn(was, now, { x: 190, y: 95, width: 120, height: 26 })).toMatchObject({ value: 'Slow' });
    // Or read again with its arrow, then without.
    const arrow = toLines([...line('speed', 20, 100), ...line('Fast', 200, 100), ...line('hree v', 200, 84, 66)]);
    const bare = toLines([...line('speed', 20, 100), ...line('Slow', 200, 100), ...line('hree', 200, 84, 54)]);
    expect(choiceIn(arrow, bare, { x: 190, y: 95, width: 120, height: 26 })).toMatchObject({ value: 'Slow' });
    // Read surely, the other line changed too: no choice.
    const other = toLines([...line('speed', 20, 100), ...line('Slow', 200, 100), ...line('two', 200, 84)]);
    const three = toLines([...line('speed', 20, 100), ...line('Fast', 200, 100), ...line('three', 200, 84)]);
    expect(choiceIn(three, other, { x: 190, y: 95, width: 120, height: 26 })).toBeUndefined();
  });

  it("reads the choice though a focus ring's edge was read as letters in a box 1 px tall", () => {
    const flat = line('hall', 230, 93).map((w) => ({ ...w, box: { ...w.box, height: 1 } }));
    const after = toLines([...line('speed', 20, 100), ...line('Slow', 200, 100), ...flat, ...line('message', 20, 70)]);
    expect(choiceIn(before, after, { x: 190, y: 95, width: 120, height: 26 })).toMatchObject({
      label: 'speed',
      value: 'Slow',
    });
  });

  it('is no choice when more changed, the text moved, or nothing labels it', () => {
    const two = toLines([...line('speed', 20, 100), ...line('Slow', 200, 100), ...line('Saved', 200, 130)]);
    expect(choiceIn(before, two, { x: 190, y: 95, width: 120, height: 60 })).toBeUndefined();
    const moved = toLines([...line('speed', 20, 100), ...line('Slow', 200, 118)]);
    expect(choiceIn(before, moved, { x: 190, y: 95, width: 120, height: 60 })).toBeUndefined();
    const alone = toLines(line('Fast', 200, 100));
    expect(choiceIn(alone, toLines(line('Slow', 200, 100)), { x: 190, y: 95, width: 120, height: 26 })).toBeUndefined();
    // The same text read twice, a letter apart: no swap at all.
    const misread = toLines([...line('speed', 20, 100), ...line('Fasl', 200, 100), ...line('message', 20, 70)]);
    expect(choiceIn(before, misread, { x: 190, y: 95, width: 120, height: 26 })).toBeUndefined();
    // Typing seen at once in a video: a placeholder gave way to the value, beside an icon read as "i".
    const field = toLines([...line('i', 160, 100), ...line('What needs', 200, 100)]);
    const typed = toLines([...line('i', 160, 100), ...line('Buy milk', 200, 100)]);
    expect(choiceIn(field, typed, { x: 190, y: 95, width: 120, height: 26 })).toBeUndefined();
    // A row of buttons read again with some missing (the pointer rests on one): no swap.
    const row = toLines([...line('Fax:', 20, 140), ...line('Clear Add Search Delete...', 200, 140)]);
    const hidden = toLines([...line('Fax:', 20, 140), ...line('Clear Add Delete...', 200, 140)]);
    expect(choiceIn(row, hidden, { x: 190, y: 135, width: 300, height: 26 })).toBeUndefined();
    // A button read again with words the first reading missed (the pointer had rested on it).
    const button = toLines([...line('Search Ctrl+S', 20, 140), ...line('Delete...', 200, 140)]);
    const whole = toLines([...line('Search Ctrl+S', 20, 140), ...line('Delete... Ctrl+D', 200, 140)]);
    expect(choiceIn(button, whole, { x: 190, y: 135, width: 100, height: 26 })).toBeUndefined();
    // A button under a pointer that came to rest on it: its text garbled, no value chosen.
    const dialog = toLines([...line('Are you sure?', 150, 60), ...line('Cancel', 190, 100)]);
    const pointed = toLines([...line('Are you sure?', 150, 60), ...line('Ca)¢el', 190, 100)]);
    expect(choiceIn(dialog, pointed, { x: 180, y: 95, width: 80, height: 26 })).toBeUndefined();
    // A tree node expanded: the path shown above it changed in place, and the rows below it moved down.
    const tree = toLines([
      ...line('Tools', 20, 12),
      ...line('node...', 20, 40),
      ...line('array [3]', 40, 70),
      ...line('boolean true', 40, 100),
    ]);
    const grown = toLines([
      ...line('Tools', 20, 12),
      ...line('object array', 20, 40),
      ...line('array [3]', 40, 70),
      ...line('0', 60, 100),
      ...line('boolean true', 40, 130),
    ]);
    expect(choiceIn(tree, grown, { x: 10, y: 35, width: 200, height: 120 })).toBeUndefined();
    // The mode button's text read as its arrow alone once its menu opened over it: no value chosen.
    const mode = toLines([...line('view', 20, 100), ...line('Tree v', 200, 100)]);
    const open = toLines([...line('view', 20, 100), ...line('v', 200, 100)]);
    expect(choiceIn(mode, open, { x: 190, y: 95, width: 120, height: 26 })).toBeUndefined();
    // (A value with a bracket in it is still a choice.)
    const sizes = toLines([...line('size', 20, 100), ...line('Small', 200, 100)]);
    const large = toLines([...line('size', 20, 100), ...line('Large (XL)', 200, 100)]);
    expect(choiceIn(sizes, large, { x: 190, y: 95, width: 120, height: 26 })).toMatchObject({
      label: 'size',
      value: 'Large (XL)',
    });
  });
});

describe('newViewTitle and linkTo', () => {
  const frame = { width: 1280, height: 720 };
  const pane = { x: 324, y: 20, width: 784, height: 700 };
  /** A heading in large type: 22 px tall. */
  const heading = (text: string, x: number, y: number) =>
    line(text, x, y).map((w) => ({ ...w, box: { ...w.box, height: 22 } }));
  /** The page's text, 12 px tall as Spectre's reads. */
  const text = (words: string, x: number, y: number) =>
    line(words, x, y).map((w) => ({ ...w, box: { ...w.box, height: 12 } }));
  const accordionWords = [
    ...heading('Accordions', 328, 25),
    ...text('Accordions are used to toggle sections of content.', 328, 267),
    ...text('Elements', 357, 347),
    ...text('Layout', 357, 387),
  ];
  const accordions = toLines(accordionWords);
  const modalWords = [
    ...heading('Modals', 331, 25),
    ...text('Modals are flexible dialog prompts.', 329, 267),
    ...text('Open Modal', 338, 349),
  ];
  const modals = toLines(modalWords);
  const sidebar = toLines([...line('Accordions', 58, 261), ...line('Menu', 58, 525), ...line('Modals', 58, 558)]);

  it('titles a new page that took the place of the last over much of the screen', () => {
    expect(newViewTitle(accordions, modals, pane, frame)?.text).toBe('Modals');
    // Not by a header's button that stayed beside it, read taller in a video's frame.
    const button = line('PayPal', 1114, 19).map((w) => ({ ...w, box: { ...w.box, height: 30 } }));
    const withButton = (words: OcrWord[]) => toLines([...words, ...button]);
    expect(newViewTitle(withButton(accordionWords), withButton(modalWords), pane, frame)?.text).toBe('Modals');
    // Nor where OCR read the button only after: it lies beside the change, not in it.
    expect(newViewTitle(accordions, withButton(modalWords), pane, frame)?.text).toBe('Modals');
  });

  it('is no new view where the change was small or most of its lines stayed', () => {
    expect(newViewTitle(accordions, modals, { x: 324, y: 340, width: 400, height: 100 }, frame)).toBeUndefined();
    const opened = toLines([...accordionWords, ...line('Layout 1', 345, 431)]);
    expect(newViewTitle(accordions, opened, pane, frame)).toBeUndefined();
  });

  const titleOf = (lines: OcrLine[], text: string) => lines.find((l) => l.text === text)!;

  it("finds the link outside the change that reads as the new page's title, whatever its case", () => {
    const title = titleOf(modals, 'Modals');
    expect(linkTo(title, [...sidebar, ...accordions], pane)?.box.x).toBe(58);
    const components = toLines(heading('Components', 331, 25));
    expect(linkTo(components[0]!, toLines(line('COMPONENTS', 39, 221)), pane)?.text).toBe('COMPONENTS');
    // The title inside the change itself (the page's own heading) is no link to it.
    expect(linkTo(titleOf(accordions, 'Accordions'), accordions, pane)).toBeUndefined();
  });

  it("titles a page whose heading was replaced beside a menu that changed its highlight, by the menu's link", () => {
    // The change took in the sidebar (its highlight moved): most lines read there stayed.
    const wide = { x: 28, y: 16, width: 1080, height: 704 };
    const menu = [...line('Accordions', 58, 255), ...line('Avatars', 58, 289), ...line('Badges', 58, 321)];
    const more = [...line('Bars', 58, 355), ...line('Cards', 58, 420), ...line('Chips', 58, 453)];
    const links = [...menu, ...more, ...line('Menu', 58, 520), ...line('Modals', 58, 552), ...line('Nav', 58, 586)];
    const was = toLines([...links, ...accordionWords]);
    const now = toLines([...links, ...modalWords]);
    const title = newViewTitle(was, now, wide, frame);
    expect(title?.text).toBe('Modals');
    expect(linkTo(title!, was, wide, now)?.box).toMatchObject({ x: 58, y: 552 });
    // A link in the change that did not stay put is none (content that read as the title).
    expect(linkTo(title!, was, wide, toLines(modalWords))).toBeUndefined();
    // Nor is a page whose heading stayed, its other lines few and gone, a new view.
    const same = toLines([...links, ...heading('Accordions', 328, 25), ...line('Open Modal', 338, 349)]);
    expect(newViewTitle(was, same, wide, frame)).toBeUndefined();
  });
});

describe('screenTitle', () => {
  /** Words in type `height` px tall, their letters as wide as type that tall draws them (0.6 of it). */
  const type = (text: string, x: number, y: number, height: number, confidence = 90): OcrWord[] => {
    const id = lineId++;
    let cursor = x;
    return text.split(' ').map((word) => {
      const box = { x: cursor, y, width: Math.round(word.length * height * 0.6), height };
      cursor += box.width + height / 2;
      return { text: word, confidence, box, line: id };
    });
  };
  /** A page's body text: paragraphs in 11 px type down the left. */
  const body = (y: number) => [
    ...type('This page lists the tickets you filed', 40, y, 11),
    ...type('and what became of each of them so far', 40, y + 17, 11),
    ...type('each one opens where you left it last', 40, y + 34, 11),
  ];

  it('takes the line in type larger than the body text near the top, the largest', () => {
    const lines = toLines([...type('New ticket', 40, 116, 16), ...type('Helpdesk', 40, 30, 28), ...body(160)]);
    expect(screenTitle(lines, 720)).toBe('Helpdesk');
    // Large type at the foot of the screen is no title.
    expect(screenTitle(toLines([...body(100), ...type('Helpdesk', 40, 600, 28)]), 720)).toBeUndefined();
  });

  it('passes over a sentence in large type: a name is short', () => {
    const lines = toLines([
      ...type('tablesort a small and simple sorting component for tables', 40, 30, 24),
      ...type('Helpdesk', 40, 90, 20),
      ...body(160),
    ]);
    expect(screenTitle(lines, 720)).toBe('Helpdesk');
  });

  it("measures a line's type by its middle word, not one boxed with a glyph", () => {
    // A quotation's first word boxed with its opening quote mark, twice the type's height.
    const quote = type('Knockout helps you simplify', 40, 196, 14);
    quote[0]!.box = { ...quote[0]!.box, y: 180, height: 31 };
    const lines = toLines([...type('Knockout.js', 40, 33, 22), ...quote, ...body(240)]);
    expect(screenTitle(lines, 720)).toBe('Knockout.js');
  });

  it("passes over a button's text boxed with its border", () => {
    // Spectre's docs: "PayPal" boxed 24 px tall with its border, for 14 px letters.
    const button = type('PayPal', 1114, 27, 14).map((w) => ({ ...w, box: { ...w.box, y: 22, height: 24 } }));
    const docs = toLines([...button, ...type('Forms', 331, 26, 21), ...body(160)]);
    expect(screenTitle(docs, 720)).toBe('Forms');
    // Two buttons read as one line, the second's word widened by a glyph ("“GitHub"): framed all the same.
    const pair = [
      ...button,
      ...type('“GitHub', 1172, 27, 14).map((w) => ({ ...w, box: { ...w.box, y: 22, height: 24 } })),
    ];
    expect(screenTitle(toLines([...pair.map((w) => ({ ...w, line: pair[0]!.line }))]), 720)).toBeUndefined();
  });

  it('passes over a line in type not much larger than the body text (a caption boxed a little tall)', () => {
    expect(screenTitle(toLines([...type('maxSize', 1028, 120, 15), ...body(160)]), 720)).toBeUndefined();
    expect(screenTitle(toLines([...type('maxSize', 1028, 120, 16), ...body(160)]), 720)).toBe('maxSize');
  });

  it('passes over a line with others on its row: a row of cells, a value beside its caption', () => {
    // A table's header cells, in type larger than its cells: a row, not a heading.
    const header = toLines([
      ...type('Name', 242, 131, 16),
      ...type('Birthday', 380, 131, 16),
      ...type('Grocery item', 520, 131, 16),
      ...body(200),
    ]);
    expect(screenTitle(header, 720)).toBeUndefined();
    // A value beside its caption (dat.GUI's select "Fast", boxed 17 px tall beside "speed").
    const row = toLines([...type('speed', 1028, 204, 10), ...type('Fast', 1090, 201, 17), ...body(260)]);
    expect(screenTitle(row, 720)).toBeUndefined();
    // A logo's small badge well left of a heading leaves it alone.
    const badged = toLines([...type('DOCS', 167, 32, 8), ...type('Forms', 331, 26, 21), ...body(160)]);
    expect(screenTitle(badged, 720)).toBe('Forms');
  });

  it('takes a heading in the body type where it is set bold and written as one, and only then', () => {
    const heading = type('Tk Widget Demonstrations', 666, 77, 11);
    const section = type('Labels and buttons', 666, 230, 11);
    const lines = toLines([...heading, ...body(111), ...section, ...type('Grocery item', 40, 260, 11)]);
    const [title] = toLines(heading);
    const boldAt = new Set([title!.box.y, 230, 260]);
    // Bold strokes: 3.6 px in 11 px type; the body text's 2.1.
    const stroke = (box: { y: number }) => (boldAt.has(box.y) ? 3.6 : 2.1);
    expect(screenTitle(lines, 800, stroke)).toBe('Tk Widget Demonstrations');
    // Not known bold (no pixels to tell), or not bold: no heading.
    expect(screenTitle(lines, 800)).toBeUndefined();
    expect(screenTitle(lines, 800, () => 2.1)).toBeUndefined();
    // Read as "Tk Widget", its next word too unsure to keep, the rest ("ns") read apart after it: still the heading.
    const cut = type('Tk Widget Demonstratio', 666, 77, 11).map((w, i) => (i === 2 ? { ...w, confidence: 30 } : w));
    const rest = type('ns', cut[2]!.box.x + cut[2]!.box.width + 4, 77, 11);
    expect(screenTitle(toLines([...cut, ...rest, ...body(111)]), 800, stroke)).toBe('Tk Widget');
    // Bold but not written as a heading (a table's bold header cell "Grocery item"): none.
    const cells = toLines([...body(111), ...type('Grocery item', 40, 260, 11)]);
    expect(screenTitle(cells, 800, stroke)).toBeUndefined();
  });

  it("passes over a menu bar's titles, this app's own controls, questions and captions", () => {
    const lines = toLines([
      ...type('“File', 660, 40, 22), // a desktop program's menu, read with a stray quote
      ...type('"Eile', 760, 40, 22), // and read a letter apart
      ...type('Clear Ctrl+C', 900, 60, 22), // a button read with its shortcut
      ...type('Add marker ston recording', 100, 90, 24), // this app's window, on the screen shared
      ...type('stop recordin,', 100, 130, 24),
      ...type('localhost:4173', 40, 0, 20),
      ...type('What needs to be done?', 48, 170, 24), // a field's placeholder
      ...type('Name:', 660, 200, 20),
      ...type('Rolodex', 666, 260, 16),
      ...body(400),
    ]);
    expect(screenTitle(lines, 800)).toBe('Rolodex');
    // Nor a button's text read apart from its shortcut beside it.
    const button = toLines([...type('Clear', 700, 300, 24), ...type('Ctrl+C', 780, 300, 24), ...body(400)]);
    expect(screenTitle(button, 800)).toBeUndefined();
    // A name a letter from a menu's title, read without a stray glyph, is a name.
    expect(screenTitle(toLines([...type('Yelp', 48, 30, 30), ...body(160)]), 800)).toBe('Yelp');
  });

  it('finds nothing on a screen without text at the top', () => {
    expect(screenTitle(toLines(line('Footer text', 48, 700)), 720)).toBeUndefined();
  });
});

describe('captionOf', () => {
  const field = { x: 200, y: 100, width: 200, height: 16 };
  it('reads the caption left of a field on its row, else the one just above it', () => {
    const lines = toLines([...line('Date', 100, 100), ...line('Expenses', 100, 20)]);
    expect(captionOf(lines, field)).toBe('Date');
    const stacked = toLines([...line('Amount', 200, 76), ...line('Expenses', 200, 20)]);
    expect(captionOf(stacked, field)).toBe('Amount');
  });
  it("reads a caption on the field's frame before a line far left on its row, not before a label near it", () => {
    // A caption touching the field from above (Tk's labelframe), a line 150 px left on the row.
    const framed = toLines([...line('Amount', 200, 82), ...line('ent', 20, 100)]);
    expect(captionOf(framed, field)).toBe('Amount');
    // A label column's label, near the field, names it whatever touches it from above.
    expect(captionOf(toLines([...line('Amount', 200, 82), ...line('Date', 140, 100)]), field)).toBe('Date');
    // A row pitch above is no frame's caption: the line far left on the row names it.
    expect(captionOf(toLines([...line('Amount', 200, 70), ...line('ent', 20, 100)]), field)).toBe('ent');
  });
  it('reads the caption left of a field, not the value of the field just above it in a column of captioned fields', () => {
    // dat.GUI: "type" over "speed" in the label column, the type select's "three" just over the speed select.
    const column = toLines([...line('three', 200, 80), ...line('type', 20, 80), ...line('speed', 20, 100)]);
    expect(captionOf(column, field)).toBe('speed');
    // A caption of its own only where it starts with the field's: a window's text far left is none.
    const framed = toLines([...line('Amount', 200, 82), ...line('Tab', 90, 82), ...line('ent', 20, 100)]);
    expect(captionOf(framed, field)).toBe('Amount');
  });
  it('reads nothing when no line sits beside or just above the field', () => {
    expect(captionOf(toLines([...line('Footer', 200, 400), ...line('Far', 700, 100)]), field)).toBeUndefined();
  });
});

describe('form validation messages', () => {
  it.each([
    'Please fill out this field.',
    'Please select an item in the list.',
    "Please include an '@' in the email address.",
    'Email is required',
    'Invalid date',
    'Value must be less than or equal to 10.',
  ])('%s is the form refusing, never typed text', (message) => {
    expect(isValidationMessage(message)).toBe(true);
    const region = { x: 0, y: 0, width: 400, height: 100 };
    expect(appearedText([], toLines(line(message, 10, 10)), region)).toBeUndefined();
  });
  it.each(['Lunch with a client', 'Please find the receipt attached', 'Required reading list'])(
    '%s is text a person may type',
    (text) => expect(isValidationMessage(text)).toBe(false),
  );
});

describe('wholeFrameLabel', () => {
  const field = { x: 572, y: 160, width: 268, height: 36 };
  it('names typing the crop read nothing of by the placeholder the whole frames show it replaced', () => {
    const before = toLines([...line('todos', 690, 40), ...line('What needs to be done?', 575, 165)]);
    const after = toLines([...line('todos', 690, 40), ...line('Buy milk', 577, 165)]);
    expect(wholeFrameLabel(field, before, after, undefined)).toMatchObject({
      label: 'What needs to be done?',
      seen: 'gone',
    });
  });

  it('names a logged click by the text at its point, and says nothing without frames to compare', () => {
    const before = toLines([...line('Save', 100, 100), ...line('Cancel', 200, 100)]);
    expect(wholeFrameLabel({ x: 195, y: 95, width: 60, height: 30 }, before, undefined, { x: 210, y: 105 })).toEqual({
      label: 'Cancel',
      seen: 'point',
    });
    expect(wholeFrameLabel(field, before, undefined, undefined)).toBeUndefined();
  });
});

describe('choiceAtPoint', () => {
  const before = toLines([...line('speed', 20, 100), ...line('Fast', 160, 100), ...line('Colors', 20, 140)]);

  it("reads a logged click on a select whose value another took, its list drawn outside the page, as a choice by the select's caption", () => {
    const after = toLines([...line('speed', 20, 100), ...line('Slow', 160, 100), ...line('Colors', 20, 140)]);
    expect(choiceAtPoint(before, after, { x: 180, y: 108 })).toMatchObject({ label: 'speed', value: 'Slow' });
    // The select's arrow clicked, right of its value.
    expect(choiceAtPoint(before, after, { x: 230, y: 108 })).toMatchObject({ label: 'speed', value: 'Slow' });
  });

  it('finds no choice where the text at the point stayed, or where nothing was at the point, or no caption names it', () => {
    expect(choiceAtPoint(before, before, { x: 180, y: 108 })).toBeUndefined();
    const after = toLines([...line('speed', 20, 100), ...line('Slow', 160, 100)]);
    expect(choiceAtPoint(before, after, { x: 700, y: 108 })).toBeUndefined();
    // A tree node that gained its arrow; a filter clicked beside a list whose lines and counter changed.
    const node = toLines([...line('Tree', 20, 100), ...line('array [3]', 160, 100)]);
    const expanded = toLines([...line('Tree', 20, 100), ...line('v array [3]', 140, 100)]);
    expect(choiceAtPoint(node, expanded, { x: 180, y: 108 })).toBeUndefined();
    const list = toLines([
      ...line('2 items left', 20, 100),
      ...line('Buy milk', 160, 100),
      ...line('Active', 300, 100),
    ]);
    const filtered = toLines([
      ...line('1 item left', 20, 100),
      ...line('Walk the dog', 160, 100),
      ...line('Active', 300, 100),
    ]);
    expect(choiceAtPoint(list, filtered, { x: 245, y: 108 })).toBeUndefined();
    const toggle = toLines(line('Show more', 160, 100));
    expect(choiceAtPoint(toggle, toLines(line('Show less', 160, 100)), { x: 180, y: 108 })).toBeUndefined();
  });

  it('finds no choice where the text at the point was read again a few letters apart under the pointer', () => {
    // Tk's push-button radio "Bottom", pressed, the X pointer drawn over it after: "Bodom".
    const row = (text: string) => toLines([...line('Yellow', 913, 599), ...line(text, 1095, 588)]);
    expect(choiceAtPoint(row('Bottom'), row('Bodom'), { x: 1121, y: 594 })).toBeUndefined();
    // Another value taken is a choice, though it starts with the same letter.
    const speed = toLines([...line('speed', 20, 100), ...line('Slow', 160, 100)]);
    const chosen = toLines([...line('speed', 20, 100), ...line('Stopped', 160, 100)]);
    expect(choiceAtPoint(speed, chosen, { x: 180, y: 108 })).toMatchObject({ label: 'speed', value: 'Stopped' });
  });

  it('finds no choice in a check box clicked by its label, read through the pointer before and with its tick after', () => {
    // Tk's check buttons: the pointer rested on "Driver Sober" as it was clicked, and had left
    // by the after frame, where the tick beside it reads as "lv".
    const checks = (label: string, x: number) =>
      toLines([...line('Brakes OK', 731, 561), ...line('v Wipers OK', 714, 534), ...line(label, x, 588)]);
    const point = { x: 756, y: 595 };
    expect(choiceAtPoint(checks('Driv)¢ Sober', 731), checks('lv Driver Sober', 714), point)).toBeUndefined();
    // A select's value the pointer rested on, another value once it left: a choice still.
    const selects = (value: string) => toLines([...line('speed', 600, 588), ...line(value, 731, 588)]);
    expect(choiceAtPoint(selects('Sl)¢w'), selects('Fast'), point)).toMatchObject({ label: 'speed', value: 'Fast' });
  });

  it("finds none where the change's own reading read the text at the point again in its place", () => {
    // JSONEditor's mode button: its menu opened below it, and the row alone read "tes 4" after.
    const row = (value: string) => toLines([...line('vy', 120, 100), ...line(value, 216, 100)]);
    const point = { x: 236, y: 108 };
    expect(choiceAtPoint(row('Tree v'), row('tes 4'), point)).toMatchObject({ value: 'tes 4' });
    const opened = toLines([...line('Tree v', 216, 100), ...line('Code', 235, 127), ...line('Form', 235, 152)]);
    const change = { before: toLines(line('Tree v', 216, 100)), after: opened };
    expect(choiceAtPoint(row('Tree v'), row('tes 4'), point, change)).toBeUndefined();
    // A select's new value in the change's reading too: a choice.
    const chosen = { before: row('Tree v'), after: row('Code') };
    expect(choiceAtPoint(row('Tree v'), row('Code'), point, chosen)).toMatchObject({ label: 'vy', value: 'Code' });
  });
});
