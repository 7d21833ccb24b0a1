/**
 * The row at a point of a key frame (a logged click's, or where the pointer rested on a
 * shared screen), read for the control there: the strip around the point, or the row
 * alone where that reads it better, or the box around the point where neither read anything there.
 */
import type { AnalysisBackend } from './backend';
import { captionOnRow, labelAtPoint, stillAtPoint, type FieldMode } from './labels/labels';
import { pointArea } from './ocr/cache';
import { cutShort, isShortcut, type OcrLine } from './ocr/lines';
import { center, contains, intersects, type Point, type Rect } from '../shared/geometry';
import { pieceOf } from '../shared/text-distance';

/** Below this (%), tesseract's line is garbage as often as not ("id I" at 42 for "Name:" at 96). */
const UNSURE = 60;
/**
 * From this (%) up, the strip's line is taken as read. Between the two, the row alone is read
 * too, and taken where it reads the line more surely and no shorter: 11 px grey text on a grey
 * button ("Clear completed (1)") read as "cl leted (1)" at 87 % in the strip, whole at 96 % alone.
 */
const SURE = 90;

/**
 * The strip around a point, or the row alone where the strip read nothing at the point, cut
 * its text short at an edge (a field's label far left of where it was clicked), or read it
 * as unsurely as garbage reads and the row alone more surely: the tops and bottoms of the rows above and below,
 * in the strip, can spoil tesseract's reading of a desktop form's rows (27 px apart). For a field
 * typed into (`field`), the row alone also where the strip named its value only by a line above.
 * For a click the strip read no line over, the box round the point where the strip's line beside
 * the point (if any) lies outside it and the box holds text over the point; or text off the
 * point's row, with `at` the middle of that text: where the control was pointed at.
 */
export async function readRow(
  backend: Pick<AnalysisBackend, 'analyzePoint' | 'analyzeBoxAt'>,
  frameId: string,
  point: { x: number; y: number },
  field: FieldMode = false,
): Promise<{ lines: OcrLine[]; area: Rect; at?: Point }> {
  const strip = { lines: (await backend.analyzePoint(frameId, point)).lines, area: pointArea(point) };
  let alone: Promise<{ lines: OcrLine[]; area: Rect }> | undefined;
  // The box round the point is looked at by two rules below: read once.
  let boxed: ReturnType<typeof backend.analyzeBoxAt> | undefined;
  const readBox = () => (boxed ??= backend.analyzeBoxAt(frameId, point));
  const readAlone = () =>
    (alone ??= backend
      .analyzePoint(frameId, point, true)
      .then(({ lines }) => ({ lines, area: pointArea(point, true) })));
  // A field's value at the point, named only by the line above it: its own caption, on its row,
  // may have gone unread in the strip (11 px text between rows 27 px apart); the row alone names it.
  const named = field ? labelAtPoint(strip.lines, point, field) : undefined;
  if (named?.caption && !captionOnRow(named)) {
    const row = await readAlone();
    const inRow = labelAtPoint(row.lines, point, field);
    if (inRow && captionOnRow(inRow)) return row;
  }
  const found = labelAtPoint(strip.lines, point);
  // Nothing read over the point: it may be on a control but off its text (a tall desktop button
  // clicked above its text, where an X pointer's middle rests). The box the point lies in, read
  // alone, names it whole, and the point moves onto its text, unless what the strip read beside
  // the point lies in that box too. Neither the text of the next button along the row ("Ch see
  // Code" beside "X Dismiss") nor the row alone, centred on the point, which cuts the text at
  // its edge ("Nicmice 1"), names it.
  // Where the box's own text lies over the point, it names the control and the strip's line
  // beside it is the next control's: the strip read a ttk notebook's tab "Description" (its
  // first letter underlined) as nothing, and took "Text Editor", two tabs along.
  if (!field && !(found && contains(found.line.box, point))) {
    const box = await readBox();
    if (box && !(found && intersects(found.line.box, box.area))) {
      const over = labelAtPoint(box.lines, point);
      if (over && contains(over.line.box, point)) return { lines: box.lines, area: box.area };
      const text = over ? undefined : nearestLine(box.lines, point);
      if (text) return { lines: box.lines, area: box.area, at: center(text.box) };
    }
  }
  const cut = found !== undefined && cutShort(found.line.box, strip.area);
  // Only a shortcut at the point ("Ctrl+D"): the button's own text beside it went unread in
  // the strip (a pointer resting on "Delete..." spoils it), and the row alone may read it.
  const bare = found !== undefined && isShortcut(found.label);
  if (found && !cut && !bare && found.line.confidence >= SURE) return strip;
  const row = await readAlone();
  const inRow = labelAtPoint(row.lines, point);
  if (!inRow && !found) {
    // Nothing read at the point in either: the box around it alone (a button closed in by a
    // double border, which spoils tesseract's reading of any wider area).
    const box = await readBox();
    if (box && labelAtPoint(box.lines, point)) return { lines: box.lines, area: box.area };
  }
  if (!inRow) return strip;
  if (!found || cut) return row;
  if (bare) return isShortcut(inRow.label) ? strip : row;
  // The strip read only a piece of what the row alone reads whole ("Nam" of "Name:", the rows
  // above and below spoiling it), however sure it was of that piece.
  if (pieceOf(found.label, inRow.label)) return row;
  const surer = inRow.line.confidence > found.line.confidence;
  if (found.line.confidence < UNSURE) return surer ? row : strip;
  // A fair reading: the row alone replaces it only with a surer one of the whole line, not a piece.
  return surer && inRow.line.box.width >= found.line.box.width ? row : strip;
}

/** The line nearest `point` up or down (a control's text, of the lines read in the box round the point). */
function nearestLine(lines: OcrLine[], point: Point): OcrLine | undefined {
  const off = (line: OcrLine) => Math.abs(center(line.box).y - point.y);
  return lines.reduce<OcrLine | undefined>((best, line) => (best && off(best) <= off(line) ? best : line), undefined);
}

/**
 * Whether the text at a step's point reads again after it (`stillAtPoint`): in its after frame,
 * or once the pointer resting on it moved on (`left`; an X pointer on Tk's "Bottom" hid half of
 * it). Typing leaves the text at the pointer changed (a field's placeholder or old value gave
 * way); a button pressed keeps it, whatever else its change brought (its neighbour read anew, a
 * label moved: Tk's "Label" put above its picture as "Bottom" was chosen).
 */
export function keptAtPoint(reading: {
  point: Point;
  before: OcrLine[];
  after?: OcrLine[];
  left?: OcrLine[];
}): boolean {
  const { point, before, after, left } = reading;
  return (
    after !== undefined &&
    (stillAtPoint(before, after, point) || (left !== undefined && stillAtPoint(before, left, point)))
  );
}

/** How far (px) above the middle of where a pointer was seen its tip is (an arrow's or a hand's, about 20 px tall). */
export const POINTER_TIP = 8;

/**
 * Where a pointer seen on the screen points, of the lines read round it: the middle of the cells
 * it was drawn in, unless that falls in no line and its tip (`POINTER_TIP` above) in one. An arrow
 * or a hand points with its tip: resting on a link, the hand's middle fell in the gap below it,
 * as near the next link down (Tk's "Radio-buttons", over "A 15-puzzle game"). An X pointer's
 * middle is its point, and lies in the line it rests on.
 */
export function pointerTip(lines: readonly OcrLine[], middle: Point): Point {
  if (lines.some((line) => contains(line.box, middle))) return middle;
  const tip = { x: middle.x, y: middle.y - POINTER_TIP };
  return lines.some((line) => contains(line.box, tip)) ? tip : middle;
}
