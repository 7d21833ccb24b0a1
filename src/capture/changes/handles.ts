/**
 * Reference-counted frames for the change detector (its `HandleOwner`
 * contract): the detector retains the frames it keeps and releases the ones it
 * drops; each handle in a change it returns carries one reference the caller
 * releases. A frame is closed when its last reference goes, so only the
 * frames a change still needs are held, however long the capture or video.
 * The live sampler (bitmaps) and video import (decoded frames) share this.
 */
import type { HandleOwner } from './detector';

export interface FrameHandle<F> {
  readonly frame: F;
  /** References still held; the frame is closed at zero. */
  refs: number;
}

export class FrameHandles<F> implements HandleOwner<FrameHandle<F>> {
  readonly #close: (frame: F) => void;
  #open = 0;

  constructor(close: (frame: F) => void) {
    this.#close = close;
  }

  /** A new handle holding one reference, which passes to whoever pushes it into the detector. */
  add(frame: F): FrameHandle<F> {
    this.#open++;
    return { frame, refs: 1 };
  }

  retain(handle: FrameHandle<F>): void {
    if (handle.refs <= 0) throw new Error('a released frame was retained');
    handle.refs++;
  }

  release(handle: FrameHandle<F>): void {
    if (handle.refs <= 0) return;
    if (--handle.refs === 0) {
      this.#open--;
      this.#close(handle.frame);
    }
  }

  /** Frames not yet closed (tests and diagnostics: bounded however long the input). */
  get open(): number {
    return this.#open;
  }
}
