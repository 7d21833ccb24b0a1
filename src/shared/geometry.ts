/**
 * Rectangles and points, one definition for every stage: change boxes from the
 * sampler and from video import, OCR word and line boxes, step regions, blur
 * boxes, caption areas. All in the pixels of the frame they belong to unless a
 * name says otherwise. Pure, so it runs on the page and in workers alike.
 */

/** A region at most this high, in video pixels, is one row of controls (a field, a button). */
export const ROW_HEIGHT = 48;

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The smallest rectangle holding every box; undefined for none. */
export function union(boxes: readonly Rect[]): Rect | undefined {
  const [first, ...rest] = boxes;
  if (!first) return undefined;
  let left = first.x;
  let top = first.y;
  let right = first.x + first.width;
  let bottom = first.y + first.height;
  for (const box of rest) {
    left = Math.min(left, box.x);
    top = Math.min(top, box.y);
    right = Math.max(right, box.x + box.width);
    bottom = Math.max(bottom, box.y + box.height);
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The whole pixels of `rect` that lie inside `bounds`, at least one pixel in
 * each direction (canvas reads and writes refuse empty areas), so a box partly
 * or wholly outside the frame still names a valid area of it.
 */
export function clamp(rect: Rect, bounds: Size): Rect {
  const x = within(Math.floor(rect.x), 0, bounds.width - 1);
  const y = within(Math.floor(rect.y), 0, bounds.height - 1);
  const right = within(Math.ceil(rect.x + rect.width), x + 1, bounds.width);
  const bottom = within(Math.ceil(rect.y + rect.height), y + 1, bounds.height);
  return { x, y, width: right - x, height: bottom - y };
}

function within(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), Math.max(low, high));
}

/** `rect` grown by `margin` on every side (shrunk for a negative margin). */
export function expand(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, width: rect.width + 2 * margin, height: rect.height + 2 * margin };
}

/** Whether two rectangles share any area. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The area two rectangles share, or undefined where they share none. */
export function intersection(a: Rect, b: Rect): Rect | undefined {
  if (!intersects(a, b)) return undefined;
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return {
    x,
    y,
    width: Math.min(a.x + a.width, b.x + b.width) - x,
    height: Math.min(a.y + a.height, b.y + b.height) - y,
  };
}

export function center(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** Edges count as inside. */
export function contains(rect: Rect, point: Point): boolean {
  return point.x >= rect.x && point.x <= rect.x + rect.width && point.y >= rect.y && point.y <= rect.y + rect.height;
}

/** The rectangle two corners span, in either order (a box dragged with the pointer). */
export function spanned(a: Point, b: Point): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

/**
 * A box of cells on the change detector's grid, in the pixels of a frame that
 * grid was read from. Padded by one cell on each side, because a cell only
 * changes when most of its area does: the thin edge of a control (a focus ring,
 * the last letter typed) may sit in the unchanged cell next to it. Live capture
 * and video import both use this, so the same frames give the same boxes.
 */
export function gridToPixels(cells: Rect, grid: Size, frame: Size): Rect {
  const sx = frame.width / grid.width;
  const sy = frame.height / grid.height;
  const x = Math.max(0, Math.floor((cells.x - 1) * sx));
  const y = Math.max(0, Math.floor((cells.y - 1) * sy));
  const right = Math.min(frame.width, Math.ceil((cells.x + cells.width + 1) * sx));
  const bottom = Math.min(frame.height, Math.ceil((cells.y + cells.height + 1) * sy));
  return { x, y, width: right - x, height: bottom - y };
}
