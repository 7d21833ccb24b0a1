/**
 * Changes an action makes far from where it was done: a document's or preset's name
 * marked modified ("Default" → "Default*", "Untitled" → "*Untitled") when any value
 * changes. Seen only as pixels, such a mark and the field typed into make one change
 * spanning both; named from its top, the step would be "Click Default". The rest of
 * the change, without the mark, is what was acted on.
 */
import { alphanumerics, linesMeeting, samePlace, type OcrLine } from '../ocr/lines';
import { expand, intersection, intersects, ROW_HEIGHT, union, type Rect } from '../../shared/geometry';
import type { LumaArea } from '../frame-luma';
import { PIXEL_CHANGE } from './marks';

/** A name marked modified: the same text with a "*" (or "•") before or after it. */
export function markedModified(before: string, after: string): boolean {
  const [was, now] = [before.trim(), after.trim()];
  if (was.length < 2 || was === now) return false;
  const bare = now.replace(/^[*•●]\s?|\s?[*•●]$/u, '');
  return bare !== now && bare === was;
}

/**
 * The line in a change that only gained a modified mark, as read before it. The change may
 * hold only the mark's end of it (the "*" after "Default").
 */
export function modifiedMarkIn(before: OcrLine[], after: OcrLine[], region: Rect): OcrLine | undefined {
  const now = linesMeeting(after, region);
  return before.find((line) => now.some((a) => samePlace(a.box, line.box) && markedModified(line.text, a.text)));
}

/**
 * A mark added after a line read before, seen in the pixels where OCR did not read the line
 * again after (dat.GUI's "Default*" over a dark page, lost in one read of two): in the line's
 * rows, the only pixels that changed lie just right of its end, no wider than the line is
 * tall, and all above its lower quarter (a "*" or "•" stands high; a letter typed on stands
 * on the baseline). The line's box, as `modifiedMarkIn` gives it.
 */
export function markAppendedIn(before: OcrLine[], a: LumaArea, b: LumaArea, region: Rect): Rect | undefined {
  for (const line of before) {
    const { box } = line;
    const end = box.x + box.width;
    if (alphanumerics(line.text) < 2 || end < region.x || end > region.x + region.width) continue;
    const band = { x: region.x, y: box.y - 2, width: region.width, height: box.height + 4 };
    let [count, outside, low] = [0, false, false];
    for (const y of rowsOf(band, a)) {
      for (const x of changedInRow(a, b, band, y)) {
        count++;
        if (x < end - 1 || x > end + box.height) outside = true;
        if (y > box.y + box.height * 0.75) low = true;
      }
    }
    if (count > 0 && !outside && !low) return box;
  }
  return undefined;
}

/** How far above and below a marked line its own pixels may change (its box is read tight). */
const MARK_ROWS = 6;
/** Fewer changed pixels than this elsewhere is noise, not an action. */
const REST_MIN_PIXELS = 12;

/**
 * The rows of `region` that changed between two frames (their luma over it) other than a
 * line marked modified, across the region's width: the region of the action itself (the
 * width kept, for the field's own box; see `blankRightOf`). Undefined where nothing else changed.
 */
export function changeBesideMark(a: LumaArea, b: LumaArea, region: Rect, mark: Rect): Rect | undefined {
  const [top, bottom] = [mark.y - MARK_ROWS, mark.y + mark.height + MARK_ROWS];
  let [y0, y1, count] = [Infinity, -Infinity, 0];
  for (const y of rowsOf(region, a)) {
    if (y >= top && y < bottom) continue;
    const changed = changedInRow(a, b, region, y).length;
    if (changed === 0) continue;
    count += changed;
    [y0, y1] = [Math.min(y0, y), Math.max(y1, y)];
  }
  return count >= REST_MIN_PIXELS ? { x: region.x, y: y0, width: region.width, height: y1 - y0 + 1 } : undefined;
}

/** The grid on which changed pixels are grouped into parts (`changeApartFrom`), and how many cells apart still join. */
const PART_CELL = 8;
const PART_JOIN_CELLS = 2;

/**
 * The box around what changed in `region` apart from `apart`: the change without a part
 * known to be no action's, such as this app's own recording controls in a video of a whole
 * screen recorded with it (its timer ticked as a window opened elsewhere). Changed pixels
 * are grouped into parts; those touching `apart` go (the window's title bar dimmed with
 * them as the person clicked into another program), and so do those nearer `apart` than the
 * largest part left (the title bar's buttons). Undefined where nothing else changed.
 */
export function changeApartFrom(a: LumaArea, b: LumaArea, region: Rect, apart: Rect): Rect | undefined {
  const columns = Math.ceil(region.width / PART_CELL);
  const rows = Math.ceil(region.height / PART_CELL);
  const counts = new Uint32Array(columns * rows);
  for (const y of rowsOf(region, a)) {
    for (const x of changedInRow(a, b, region, y)) {
      counts[Math.floor((y - region.y) / PART_CELL) * columns + Math.floor((x - region.x) / PART_CELL)]!++;
    }
  }
  const near = expand(apart, PART_CELL * PART_JOIN_CELLS);
  const parts: { box: Rect; count: number; touches: boolean }[] = [];
  const seen = new Uint8Array(counts.length);
  for (let start = 0; start < counts.length; start++) {
    if (!counts[start] || seen[start]) continue;
    const part = { box: { x: Infinity, y: Infinity, width: 0, height: 0 }, count: 0, touches: false };
    let [x1, y1] = [-Infinity, -Infinity];
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const cell = stack.pop()!;
      const [cx, cy] = [cell % columns, Math.floor(cell / columns)];
      const box = { x: region.x + cx * PART_CELL, y: region.y + cy * PART_CELL, width: PART_CELL, height: PART_CELL };
      part.count += counts[cell]!;
      part.touches ||= intersects(box, near);
      [part.box.x, part.box.y] = [Math.min(part.box.x, box.x), Math.min(part.box.y, box.y)];
      [x1, y1] = [Math.max(x1, box.x + PART_CELL), Math.max(y1, box.y + PART_CELL)];
      for (let ny = cy - PART_JOIN_CELLS; ny <= cy + PART_JOIN_CELLS; ny++) {
        for (let nx = cx - PART_JOIN_CELLS; nx <= cx + PART_JOIN_CELLS; nx++) {
          if (nx < 0 || ny < 0 || nx >= columns || ny >= rows) continue;
          const next = ny * columns + nx;
          if (counts[next] && !seen[next]) {
            seen[next] = 1;
            stack.push(next);
          }
        }
      }
    }
    part.box.width = x1 - part.box.x;
    part.box.height = y1 - part.box.y;
    parts.push(part);
  }
  const rest = parts.filter((part) => !part.touches);
  const largest = rest.reduce<(typeof rest)[number] | undefined>(
    (l, p) => (l && l.count >= p.count ? l : p),
    undefined,
  );
  if (!largest || largest.count < REST_MIN_PIXELS) return undefined;
  const kept = rest.filter((part) => gapBetween(part.box, largest.box) <= gapBetween(part.box, apart));
  return intersection(union(kept.map((part) => part.box))!, region);
}

/** The distance between two boxes' nearest edges (0 where they touch or overlap). */
function gapBetween(a: Rect, b: Rect): number {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}

/**
 * How wide a focus ring is drawn, at most (Tk 1 px, Chromium's outline 2 px and its offset):
 * the changed pixels of a ring lie this close to its box's edge.
 */
const RING = 3;
/** Rows with nothing changed between two parts of a change that make them two parts. */
const PART_GAP = 4;
/** A box a focus ring is drawn around: a row of a control (see `boxAround`), not a panel. */
const RING_BOX = { minWidth: 24, minHeight: 12, maxHeight: 48 };
/** A ring changes at least this share of its box's top and bottom rows. */
const RING_EDGE_SHARE = 0.5;
/** Columns a caret covers (it goes from the field the focus left). */
const CARET_COLUMNS = 2;

/** A run of rows of a change: the box around its changed pixels, and how many there are. */
interface Part {
  box: Rect;
  count: number;
}

/**
 * The rest of a change of several parts, one of which is a box whose focus ring went away
 * (and its caret with it): clicking into a desktop form's next field takes the focus from
 * the one typed into, so the change spans both, and named from its top the step would be
 * the old field's again ("Type `Ada Lovelace` into **Name: Ada**" for the phone number typed
 * below it). The rows of the other parts, across the change's width; undefined where no part
 * only lost a ring, or more than one did (a tab's selection moved from one to another), or
 * nothing else changed, or more than one row did (a menu opened under the button pressed).
 */
export function focusLeftIn(a: LumaArea, b: LumaArea, region: Rect): Rect | undefined {
  const parts = changedParts(a, b, region);
  if (parts.length < 2) return undefined;
  const rings = parts.filter((part) => ringOnly(a, b, part.box));
  if (rings.length !== 1 || !ringLost(a, b, rings[0]!.box)) return undefined;
  // The pointer's old and new places show in the frames' difference too: not the action's rows.
  const others = parts.filter((part) => part !== rings[0]);
  const rest = others.some((part) => !pointerSized(part)) ? others.filter((part) => !pointerSized(part)) : others;
  if (rest.reduce((n, part) => n + part.count, 0) < REST_MIN_PIXELS) return undefined;
  const top = Math.min(...rest.map((p) => p.box.y));
  const bottom = Math.max(...rest.map((p) => p.box.y + p.box.height - 1));
  // Only where the rest is one row (the field the focus went to, typed in): a button whose
  // border faded as the menu it opened appeared below is that menu's trigger, not a ring left.
  if (bottom - top + 1 > ROW_HEIGHT) return undefined;
  return { x: region.x, y: top, width: region.width, height: bottom - top + 1 };
}

/** The parts of `region` that changed between two frames: runs of rows split by unchanged rows. */
function changedParts(a: LumaArea, b: LumaArea, region: Rect): Part[] {
  const parts: Part[] = [];
  let open: { top: number; bottom: number; left: number; right: number; count: number } | undefined;
  const close = () => {
    if (open) {
      const { top, bottom, left, right, count } = open;
      parts.push({ box: { x: left, y: top, width: right - left + 1, height: bottom - top + 1 }, count });
    }
  };
  for (const y of rowsOf(region, a)) {
    const changed = changedInRow(a, b, region, y);
    if (changed.length === 0) continue;
    if (!open || y - open.bottom > PART_GAP) {
      close();
      open = { top: y, bottom: y, left: changed[0]!, right: changed.at(-1)!, count: 0 };
    }
    open.bottom = y;
    open.left = Math.min(open.left, changed[0]!);
    open.right = Math.max(open.right, changed.at(-1)!);
    open.count += changed.length;
  }
  close();
  return parts;
}

/** The rows of `box` within a luma area. */
function rowsOf(box: Rect, area: LumaArea): number[] {
  const [high, low] = [Math.max(box.y, area.y), Math.min(box.y + box.height, area.y + area.height)];
  return Array.from({ length: Math.max(0, low - high) }, (_, i) => high + i);
}

/** The columns of row `y` within `box` whose pixels changed between two frames, left to right. */
function changedInRow(a: LumaArea, b: LumaArea, box: Rect, y: number): number[] {
  const [left, right] = [Math.max(box.x, a.x), Math.min(box.x + box.width, a.x + a.width)];
  const columns: number[] = [];
  for (let x = left; x < right; x++) {
    const i = (y - a.y) * a.width + (x - a.x);
    if (Math.abs(a.data[i]! - b.data[i]!) > PIXEL_CHANGE) columns.push(x);
  }
  return columns;
}

/** At most this wide and high, a part is a mouse pointer (an arrow or a text beam, at 1× or 2×). */
const POINTER_BOX = { width: 24, height: 40 };

function pointerSized(part: Part): boolean {
  return part.box.width <= POINTER_BOX.width && part.box.height <= POINTER_BOX.height;
}

/**
 * Whether a part (its box) is a ring drawn or taken away around a control's box: its changed
 * pixels at the box's edges (most of its top and bottom rows), and inside it at most a
 * caret's column or two and a pointer.
 */
function ringOnly(a: LumaArea, b: LumaArea, box: Rect): boolean {
  if (box.width < RING_BOX.minWidth || box.height < RING_BOX.minHeight || box.height > RING_BOX.maxHeight) return false;
  const rows = rowsOf(box, a).map((y) => ({ y, columns: changedInRow(a, b, box, y) }));
  const inside = rows
    .filter(({ y }) => y >= box.y + RING && y < box.y + box.height - RING)
    .flatMap(({ columns }) => columns.filter((x) => x >= box.x + RING && x < box.x + box.width - RING));
  if (!onlyCaretOrPointer(inside)) return false;
  const edge = (y0: number, y1: number) =>
    new Set(rows.filter(({ y }) => y >= y0 && y < y1).flatMap(({ columns }) => columns)).size;
  const bottom = box.y + box.height;
  return (
    edge(box.y, box.y + RING) >= RING_EDGE_SHARE * box.width &&
    edge(bottom - RING, bottom) >= RING_EDGE_SHARE * box.width
  );
}

/**
 * Whether changed pixels inside a box are at most a caret (a column or two) and a pointer
 * (the text beam that rested in the field and moved on with the focus): two runs of columns
 * at most, each a pointer's width at most, one of them a caret's.
 */
function onlyCaretOrPointer(xs: number[]): boolean {
  const columns = [...new Set(xs)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const x of columns) {
    const run = runs.at(-1);
    if (run && x - run.at(-1)! <= 2) run.push(x);
    else runs.push([x]);
  }
  const widths = runs.map((run) => run.at(-1)! - run[0]! + 1);
  if (runs.length === 0) return true;
  if (runs.length > 2 || widths.some((w) => w > POINTER_BOX.width)) return false;
  return runs.length === 1 || widths.some((w) => w <= CARET_COLUMNS);
}

/**
 * Whether a ring around a box went away rather than came: its changed pixels stood further
 * from the box's inside (its ground, read after) before than after.
 */
function ringLost(a: LumaArea, b: LumaArea, box: Rect): boolean {
  const ground = commonestInside(b, box);
  let [was, now] = [0, 0];
  for (const y of rowsOf(box, a)) {
    for (const x of changedInRow(a, b, box, y)) {
      const i = (y - a.y) * a.width + (x - a.x);
      was += Math.abs(a.data[i]! - ground);
      now += Math.abs(b.data[i]! - ground);
    }
  }
  return was > now;
}

/** The commonest luma (binned by 8) inside a box, within its ring: the control's ground. */
function commonestInside(area: LumaArea, box: Rect): number {
  const bins = new Uint32Array(32);
  for (let y = box.y + RING; y < box.y + box.height - RING; y++) {
    for (let x = box.x + RING; x < box.x + box.width - RING; x++) {
      bins[area.data[(y - area.y) * area.width + (x - area.x)]! >> 3]!++;
    }
  }
  return bins.indexOf(Math.max(...bins)) * 8 + 4;
}
