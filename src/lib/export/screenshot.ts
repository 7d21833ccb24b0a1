/**
 * A step's screenshot as exported: the key frame with the acted-on region
 * outlined and every line of sensitive screen text pixelated beyond reading.
 */
import type { OcrLine, Rect } from '../../../workers/ocr/words';
import type { AnalyzedStep } from '../analysis/types';
import { isSensitive } from '../skill/redact';

/** Blocks this many pixels wide replace sensitive text: letters of UI size are gone. */
const PIXEL_BLOCK = 12;
const PAD = 4;

/**
 * What to outline on a step's screenshot: the text of the control acted on when
 * OCR found it (a change region can hold its result, or several controls),
 * else the region that changed.
 */
export function markedBox(step: Pick<AnalyzedStep, 'label' | 'ocr' | 'region'>): Rect | undefined {
  const label = step.label;
  const line = label
    ? ([...(step.ocr?.before ?? []), ...(step.ocr?.after ?? [])].find((l) => l.text === label) ??
      step.ocr?.before.find((l) => l.text.includes(label)))
    : undefined;
  if (!line) return step.region;
  const pad = 8;
  return {
    x: line.box.x - pad,
    y: line.box.y - pad,
    width: line.box.width + 2 * pad,
    height: line.box.height + 2 * pad,
  };
}

/** Boxes to blur: the lines of screen text that hold something sensitive. */
export function sensitiveBoxes(lines: readonly OcrLine[]): Rect[] {
  return lines
    .filter((line) => isSensitive(line.text))
    .map(({ box }) => ({ x: box.x - PAD, y: box.y - PAD, width: box.width + 2 * PAD, height: box.height + 2 * PAD }));
}

export async function renderScreenshot(frame: Blob, region: Rect | undefined, blur: readonly Rect[]): Promise<Blob> {
  const bitmap = await createImageBitmap(frame);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is not available');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  for (const box of blur) pixelate(ctx, clamp(box, canvas.width, canvas.height));
  if (region) {
    ctx.strokeStyle = '#e8590c';
    ctx.lineWidth = 4;
    ctx.strokeRect(region.x - 4, region.y - 4, region.width + 8, region.height + 8);
  }
  return canvas.convertToBlob({ type: 'image/png' });
}

function pixelate(ctx: OffscreenCanvasRenderingContext2D, box: Rect): void {
  if (box.width < 1 || box.height < 1) return;
  const small = new OffscreenCanvas(
    Math.max(1, Math.ceil(box.width / PIXEL_BLOCK)),
    Math.max(1, Math.ceil(box.height / PIXEL_BLOCK)),
  );
  const smallCtx = small.getContext('2d');
  if (!smallCtx) return;
  smallCtx.drawImage(ctx.canvas, box.x, box.y, box.width, box.height, 0, 0, small.width, small.height);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(small, 0, 0, small.width, small.height, box.x, box.y, box.width, box.height);
  ctx.imageSmoothingEnabled = true;
}

function clamp(box: Rect, width: number, height: number): Rect {
  const x = Math.max(0, Math.round(box.x));
  const y = Math.max(0, Math.round(box.y));
  return {
    x,
    y,
    width: Math.min(width - x, Math.round(box.width + Math.min(0, box.x))),
    height: Math.min(height - y, Math.round(box.height + Math.min(0, box.y))),
  };
}
