import { describe, expect, it } from 'vitest';
import {
  linesIn,
  linesMeeting,
  partAt,
  showsShortcut,
  toLines,
  withoutShortcut,
  type OcrLine,
  type OcrWord,
} from './lines';

describe('keyboard shortcuts in read text', () => {
  it('finds a shortcut among the words of a line, as OCR reads it', () => {
    expect(showsShortcut('Add Ctrl+A')).toBe(true);
    expect(showsShortcut('Delete... ctri+p')).toBe(true);
    expect(showsShortcut('Save Ctrl +S')).toBe(true);
    expect(showsShortcut('Control panel')).toBe(false);
    expect(showsShortcut('C++ and Rust')).toBe(false);
  });

  it('names a control without the one shortcut shown after its text, and leaves a row of them as it is', () => {
    expect(withoutShortcut('Search Ctrl+S')).toBe('Search');
    expect(withoutShortcut('Delete... Ctrl +D')).toBe('Delete...');
    expect(withoutShortcut('Add Ctrl+A Search Ctrl+S')).toBe('Add Ctrl+A Search Ctrl+S');
    expect(withoutShortcut('Ctrl+S')).toBe('Ctrl+S');
    expect(withoutShortcut('Name:')).toBe('Name:');
  });
});

describe('toLines', () => {
  const word = (text: string, x: number, width: number): OcrWord => ({
    text,
    confidence: 90,
    box: { x, y: 570, width, height: 13 },
    line: 1,
  });

  it('keeps words a tab edge made tall, however narrow for their box, as text (not a glyph spelt out)', () => {
    // A ttk notebook's tabs read with their frames: 12 px letters in 37 and 45 px tall boxes.
    const tall = (text: string, x: number, width: number, height: number, line: number): OcrWord => ({
      text,
      confidence: 90,
      box: { x, y: 291, width, height },
      line,
    });
    const tabs = toLines([
      tall('‘Description', 698, 78, 37, 1),
      tall('Text', 865, 30, 45, 2),
      tall('Editor', 902, 45, 45, 2),
    ]);
    expect(tabs.map((l) => l.text)).toEqual(['‘Description', 'Text Editor']);
    // A text-beam pointer spelt out as two letters in one stroke's width still is no text, at any scale.
    expect(toLines([tall('Id', 994, 3, 8, 3)])).toEqual([]);
    expect(toLines([tall('Id', 994, 6, 16, 4)])).toEqual([]);
  });

  it('puts a hyphenated word read as two back together, not words a space apart', () => {
    // Tk's underlined link "5. Combo-boxes": "Combo-" and "boxes" touch.
    const [link] = toLines([word('5.', 710, 12), word('Combo-', 727, 52), word('boxes', 780, 45)]);
    expect(link?.text).toBe('5. Combo-boxes');
    expect(link?.words?.map((w) => w.text)).toEqual(['5.', 'Combo-boxes']);
    const [spaced] = toLines([word('Multi-', 700, 40), word('select', 746, 40)]);
    expect(spaced?.text).toBe('Multi- select');
    // Its hyphen read with both parts.
    const [twice] = toLines([word('4.', 710, 12), word('Check-', 727, 50), word('-buttons', 779, 60)]);
    expect(twice?.text).toBe('4. Check-buttons');
  });

  it('keeps the unsure first part of a hyphenated word with its sure rest, as sure as both on average', () => {
    // Tesseract scored a clean "Combo-" 9 (its rest "boxes" 96), which left "5. boxes".
    const unsure = (text: string, x: number, width: number, confidence: number) => ({
      ...word(text, x, width),
      confidence,
    });
    const [link] = toLines([word('5.', 709, 13), unsure(' Combo-', 722, 60, 9), unsure('boxes', 783, 41, 96)]);
    expect(link?.text).toBe('5. Combo-boxes');
    expect(link?.confidence).toBeCloseTo((90 + (9 + 96) / 2) / 2);
    // Not a part standing apart, nor one whose rest is unsure too.
    expect(toLines([word('5.', 709, 13), unsure('Combo-', 722, 50, 9), word('boxes', 783, 41)])[0]?.text).toBe(
      '5. boxes',
    );
    expect(toLines([word('5.', 709, 13), unsure('Combo-', 722, 60, 9), unsure('boxes', 783, 41, 30)])[0]?.text).toBe(
      '5.',
    );
  });

  it('keeps a number with the words before it a little further apart than words stand, not a control beyond', () => {
    // Tk's radio button "Point Size 18": 8 px before "18" in 11 px text (a digit's ink starts late).
    const [radio] = toLines([word('Point', 744, 32), word('Size', 781, 27), word('18', 816, 16)]);
    expect(partAt(radio!, 776)).toBe('Point Size 18');
    // Words that far apart are two controls; a number 13 px on is a value beside its caption.
    const [row] = toLines([word('Point', 744, 32), word('Size', 781, 27), word('Help', 816, 30)]);
    expect(partAt(row!, 776)).toBe('Point Size');
    const [value] = toLines([word('Point', 744, 32), word('Size', 781, 27), word('18', 821, 16)]);
    expect(partAt(value!, 776)).toBe('Point Size');
  });

  it('says where words of three letters or more were dropped from a line as too unsure', () => {
    const unsure = { ...word('Another', 1036, 39), confidence: 32 };
    const [title] = toLines([{ ...word('*', 1028, 4), confidence: 20 }, unsure, word('Folder', 1078, 31)]);
    expect(title?.text).toBe('Folder');
    expect(title?.unsure).toEqual([unsure.box]);
    expect(toLines([word('Folder', 1078, 31)])[0]?.unsure).toBeUndefined();
  });

  it('keeps no line of a letter or two repeated (a huge pale heading), but keeps short words', () => {
    const row = (...texts: string[]) => toLines(texts.map((text, i) => word(text, 640 + 30 * i, 20)));
    expect(row('mm', 'mm', 'mm', 'om', 'om', 'om')).toEqual([]);
    expect(row('Mo', 'Tu', 'We', 'Th', 'Fr').map((l) => l.text)).toEqual(['Mo Tu We Th Fr']);
    expect(row('1', '2', '3', '4').map((l) => l.text)).toEqual(['1 2 3 4']);
    expect(row('OK', 'OK').map((l) => l.text)).toEqual(['OK OK']);
  });
});

describe('linesMeeting', () => {
  const line = (text: string, x: number, width: number): OcrLine => ({
    text,
    confidence: 90,
    box: { x, y: 588, width, height: 11 },
  });

  it("takes a line that only starts near the region, whole, where its middle lies beyond it (a check box's label)", () => {
    // Tk's check box ticked (712–728): its label starts 3 px right of it, its middle 47 px right.
    const tick = { x: 712, y: 588, width: 16, height: 16 };
    const label = line('Driver Sober', 731, 89);
    const far = line('See Code', 900, 60);
    expect(linesIn([label, far], tick, 24)).toEqual([]);
    expect(linesMeeting([label, far], tick, 24)).toEqual([label]);
  });
});
