/**
 * A page scrolled, told from pixels alone: between two samples, a band as tall as most of
 * the frame shows the same picture moved up or down (what the wheel revealed fills the rest).
 * Pure, on the detector's luma grid, so the live sampler and video import see the same.
 *
 * A panel that opens also pushes what lies below it down, and one that closes pulls it up;
 * but it changes only the part of the screen below itself, where a scroll moves the whole
 * page (or the pane under the pointer) between what stays put: a fixed header, a sidebar.
 */
import type { Rect } from '../../shared/geometry';

/** One byte of luma per cell, row-major (the detector's `LumaFrame`, without its time). */
export interface LumaGrid {
  data: Uint8Array;
  width: number;
  height: number;
}

/** The band that changed must be this share of the frame's height: a page or a pane scrolled. */
const BAND_SHARE = 0.6;
/** The picture moved must cover this share of the band: a jump larger than that is a new screen. */
const MIN_OVERLAP_SHARE = 0.3;
/** Mean luma difference (0–255) at most where the moved rows match: cells smear when a move is not a whole number of cells. */
const MAX_COST = 6;
/** ...and at most this share of the difference unmoved: the move explains the change. */
const COST_SHARE = 0.35;
/** Columns compared: every second one is enough to tell text apart and halves the work. */
const COLUMN_STEP = 2;
/** Rows of the overlap that must hold something (an edge between cells): a blank page matches any move. */
const MIN_INKED_ROWS = 4;
const INK_STEP = 24;

/**
 * How many rows the picture inside `box` moved between `a` and `b`: positive when it moved up
 * (the page scrolled down, new content came in at the bottom), negative when it moved down;
 * null where the change is no such move (too short a band, nothing that matches moved).
 */
export function verticalShift(a: LumaGrid, b: LumaGrid, box: Rect): number | null {
  if (a.width !== b.width || a.height !== b.height) return null;
  if (box.height < b.height * BAND_SHARE) return null;
  const x0 = Math.max(0, box.x);
  const x1 = Math.min(b.width, box.x + box.width);
  const y0 = Math.max(0, box.y);
  const y1 = Math.min(b.height, box.y + box.height);
  const rows = y1 - y0;
  const still = cost(a, b, x0, x1, y0, y1, 0, Infinity);
  if (still === null || still === 0) return null;
  const reach = Math.floor(rows * (1 - MIN_OVERLAP_SHARE));
  let best: { dy: number; cost: number } | null = null;
  for (let step = 1; step <= reach; step++) {
    for (const dy of [step, -step]) {
      const c = cost(a, b, x0, x1, y0, y1, dy, best?.cost ?? Infinity);
      if (c !== null && (!best || c < best.cost)) best = { dy, cost: c };
    }
  }
  if (!best || best.cost > MAX_COST || best.cost > still * COST_SHARE) return null;
  return inkedRows(b, x0, x1, Math.max(y0, y0 - best.dy), Math.min(y1, y1 - best.dy)) >= MIN_INKED_ROWS
    ? best.dy
    : null;
}

/**
 * Mean absolute difference between `b`'s rows and `a`'s rows `dy` further down, over the rows
 * both hold inside the band; null once it cannot beat `bound` (or where they share too few rows).
 */
function cost(
  a: LumaGrid,
  b: LumaGrid,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  dy: number,
  bound: number,
): number | null {
  const from = Math.max(y0, y0 - dy);
  const to = Math.min(y1, y1 - dy);
  const columns = Math.ceil((x1 - x0) / COLUMN_STEP);
  const count = (to - from) * columns;
  if (to - from < (y1 - y0) * MIN_OVERLAP_SHARE || count <= 0) return null;
  const limit = bound * count;
  let sum = 0;
  for (let y = from; y < to; y++) {
    const rowB = y * b.width;
    const rowA = (y + dy) * a.width;
    for (let x = x0; x < x1; x += COLUMN_STEP) sum += Math.abs((b.data[rowB + x] ?? 0) - (a.data[rowA + x] ?? 0));
    if (sum > limit) return null;
  }
  return sum / count;
}

/** Rows of `b` between `y0` and `y1` with an edge in them (text, a border). */
function inkedRows(b: LumaGrid, x0: number, x1: number, y0: number, y1: number): number {
  let inked = 0;
  for (let y = y0; y < y1; y++) {
    const row = y * b.width;
    for (let x = x0 + 1; x < x1; x++) {
      if (Math.abs((b.data[row + x] ?? 0) - (b.data[row + x - 1] ?? 0)) > INK_STEP) {
        inked++;
        break;
      }
    }
  }
  return inked;
}
