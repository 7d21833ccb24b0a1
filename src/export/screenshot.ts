/**
 * A step's screenshot as exported: the key frame with the acted-on region
 * outlined and every line of sensitive screen text pixelated beyond reading.
 */
import type { OcrLine } from '../analyze/ocr/lines';
import { clamp, type Rect } from '../shared/geometry';
import type { AnalyzedStep } from '../analyze/types';
import { isSensitive } from '../compose/redact';

/** Blocks this many pixels wide replace sensitive text: letters of UI size are gone. */
const PIXEL_BLOCK = 12;
const PAD = 4;

/**
 * What to outline on a step's screenshot (and in the review): the box the person
 * marked, else the text of the control acted on when
 * OCR found it (a change region can hold its result, or several controls),
 * else the region that changed.
 */
export function markedBox(step: Pick<AnalyzedStep, 'label' | 'ocr' | 'region' | 'marked'>): Rect | undefined {
  if (step.marked) return step.marked;
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
  for (const box of blur) pixelate(ctx, clamp(box, canvas));
  if (region) {
    ctx.strokeStyle = '#e8590c';
    ctx.lineWidth = 4;
    ctx.strokeRect(region.x - 4, region.y - 4, region.width + 8, region.height + 8);
  }
  return canvas.convertToBlob({ type: 'image/png' });
}

/** Replaces each block of the box by its average colour (a canvas downscale only samples, and keeps letters). */
function pixelate(ctx: OffscreenCanvasRenderingContext2D, box: Rect): void {
  if (box.width < 1 || box.height < 1) return;
  const image = ctx.getImageData(box.x, box.y, box.width, box.height);
  const { data, width, height } = image;
  for (let by = 0; by < height; by += PIXEL_BLOCK) {
    for (let bx = 0; bx < width; bx += PIXEL_BLOCK) {
      const x1 = Math.min(width, bx + PIXEL_BLOCK);
      const y1 = Math.min(height, by + PIXEL_BLOCK);
      const sum = [0, 0, 0];
      for (let y = by; y < y1; y++) {
        for (let x = bx; x < x1; x++) {
          const i = (y * width + x) * 4;
          sum[0]! += data[i]!;
          sum[1]! += data[i + 1]!;
          sum[2]! += data[i + 2]!;
        }
      }
      const count = (x1 - bx) * (y1 - by);
      for (let y = by; y < y1; y++) {
        for (let x = bx; x < x1; x++) {
          const i = (y * width + x) * 4;
          data[i] = sum[0]! / count;
          data[i + 1] = sum[1]! / count;
          data[i + 2] = sum[2]! / count;
        }
      }
    }
  }
  ctx.putImageData(image, box.x, box.y);
}

/** A smaller JPEG of an image, at most `maxWidth` wide (for sending to a model). */
export async function downscaleToJpeg(
  image: Blob,
  maxWidth: number,
): Promise<{ blob: Blob; width: number; height: number }> {
  const bitmap = await createImageBitmap(image);
  const scale = Math.min(1, maxWidth / bitmap.width);
  const width = Math.round(bitmap.width * scale);
  const height = Math.round(bitmap.height * scale);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is not available');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  return { blob: await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 }), width, height };
}
