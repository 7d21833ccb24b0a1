/**
 * What OCR gives the analysis: words with their confidence and box, grouped
 * into lines. Pure.
 */
import { center, contains, expand, union, type Rect } from '../../shared/geometry';

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

/** Words below this confidence are noise more often than not (a word next to a text caret scores about 44). */
export const MIN_WORD_CONFIDENCE = 40;

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
    box: union(line.map((w) => w.box))!,
  }));
}

/** Lines whose centre lies in the region grown by `margin`. */
export function linesIn(lines: OcrLine[], region: Rect, margin = 0): OcrLine[] {
  const area = expand(region, margin);
  return lines.filter((line) => contains(area, center(line.box)));
}
