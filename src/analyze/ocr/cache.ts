/**
 * OCR of a step's region in its key frames, cached in IndexedDB per frame and
 * area: frames never change once stored, so a result is good for ever. Both
 * the analysis after Stop and the incremental one during recording read
 * through here, so work done while recording is not done again.
 */
import type { OcrPool } from './pool';
import { center, clamp, expand, intersects, ROW_HEIGHT, type Rect } from '../../shared/geometry';
import { frameLuma } from '../frame-luma';
import { boxAround, MAX_BOX_HEIGHT } from './box';
import { alphanumerics, cutShort, toLines, withWords, type OcrLine } from './lines';
import { readCache, writeCache } from '../../storage/cache';
import { getFrame } from '../../storage/recordings';

/** Context read around a region: labels sit beside fields, not only inside them. */
export const OCR_MARGIN = 60;
const CACHE_VERSION = 'ocr:v25';

/**
 * The area read for a region: wider to the sides, where a field's label and a
 * checkbox's text sit, and above, where a trigger often sits.
 */
export function ocrArea(region: Rect): Rect {
  const around = expand(region, OCR_MARGIN);
  return {
    x: Math.round(around.x - 180),
    y: Math.round(around.y - 40),
    width: Math.round(around.width + 360),
    height: Math.round(around.height + 40),
  };
}

/** How far either side of a logged click point, and above and below it, its row is read. */
const POINT_REACH = { x: 240, y: 24 };
/**
 * The row alone, read where the strip read the point's line badly or not at all (see
 * `readRow`): the tops and bottoms of the rows above and below, cut by the strip, can make
 * tesseract read garbage or nothing (a desktop form's rows are 27 px apart). Further left,
 * where a field's label sits.
 */
const ROW_REACH = { left: 400, right: 240, y: 14 };

/**
 * The row around a logged click point, read on its own: a tight strip holds only
 * the controls beside the point, which OCR reads more surely than the wide area
 * around a step (a row of filter links read whole there, one word here and there
 * in the wide one). `row`: the row alone (see `ROW_REACH`).
 */
export function pointArea(point: { x: number; y: number }, row = false): Rect {
  const [left, right, y] = row
    ? [ROW_REACH.left, ROW_REACH.right, ROW_REACH.y]
    : [POINT_REACH.x, POINT_REACH.x, POINT_REACH.y];
  return {
    x: Math.round(point.x - left),
    y: Math.round(point.y - y),
    width: left + right,
    height: 2 * y,
  };
}

export interface AreaReading {
  lines: OcrLine[];
  /** Served from the cache (read earlier, e.g. while recording). */
  cached: boolean;
}

/** Reads an area of a stored frame, or the whole frame when `area` is null. */
export async function readFrameArea(
  ocr: OcrPool,
  frameId: string | undefined,
  area: Rect | null,
): Promise<AreaReading> {
  if (!frameId) return { lines: [], cached: false };
  const where = area ? `${area.x},${area.y},${area.width},${area.height}` : 'full';
  const key = `${CACHE_VERSION}:${frameId}:${where}`;
  const hit = await readCache(key);
  if (Array.isArray(hit)) return { lines: hit as OcrLine[], cached: true };
  const frame = await getFrame(frameId);
  if (!frame) return { lines: [], cached: false };
  const lines = toLines(await ocr.recognize(frame.blob, area ?? undefined));
  await writeCache(key, frameId, lines);
  return { lines, cached: false };
}

/** How far around a change it is read again, alone, when the wide read found no text in it. */
const TIGHT_MARGIN = 24;

/**
 * The region of a change read in a key frame: the wide area around it, and where
 * that found no text in the change itself, the change alone again. OCR's layout
 * analysis can drop a whole line of a wide area (a field's grey placeholder beside
 * its caret, the text typed over it) that it reads well on its own.
 */
async function readChangeArea(
  ocr: OcrPool,
  frameId: string | undefined,
  region: Rect,
  again: boolean,
): Promise<AreaReading> {
  const reading = await readChangeText(ocr, frameId, region, again);
  return frameId && region.height <= ROW_HEIGHT ? withBoxRead(ocr, frameId, region, reading) : reading;
}

/** `readChangeArea` without the box read. */
async function readChangeText(
  ocr: OcrPool,
  frameId: string | undefined,
  region: Rect,
  again: boolean,
): Promise<AreaReading> {
  const wide = await readFrameArea(ocr, frameId, ocrArea(region));
  // A change one row high (a field typed in, a button) is read alone too: in the wide area
  // tesseract drops words of a row now and then ("Ada" of "Ada Lovelace", "Feed" of "Feed the cat").
  const row = region.height <= ROW_HEIGHT;
  if (!again || !frameId || (!row && wide.lines.some((line) => intersects(line.box, region)))) return wide;
  const area = expand(region, TIGHT_MARGIN);
  const tight = await readFrameArea(ocr, frameId, {
    x: Math.round(area.x),
    y: Math.round(area.y),
    width: Math.round(area.width),
    height: Math.round(area.height),
  });
  // Only what it read in the change itself, without words the tight area's edge cut short (a
  // field's caption reaching into the change: "Name:" read "me:" where the edge sliced it).
  const found = tight.lines.flatMap((line) => {
    if (!intersects(line.box, region)) return [];
    const words = line.words ?? [];
    const whole = words.filter((w) => !cutShort(w.box, area));
    if (words.length === 0) return cutShort(line.box, area) ? [] : [line];
    if (whole.length === 0) return [];
    const kept = whole.length < words.length ? withWords(line, whole) : line;
    return intersects(kept.box, region) ? [kept] : [];
  });
  // A row the wide read had text in keeps that reading unless alone it reads more of it.
  const wideWords = wide.lines.flatMap((line) => (line.words ?? []).filter((w) => intersects(w.box, region)));
  const count = (texts: string[]) => texts.reduce((n, text) => n + alphanumerics(text), 0);
  if (count(found.map((l) => l.text)) <= count(wideWords.map((w) => w.text))) return wide;
  // Of the wide lines it read again, the words beside it stay (a field's label read with its value).
  const rest = outside(
    wide.lines,
    found.map((f) => f.box),
  );
  return { lines: [...rest, ...found], cached: wide.cached && tight.cached };
}

/**
 * `lines` without their words over any of `boxes`, which were read again on their own; a
 * line over one with no word outside it goes.
 */
function outside(lines: OcrLine[], boxes: Rect[]): OcrLine[] {
  const over = (box: Rect) => boxes.some((b) => intersects(b, box));
  return lines.flatMap((line) => {
    if (!over(line.box)) return [line];
    const words = (line.words ?? []).filter((w) => !over(w.box));
    return words.length > 0 && words.length < (line.words ?? []).length ? [withWords(line, words)] : [];
  });
}

/**
 * How far either side of a row-high region, and above and below it, the box around it is looked
 * for: above and below, as far as a box may be high, so that one the point lies near the top or
 * bottom of (Tk's 26 px button clicked 1 px below its top edge) is seen whole.
 */
const BOX_REACH = { x: 200, y: MAX_BOX_HEIGHT };

/**
 * A row-high region's reading with the text in the box around its middle (a select, a
 * field, a button: see `boxAround`) read again alone, where there is such a box and alone
 * it reads text there: those words take the place of the words read over the box.
 */
async function withBoxRead(ocr: OcrPool, frameId: string, region: Rect, reading: AreaReading): Promise<AreaReading> {
  const inside = await boxIn(frameId, region);
  if (!inside) return reading;
  const alone = await readFrameArea(ocr, frameId, inside);
  const found = alone.lines.filter((line) => alphanumerics(line.text) >= 2 && intersects(line.box, inside));
  if (found.length === 0 || onlyLost(found, reading.lines, inside)) return reading;
  return { lines: [...outside(reading.lines, [inside]), ...found], cached: reading.cached && alone.cached };
}

/**
 * Whether the box read alone gave only some of the words the reading already had over the
 * box, and nothing of its own: a field's italic placeholder "What needs to be done?" read
 * alone as "needs to be done?" (its "What" at 14 %). That reading lost words; it fixed none.
 */
function onlyLost(found: OcrLine[], lines: OcrLine[], inside: Rect): boolean {
  const had = lines.flatMap((line) =>
    (line.words ?? [line]).filter((w) => intersects(w.box, inside)).map((w) => w.text),
  );
  const got = found.flatMap((line) => (line.words ?? [line]).map((w) => w.text));
  if (got.length >= had.length) return false;
  const left = [...had];
  return got.every((text) => {
    const at = left.indexOf(text);
    if (at >= 0) left.splice(at, 1);
    return at >= 0;
  });
}

/**
 * The text in the box around a point (a button clicked, a field), read alone: where the
 * strip and the row around the point read nothing there, tesseract can still read a button
 * closed in by a double border once its borders are left out (Tk's default "Cancel" read
 * nothing in any wider area). Null where no box is around the point, or no text in it.
 */
export async function readBoxAt(
  ocr: OcrPool,
  frameId: string,
  point: { x: number; y: number },
): Promise<(AreaReading & { area: Rect }) | null> {
  const inside = await boxIn(frameId, { x: Math.round(point.x), y: Math.round(point.y), width: 1, height: 1 });
  if (!inside) return null;
  const reading = await readFrameArea(ocr, frameId, inside);
  const lines = reading.lines.filter((line) => alphanumerics(line.text) >= 2);
  return lines.length > 0 ? { lines, cached: reading.cached, area: inside } : null;
}

/** The inside of the box around a region's middle in a frame, found once and cached (null: none). */
async function boxIn(frameId: string, region: Rect): Promise<Rect | null> {
  const key = `${CACHE_VERSION}:box:${frameId}:${region.x},${region.y},${region.width},${region.height}`;
  const hit = await readCache(key);
  if (hit !== undefined) return hit as Rect | null;
  const frame = await getFrame(frameId);
  if (!frame) return null;
  const around = clamp(
    {
      x: region.x - BOX_REACH.x,
      y: region.y - BOX_REACH.y,
      width: region.width + 2 * BOX_REACH.x,
      height: region.height + 2 * BOX_REACH.y,
    },
    frame,
  );
  let image;
  try {
    image = await frameLuma(frame.blob, around);
  } catch {
    return null; // a frame that cannot be decoded: read as it was
  }
  const inside = (image && boxAround(image, center(region))) ?? null;
  await writeCache(key, frameId, inside);
  return inside;
}

/**
 * A step's region read in its before and after frames. `change`: the region is a
 * change seen in the pixels (read alone again where the wide read found nothing in
 * it), not the surroundings of a logged point.
 */
export async function readRegion(
  ocr: OcrPool,
  region: Rect,
  beforeId: string | undefined,
  afterId: string | undefined,
  change = true,
): Promise<{ before: OcrLine[]; after: OcrLine[]; cachedReads: number }> {
  const [before, after] = await Promise.all([
    readChangeArea(ocr, beforeId, region, change),
    readChangeArea(ocr, afterId, region, change),
  ]);
  return { before: before.lines, after: after.lines, cachedReads: Number(before.cached) + Number(after.cached) };
}
