/**
 * OCR on key frames with tesseract.js: a small pool of its workers (up to one
 * per core, at most two), loaded lazily from files the app serves itself, so
 * reading the screen works offline and sends nothing anywhere.
 *
 * A region is cropped and scaled up before recognition: UI text is small, and
 * tesseract reads glyphs about 30 px tall far better than 12 px ones.
 */
import { createScheduler, createWorker, OEM, PSM, type Scheduler } from 'tesseract.js';
import { TESSERACT } from 'virtual:pack2skill/vendor';
import { darkOnLight, removeCarets, removeRuledLines } from './preprocess';
import { clamp, type Rect } from '../../shared/geometry';
import type { OcrWord } from './lines';

const VENDOR = TESSERACT;
const UPSCALE = 2;

export class OcrPool {
  readonly size: number;
  #scheduler: Promise<Scheduler> | null = null;
  #workers = 0;
  #growing = false;

  constructor(size = Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1))) {
    this.size = size;
  }

  /**
   * Loads the first worker (a few seconds the first time, then from the cache).
   * More start only when work queues up: loading one takes a core for seconds,
   * which a recording in progress needs more.
   */
  ready(): Promise<Scheduler> {
    this.#scheduler ??= (async () => {
      const scheduler = createScheduler();
      scheduler.addWorker(await createOcrWorker());
      this.#workers = 1;
      return scheduler;
    })();
    this.#scheduler.catch(() => (this.#scheduler = null));
    return this.#scheduler;
  }

  #growIfBusy(scheduler: Scheduler): void {
    if (this.#growing || this.#workers >= this.size || scheduler.getQueueLen() === 0) return;
    this.#growing = true;
    void createOcrWorker()
      .then((worker) => {
        scheduler.addWorker(worker);
        this.#workers++;
      })
      .catch(() => undefined) // one worker still serves
      .finally(() => (this.#growing = false));
  }

  /** Words in `image` (or in `region` of it), with boxes in the image's pixels. */
  async recognize(image: Blob, region?: Rect): Promise<OcrWord[]> {
    const scheduler = await this.ready();
    const bitmap = await createImageBitmap(image);
    const area = clamp(region ?? { x: 0, y: 0, width: bitmap.width, height: bitmap.height }, bitmap);
    const scale = region ? UPSCALE : 1;
    const canvas = new OffscreenCanvas(Math.max(1, area.width * scale), Math.max(1, area.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('2D canvas is not available');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, area.x, area.y, area.width, area.height, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
    // Light text on dark (coloured buttons, dark panels) becomes dark on light first.
    darkOnLight(pixels.data, canvas.width, canvas.height, 4 * scale);
    // Runs longer than this are borders: letters at UI sizes are far shorter.
    removeRuledLines(pixels.data, canvas.width, canvas.height, 28 * scale);
    // A caret touching the last letter typed cuts it from the reading.
    removeCarets(pixels.data, canvas.width, canvas.height, scale);
    ctx.putImageData(pixels, 0, 0);
    const crop = await canvas.convertToBlob({ type: 'image/png' });
    const job = scheduler.addJob('recognize', crop, {}, { blocks: true, text: false });
    this.#growIfBusy(scheduler);
    const { data } = await job;
    const words: OcrWord[] = [];
    let line = 0;
    for (const block of data.blocks ?? []) {
      for (const paragraph of block.paragraphs) {
        for (const ocrLine of paragraph.lines) {
          line++;
          for (const word of ocrLine.words) {
            words.push({
              text: word.text,
              confidence: word.confidence,
              line,
              box: {
                x: Math.round(area.x + word.bbox.x0 / scale),
                y: Math.round(area.y + word.bbox.y0 / scale),
                width: Math.round((word.bbox.x1 - word.bbox.x0) / scale),
                height: Math.round((word.bbox.y1 - word.bbox.y0) / scale),
              },
            });
          }
        }
      }
    }
    return words;
  }

  async terminate(): Promise<void> {
    const scheduler = this.#scheduler;
    this.#scheduler = null;
    await (await scheduler?.catch(() => null))?.terminate();
  }
}

async function createOcrWorker() {
  const worker = await createWorker('eng', OEM.LSTM_ONLY, {
    workerPath: `${VENDOR}/worker.min.js`,
    corePath: `${VENDOR}/core/`,
    langPath: `${VENDOR}/lang`,
    workerBlobURL: false,
    gzip: true,
    // The service worker caches the data file; a second copy in IndexedDB is not needed.
    cacheMethod: 'none',
  });
  // Sparse text: UI screens are phrases scattered over a page, not paragraphs.
  await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
  return worker;
}
