/**
 * What OCR words say about a step: the label of what was acted on, and text
 * that appeared. Pure, so it is unit-tested without tesseract.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OcrWord {
  text: string;
  /** 0–100, as tesseract reports it. */
  confidence: number;
  box: Rect;
  /** Words with the same line id were read as one line. */
  line: number;
}

export interface OcrLine {
  text: string;
  confidence: number;
  box: Rect;
}

/** Words below this confidence are noise more often than not. */
export const MIN_WORD_CONFIDENCE = 45;

function unionBox(boxes: Rect[]): Rect {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return {
    x,
    y,
    width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
    height: Math.max(...boxes.map((b) => b.y + b.height)) - y,
  };
}

/** Groups words into lines, dropping words too uncertain or without letters or digits. */
export function toLines(words: OcrWord[]): OcrLine[] {
  const byLine = new Map<number, OcrWord[]>();
  for (const word of words) {
    if (word.confidence < MIN_WORD_CONFIDENCE || !/[\p{L}\p{N}]/u.test(word.text)) continue;
    byLine.set(word.line, [...(byLine.get(word.line) ?? []), word]);
  }
  return [...byLine.values()].map((line) => ({
    text: line.map((w) => w.text).join(' '),
    confidence: line.reduce((n, w) => n + w.confidence, 0) / line.length,
    box: unionBox(line.map((w) => w.box)),
  }));
}

export function expand(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, width: rect.width + 2 * margin, height: rect.height + 2 * margin };
}

const center = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });
const inside = (p: { x: number; y: number }, r: Rect) =>
  p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

/** Lines whose centre lies in the region grown by `margin`. */
export function linesIn(lines: OcrLine[], region: Rect, margin = 0): OcrLine[] {
  const area = expand(region, margin);
  return lines.filter((line) => inside(center(line.box), area));
}

/**
 * The label of what was acted on: the line nearest the point of action (or the
 * region's centre) among the lines in or just around the region.
 */
export function labelFor(
  lines: OcrLine[],
  region: Rect,
  point?: { x: number; y: number },
  margin = 24,
): string | undefined {
  const target = point ?? center(region);
  let best: OcrLine | undefined;
  let bestDistance = Infinity;
  for (const line of linesIn(lines, region, margin)) {
    const c = center(line.box);
    // Lines the point falls in win outright; otherwise the nearest centre.
    const distance = inside(target, line.box) ? -1 : Math.hypot(c.x - target.x, c.y - target.y);
    if (distance < bestDistance) {
      best = line;
      bestDistance = distance;
    }
  }
  return best?.text;
}

/** Text in the region after a change that was not there before (typed or shown), in reading order. */
export function appearedText(before: OcrLine[], after: OcrLine[], region: Rect, margin = 8): string | undefined {
  const seen = new Set(linesIn(before, region, margin).map((l) => l.text));
  const fresh = linesIn(after, region, margin)
    .filter((l) => !seen.has(l.text))
    .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  const text = fresh.map((l) => l.text).join(' ');
  return text || undefined;
}
