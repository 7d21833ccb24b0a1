/**
 * Luma (0–255) of the RGBA pixel at byte offset `p`: BT.601 weights in integer
 * arithmetic. One definition for the change detector's grid and OCR clean-up,
 * which run on the page and in workers alike.
 */
export function lumaAt(rgba: ArrayLike<number>, p: number): number {
  return ((rgba[p] ?? 0) * 77 + (rgba[p + 1] ?? 0) * 150 + (rgba[p + 2] ?? 0) * 29) >> 8;
}
