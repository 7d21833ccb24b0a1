/**
 * Clean-up before OCR. Tesseract loses text that sits inside boxes (buttons,
 * input fields): the box's border joins the glyphs into one blob. Long straight
 * runs of ink — borders and rules, far longer than any stroke of a letter —
 * are painted with the background, leaving the text. Pure, on RGBA pixels.
 */

import { lumaAt } from '../../shared/luma';

/** Luma below this (0–255) on a light background counts as ink. */
const INK = 160;

export function removeRuledLines(rgba: Uint8ClampedArray, width: number, height: number, minRun: number): void {
  const ink = new Uint8Array(width * height);
  for (let i = 0; i < ink.length; i++) {
    const p = i * 4;
    ink[i] = lumaAt(rgba, p) < INK ? 1 : 0;
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

/** Mean luma (0–255) below which an area is a dark background (white or light text on colour). */
const DARK_BACKGROUND = 110;
/** How far (luma) from a tile's background a pixel must be to count as its text. */
const TEXT_CONTRAST = 60;

/**
 * Turns light-on-dark text (white on a coloured button, a dark panel) into dark
 * on light, tile by tile, since tesseract and the ruled-line pass above read
 * dark ink on a light page. A tile is inverted when it is dark, or when what
 * stands out from its background (its commonest luma) is lighter than it rather
 * than darker: white text on a mid-blue button is not dark on average, but its
 * text is lighter than the button. Pure, on RGBA pixels.
 */
export function lightenDarkAreas(rgba: Uint8ClampedArray, width: number, height: number, tile: number): void {
  const histogram = new Uint32Array(32);
  for (let ty = 0; ty < height; ty += tile) {
    for (let tx = 0; tx < width; tx += tile) {
      const x1 = Math.min(width, tx + tile);
      const y1 = Math.min(height, ty + tile);
      histogram.fill(0);
      let sum = 0;
      for (let y = ty; y < y1; y++) {
        for (let x = tx; x < x1; x++) {
          const v = lumaAt(rgba, (y * width + x) * 4);
          sum += v;
          histogram[v >> 3]!++;
        }
      }
      const count = (x1 - tx) * (y1 - ty);
      if (sum / count >= DARK_BACKGROUND && !lighterText(histogram)) continue;
      for (let y = ty; y < y1; y++) {
        for (let x = tx; x < x1; x++) {
          const p = (y * width + x) * 4;
          rgba[p] = 255 - (rgba[p] ?? 0);
          rgba[p + 1] = 255 - (rgba[p + 1] ?? 0);
          rgba[p + 2] = 255 - (rgba[p + 2] ?? 0);
        }
      }
    }
  }
}

/** Whether a tile's text (pixels far from its commonest luma) is mostly lighter than its background. */
function lighterText(histogram: Uint32Array): boolean {
  const background = histogram.indexOf(Math.max(...histogram)) * 8 + 4;
  let lighter = 0;
  let darker = 0;
  for (const [bin, n] of histogram.entries()) {
    const luma = bin * 8 + 4;
    if (luma >= background + TEXT_CONTRAST) lighter += n;
    else if (luma <= background - TEXT_CONTRAST) darker += n;
  }
  return lighter > darker;
}
