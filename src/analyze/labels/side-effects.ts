/**
 * Changes an action makes far from where it was done: a document's or preset's name
 * marked modified ("Default" → "Default*", "Untitled" → "*Untitled") when any value
 * changes. Seen only as pixels, such a mark and the field typed into make one change
 * spanning both; named from its top, the step would be "Click Default". The rest of
 * the change, without the mark, is what was acted on.
 */
import { samePlace, type OcrLine } from '../ocr/lines';
import { intersects, type Rect } from '../../shared/geometry';
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
  const now = after.filter((line) => intersects(line.box, region));
  return before.find((line) => now.some((a) => samePlace(a.box, line.box) && markedModified(line.text, a.text)));
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
  const [left, right] = [Math.max(region.x, a.x), Math.min(region.x + region.width, a.x + a.width)];
  const [high, low] = [Math.max(region.y, a.y), Math.min(region.y + region.height, a.y + a.height)];
  for (let y = high; y < low; y++) {
    if (y >= top && y < bottom) continue;
    for (let x = left; x < right; x++) {
      const i = (y - a.y) * a.width + (x - a.x);
      if (Math.abs(a.data[i]! - b.data[i]!) <= PIXEL_CHANGE) continue;
      count++;
      [y0, y1] = [Math.min(y0, y), Math.max(y1, y)];
    }
  }
  return count >= REST_MIN_PIXELS ? { x: region.x, y: y0, width: region.width, height: y1 - y0 + 1 } : undefined;
}
