import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../ocr/lines';
import { choiceByField, choiceFromList, dropDownAt, listClosedIn, rowReadUnsurely } from './drop-down';

/**
 * A line as OCR gives it, each word 7 px a letter and a space apart, or starting where
 * `starts` says (the words of a row run into the text left of the list, as the bench read them).
 */
function line(text: string, x: number, y: number, height = 11, starts: number[] = []): OcrLine {
  let cursor = x;
  const words = text.split(' ').map((word, i) => {
    const box = { x: starts[i] ?? cursor, y, width: word.length * 7, height };
    cursor = box.x + box.width + 7;
    return { text: word, box };
  });
  return { text, confidence: 90, box: { x, y, width: cursor - 7 - x, height }, words };
}

// Tk's combo box demo as a shared screen showed it (from the bench's recordings): the framed
// field "Defined List Only" showing "Sydney", its list dropped down over the demo window's
// links, OCR running rows into the links' text left of the list ("4. A text widget witPerth").
const caption = line('Defined List Only', 830, 586, 15);
const field = line('sydney', 843, 609, 20);
const list = [
  line('“Canberra', 833, 628, 25),
  line('Sydney', 845, 651, 15),
  line('Melbourne', 845, 669),
  line('4. A text widget witPerth', 710, 683, 19, [710, 728, 738, 772, 823]),
  line('5. A search tool bu Adelaide', 710, 705, 12, [710, 726, 741, 792, 824, 844]),
  line('6. Peering text wid(Brisbane', 710, 723, 13, [710, 727, 784, 816]),
  line('Hobart', 845, 741),
  line('Darwin', 845, 759),
  line('Alice Springs', 844, 777, 14),
];
const before = [caption, field, ...list];
const after = [caption, line('4. A text widget with embedded windows and other features', 710, 683, 21)];
// The rows under Perth alone, as a reading that missed the rows over them has them.
const lower = [line('Adelaide', 845, 705), line('Hobart', 845, 741), line('Darwin', 845, 759), line('Alice', 845, 777)];
// Where the hand pointer's tip clicked "Perth".
const point = { x: 866, y: 694 };

describe('dropDownAt', () => {
  it('finds the list a click fell in, the row under it, and the field over it', () => {
    const found = dropDownAt(before, after, point);
    expect(found).toBeDefined();
    // The row of "Perth", 18 px apart from Melbourne's and Adelaide's.
    expect(found!.row.y).toBeLessThanOrEqual(687);
    expect(found!.row.y + found!.row.height).toBeGreaterThanOrEqual(698);
    expect(found!.row.y + found!.row.height).toBeLessThan(705);
    expect(found!.field?.text).toBe('sydney');
    expect(found!.top.text).toBe('Sydney');
  });

  it('counts the row clicked from the rows read where OCR missed the rows over it, under the field', () => {
    // Sydney, Melbourne and Perth read into the text left of the list, or not at all.
    const sparse = [caption, line('Sydney', 845, 612, 15), ...lower];
    const found = dropDownAt(sparse, [caption], point);
    expect(found?.field?.text).toBe('Sydney');
    expect(found!.row.y).toBeLessThanOrEqual(687);
    expect(found!.row.y + found!.row.height).toBeLessThan(705);
  });

  it("finds none over the first row read where no field was read at the list's edge", () => {
    const sparse = [caption, ...lower];
    expect(dropDownAt(sparse, [caption], point)).toBeUndefined();
  });

  it('takes no field whose gap to the rows is off their spacing for a row of the list', () => {
    // The rows' tops read a pixel or two off (Sydney as "Sydfiey," at 650): the field 41 px over it is no row.
    const noisy = [
      caption,
      field,
      line('Sydfiey,', 842, 650, 16),
      line('Perth', 845, 687, 12),
      line('Adelaide', 844, 705),
      line('Hobart', 845, 741),
      line('Darwin', 845, 759, 12),
    ];
    expect(dropDownAt(noisy, [], { x: 863, y: 694 })?.field?.text).toBe('sydney');
  });

  it("takes the row that reads as a row of the list for the field, though it lies on the rows' spacing", () => {
    // A session's reading: the field's "Sydney" 39 px over the list's "Sydney" (on the spacing,
    // 3 px off), every other row missed (Perth, Brisbane run into the window's text).
    const session = [
      caption,
      line('Sydney', 845, 612, 15),
      line('Sydney', 845, 651, 14),
      line('Melbourne', 845, 669),
      line('4. A text widget witPerth', 710, 683, 19, [710, 728, 738, 772, 823]),
      line('Adelaide', 845, 705),
      line('6. Peering text wid(Brisbane', 710, 723, 13, [710, 727, 784, 816]),
      line('Hobart', 845, 741),
    ];
    // (A stray reading between rows is no row: "ly" under the pointer.)
    const found = dropDownAt([...session, line('ly', 826, 748, 14)], [], { x: 863, y: 694 });
    expect(found?.field?.box.y).toBe(612);
    // Rows 18 px apart, not 36: the row of Perth.
    expect(found!.row.height).toBeLessThan(20);
    expect(found!.row.y).toBeLessThanOrEqual(687);
    expect(found!.row.y + found!.row.height).toBeLessThan(705);
  });

  it('keeps the spacing where a stray glyph or two is read between rows', () => {
    const box = { x: 826, y: 748, width: 28, height: 14 };
    const stray = { text: 'ly', confidence: 50, box, words: [{ text: 'ly', box }] };
    expect(dropDownAt([...before, stray], after, point)?.row.height).toBe(18);
  });

  it('finds none where the rows stayed after the click (a column of text, not a list that closed)', () => {
    expect(dropDownAt(before, before, point)).toBeUndefined();
  });

  it('finds none in rows unevenly spaced (a paragraph, a form)', () => {
    const form = [line('Name', 845, 600), line('Email', 845, 640), line('Phone', 845, 652), line('Notes', 845, 710)];
    expect(dropDownAt(form, [], { x: 860, y: 645 })).toBeUndefined();
  });

  it('finds none where the click was right of the list', () => {
    expect(dropDownAt(before, after, { x: 1200, y: 694 })).toBeUndefined();
  });
});

describe('choiceFromList', () => {
  const found = dropDownAt(before, after, point)!;
  // The row read again with the rows around it (Melbourne cut off at the top).
  const row = [line('Perth', 840, 685, 16), line('‘Adelaide', 840, 702, 15)];
  const above = [line('Disabled', 839, 524, 12), caption, line('Sydney', 845, 612, 15)];
  const aboveAfter = [line('Disabled', 839, 524, 12), caption];
  const read = { row, earlier: [], rowAfter: [], above, aboveAfter, wide: before };

  it('chooses the row clicked in the field the list dropped from, named by its caption', () => {
    expect(choiceFromList(found, read)).toMatchObject({
      label: 'Defined List Only',
      value: 'Perth',
    });
  });

  it("chooses in the field read at the list's edge where the rows under it were missed", () => {
    const sparse = [caption, line('Sydney', 845, 612, 15), ...lower];
    const missed = dropDownAt(sparse, [caption], point)!;
    expect(choiceFromList(missed, read)).toMatchObject({
      label: 'Defined List Only',
      value: 'Perth',
    });
  });

  it('puts whole a row the pointer cut short from the wider reading, and keeps a glyph read apart out', () => {
    expect(choiceFromList(found, { ...read, row: [line('Ph', 840, 685, 16)] })?.value).toBe('Perth');
    const cut = [line('Per', 840, 685, 16)];
    expect(choiceFromList(found, { ...read, row: cut })?.value).toBe('Perth');
    const apart = [line('Perth', 840, 685, 16), line('th', 880, 687, 12)];
    expect(choiceFromList(found, { ...read, row: apart })?.value).toBe('Perth');
  });

  it('reads a row the pointer garbled as a frame from before the pointer came to it read it surely', () => {
    const garbled = { ...line('Pexch', 840, 685, 16), confidence: 63 };
    const clear = line('Perth', 845, 687);
    expect(choiceFromList(found, { ...read, row: [garbled], rowEarlier: [clear] })?.value).toBe('Perth');
    expect(choiceFromList(found, { ...read, row: [garbled] })?.value).toBe('Pexch');
    // Not other text there then (the list not open yet), nor over a sure reading under the pointer.
    const behind = line('4. A text widget', 710, 687);
    expect(choiceFromList(found, { ...read, row: [garbled], rowEarlier: [behind] })?.value).toBe('Pexch');
    const sure = line('Pexch', 840, 685, 16);
    expect(choiceFromList(found, { ...read, row: [sure], rowEarlier: [clear] })?.value).toBe('Pexch');
    // Only an unsure reading is read again at all (each read costs ~0.7 s).
    expect([rowReadUnsurely(found, [garbled]), rowReadUnsurely(found, [sure])]).toEqual([true, false]);
  });

  it('reads a row the pointer hid from the wider reading, cut where the list starts', () => {
    const hidden = { ...read, row: [line('elbourne', 845, 669), line('Adelaide', 844, 705)] };
    expect(choiceFromList(found, hidden)?.value).toBe('Perth');
    // The window's text right of the list, on the row, is not it.
    const right = line('ther features', 1040, 689);
    expect(choiceFromList(found, { ...hidden, wide: [right, ...before] })?.value).toBe('Perth');
  });

  it('chooses nothing where a window opened over a column of links, showing its own text there', () => {
    const links = [line('5. Combo-boxes', 710, 683, 13)];
    expect(choiceFromList(found, { ...read, earlier: links, rowAfter: links })?.value).toBe('Perth');
    expect(
      choiceFromList(found, { ...read, earlier: links, rowAfter: [line('Fully Editable', 839, 685, 14)] }),
    ).toBeUndefined();
  });

  it('chooses nothing where the row was there before the list opened (a column of links)', () => {
    expect(choiceFromList(found, { ...read, earlier: [line('Perth', 845, 687)] })).toBeUndefined();
  });

  it('chooses nothing where the field still reads the same (a menu that did something else)', () => {
    expect(
      choiceFromList(found, { ...read, aboveAfter: [...aboveAfter, line('sydney', 843, 609, 20)] }),
    ).toBeUndefined();
  });

  it('chooses nothing where the row is still there after the click (a column of check boxes, ticked)', () => {
    expect(choiceFromList(found, { ...read, rowAfter: [line('Perth', 845, 687)] })).toBeUndefined();
  });

  it('chooses nothing under a line of prose (no field a list drops from)', () => {
    const prose = line('the first button will display the tri-state mode. Click the', 700, 632);
    const sparse = dropDownAt([prose, ...list], [], point)!;
    expect(sparse.field).toBeUndefined();
    expect(choiceFromList(sparse, { ...read, above: [caption, prose], aboveAfter: [caption] })).toBeUndefined();
  });

  it('chooses nothing for a field without a caption', () => {
    expect(choiceFromList(found, { ...read, above: [field], aboveAfter: [] })).toBeUndefined();
  });

  it('keeps a row read with a border glyph before it to its letters', () => {
    const quoted = [line('“Perth', 840, 685, 16)];
    expect(choiceFromList(found, { ...read, row: quoted })?.value).toBe('Perth');
  });
});

describe('listClosedIn and choiceByField', () => {
  // The change the click on Perth made: the list's box, the pointer's move inside it.
  const region = { x: 836, y: 604, width: 208, height: 196 };
  const above = [line('Disabled', 839, 524, 12), caption, line('Sydney', 845, 612, 15)];
  // The field after, its new value drawn white on the selection's blue, read alone.
  const chosen = line('Perth', 845, 612, 15);
  const read = { earlier: [], rowAfter: [], above, aboveAfter: [caption, chosen], wide: before };

  it('finds the list that closed at the left edge of the change, with the field over it', () => {
    const found = listClosedIn(before, after, region);
    expect(found?.field?.text).toBe('sydney');
    expect(found?.rows.y).toBeLessThanOrEqual(651);
    expect(found!.rows.y + found!.rows.height).toBeGreaterThanOrEqual(788);
  });

  it('finds no list that stayed (a column of links), nor one in a change that holds no column', () => {
    expect(listClosedIn(before, before, region)).toBeUndefined();
    // A list that moved along a row (an item added at its end, the first dropped): its rows read again.
    const moved = list.slice(2).map((l) => ({ ...l, box: { ...l.box, y: l.box.y - 18 } }));
    expect(listClosedIn(before, [caption, ...moved], region)).toBeUndefined();
    expect(listClosedIn(before, after, { x: 600, y: 580, width: 40, height: 40 })).toBeUndefined();
  });

  it('chooses the value the field reads after, where the list showed it (run into the text beside it)', () => {
    const found = listClosedIn(before, after, region)!;
    expect(choiceByField(found, read)).toMatchObject({ label: 'Defined List Only', value: 'Perth' });
  });

  it('chooses only where what the list covered reads after as it did before the list dropped down', () => {
    const found = listClosedIn(before, after, region)!;
    const under = [line('4. A text widget with embedded windows and other features', 710, 683, 21)];
    expect(choiceByField(found, { ...read, earlier: under, rowAfter: under })?.value).toBe('Perth');
    // A window opened over a column of links: its own text where the links were.
    const window = [line('Fully Editable', 839, 685, 14)];
    expect(choiceByField(found, { ...read, earlier: under, rowAfter: window })).toBeUndefined();
  });

  it('chooses nothing where the field reads as before, reads what the list never showed, or has no caption', () => {
    const found = listClosedIn(before, after, region)!;
    expect(choiceByField(found, { ...read, aboveAfter: [caption, line('Sydney', 845, 612, 15)] })).toBeUndefined();
    expect(choiceByField(found, { ...read, aboveAfter: [caption, line('Tokyo', 845, 612, 15)] })).toBeUndefined();
    // Part of a row read in the field: not the value chosen.
    expect(choiceByField(found, { ...read, aboveAfter: [caption, line('ert', 851, 612, 15)] })).toBeUndefined();
    expect(choiceByField(found, { ...read, aboveAfter: [caption, line('Hobart', 845, 612, 15)] })?.value).toBe(
      'Hobart',
    );
    expect(choiceByField(found, { ...read, above: [field], aboveAfter: [chosen] })).toBeUndefined();
  });
});
