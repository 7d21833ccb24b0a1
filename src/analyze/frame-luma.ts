/**
 * The luma of an area of a stored frame, for the analysis's looks at pixels (the mark a
 * click drew, the box around a control's text). Where it runs there is a 2D canvas: the
 * page, or a worker.
 */
import type { Rect } from '../shared/geometry';
import { lumaAt } from '../shared/luma';

/** The luma (0–255) of a frame's area, one byte per pixel, row by row. */
export interface LumaArea {
  x: number;
  y: number;
  width: number;
  height: number;
  data: Uint8Array;
}

/** The luma of `area` of a frame image (null where no 2D canvas is to be had). */
export async function frameLuma(blob: Blob, area: Rect): Promise<LumaArea | null> {
  const bitmap = await createImageBitmap(blob);
  try {
    const canvas = new OffscreenCanvas(area.width, area.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.drawImage(bitmap, area.x, area.y, area.width, area.height, 0, 0, area.width, area.height);
    const rgba = ctx.getImageData(0, 0, area.width, area.height).data;
    const data = new Uint8Array(area.width * area.height);
    for (let i = 0; i < data.length; i++) data[i] = lumaAt(rgba, i * 4);
    return { ...area, data };
  } finally {
    bitmap.close();
  }
}
