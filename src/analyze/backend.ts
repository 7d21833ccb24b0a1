/**
 * The frame-level analysis backend (the original design's VLMBackend): reads
 * a step's key frames, or a whole screen. The one backend reads the screen with
 * tesseract.js in this tab. Cloud models are not backends of this kind: they
 * rewrite a whole recording's steps at once (`CloudClient` in ../cloud).
 */
import type { OcrPool } from './ocr/pool';
import type { Rect } from '../shared/geometry';
import type { OcrLine } from './ocr/lines';
import { ocrArea, pointArea, readBoxAt, readFrameArea, readRegion } from './ocr/cache';

export type Capability = 'ocr' | 'sequence';

export interface BackendCapabilities {
  id: string;
  name: string;
  /** True when nothing leaves the machine. */
  local: boolean;
  features: Capability[];
}

export interface FrameResult {
  lines: OcrLine[];
  /** Served from the cache rather than computed now. */
  cached: boolean;
}

/** One step as a backend sees it: where it happened and its key frames. */
export interface SequenceItem {
  /** A change seen in the pixels ('visual'), or an event's (a click's point, typing). */
  kind?: string;
  region?: Rect | undefined;
  beforeFrameId?: string | undefined;
  afterFrameId?: string | undefined;
}

export interface SequenceResult {
  before: OcrLine[];
  after: OcrLine[];
  cachedReads: number;
  reads: number;
}

export interface SequenceOptions {
  signal?: AbortSignal;
  onItem?: (done: number, total: number) => void;
}

export interface AnalysisBackend {
  capabilities(): BackendCapabilities;
  /** Reads one stored key frame (or a region of it). */
  analyzeFrame(frameId: string, region?: Rect): Promise<FrameResult>;
  /** Reads the key frames of a sequence of steps; null for a step with nothing to read. */
  analyzeSequence(items: SequenceItem[], options?: SequenceOptions): Promise<(SequenceResult | null)[]>;
  /** Reads the row around a point of a stored key frame (a logged click's); `row`: the row alone. */
  analyzePoint(frameId: string, point: { x: number; y: number }, row?: boolean): Promise<FrameResult>;
  /** Reads just this area of a stored key frame (a list's row, run into text beside it in a wider reading). */
  analyzeArea(frameId: string, area: Rect): Promise<FrameResult>;
  /** Reads the box around a point of a stored key frame alone (a button's inside); null: no box, or no text in it. */
  analyzeBoxAt(frameId: string, point: { x: number; y: number }): Promise<(FrameResult & { area: Rect }) | null>;
}

export class LocalBackend implements AnalysisBackend {
  readonly #ocr: OcrPool;

  constructor(ocr: OcrPool) {
    this.#ocr = ocr;
  }

  capabilities(): BackendCapabilities {
    return { id: 'local', name: 'On this device (tesseract.js)', local: true, features: ['ocr', 'sequence'] };
  }

  async analyzeFrame(frameId: string, region?: Rect): Promise<FrameResult> {
    const reading = await readFrameArea(this.#ocr, frameId, region ? ocrArea(region) : null);
    return { lines: reading.lines, cached: reading.cached };
  }

  async analyzePoint(frameId: string, point: { x: number; y: number }, row = false): Promise<FrameResult> {
    const reading = await readFrameArea(this.#ocr, frameId, pointArea(point, row));
    return { lines: reading.lines, cached: reading.cached };
  }

  async analyzeArea(frameId: string, area: Rect): Promise<FrameResult> {
    const reading = await readFrameArea(this.#ocr, frameId, area);
    return { lines: reading.lines, cached: reading.cached };
  }

  analyzeBoxAt(frameId: string, point: { x: number; y: number }): Promise<(FrameResult & { area: Rect }) | null> {
    return readBoxAt(this.#ocr, frameId, point);
  }

  async analyzeSequence(items: SequenceItem[], options: SequenceOptions = {}): Promise<(SequenceResult | null)[]> {
    const results: (SequenceResult | null)[] = [];
    for (const [index, item] of items.entries()) {
      options.signal?.throwIfAborted();
      options.onItem?.(index, items.length);
      if (!item.region || (!item.beforeFrameId && !item.afterFrameId)) {
        results.push(null);
        continue;
      }
      const reading = await readRegion(
        this.#ocr,
        item.region,
        item.beforeFrameId,
        item.afterFrameId,
        item.kind === 'visual',
      );
      results.push({
        ...reading,
        reads: Number(Boolean(item.beforeFrameId)) + Number(Boolean(item.afterFrameId)),
      });
    }
    return results;
  }
}
