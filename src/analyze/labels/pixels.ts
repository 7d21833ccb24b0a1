/**
 * Which lines of screen text changed their pixels between a step's before and
 * after frames. A button pressed or a placeholder typed over changes where its
 * text is; a label beside a change does not. That tells the control acted on
 * from its neighbours when one change region holds several.
 */
import type { OcrLine } from '../ocr/lines';
import { clamp, expand, union, type Rect } from '../../shared/geometry';
import { getFrame } from '../../storage/recordings';

/** Mean luma difference (0–255) over a line's box above which it changed. */
const CHANGED = 10;
const PAD = 3;

export async function changedLines(beforeId: string, afterId: string, lines: readonly OcrLine[]): Promise<Set<string>> {
  const changed = new Set<string>();
  if (lines.length === 0) return changed;
  const [before, after] = await Promise.all([getFrame(beforeId), getFrame(afterId)]);
  if (!before || !after) return changed;
  const area = clamp(expand(union(lines.map((l) => l.box))!, PAD), before);
  const [a, b] = await Promise.all([pixels(before.blob, area), pixels(after.blob, area)]);
  if (!a || !b) return changed;
  for (const line of lines) {
    if (meanDifference(a, b, area, line.box) > CHANGED) changed.add(line.text);
  }
  return changed;
}

async function pixels(blob: Blob, area: Rect): Promise<ImageData | null> {
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(area.width, area.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(bitmap, area.x, area.y, area.width, area.height, 0, 0, area.width, area.height);
  bitmap.close();
  return ctx.getImageData(0, 0, area.width, area.height);
}

function meanDifference(a: ImageData, b: ImageData, area: Rect, box: Rect): number {
  const x0 = Math.max(0, Math.floor(box.x - PAD - area.x));
  const y0 = Math.max(0, Math.floor(box.y - PAD - area.y));
  const x1 = Math.min(area.width, Math.ceil(box.x + box.width + PAD - area.x));
  const y1 = Math.min(area.height, Math.ceil(box.y + box.height + PAD - area.y));
  let sum = 0;
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * area.width + x) * 4;
      const lumaA = 0.299 * a.data[i]! + 0.587 * a.data[i + 1]! + 0.114 * a.data[i + 2]!;
      const lumaB = 0.299 * b.data[i]! + 0.587 * b.data[i + 1]! + 0.114 * b.data[i + 2]!;
      sum += Math.abs(lumaA - lumaB);
      count++;
    }
  }
  return count > 0 ? sum / count : 0;
}
