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

/** How strongly a pixel's distance from its background darkens it: at 128 luma apart it is black. */
const CONTRAST_GAIN = 2;
/** A background at least this light (luma) is a page whose text is dark already. */
const LIGHT_PAGE = 170;
/** A light page at least this light is white enough to be left as it is. */
const WHITE_PAGE = 236;
/** At least this share of a crop is grey ground for its grey to be a page (a desktop window). */
const GREY_PAGE_SHARE = 1 / 3;
/** How many blocks either side of a pixel's block its background is taken over. */
const BACKGROUND_REACH = 2;

/**
 * Makes text dark on a white page, whatever its colours: on a background that is
 * not a light page, each pixel becomes as dark as it is far (in luma) from that
 * background, the commonest luma around it. White text on a mid-blue button and
 * light text on a dark panel come out dark on white, as dark text on a light page
 * already is, which is what tesseract and the ruled-line pass above read. The background is found per block of `block` pixels,
 * over the blocks around it, so that text near the edge of a coloured bar is judged
 * against the bar, not against the page beside it. Pure, on RGBA pixels.
 */
export function darkOnLight(rgba: Uint8ClampedArray, width: number, height: number, block: number): void {
  const columns = Math.ceil(width / block);
  const rows = Math.ceil(height / block);
  const luma = new Uint8Array(width * height);
  const histograms = new Uint16Array(columns * rows * BINS);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      luma[i] = lumaAt(rgba, i * 4);
      histograms[(Math.floor(y / block) * columns + Math.floor(x / block)) * BINS + (luma[i]! >> 3)]!++;
    }
  }
  // Only a crop that is largely a grey page is lifted (below), so that grey bits of a white page
  // (a shadow, faint text's edges) stay as drawn. Largely, not mostly: a click's row on a desktop
  // form is as much white field as grey window, and a video's greys spread over two bins.
  const overall = new Uint32Array(BINS);
  for (let b = 0; b < columns * rows; b++)
    for (let bin = 0; bin < BINS; bin++) overall[bin]! += histograms[b * BINS + bin]!;
  let [grey, white] = [0, 0];
  for (let bin = 0; bin < BINS; bin++) {
    if (bin * 8 + 4 >= WHITE_PAGE) white += overall[bin]!;
    else if (bin * 8 + 4 >= LIGHT_PAGE) grey += overall[bin]!;
  }
  // As much grey as white: TodoMVC's large pale "todos" on its white page is a third grey, and stays.
  const greyPage = grey >= GREY_PAGE_SHARE * width * height && grey >= white;
  const background = new Uint8Array(columns * rows);
  const around = new Uint32Array(BINS);
  for (let by = 0; by < rows; by++) {
    for (let bx = 0; bx < columns; bx++) {
      around.fill(0);
      for (let ny = Math.max(0, by - BACKGROUND_REACH); ny <= Math.min(rows - 1, by + BACKGROUND_REACH); ny++) {
        for (let nx = Math.max(0, bx - BACKGROUND_REACH); nx <= Math.min(columns - 1, bx + BACKGROUND_REACH); nx++) {
          const offset = (ny * columns + nx) * BINS;
          for (let bin = 0; bin < BINS; bin++) around[bin]! += histograms[offset + bin]!;
        }
      }
      let mode = 0;
      for (let bin = 1; bin < BINS; bin++) if (around[bin]! > around[mode]!) mode = bin;
      background[by * columns + bx] = mode * 8 + 4;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const behind = background[Math.floor(y / block) * columns + Math.floor(x / block)]!;
      // On a white page text is already dark: left as drawn, so that icons stay as faint as they are.
      if (behind >= WHITE_PAGE || (behind >= LIGHT_PAGE && !greyPage)) continue;
      // A grey page (a desktop program's window, 217 in Tk) is lifted to white, its dark text kept
      // dark: with white fields on it, tesseract's threshold fell between the page and the
      // fields, and the page with every word on it read as one dark blot.
      const value =
        behind >= LIGHT_PAGE
          ? Math.min(255, luma[i]! + 255 - behind)
          : Math.max(0, 255 - Math.abs(luma[i]! - behind) * CONTRAST_GAIN);
      rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = value;
    }
  }
}

/** Luma is binned by 8 to find a background. */
const BINS = 32;

/** Shortest caret looked for, in pixels at 1×: a text caret is a line's height, 9 px even for small text. */
const CARET_MIN = 9;
/** Widest caret, in pixels at 1× (2 px drawn, a column more once scaled up and smoothed). */
const CARET_WIDTH = 3;

/**
 * Erases a text caret standing beside the text it follows. A caret is a thin
 * upright bar as tall as the font's whole line, so it reaches above the tops and
 * below the feet of the glyphs beside it; touching the last one (Tk draws it
 * against the glyph), it made tesseract drop that glyph: "555-0100|" read "555-010".
 * No letter is such a bar: l, I and 1 stand on the baseline, and [ and ] have feet,
 * so a bar with ink beside its ends is kept. A bar alone (nothing beside it) is kept
 * too: it may be an l or an I. Runs after `removeRuledLines`; `scale` is the crop's
 * upscale. Pure, on RGBA pixels.
 */
export function removeCarets(rgba: Uint8ClampedArray, width: number, height: number, scale: number): void {
  const inkMap = new Uint8Array(width * height);
  for (let i = 0; i < inkMap.length; i++) inkMap[i] = lumaAt(rgba, i * 4) < INK ? 1 : 0;
  const ink = (x: number, y: number) => inkMap[y * width + x] === 1;
  const minRun = CARET_MIN * scale;
  // The longest upright run of ink in each column (start and end row), if it is caret-tall:
  // walked row by row, every column at once, as the pixels lie in memory.
  const start = new Int32Array(width).fill(-1);
  const runTop = new Int32Array(width).fill(-1);
  const runBottom = new Int32Array(width).fill(-1);
  for (let y = 0; y <= height; y++) {
    for (let x = 0; x < width; x++) {
      const on = y < height && inkMap[y * width + x] === 1;
      if (on) {
        if (start[x]! < 0) start[x] = y;
        continue;
      }
      const from = start[x]!;
      if (from < 0) continue;
      if (y - from >= minRun && y - from > runBottom[x]! - runTop[x]! + 1) [runTop[x], runBottom[x]] = [from, y - 1];
      start[x] = -1;
    }
  }
  const margin = scale; // a pixel at 1× beyond the glyphs, above and below
  for (let x = 0; x < width;) {
    if (runTop[x]! < 0) {
      x++;
      continue;
    }
    // Neighbouring columns whose runs cover the same rows (within the margin) make one bar.
    let end = x;
    let [top, bottom] = [runTop[x]!, runBottom[x]!];
    while (
      end + 1 < width &&
      runTop[end + 1]! >= 0 &&
      Math.abs(runTop[end + 1]! - runTop[x]!) <= margin &&
      Math.abs(runBottom[end + 1]! - runBottom[x]!) <= margin
    ) {
      end++;
      top = Math.min(top, runTop[end]!);
      bottom = Math.max(bottom, runBottom[end]!);
    }
    if (end - x + 1 <= CARET_WIDTH * scale && isCaret(x, end, top, bottom)) {
      // The bar, and the paler pixels its smoothed edges left around it (not the ink of a glyph it touches).
      for (let cx = Math.max(0, x - scale); cx <= Math.min(width - 1, end + scale); cx++)
        for (let y = Math.max(0, top - scale); y <= Math.min(height - 1, bottom + scale); y++) {
          const bar = cx >= x && cx <= end && y >= top && y <= bottom;
          if (!bar && ink(cx, y)) continue;
          const p = (y * width + cx) * 4;
          rgba[p] = rgba[p + 1] = rgba[p + 2] = 255;
        }
    }
    x = end + 1;
  }

  /** Whether the bar in columns `left`–`right`, rows `top`–`bottom`, stands out of glyphs beside it. */
  function isCaret(left: number, right: number, top: number, bottom: number): boolean {
    const tall = bottom - top + 1;
    const [x0, x1] = [Math.max(0, left - tall), Math.min(width - 1, right + tall)];
    const rowFrom = Math.max(0, top - Math.floor(tall / 2));
    const rowTo = Math.min(height - 1, bottom + Math.floor(tall / 2));
    // Ink beside it in the rows at or beyond its ends: a glyph as tall (l, 1) or a bracket's foot.
    // Looked at first, where most bars are ruled out at once.
    const inkIn = (y0: number, y1: number, enough: number) => {
      let count = 0;
      for (let y = y0; y <= y1; y++)
        for (let x = x0; x <= x1; x++) {
          if ((x < left || x > right) && inkMap[y * width + x] === 1 && ++count >= enough) return count;
        }
      return count;
    };
    if (inkIn(rowFrom, top + margin - 1, 1) > 0 || inkIn(bottom - margin + 1, rowTo, 1) > 0) return false;
    // A glyph's worth of ink beside it, between its ends.
    const enough = 4 * scale * scale;
    return inkIn(top + margin, bottom - margin, enough) >= enough;
  }
}
