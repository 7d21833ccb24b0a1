/**
 * What the pixels of a step's before and after frames say about its change:
 * which lines of screen text changed their own pixels (a button pressed or a
 * placeholder typed over changes where its text is; a label beside a change does
 * not), the mark the action drew on its control, and whether a logged click
 * ticked a box (./marks).
 */
import { samePlace, type OcrLine } from '../ocr/lines';
import { clamp, expand, union, type Point, type Rect } from '../../shared/geometry';
import { getFrame } from '../../storage/recordings';
import { boxToggledAt, gainedMark, PIXEL_CHANGE, type Mark } from './marks';
import { frameLuma, type LumaArea } from '../frame-luma';

/** Mean luma difference (0–255) over a line's box above which it changed. */
const CHANGED = 10;
const PAD = 3;
/** An indicator beside a line (an arrow turned) changes at least this share of the space it is read in. */
const INDICATOR_SHARE = 0.05;

export interface ChangeReading {
  /** The texts of the lines whose own pixels changed. */
  changed: Set<string>;
  mark?: Mark;
  /** A logged click at a point ticked a box there, or unticked it. */
  toggled?: 'ticked' | 'unticked';
  /** The frames' luma over the change and its surroundings (read once, for every look at pixels). */
  before?: LumaArea;
  after?: LumaArea;
}

/**
 * Reads both frames once over `area` (the change and its surroundings, in frame
 * pixels), for the lines OCR read there before and after. `point` is a logged click's;
 * `pointer` where the mouse pointer was seen resting on a shared screen (see `gainedMark`).
 */
export async function readChange(
  beforeId: string,
  afterId: string,
  area: Rect,
  before: readonly OcrLine[],
  after: readonly OcrLine[],
  point?: Point,
  pointer?: Point,
): Promise<ChangeReading> {
  const [first, last] = await Promise.all([getFrame(beforeId), getFrame(afterId)]);
  if (!first || !last) return { changed: new Set() };
  const lineArea = before.length > 0 ? expand(union(before.map((l) => l.box))!, PAD) : area;
  const bounds = clamp(union([area, lineArea])!, first);
  const [a, b] = await Promise.all([frameLuma(first.blob, bounds), frameLuma(last.blob, bounds)]);
  if (!a || !b) return { changed: new Set() };
  return changeIn(a, b, before, after, point, pointer);
}

/** `readChange` on the two frames' luma. Pure. */
function changeIn(
  a: LumaArea,
  b: LumaArea,
  before: readonly OcrLine[],
  after: readonly OcrLine[],
  point?: Point,
  pointer?: Point,
): ChangeReading {
  // Where a line is read wider after (an indicator now read beside it), its changed pixels lie in what it gained.
  const others = [...before, ...after].map((l) => l.box);
  // An indicator just left of a line (a tree node's arrow turned), read as part of it or not at all.
  const slot = (line: OcrLine): Rect[] => {
    const width = Math.round(1.6 * line.box.height);
    const left = { x: line.box.x - width, y: line.box.y, width: width - 2, height: line.box.height };
    return others.some((box) => box.x < left.x + left.width && left.x < box.x + box.width && samePlace(box, left))
      ? []
      : [left];
  };
  const gained = (line: OcrLine) =>
    [...after.filter((l) => samePlace(l.box, line.box)).flatMap((l) => widening(line.box, l.box)), ...slot(line)].some(
      (part) => changedShare(a, b, part) >= INDICATOR_SHARE,
    );
  const changed = new Set(
    before.filter((line) => meanDifference(a, b, line.box) > CHANGED || gained(line)).map((l) => l.text),
  );
  const mark = gainedMark(a, b, before, after, pointer);
  const toggled = point ? boxToggledAt(a, b, point) : undefined;
  return {
    changed,
    ...(mark ? { mark } : {}),
    ...(toggled ? { toggled } : {}),
    before: a,
    after: b,
  };
}

/** How wide the blank right of a value must be to say so (a select's arrow sits closer). */
const BLANK_MIN = 24;
/** A column spanning more luma than this over a line's rows holds ink: a glyph, an arrow. */
const INK = 40;

/**
 * Whether nothing is drawn right of a value (`box`) up to the change's right edge, over a
 * stretch wide enough to tell: the look of a text field, its value left-aligned in an empty
 * box. A select or dropdown draws its arrow beside or at the end of its value, inside the
 * control that changed. Columns are compared within themselves, so a field's edge (a step in
 * shade from one column to the next) is no ink.
 */
export function blankRightOf(luma: LumaArea, box: Rect, region: Rect): boolean {
  const x0 = Math.ceil(box.x + box.width + PAD - luma.x);
  const x1 = Math.min(luma.width, Math.floor(region.x + region.width - PAD - luma.x));
  const y0 = Math.max(0, Math.floor(box.y - luma.y));
  const y1 = Math.min(luma.height, Math.ceil(box.y + box.height - luma.y));
  if (x0 < 0 || x1 - x0 < BLANK_MIN || y1 <= y0) return false;
  for (let x = x0; x < x1; x++) {
    let [low, high] = [255, 0];
    for (let y = y0; y < y1; y++) {
      const v = luma.data[y * luma.width + x]!;
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
    if (high - low > INK) return false;
  }
  return true;
}

/** The parts of `wider` left and right of `box` (each at least a few pixels wide). */
function widening(box: Rect, wider: Rect): Rect[] {
  const left = { ...wider, width: box.x - wider.x };
  const right = { ...wider, x: box.x + box.width, width: wider.x + wider.width - (box.x + box.width) };
  return [left, right].filter((part) => part.width >= 4);
}

/** The share of a box's pixels (grown by PAD) that changed. */
function changedShare(a: LumaArea, b: LumaArea, box: Rect): number {
  let changed = 0;
  let count = 0;
  forEachPixel(a, box, (i) => {
    if (Math.abs(a.data[i]! - b.data[i]!) > PIXEL_CHANGE) changed++;
    count++;
  });
  return count > 0 ? changed / count : 0;
}

function meanDifference(a: LumaArea, b: LumaArea, box: Rect): number {
  let sum = 0;
  let count = 0;
  forEachPixel(a, box, (i) => {
    sum += Math.abs(a.data[i]! - b.data[i]!);
    count++;
  });
  return count > 0 ? sum / count : 0;
}

/** Calls `visit` with the index of each pixel of `box` grown by PAD, within the area. */
function forEachPixel(area: LumaArea, box: Rect, visit: (index: number) => void): void {
  const x0 = Math.max(0, Math.floor(box.x - PAD - area.x));
  const y0 = Math.max(0, Math.floor(box.y - PAD - area.y));
  const x1 = Math.min(area.width, Math.ceil(box.x + box.width + PAD - area.x));
  const y1 = Math.min(area.height, Math.ceil(box.y + box.height + PAD - area.y));
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) visit(y * area.width + x);
}
