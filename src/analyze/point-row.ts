/**
 * The row at a point of a key frame (a logged click's, or where the pointer rested on a
 * shared screen), read for the control there: the strip around the point, or the row
 * alone where that reads it better.
 */
import type { AnalysisBackend } from './backend';
import { cutShort, labelAtPoint } from './labels/labels';
import { pointArea } from './ocr/cache';
import type { OcrLine } from './ocr/lines';
import type { Rect } from '../shared/geometry';

/** Below this (%), tesseract's line is garbage as often as not ("id I" at 42 for "Name:" at 96). */
const UNSURE = 60;

/**
 * The strip around a point, or the row alone where the strip read nothing at the point, cut
 * its text short at an edge (a field's label far left of where it was clicked), or read it
 * as unsurely as garbage reads and the row alone more surely: the tops and bottoms of the rows above and below,
 * in the strip, can spoil tesseract's reading of a desktop form's rows (27 px apart).
 */
export async function readRow(
  backend: Pick<AnalysisBackend, 'analyzePoint'>,
  frameId: string,
  point: { x: number; y: number },
): Promise<{ lines: OcrLine[]; area: Rect }> {
  const strip = { lines: (await backend.analyzePoint(frameId, point)).lines, area: pointArea(point) };
  const found = labelAtPoint(strip.lines, point);
  const cut = found !== undefined && cutShort(found.line.box, strip.area);
  if (found && !cut && found.line.confidence >= UNSURE) return strip;
  const row = { lines: (await backend.analyzePoint(frameId, point, true)).lines, area: pointArea(point, true) };
  const inRow = labelAtPoint(row.lines, point);
  if (!inRow) return strip;
  return !found || cut || inRow.line.confidence > found.line.confidence ? row : strip;
}
