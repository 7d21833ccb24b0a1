import { describe, expect, it, vi } from 'vitest';
import type { LumaArea } from '../frame-luma';
import { blankRightOf, coveredButton, inkContrast, onFill, placeholderTypedOver, strokeWidth } from './pixels';

vi.mock('../../storage/recordings', () => ({ getFrame: async () => undefined }));

/** A dark panel (26) with a lighter field (48) from x 100 to 248, rows 10 to 30: dat.GUI's look. */
function panel(): LumaArea {
  const [width, height] = [300, 40];
  const data = new Uint8Array(width * height).fill(26);
  for (let y = 10; y < 30; y++) for (let x = 100; x < 248; x++) data[y * width + x] = 48;
  return { x: 1000, y: 100, width, height, data };
}

/** Draws ink (a glyph's strokes, luma 160) in every other column of a box of frame pixels. */
function ink(luma: LumaArea, x: number, y: number, width: number, height: number): void {
  for (let row = y; row < y + height; row++)
    for (let col = x; col < x + width; col += 2) luma.data[(row - luma.y) * luma.width + (col - luma.x)] = 160;
}

describe('blankRightOf', () => {
  // The change: the whole field; the value "0.5" read at its left.
  const region = { x: 1100, y: 110, width: 148, height: 20 };
  const value = { x: 1104, y: 114, width: 18, height: 10 };

  it('says a value left-aligned in an empty box (a text field) has nothing right of it', () => {
    const field = panel();
    ink(field, 1104, 114, 18, 10);
    expect(blankRightOf(field, value, region)).toBe(true);
    // The field's edge is a step in shade, not ink; a change reaching past it still reads blank.
    expect(blankRightOf(field, value, { ...region, width: 180 })).toBe(true);
  });

  it("finds a select's arrow beside its value, or at the far end of a wide one", () => {
    const beside = panel();
    ink(beside, 1104, 114, 18, 10);
    ink(beside, 1140, 116, 8, 6);
    expect(blankRightOf(beside, value, region)).toBe(false);
    const far = panel();
    ink(far, 1104, 114, 18, 10);
    ink(far, 1230, 116, 8, 6);
    expect(blankRightOf(far, value, region)).toBe(false);
  });

  it('cannot tell where the change ends just past the value', () => {
    const field = panel();
    expect(blankRightOf(field, value, { ...region, width: 40 })).toBe(false);
  });
});

describe('placeholderTypedOver', () => {
  /** A white field (255) with text drawn in `shade` in every other column of `box` (frame pixels). */
  function field(box: { x: number; y: number; width: number; height: number }, shade: number): LumaArea {
    const [width, height] = [200, 40];
    const luma = { x: 960, y: 20, width, height, data: new Uint8Array(width * height).fill(255) };
    for (let y = box.y; y < box.y + box.height; y++)
      for (let x = box.x; x < box.x + box.width; x += 2) luma.data[(y - luma.y) * width + (x - luma.x)] = shade;
    return luma;
  }
  const line = (text: string, box: { x: number; y: number; width: number; height: number }) => ({
    text,
    confidence: 95,
    box,
  });
  // Spectre's search field: its grey placeholder, then "modal" typed in dark ink.
  const region = { x: 964, y: 24, width: 140, height: 28 };
  const hint = { x: 980, y: 32, width: 98, height: 13 };
  const typed = { x: 980, y: 30, width: 47, height: 19 };

  it('reads a faint placeholder given way to text in full ink where it started as typing into that field', () => {
    expect(inkContrast(field(hint, 196), hint)).toBeLessThan(70);
    expect(inkContrast(field(typed, 70), typed)).toBeGreaterThan(150);
    const luma = { before: field(hint, 196), after: field(typed, 70) };
    expect(placeholderTypedOver([line('Search Docs', hint)], [line('modal', typed)], region, luma)).toEqual({
      placeholder: 'Search Docs',
      value: 'modal',
    });
  });

  it("reads no typing where the old text was in the new text's ink (a button's text), or the new text starts elsewhere", () => {
    const same = { before: field(hint, 70), after: field(typed, 70) };
    expect(placeholderTypedOver([line('Show more', hint)], [line('Hide', typed)], region, same)).toBeUndefined();
    const moved = { ...typed, x: typed.x + 30 };
    const luma = { before: field(hint, 196), after: field(moved, 70) };
    expect(placeholderTypedOver([line('Search Docs', hint)], [line('modal', moved)], region, luma)).toBeUndefined();
    // A tree that changed with its path bar over it ("Select a node...", faint, then the path).
    const tree = { ...region, height: 268 };
    const faintThenFull = { before: field(hint, 196), after: field(typed, 70) };
    expect(
      placeholderTypedOver([line('Search Docs', hint)], [line('modal', typed)], tree, faintThenFull),
    ).toBeUndefined();
    // Nothing new: the same text read again.
    const again = { before: field(hint, 196), after: field(hint, 70) };
    expect(
      placeholderTypedOver([line('Search Docs', hint)], [line('Search Docs', hint)], region, again),
    ).toBeUndefined();
  });
});

describe('coveredButton', () => {
  const line = (text: string, x: number, y: number) => ({
    text,
    confidence: 95,
    box: { x, y, width: text.length * 9, height: 14 },
  });
  /** A white page (255) with dark text (60) in every fourth column of each line, and `filled` on a blue fill (100) in white (250). */
  function page(lines: ReturnType<typeof line>[], filled: ReturnType<typeof line>[]): LumaArea {
    const [width, height] = [700, 400];
    const luma = { x: 0, y: 0, width, height, data: new Uint8Array(width * height).fill(255) };
    const paint = (box: { x: number; y: number; width: number; height: number }, value: number, step = 1) => {
      for (let y = box.y; y < box.y + box.height; y++)
        for (let x = box.x; x < box.x + box.width; x += step) luma.data[y * width + x] = value;
    };
    for (const l of lines) paint(l.box, 60, 4);
    for (const l of filled) {
      paint({ x: l.box.x - 8, y: l.box.y - 6, width: l.box.width + 16, height: l.box.height + 12 }, 100);
      paint(l.box, 250, 3);
    }
    return luma;
  }
  // Spectre's modals page: prose, the sidebar, and the white-on-blue "Open Modal" (OCR read "Open").
  const open = line('Open', 338, 349);
  const prose = [line('Modals are flexible dialog prompts.', 329, 267), line('Accordions', 58, 255)];
  const region = { x: 28, y: 16, width: 660, height: 380 };
  // The dialog over the page: its title, its message, its buttons.
  const dialog = [
    line('Modal title', 354, 113),
    line('This is the content inside the modal.', 352, 173),
    line('Lorem ipsum dolor sit amet', 354, 262),
    line('Share Close', 512, 359),
  ];

  it('names the one filled button a dialog covered', () => {
    const luma = page(prose, [open]);
    expect(onFill(luma, open.box)).toBe(true);
    expect(onFill(luma, prose[0]!.box)).toBe(false);
    // Bold capitals in a box cut tight round them: mostly ink inside, the white page round it.
    const heading = line('ELEMENTS', 39, 132);
    for (let y = 132; y < 146; y++) for (let x = 39; x < 39 + 72; x++) if (x % 4 !== 0) luma.data[y * 700 + x] = 90;
    expect(onFill(luma, heading.box)).toBe(false);
    expect(coveredButton([...prose, open], dialog, region, luma)?.text).toBe('Open');
  });

  it('reads a button OCR boxed whole with a few pixels of the page round it as filled', () => {
    // A video's frame: "Open Modal" boxed from 2 px above the button's fill to 3 px below it.
    const luma = page(prose, [open]);
    const fill = { x: open.box.x - 8, y: open.box.y - 6, width: open.box.width + 16, height: open.box.height + 12 };
    const boxed = { x: fill.x, y: fill.y - 2, width: fill.width + 1, height: fill.height + 5 };
    expect(onFill(luma, boxed)).toBe(true);
    // Not a box of page text with the page round it.
    expect(onFill(luma, { ...prose[0]!.box, y: prose[0]!.box.y - 3, height: prose[0]!.box.height + 6 })).toBe(false);
  });

  it('names none where the button is read after (the page stayed), where several were filled, or nothing new came', () => {
    const luma = page(prose, [open]);
    expect(coveredButton([...prose, open], [...dialog, line('Open', 338, 349)], region, luma)).toBeUndefined();
    const dark = page([], [open, ...prose]);
    expect(coveredButton([...prose, open], dialog, region, dark)).toBeUndefined();
    expect(coveredButton([...prose, open], [line('Modal title', 354, 113)], region, luma)).toBeUndefined();
    // A section opened above the button and pushed it out of view: the page's lines read again.
    expect(coveredButton([...prose, open], [...dialog, ...prose], region, luma)).toBeUndefined();
  });
});

describe('strokeWidth', () => {
  /** White ground (240) with dark stems (30) `stem` px wide every 6 px, 11 px tall: type's strokes. */
  const stems = (stem: number): LumaArea => {
    const [width, height] = [60, 20];
    const data = new Uint8Array(width * height).fill(240);
    for (let y = 4; y < 15; y++)
      for (let x = 2; x + stem <= 58; x += 6) data.fill(30, y * width + x, y * width + x + stem);
    return { x: 100, y: 50, width, height, data };
  };
  const box = { x: 100, y: 54, width: 60, height: 11 };

  it('measures how wide the strokes in a box run: bold type twice as wide as regular', () => {
    expect(strokeWidth(stems(1), box)).toBeCloseTo(1);
    expect(strokeWidth(stems(2), box)).toBeCloseTo(2);
    // Light on dark measures alike.
    const inverted = stems(2);
    inverted.data.forEach((v, i) => (inverted.data[i] = 255 - v));
    expect(strokeWidth(inverted, box)).toBeCloseTo(2);
  });

  it('is undefined where nothing stands out as ink, or off the area', () => {
    const blank: LumaArea = { x: 100, y: 50, width: 60, height: 20, data: new Uint8Array(1200).fill(240) };
    expect(strokeWidth(blank, box)).toBeUndefined();
    expect(strokeWidth(stems(1), { ...box, y: 500 })).toBeUndefined();
  });
});
