/**
 * What the pixels of a step's before and after frames say about its change:
 * which lines of screen text changed their own pixels (a button pressed or a
 * placeholder typed over changes where its text is; a label beside a change does
 * not), the mark the action drew on its control, and whether a logged click
 * ticked a box (./marks).
 */
import { alphanumerics, samePlace, wordCount, type OcrLine } from '../ocr/lines';
import { clamp, expand, intersects, union, type Point, type Rect } from '../../shared/geometry';
import { getFrame } from '../../storage/recordings';
import { boxToggled, gainedMark, PIXEL_CHANGE, type Mark } from './marks';
import { frameLuma, type LumaArea } from '../frame-luma';
import { BUTTON_WORDS, holdsDialog } from './labels';

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
  /** It did so on the box's label, the box left of it on its row (`boxToggledBeside`). */
  byLabel?: true;
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
  const toggled = point ? boxToggled(a, b, point, mark) : undefined;
  return {
    changed,
    ...(mark ? { mark } : {}),
    ...(toggled ? { toggled: toggled.state } : {}),
    ...(toggled?.byLabel ? { byLabel: true as const } : {}),
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

/**
 * Typing seen in one step: a field's placeholder (faint ink, "Search Docs" in light grey) gave
 * way, where it started, to new text in full ink ("modal"), however quickly (a video's frames
 * saw five keys in a third of a second). A button's or a label's new text is drawn in its old
 * text's ink. The placeholder names the field; undefined where no line did so.
 */
export function placeholderTypedOver(
  before: readonly OcrLine[],
  after: readonly OcrLine[],
  region: Rect,
  luma: { before: LumaArea; after: LumaArea },
): { placeholder: string; value: string } | undefined {
  // Only a change within the field's row: a panel or a tree that changed with a path bar over it
  // ("Select a node...", faint, then "object array") is a click's result.
  if (region.height > FIELD_ROW) return undefined;
  const found = before.flatMap((was) => {
    if (!intersects(was.box, region) || after.some((a) => a.text === was.text)) return [];
    const now = after.find(
      (a) =>
        samePlace(a.box, was.box) &&
        Math.abs(a.box.x - was.box.x) <= SAME_START &&
        !before.some((b) => b.text === a.text) &&
        alphanumerics(a.text) >= 1,
    );
    if (!now) return [];
    const [faint, full] = [inkContrast(luma.before, was.box), inkContrast(luma.after, now.box)];
    return faint !== undefined && full !== undefined && full >= FULL_INK && faint <= full * FAINT_SHARE
      ? [{ placeholder: was.text, value: now.text }]
      : [];
  });
  return found.length === 1 ? found[0] : undefined;
}

/** How tall (px) a change within one field's row may be (its box and focus ring). */
const FIELD_ROW = 64;
/** How far apart (px) a placeholder's start and the typed text's may be read. */
const SAME_START = 6;
/** Ink at least this far (luma) from its ground is text in full, not a placeholder's grey. */
const FULL_INK = 100;
/** A placeholder's ink stands at most this share as far from its ground as the typed text's. */
const FAINT_SHARE = 0.6;

/**
 * How far a line's ink stands from its ground (luma, 0–255): the ground is the box's usual
 * shade, the ink its darkest (or, light on dark, lightest) twentieth. Undefined off the area.
 */
export function inkContrast(luma: LumaArea, box: Rect): number | undefined {
  const shades = shadesIn(luma, box);
  return shades && Math.max(shades.ground - shades.dark, shades.light - shades.ground);
}

/**
 * How wide a line's strokes are (px): the mean run of ink along its box's rows, ink being what
 * stands from the box's usual shade by more than half as far as its ink does. Bold type's
 * strokes are half again as wide as regular type's of its size (Tk's bold headings: 3.6 px in
 * 11 px type, its text 2.1). Undefined off the area, or where nothing stands out as ink.
 */
export function strokeWidth(luma: LumaArea, box: Rect): number | undefined {
  const shades = shadesIn(luma, box);
  if (!shades) return undefined;
  const reach = Math.max(shades.ground - shades.dark, shades.light - shades.ground);
  if (reach < STROKE_CONTRAST) return undefined;
  const { x0, y0, x1, y1 } = pixelsOf(luma, box);
  let ink = 0;
  let runs = 0;
  for (let y = y0; y < y1; y++) {
    let inRun = false;
    for (let x = x0; x < x1; x++) {
      const isInk = Math.abs(luma.data[y * luma.width + x]! - shades.ground) > reach / 2;
      if (isInk) ink++;
      if (isInk && !inRun) runs++;
      inRun = isInk;
    }
  }
  return runs > 0 ? ink / runs : undefined;
}

/** Ink standing less far than this (luma) from its ground is too faint to measure strokes by. */
const STROKE_CONTRAST = 40;

/** The pixel rows and columns of `luma` that a box of frame pixels covers (x0–x1, y0–y1, ends excluded). */
function pixelsOf(luma: LumaArea, box: Rect): { x0: number; y0: number; x1: number; y1: number } {
  return {
    x0: Math.max(0, Math.floor(box.x - luma.x)),
    y0: Math.max(0, Math.floor(box.y - luma.y)),
    x1: Math.min(luma.width, Math.ceil(box.x + box.width - luma.x)),
    y1: Math.min(luma.height, Math.ceil(box.y + box.height - luma.y)),
  };
}

/** A box's usual shade (its ground), and its darkest and lightest twentieth (luma); undefined off the area. */
function shadesIn(luma: LumaArea, box: Rect): { ground: number; dark: number; light: number } | undefined {
  const { x0, y0, x1, y1 } = pixelsOf(luma, box);
  if (x1 - x0 < 2 || y1 - y0 < 2) return undefined;
  const values: number[] = [];
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) values.push(luma.data[y * luma.width + x]!);
  values.sort((a, b) => a - b);
  const at = (share: number) => values[Math.min(values.length - 1, Math.floor(share * values.length))]!;
  return { ground: at(0.5), dark: at(0.05), light: at(0.95) };
}

/**
 * The button a click pressed where what it opened covered it (a dialog over the page, a page in
 * its place), seen only as pixels: of the lines read before in the change, the one filled button
 * (`onFill`: its text light on a dark or coloured fill; one to three words) that no line reads
 * after, where the change brought new text of its own (three new lines, one of four words or
 * more) and most lines it held before are read nowhere after. Undefined where there are none or
 * several (a dark theme draws every line so).
 */
export function coveredButton(
  before: readonly OcrLine[],
  after: readonly OcrLine[],
  region: Rect,
  luma: LumaArea,
): OcrLine | undefined {
  const fresh = after.filter((a) => intersects(a.box, region) && !before.some((b) => b.text === a.text));
  if (!holdsDialog(fresh)) return undefined;
  // Most of what was there is read nowhere after: covered or replaced, not pushed along (a
  // section opened above a button that went out of view).
  const was = before.filter((b) => intersects(b.box, region) && alphanumerics(b.text) >= 2);
  const gone = was.filter((b) => !after.some((a) => a.text.includes(b.text)));
  if (gone.length < was.length * COVERED_SHARE) return undefined;
  const buttons = gone.filter((b) => wordCount(b.text) <= BUTTON_WORDS && onFill(luma, b.box));
  return buttons.length === 1 ? buttons[0] : undefined;
}

/** At least this share of the lines in a change read nowhere after: what was there is covered. */
const COVERED_SHARE = 0.6;

/**
 * Whether a line's text is drawn light on a dark or coloured fill (a filled button's white on
 * blue), not dark on a light page: the ground round it darker than mid-grey, its ink far lighter.
 * The ground is what lies just round the box, or where OCR boxed the whole button (its edges
 * read as quotes, "“open Modal\""), the even fill just inside the box's edges.
 */
export function onFill(luma: LumaArea, box: Rect): boolean {
  const shades = shadesIn(luma, box);
  if (!shades) return false;
  const filled = (ground: number | undefined) =>
    ground !== undefined && ground <= FILL_GROUND && shades.light - ground >= FILL_INK;
  return filled(groundAround(luma, box)) || filled(evenEdge(luma, box));
}

/**
 * The shade of a box's edge, just inside it, where that edge is even (a button's padding boxed
 * with its text); undefined where letters cross it (a box cut tight round its text). OCR may box
 * the button with a pixel or three of the page round it (a video's frame): the edge is looked
 * for that far in.
 */
function evenEdge(luma: LumaArea, box: Rect): number | undefined {
  for (let inset = 0; inset <= EDGE_INSET; inset++) {
    const values = ringShades(luma, expand(box, -inset), 0, EDGE);
    const median = values[Math.floor(values.length / 2)];
    if (median === undefined) return undefined;
    const even = values.filter((v) => Math.abs(v - median) <= EVEN_SPREAD).length;
    if (even >= values.length * EVEN_SHARE) return median;
  }
  return undefined;
}

/** How far into a box OCR drew round a button its even edge may start (px). */
const EDGE_INSET = 3;

/**
 * The shades (luma, sorted) of a ring round a box's edge, `outside` px out from it and `inside`
 * px into it, on the area (`groundAround` looks out, `evenEdge` in).
 */
function ringShades(luma: LumaArea, box: Rect, outside: number, inside: number): number[] {
  const values: number[] = [];
  const [x1, y1] = [box.x + box.width, box.y + box.height];
  for (let y = Math.floor(box.y) - outside; y < y1 + outside; y++) {
    for (let x = Math.floor(box.x) - outside; x < x1 + outside; x++) {
      const inBox = x >= box.x && x < x1 && y >= box.y && y < y1;
      const nearEdge = x < box.x + inside || x >= x1 - inside || y < box.y + inside || y >= y1 - inside;
      const [ax, ay] = [x - luma.x, y - luma.y];
      if ((inBox && !nearEdge) || ax < 0 || ay < 0 || ax >= luma.width || ay >= luma.height) continue;
      values.push(luma.data[ay * luma.width + ax]!);
    }
  }
  return values.sort((a, b) => a - b);
}

/** How deep into a box its edge is looked at (px). */
const EDGE = 2;
/** How far (luma) from its usual shade a pixel of an even edge may lie (a video's noise, a rounded corner). */
const EVEN_SPREAD = 16;
/** The share of an edge's pixels that lie so for it to be even. */
const EVEN_SHARE = 0.85;

/** How far round a line its ground is looked at (inside a button's padding). */
const RING = 3;

/**
 * The usual shade (luma) just round a box, outside it: the ground its text is drawn on (inside
 * a tight box round bold letters, the letters are most of it). Undefined off the area.
 */
function groundAround(luma: LumaArea, box: Rect): number | undefined {
  const values = ringShades(luma, box, RING, 0);
  return values[Math.floor(values.length / 2)];
}

/** A fill's ground is at most this light (luma): Spectre's blue is about 100, a page's white 255. */
const FILL_GROUND = 160;
/** Light ink stands at least this far above its fill. */
const FILL_INK = 60;
