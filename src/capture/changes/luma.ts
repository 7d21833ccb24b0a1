/**
 * A frame downscaled to the detection grid, as one byte of luma per cell:
 * what ChangeDetector compares. Used by the live sampler and by video import.
 */
import { lumaAt } from '../../shared/luma';
import type { LumaFrame } from './detector';

/** Reuses one canvas per grid size: a new canvas per frame costs more than the drawing. */
export class LumaReader {
  #canvas: OffscreenCanvas | null = null;
  readonly #gridWidth: number;

  constructor(gridWidth: number) {
    this.#gridWidth = gridWidth;
  }

  read(image: CanvasImageSource & { width: number; height: number }, t: number): LumaFrame {
    const width = Math.max(1, Math.min(this.#gridWidth, image.width));
    const height = Math.max(1, Math.round((image.height * width) / image.width));
    if (!this.#canvas || this.#canvas.width !== width || this.#canvas.height !== height) {
      this.#canvas = new OffscreenCanvas(width, height);
    }
    const ctx = this.#canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('2D canvas is not available');
    ctx.imageSmoothingQuality = 'medium';
    ctx.drawImage(image, 0, 0, width, height);
    const rgba = ctx.getImageData(0, 0, width, height).data;
    const data = new Uint8Array(width * height);
    for (let i = 0, p = 0; i < data.length; i++, p += 4) {
      data[i] = lumaAt(rgba, p);
    }
    return { data, width, height, t };
  }
}
