/**
 * What the pixels of a step's before and after frames say about its change:
 * which lines of screen text changed their own pixels (a button pressed or a
 * placeholder typed over changes where its text is; a label beside a change does
 * not), the mark the action drew on its control, and whether a logged click
 * ticked a box (./marks).
 */
import { samePlace, type OcrLine } from '../ocr/lines';
import { clamp, expand, union, type Rect } from '../../shared/geometry';
import { lumaAt } from '../../shared/luma';
import { getFrame } from '../../storage/recordings';
import { boxTickedAt, gainedMark, type LumaArea, type Mark } from './marks';

/** Mean luma difference (0–255) over a line's box above which it changed. */
const CHANGED = 10;
const PAD = 3;

export interface ChangeReading {
  /** The texts of the lines whose own pixels changed. */
  changed: Set<string>;
  mark?: Mark;
  /** A logged click at a point ticked a box there. */
  ticked?: boolean;
}

/**
 * Reads both frames once over `area` (the change and its surroundings, in frame
 * pixels), for the lines OCR read there before and after.
 */
export async function readChange(
  beforeId: string,
  afterId: string,
  area: Rect,
  before: readonly OcrLine[],
  after: readonly OcrLine[],
  point?: { x: number; y: number },
): Promise<ChangeReading> {
  const [first, last] = await Promise.all([getFrame(beforeId), getFrame(afterId)]);
  if (!first || !last) return { changed: new Set() };
  const lineArea = before.length > 0 ? expand(union(before.map((l) => l.box))!, PAD) : area;
  const bounds = clamp(union([area, lineArea])!, first);
  const [a, b] = await Promise.all([luma(first.blob, bounds), luma(last.blob, bounds)]);
  if (!a || !b) return { changed: new Set() };
  // Where a line is read wider after (an indicator now read beside it), its changed pixels may lie in the wider box.
  const boxesOf = (line: OcrLine) => [line.box, ...after.filter((l) => samePlace(l.box, line.box)).map((l) => l.box)];
  const changed = new Set(
    before.filter((line) => boxesOf(line).some((box) => meanDifference(a, b, box) > CHANGED)).map((l) => l.text),
  );
  const mark = gainedMark(a, b, before, after);
  return {
    changed,
    ...(mark ? { mark } : {}),
    ...(point && boxTickedAt(a, b, point) ? { ticked: true } : {}),
  };
}

async function luma(blob: Blob, area: Rect): Promise<LumaArea | null> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(area.width, area.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(bitmap, area.x, area.y, area.width, area.height, 0, 0, area.width, area.height);
  bitmap.close();
  const rgba = ctx.getImageData(0, 0, area.width, area.height).data;
  const data = new Uint8Array(area.width * area.height);
  for (let i = 0; i < data.length; i++) data[i] = lumaAt(rgba, i * 4);
  return { ...area, data };
}

function meanDifference(a: LumaArea, b: LumaArea, box: Rect): number {
  const x0 = Math.max(0, Math.floor(box.x - PAD - a.x));
  const y0 = Math.max(0, Math.floor(box.y - PAD - a.y));
  const x1 = Math.min(a.width, Math.ceil(box.x + box.width + PAD - a.x));
  const y1 = Math.min(a.height, Math.ceil(box.y + box.height + PAD - a.y));
  let sum = 0;
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = y * a.width + x;
      sum += Math.abs(a.data[i]! - b.data[i]!);
      count++;
    }
  }
  return count > 0 ? sum / count : 0;
}
