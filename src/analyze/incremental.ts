/**
 * Analysis while recording. Each screen change is read (OCR of its region in
 * its before and after frames) soon after it settles, one at a time, so that
 * after Stop the analysis finds most of its OCR already cached and only the
 * last changes are left to read.
 *
 * A step made of one change has exactly that change's region, so its reading
 * is reused as is; a step that merges several changes is read again at Stop.
 * The first screen, and each screen a large change brings, is read whole.
 */
import type { OcrPool } from './ocr/pool';
import type { NewEvent } from '../capture/events';
import { readFrameArea, readRegion } from './ocr/cache';
import { bringsNewScreen } from './screens';

/** Wait this long after a change settles: a change that follows soon may join its step. */
const SETTLE_MS = 1500;

export class IncrementalAnalyzer {
  readonly #ocr: OcrPool;
  readonly #queue: { event: NewEvent; at: number }[] = [];
  #draining = false;
  #stopped = false;
  #firstScreenRead = false;
  /** Changes read so far (for progress and benchmarks). */
  done = 0;

  constructor(ocr: OcrPool) {
    this.#ocr = ocr;
  }

  /** A stored screen change, with its frame ids. */
  add(event: NewEvent): void {
    if (this.#stopped || !event.box) return;
    this.#queue.push({ event, at: performance.now() });
    if (this.#draining) return;
    this.#draining = true;
    void this.#drain().finally(() => (this.#draining = false));
  }

  /** Stops taking work; what is queued is left to the analysis after Stop. */
  stop(): void {
    this.#stopped = true;
    this.#queue.length = 0;
  }

  async #drain(): Promise<void> {
    while (!this.#stopped && this.#queue.length > 0) {
      const next = this.#queue[0]!;
      const wait = next.at + SETTLE_MS - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const { event } = this.#queue.shift() ?? next;
      if (!event.box || this.#stopped) continue;
      try {
        await readRegion(this.#ocr, event.box, event.beforeFrameId, event.afterFrameId);
        // Whole screens too: the first one, and each one a large change brought.
        if (!this.#firstScreenRead) {
          this.#firstScreenRead = true;
          await readFrameArea(this.#ocr, event.beforeFrameId, null);
        }
        if (bringsNewScreen(event)) await readFrameArea(this.#ocr, event.afterFrameId, null);
        this.done++;
      } catch {
        // OCR unavailable: the analysis after Stop says so; nothing to do here.
        this.stop();
      }
    }
  }
}
