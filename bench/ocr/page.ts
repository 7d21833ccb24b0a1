/**
 * The browser half of the OCR comparison bench (`npm run bench -- ocr`), loaded
 * from the dev server: each crop read by the app's own tesseract.js pool (its
 * scaling and clean-up included) and by PaddleOCR on onnxruntime-web, both from
 * the same pixels, one worker or thread each.
 */
import { OcrPool } from '../../src/analyze/ocr/pool';
import { toLines } from '../../src/analyze/ocr/lines';
import { Paddle } from './paddle';

export interface Crop {
  screen: number;
  area: { x: number; y: number; width: number; height: number };
}

export interface Reading {
  tesseract: { text: string; ms: number };
  paddle: { text: string; ms: number };
}

/** Both engines scale a crop up this much before reading it, as the app does. */
const UPSCALE = 2;

export async function compare(
  screens: string[],
  crops: Crop[],
  urls: { det: string; rec: string; keys: string; wasm: string },
): Promise<{ readings: Reading[]; loadMs: { tesseract: number; paddle: number } }> {
  const blobs = await Promise.all(screens.map((png) => fetch(`data:image/png;base64,${png}`).then((r) => r.blob())));
  const bitmaps = await Promise.all(blobs.map((blob) => createImageBitmap(blob)));
  let started = performance.now();
  const pool = new OcrPool(1);
  await pool.ready();
  const tesseractLoad = performance.now() - started;
  started = performance.now();
  const paddle = await Paddle.load(urls);
  const paddleLoad = performance.now() - started;

  const readings: Reading[] = [];
  for (const crop of crops) {
    started = performance.now();
    const words = await pool.recognize(blobs[crop.screen]!, crop.area);
    const tesseract = {
      text: toLines(words)
        .map((l) => l.text)
        .join(' '),
      ms: performance.now() - started,
    };
    started = performance.now();
    const lines = await paddle.recognize(scaled(bitmaps[crop.screen]!, crop.area));
    const text = lines.map((l) => l.text).join(' ');
    readings.push({ tesseract, paddle: { text, ms: performance.now() - started } });
  }
  await pool.terminate();
  return { readings, loadMs: { tesseract: tesseractLoad, paddle: paddleLoad } };
}

/** The crop's pixels scaled up as the app's OCR pool scales them. */
function scaled(bitmap: ImageBitmap, area: Crop['area']): ImageData {
  const canvas = new OffscreenCanvas(area.width * UPSCALE, area.height * UPSCALE);
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, area.x, area.y, area.width, area.height, 0, 0, canvas.width, canvas.height);
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

/** Crops of one image read by the app's own OCR pool: its lines, as the analysis gets them. */
export async function readCrops(
  png: string,
  areas: Crop['area'][],
  raw = false,
): Promise<
  { area: Crop['area']; lines: { text: string; confidence: number; box: Crop['area'] }[]; words?: unknown[] }[]
> {
  const blob = await fetch(`data:image/png;base64,${png}`).then((r) => r.blob());
  const pool = new OcrPool(1);
  await pool.ready();
  try {
    const out = [];
    for (const area of areas) {
      const words = await pool.recognize(blob, area);
      const lines = toLines(words).map(({ text, confidence, box }) => ({ text, confidence, box }));
      // `raw`: every word tesseract gave, before lines drop the unsure ones.
      out.push({ area, lines, ...(raw ? { words } : {}) });
    }
    return out;
  } finally {
    await pool.terminate();
  }
}
