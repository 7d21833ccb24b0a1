/**
 * Clean-up before OCR. Tesseract loses text that sits inside boxes (buttons,
 * input fields): the box's border joins the glyphs into one blob. Long straight
 * runs of ink — borders and rules, far longer than any stroke of a letter —
 * are painted with the background, leaving the text. Pure, on RGBA pixels.
 */

/** Luma below this (0–255) on a light background counts as ink. */
const INK = 160;

export function removeRuledLines(rgba: Uint8ClampedArray, width: number, height: number, minRun: number): void {
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < ink.length; i++) {
    const p = i * 4;
    const luma = ((rgba[p] ?? 0) * 77 + (rgba[p + 1] ?? 0) * 150 + (rgba[p + 2] ?? 0) * 29) >> 8;
    ink[i] = luma < INK ? 1 : 0;
  }
  const erase = new Uint8Array(width * height);
  // Horizontal runs.
  for (let y = 0; y < height; y++) {
    let start = 0;
    for (let x = 0; x <= width; x++) {
      const on = x < width && ink[y * width + x] === 1;
      if (on) continue;
      if (x - start >= minRun) for (let k = start; k < x; k++) erase[y * width + k] = 1;
      start = x + 1;
    }
  }
  // Vertical runs.
  for (let x = 0; x < width; x++) {
    let start = 0;
    for (let y = 0; y <= height; y++) {
      const on = y < height && ink[y * width + x] === 1;
      if (on) continue;
      if (y - start >= minRun) for (let k = start; k < y; k++) erase[k * width + x] = 1;
      start = y + 1;
    }
  }
  for (let i = 0; i < erase.length; i++) {
    if (erase[i] !== 1) continue;
    const p = i * 4;
    rgba[p] = rgba[p + 1] = rgba[p + 2] = 255;
  }
}
