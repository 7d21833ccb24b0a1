/**
 * The box a control's text sits in (a select, a field, a button): its inside, found
 * from the pixels, so that OCR reads the text there alone. Tesseract loses letters
 * that touch a box's border or a focus ring around it ("[Siow" at 29 % for a dark
 * page's select, "Slow" at 95 % read inside it). Pure, on luma.
 */
import type { Rect } from '../../shared/geometry';
import type { LumaArea } from '../frame-luma';

/** How far (luma) a pixel may stand from a box's ground and still be ground. */
const GROUND_TOLERANCE = 24;
/** A box's inside is at least this high and wide (a line of UI text and a little room). */
const MIN_SIDE = { width: 24, height: 12 };
/** At most this high: one row of a control, not a panel. */
export const MAX_BOX_HEIGHT = 48;
/** At least this share of a box's inside is its ground (the rest is text). */
const GROUND_SHARE = 0.5;

/**
 * The inside of the box around `seed` (the middle of a change or a click): the ground
 * around the seed, flooded out to the border it is closed in by. Undefined where the
 * ground runs on to the edge of the image (text on the page itself, no box) or the
 * shape is no row of a control.
 */
export function boxAround(image: LumaArea, seed: { x: number; y: number }): Rect | undefined {
  const { width, height, data } = image;
  const sx = Math.round(seed.x - image.x);
  const sy = Math.round(seed.y - image.y);
  if (sx < 0 || sy < 0 || sx >= width || sy >= height) return undefined;
  const ground = commonestNear(image, sx, sy);
  const isGround = (i: number) => Math.abs(data[i]! - ground) <= GROUND_TOLERANCE;
  const filled = new Uint8Array(width * height);
  // The seed: the ground pixel nearest the point (the point itself may be on a letter). Only
  // the nearest: a point just inside a button's border has the ground outside it within a few
  // pixels too (Tk's "Dismiss", clicked 1 px below its top edge), which would flood the page.
  const start = nearestGround(width, height, sx, sy, isGround);
  if (start === undefined) return undefined;
  filled[start] = 1;
  const stack = [start];
  let [minX, minY, maxX, maxY, count] = [width, height, -1, -1, 0];
  while (stack.length > 0) {
    const i = stack.pop()!;
    const [x, y] = [i % width, Math.floor(i / width)];
    // Ground that runs to the image's edge is the page, not the inside of a box.
    if (x === 0 || y === 0 || x === width - 1 || y === height - 1) return undefined;
    count++;
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    for (const next of [i - 1, i + 1, i - width, i + width]) {
      if (!filled[next] && isGround(next)) {
        filled[next] = 1;
        stack.push(next);
      }
    }
  }
  if (count === 0) return undefined;
  const box = { x: image.x + minX, y: image.y + minY, width: maxX - minX + 1, height: maxY - minY + 1 };
  const fits = box.width >= MIN_SIDE.width && box.height >= MIN_SIDE.height && box.height <= MAX_BOX_HEIGHT;
  return fits && count >= GROUND_SHARE * box.width * box.height ? box : undefined;
}

/** How far (px) from a point its seed is looked for. */
const SEED_REACH = 3;

/** The index of the ground pixel nearest (sx, sy), within `SEED_REACH` of it. */
function nearestGround(
  width: number,
  height: number,
  sx: number,
  sy: number,
  isGround: (i: number) => boolean,
): number | undefined {
  let best: number | undefined;
  let bestDistance = Infinity;
  for (let y = Math.max(0, sy - SEED_REACH); y <= Math.min(height - 1, sy + SEED_REACH); y++) {
    for (let x = Math.max(0, sx - SEED_REACH); x <= Math.min(width - 1, sx + SEED_REACH); x++) {
      const distance = (x - sx) ** 2 + (y - sy) ** 2;
      if (distance < bestDistance && isGround(y * width + x)) {
        best = y * width + x;
        bestDistance = distance;
      }
    }
  }
  return best;
}

/** The commonest luma (binned by 8) in the few pixels around a point: the ground there. */
function commonestNear(image: LumaArea, sx: number, sy: number): number {
  const bins = new Uint16Array(32);
  for (let y = Math.max(0, sy - 4); y <= Math.min(image.height - 1, sy + 4); y++) {
    for (let x = Math.max(0, sx - 12); x <= Math.min(image.width - 1, sx + 12); x++) {
      bins[image.data[y * image.width + x]! >> 3]!++;
    }
  }
  return bins.indexOf(Math.max(...bins)) * 8 + 4;
}
