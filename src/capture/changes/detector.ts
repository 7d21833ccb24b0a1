/**
 * Visual change detection on downscaled luma frames. Pure: no DOM, no workers,
 * so it runs the same in the sampler worker and in unit tests.
 *
 * A change opens when enough cells differ between two consecutive samples and
 * closes once the screen has been still for `settleFrames` samples. Its
 * **before** frame is the last still frame before it, its **after** frame the
 * first still frame after it, which is what a person acted on and what they got.
 *
 * Two kinds of motion are not actions and are filtered out:
 * - flicker in small places (a blinking caret, a spinner): cells that keep
 *   changing in small updates build up "activity" and are ignored while it lasts;
 * - transient changes (a hover flash): when the after frame equals the before
 *   frame, nothing happened.
 *
 * A change that has grown in one small place for a while (typing into a field)
 * and then goes on at once somewhere else (Enter added a row, a form was sent)
 * is closed at the last frame before the jump, with the typed text in its after
 * frame, and the rest is a change of its own, marked as following on (`moved`).
 */
import type { Rect } from '../../shared/geometry';

export interface LumaFrame {
  /** One byte of luma per cell, row-major. */
  data: Uint8Array;
  width: number;
  height: number;
  /** Time of the sample, in milliseconds on any monotonic clock. */
  t: number;
}

export interface DetectorOptions {
  /** Luma difference (0–255) above which a cell counts as changed. */
  cellThreshold: number;
  /** Fewer changed cells than this between two samples means "still". */
  minChangedCells: number;
  /** Still samples in a row that end a change. */
  settleFrames: number;
  /** A change longer than this is cut, so a playing video cannot pin frames forever. */
  maxChangeMs: number;
  /** Updates touching less than this fraction of the frame count as small (flicker candidates). */
  smallUpdateFraction: number;
  /** Activity (decaying count of small changes) at which a cell is ignored as flickering. */
  flickerActivity: number;
  /** Half-life of a cell's activity, in milliseconds. */
  activityHalfLifeMs: number;
  /** A change that lasted this long in a small place (typing) is cut where it jumps elsewhere. */
  typingMs: number;
  /** At most this share of the frame is a small place (a field). */
  smallPlaceFraction: number;
}

export const defaultDetectorOptions: DetectorOptions = {
  cellThreshold: 18,
  minChangedCells: 3,
  settleFrames: 2,
  maxChangeMs: 5000,
  smallUpdateFraction: 0.01,
  flickerActivity: 1.8,
  activityHalfLifeMs: 1500,
  typingMs: 400,
  smallPlaceFraction: 0.02,
};

export interface DetectedChange<H> {
  startT: number;
  endT: number;
  /** Union of every changed cell during the change. */
  box: Rect;
  /** Share of the frame's cells that changed at some point, 0–1. */
  fraction: number;
  before: H;
  after: H;
  /** True when the change was cut at `maxChangeMs` rather than settling. */
  cut: boolean;
  /** True when it was closed because the screen went on changing elsewhere at once (after typing). */
  moved: boolean;
  width: number;
  height: number;
}

/**
 * Reference counting for frame handles (bitmaps, in the worker). The detector
 * retains what it keeps and releases what it drops; each handle in a returned
 * change carries one reference that the caller must release.
 */
export interface HandleOwner<H> {
  retain(handle: H): void;
  release(handle: H): void;
}

interface Sample<H> {
  frame: LumaFrame;
  handle: H;
}

interface OpenChange<H> {
  before: Sample<H>;
  startT: number;
  mask: Uint8Array;
  maskCount: number;
  quiet: number;
  afterCandidate: Sample<H> | null;
}

export class ChangeDetector<H> {
  readonly #options: DetectorOptions;
  readonly #owner: HandleOwner<H>;
  #prev: Sample<H> | null = null;
  #change: OpenChange<H> | null = null;
  #activity = new Float32Array(0);
  #changed = new Uint8Array(0);

  constructor(owner: HandleOwner<H>, options: Partial<DetectorOptions> = {}) {
    this.#owner = owner;
    this.#options = { ...defaultDetectorOptions, ...options };
  }

  /** Feeds a sample; the detector takes over the caller's reference to `handle`. */
  push(frame: LumaFrame, handle: H): DetectedChange<H>[] {
    const prev = this.#prev;
    this.#prev = { frame, handle };
    if (!prev) return [];
    const out: DetectedChange<H>[] = [];
    const changedCells = this.#diff(prev.frame, frame);
    const change = this.#change;

    if (!change) {
      if (changedCells >= this.#options.minChangedCells) this.#open(prev, frame);
    } else if (changedCells >= this.#options.minChangedCells && this.#jumps(change, frame)) {
      // Typing ended and something else began without a still frame between: the last
      // frame of the typing closes it and opens what follows.
      this.#dropAfterCandidate(change);
      this.#owner.retain(prev.handle);
      const closed = this.#close(change, prev, false, true);
      if (closed) out.push(closed);
      this.#openFrom(prev);
      this.#accumulate(this.#change!);
    } else if (changedCells >= this.#options.minChangedCells) {
      this.#accumulate(change);
      this.#dropAfterCandidate(change);
      if (frame.t - change.startT > this.#options.maxChangeMs) {
        // Cut here; the current frame closes this change and opens the next.
        this.#owner.retain(handle);
        const closed = this.#close(change, { frame, handle }, true);
        if (closed) out.push(closed);
        this.#openFrom({ frame, handle });
      }
    } else {
      this.#settle(change, prev, out);
    }
    this.#owner.release(prev.handle);
    return out;
  }

  /** Time passed with no new sample: capture only sends frames when the screen changes. */
  tick(): DetectedChange<H>[] {
    const out: DetectedChange<H>[] = [];
    if (this.#change && this.#prev) this.#settle(this.#change, this.#prev, out);
    return out;
  }

  /** Closes an open change with the latest sample as its after frame (end of recording). */
  flush(): DetectedChange<H>[] {
    const change = this.#change;
    const prev = this.#prev;
    if (!change || !prev) return [];
    let after = change.afterCandidate;
    change.afterCandidate = null;
    if (!after) {
      this.#owner.retain(prev.handle);
      after = prev;
    }
    const closed = this.#close(change, after, false);
    return closed ? [closed] : [];
  }

  /** Releases every handle the detector still holds. */
  dispose(): void {
    if (this.#change) {
      this.#owner.release(this.#change.before.handle);
      this.#dropAfterCandidate(this.#change);
      this.#change = null;
    }
    if (this.#prev) this.#owner.release(this.#prev.handle);
    this.#prev = null;
  }

  get changing(): boolean {
    return this.#change !== null;
  }

  /**
   * Marks changed cells between two samples in `#changed` and returns how many
   * count (flickering cells left out). A size change counts as a full change.
   */
  #diff(a: LumaFrame, b: LumaFrame): number {
    const total = b.width * b.height;
    if (this.#changed.length !== total) {
      this.#changed = new Uint8Array(total);
      this.#activity = new Float32Array(total);
    }
    const changed = this.#changed;
    if (a.width !== b.width || a.height !== b.height) {
      changed.fill(1);
      return total;
    }
    const { cellThreshold, smallUpdateFraction, flickerActivity, activityHalfLifeMs } = this.#options;
    let raw = 0;
    for (let i = 0; i < total; i++) {
      const hit = Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)) > cellThreshold ? 1 : 0;
      changed[i] = hit;
      raw += hit;
    }
    const activity = this.#activity;
    const decay = 0.5 ** (Math.max(0, b.t - a.t) / activityHalfLifeMs);
    const small = raw <= total * smallUpdateFraction;
    let counted = 0;
    for (let i = 0; i < total; i++) {
      const level = (activity[i] ?? 0) * decay;
      const hit = changed[i] === 1;
      activity[i] = small && hit ? level + 1 : level;
      // A flickering cell only hides small updates: a scroll or a new page still counts.
      if (hit && small && level >= flickerActivity) changed[i] = 0;
      else counted += hit ? 1 : 0;
    }
    return counted;
  }

  #open(before: Sample<H>, frame: LumaFrame): void {
    this.#owner.retain(before.handle);
    this.#change = {
      before,
      startT: frame.t,
      mask: new Uint8Array(frame.width * frame.height),
      maskCount: 0,
      quiet: 0,
      afterCandidate: null,
    };
    this.#accumulate(this.#change);
  }

  /** Opens a change right after a cut: the cut frame is the new before frame. */
  #openFrom(sample: Sample<H>): void {
    this.#owner.retain(sample.handle);
    this.#change = {
      before: sample,
      startT: sample.frame.t,
      mask: new Uint8Array(sample.frame.width * sample.frame.height),
      maskCount: 0,
      quiet: 0,
      afterCandidate: null,
    };
  }

  #accumulate(change: OpenChange<H>): void {
    const { mask } = change;
    const changed = this.#changed;
    change.quiet = 0;
    if (mask.length !== changed.length) {
      // The captured surface changed size: the whole frame is new.
      change.mask = new Uint8Array(changed.length).fill(1);
      change.maskCount = changed.length;
      return;
    }
    for (let i = 0; i < changed.length; i++) {
      if (changed[i] === 1 && mask[i] === 0) {
        mask[i] = 1;
        change.maskCount++;
      }
    }
  }

  /**
   * Whether the change so far stayed in a small place for `typingMs` and this
   * sample's changed cells lie mostly outside it (two cells of slack around it).
   */
  #jumps(change: OpenChange<H>, frame: LumaFrame): boolean {
    const { typingMs, smallPlaceFraction, minChangedCells } = this.#options;
    const total = frame.width * frame.height;
    if (frame.t - change.startT < typingMs || change.maskCount > total * smallPlaceFraction) return false;
    if (change.mask.length !== total) return false;
    const box = maskBox(change.mask, frame.width, frame.height);
    if (!box) return false;
    const changed = this.#changed;
    let inside = 0;
    let outside = 0;
    for (let i = 0; i < total; i++) {
      if (changed[i] !== 1) continue;
      const x = i % frame.width;
      const y = (i - x) / frame.width;
      const near = x >= box.x - 2 && x < box.x + box.width + 2 && y >= box.y - 2 && y < box.y + box.height + 2;
      if (near) inside++;
      else outside++;
    }
    return outside >= minChangedCells && outside > inside && outside >= change.maskCount / 2;
  }

  #dropAfterCandidate(change: OpenChange<H>): void {
    if (change.afterCandidate) this.#owner.release(change.afterCandidate.handle);
    change.afterCandidate = null;
  }

  /** One still sample: the first one marks the after frame, enough of them close the change. */
  #settle(change: OpenChange<H>, latest: Sample<H>, out: DetectedChange<H>[]): void {
    change.quiet++;
    if (!change.afterCandidate) {
      this.#owner.retain(latest.handle);
      change.afterCandidate = latest;
    }
    if (change.quiet >= this.#options.settleFrames) {
      const after = change.afterCandidate;
      change.afterCandidate = null;
      const closed = this.#close(change, after, false);
      if (closed) out.push(closed);
    }
  }

  /** Ends the open change; `after` carries a reference that passes to the result or is released. */
  #close(change: OpenChange<H>, after: Sample<H>, cut: boolean, moved = false): DetectedChange<H> | null {
    this.#change = null;
    const { before, mask } = change;
    const { width, height } = after.frame;
    const box = maskBox(mask, width, height);
    if (!box || (!cut && !this.#netChange(before.frame, after.frame, box))) {
      this.#owner.release(before.handle);
      this.#owner.release(after.handle);
      return null;
    }
    return {
      startT: change.startT,
      endT: after.frame.t,
      box,
      fraction: change.maskCount / (width * height),
      before: before.handle,
      after: after.handle,
      cut,
      moved,
      width,
      height,
    };
  }

  /** Whether the after frame differs from the before frame inside the box (not a transient flash). */
  #netChange(before: LumaFrame, after: LumaFrame, box: Rect): boolean {
    if (before.width !== after.width || before.height !== after.height) return true;
    const { cellThreshold, minChangedCells } = this.#options;
    let count = 0;
    for (let y = box.y; y < box.y + box.height; y++) {
      for (let x = box.x; x < box.x + box.width; x++) {
        const i = y * after.width + x;
        if (Math.abs((before.data[i] ?? 0) - (after.data[i] ?? 0)) > cellThreshold) {
          if (++count >= minChangedCells) return true;
        }
      }
    }
    return false;
  }
}

function maskBox(mask: Uint8Array, width: number, height: number): Rect | null {
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x] !== 1) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return maxX < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}
