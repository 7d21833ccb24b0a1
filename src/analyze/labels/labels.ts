/**
 * Naming the thing acted on from screen text alone: the label of a control,
 * the text that appeared, the title of a screen. Pure, so it is unit-tested
 * without tesseract; the OCR stage (../ocr) gives it lines.
 */
import { center, contains, expand, intersects, ROW_HEIGHT, union, type Point, type Rect } from '../../shared/geometry';
import type { LabelBasis } from '../types';
import {
  disclosureToggled,
  editDistance,
  indicatorChanged,
  lettersOf,
  LONG_WORD,
  readInPart,
  sameReading,
  slicedFrom,
} from '../../shared/text-distance';
import {
  alphanumerics,
  cutShort,
  linesIn,
  linesMeeting,
  nearestPart,
  partAt,
  shortcutOwner,
  showsShortcut,
  partIn,
  partsOf,
  samePlace,
  withoutShortcut,
  wordsText,
  type OcrLine,
} from '../ocr/lines';

/**
 * The label of what was acted on: the line the point of action falls in, else
 * the line on its row nearest it (a checkbox's text, a field's label or
 * placeholder), else the line nearest the point (or the region's centre) among
 * the lines in or just around the region. Of a line of several controls, the one
 * at the point; for a field typed into (`field`), the whole line: a placeholder
 * is one label, however its words are spaced.
 */
export function labelFor(
  lines: OcrLine[],
  region: Rect,
  point?: { x: number; y: number },
  margin = 24,
  field: FieldMode = false,
): string | undefined {
  const atPoint = point ? labelAtPoint(lines, point, field) : undefined;
  if (atPoint) return atPoint.label;
  const target = point ?? center(region);
  let best: OcrLine | undefined;
  let bestDistance = Infinity;
  for (const line of linesIn(lines, region, margin)) {
    const c = center(line.box);
    // Lines the point falls in win outright; otherwise the nearest centre.
    const distance = contains(line.box, target) ? -1 : Math.hypot(c.x - target.x, c.y - target.y);
    if (distance < bestDistance) {
      best = line;
      bestDistance = distance;
    }
  }
  return best?.text;
}

/**
 * What is clicked: a control (false), a field typed into (true), or a field whose text was
 * selected and typed over (`replaced`): the text at the point is then its old value.
 */
export type FieldMode = boolean | 'replaced';

/**
 * The label at a click point: the line the point falls in, else the line on its row
 * nearest it; of a line of several controls, the part at the point (a field typed
 * into, `field`, is named by its whole line, or by its caption where the text at the
 * point is its value: `caption`, with the line it was read from). Returned with its line.
 */
export function labelAtPoint(
  lines: OcrLine[],
  point: { x: number; y: number },
  field: FieldMode = false,
): { label: string; line: OcrLine; caption?: OcrLine } | undefined {
  // The part of the line under the point: one of several links or buttons OCR read as one line.
  const line = lines.find((l) => contains(l.box, point)) ?? lineBesidePoint(lines, point);
  if (!line) return undefined;
  if (!field) return { label: shortcutOwner(line, lines) ?? partAt(line, point.x), line };
  const caption = captionOfValue(lines, line, point, field === 'replaced');
  return caption ? { label: caption.text, line, caption } : { label: fieldName(line.text), line };
}

/**
 * Whether the text a field typed over is named by at `point` (its old value, as
 * `labelAtPoint` takes it) reads the same in the same place after the typing. Then it was
 * no value, which typing over replaces, but a caption beside the field: dat.GUI's "height"
 * left of its value "10", which OCR did not read (nor the line above it, "maxSize", names it).
 */
export function stayedAfterTyping(before: OcrLine[], after: OcrLine[], point: { x: number; y: number }): boolean {
  const at = labelAtPoint(before, point)?.line;
  return at !== undefined && after.some((line) => line.text === at.text && samePlace(line.box, at.box));
}

/**
 * Whether the text at `point` (where the pointer rested) reads again in the same place after
 * the change: the same, a letter or two apart, or a few letters garbled by the pointer over
 * it. A button pressed keeps its text; a field typed into does not (its placeholder or old
 * value gave way), so new text elsewhere in a change that kept the text at the pointer (a
 * neighbouring button read anew as its highlight went) is no typing.
 */
export function stillAtPoint(before: OcrLine[], after: OcrLine[], point: { x: number; y: number }): boolean {
  const at = labelAtPoint(before, point)?.line;
  return (
    at !== undefined &&
    alphanumerics(at.text) >= 2 &&
    after.some(
      (line) => samePlace(line.box, at.box) && (sameReading(line.text, at.text) || garbled(line.text, at.text)),
    )
  );
}

/** Text with no letter in it: a number, a date, an amount; a field's value, never its name. */
const NO_LETTER = /^[^\p{L}]+$/u;

/**
 * A field's caption where the text at the point is the field's own value: a number (no
 * field is named "10"), or any text that was selected and typed over (`replaced`). OCR may
 * read the caption and the value as one line ("growthSpeed 0.2"): the caption is the part
 * left of the value, or (typed over) the words before its last number; the value alone,
 * the caption on its row or above it. Undefined where the text at the point is no value, or nothing names it.
 */
function captionOfValue(
  lines: OcrLine[],
  line: OcrLine,
  point: { x: number; y: number },
  replaced: boolean,
): OcrLine | undefined {
  if (line.text.trim().endsWith(':')) return undefined; // a caption beside an empty field
  const named = (text: string): OcrLine => ({ ...line, text });
  const parts = partsOf(line);
  const value = parts.length > 0 ? nearestPart(parts, point.x) : undefined;
  const words = value ?? [{ text: line.text, box: line.box }];
  // Typed over, words then a number are the caption and the value read as one part (not so
  // where nothing was selected: "Line 1" is a caption).
  if (replaced && words.length > 1 && NO_LETTER.test(words.at(-1)!.text)) {
    const caption = wordsText(words.slice(0, -1));
    if (alphanumerics(caption) >= 2) return named(caption);
  }
  if (!replaced && !NO_LETTER.test(wordsText(words))) return undefined;
  const left = value
    ? parts.slice(0, parts.indexOf(value)).filter((p) => p.some((w) => alphanumerics(w.text) >= 2))
    : [];
  if (left.length > 0) return named(wordsText(left.at(-1)!));
  const box = union(words.map((w) => w.box)) ?? line.box;
  return captionLineOf(
    lines.filter((l) => l !== line),
    box,
  );
}

/**
 * Whether a field's caption, as `labelAtPoint` found it, sits on the row of the text at the
 * point (left of it, or read with it as one line), not above it.
 */
export function captionOnRow(found: { line: OcrLine; caption?: OcrLine }): boolean {
  const { caption, line } = found;
  return caption !== undefined && overlaps(caption.box.y, caption.box.height, line.box.y, line.box.height);
}

/** A caption ending in a colon, then one glyph: the field's caret, or a text pointer resting in it. */
const CAPTION_THEN_CARET = /^(.*\S:)\s+[|¦!Il1]$/u;

/** A field's name as read on its row: its caption, without a caret or pointer read after it ("Name: I"). */
function fieldName(text: string): string {
  return CAPTION_THEN_CARET.exec(text)?.[1] ?? text;
}

/**
 * Whether a point lies on a word of at least two letters or digits (text, not a box read as
 * "v"), or between two such words close either side of it.
 */
export function onWord(lines: OcrLine[], point: { x: number; y: number }): boolean {
  const words = lines.flatMap((l) => (l.words ?? []).filter((w) => alphanumerics(w.text) >= 2));
  const onRow = words.filter((w) => onRowOf(w.box, point));
  // Between two words close on either side is on the text too ("Delete... Ctrl+D", read as two lines).
  const left = onRow.some((w) => w.box.x + w.box.width <= point.x && point.x - (w.box.x + w.box.width) <= BESIDE_REACH);
  const right = onRow.some((w) => w.box.x >= point.x && w.box.x - point.x <= BESIDE_REACH);
  return words.some((w) => contains(w.box, point)) || (left && right);
}

/**
 * The name of a box a logged click ticked: the label read at its point, unless that is a
 * glyph (the tick read as "v"), then the text on the box's row.
 */
export function tickedBoxLabel(
  label: string | undefined,
  row: OcrLine[],
  point: { x: number; y: number },
  rowAfter: OcrLine[] = [],
): string | undefined {
  const named =
    alphanumerics(label ?? '') >= 2
      ? label
      : (labelAtPoint(
          row.filter((l) => alphanumerics(l.text) >= 2),
          point,
        )?.label ?? label);
  if (!named) return named;
  // What was read at the box may be its state alone ("true" beside the box, its name left of it).
  const whole = row.find((l) => l.text === named || l.text.endsWith(` ${named}`))?.text ?? named;
  const name = withoutState(whole, rowAfter);
  return name !== whole ? name : named;
}

/**
 * The text a glyph at `point` starts on its row (a todo's tick read "v", a box's edge read
 * "I~"): the nearest line of words that begins right of the point, within `BOX_TO_TEXT`. A
 * click on such a glyph is on that text's box. Undefined where text lies over the point.
 */
export function textRightOf(row: OcrLine[], point: { x: number; y: number }): OcrLine | undefined {
  const words = row.filter((l) => alphanumerics(l.text) >= 2 && onRowOf(l.box, point));
  if (words.some((l) => contains(l.box, point))) return undefined;
  // (Not a keyboard shortcut: it ends a button's text, the pointer over the rest.)
  return words
    .filter((l) => l.box.x > point.x && l.box.x - point.x <= BOX_TO_TEXT && !showsShortcut(l.text))
    .sort((a, b) => a.box.x - b.box.x)[0];
}

/** How far right of a box clicked its label may start (px): a box, a gap, the text. */
const BOX_TO_TEXT = 48;

/**
 * A box's label without the state shown after it, where the row read after the click shows
 * the same name with another state: "availableToHire true", then "availableToHire 0 false",
 * is "availableToHire". A label read a letter apart after ("Buy mik") keeps its words.
 */
function withoutState(label: string, after: OcrLine[]): string {
  const words = label.split(/\s+/);
  for (let keep = words.length - 1; keep >= 1; keep--) {
    const name = words.slice(0, keep).join(' ');
    const state = words.slice(keep).join(' ');
    if (alphanumerics(name) < 2) break;
    const other = after.find((l) => l.text.startsWith(`${name} `) && l.text !== label);
    if (!other || sameReading(other.text, label)) continue;
    const tail = other.text.slice(name.length + 1);
    if (!sameReading(tail, state) && !readInPart(state, tail)) return name;
  }
  return label;
}

/**
 * A logged click's label, given the row around its point read on its own (`strip`:
 * its lines and the area read) and the step's wider reading. The line the point
 * falls in wins over one beside it; of two readings of the line at the point, the
 * surer one (OCR reads white on colour differently in areas a few pixels apart), unless
 * one lost a letter at its start or end that the other holds; the wider reading where the
 * strip's line runs to its edge (cut short) and the wider one holds it whole.
 */
export function labelAtClick(
  strip: { lines: OcrLine[]; area: Rect },
  wide: OcrLine[],
  region: Rect,
  point: { x: number; y: number },
  field: FieldMode = false,
): string | undefined {
  const inStrip = labelAtPoint(withoutNoise(strip.lines, wide), point, field);
  const inWide = labelAtPoint(wide, point, field);
  if (!inStrip) return labelFor(wide, region, point, 24, field);
  // One reading lost a letter at its start or end, however surely it read the rest: the edge of
  // its area sliced it (the step's wider reading began 11 px into Tk's "Home Phone:", "ome
  // Phone: 1" at 89 %, where the strip read "Home Phone: I" at 85 %, the text pointer beside it).
  if (inWide && slicedFrom(inWide.label, inStrip.label)) return inStrip.label;
  if (inWide && slicedFrom(inStrip.label, inWide.label)) return inWide.label;
  // A field's caption, where the text at the point is its value: the one reading that found
  // it, or of two the surer (away from the point neither is the closer; 11 px white on black
  // read "ses" in the strip, "growthSpeed" in the wider reading).
  // A caption on the value's row wins over a line above it, from either reading (dat.GUI's rows
  // are 27 px apart: the line above a value whose own caption went unread is the row above's).
  if (inStrip.caption || inWide?.caption) {
    const [a, b] = [inStrip.caption, inWide?.caption];
    if (b && a && captionOnRow(inWide!) !== captionOnRow(inStrip))
      return captionOnRow(inWide!) ? inWide!.label : inStrip.label;
    return b && (!a || b.confidence > a.confidence) ? inWide!.label : inStrip.label;
  }
  if (inWide) {
    if (
      cutShort(inStrip.line.box, strip.area) &&
      inWide.label.length > inStrip.label.length &&
      inWide.label.includes(inStrip.label)
    )
      return inWide.label;
    const [stripOn, wideOn] = [contains(inStrip.line.box, point), contains(inWide.line.box, point)];
    if (wideOn && (!stripOn || inWide.line.confidence > inStrip.line.confidence)) return inWide.label;
  }
  return inStrip.label;
}

/**
 * The strip's lines less those that are noise over text the wider reading read far more surely
 * (`NOISE_MARGIN` points) inside them, and that do not hold it: "Boi I" at 62 %, twice a line's
 * height, read over Tk's caption "Name:" (96 % in the wider reading) and the empty field beside it.
 */
function withoutNoise(strip: OcrLine[], wide: OcrLine[]): OcrLine[] {
  return strip.filter(
    (l) =>
      !wide.some(
        (w) =>
          contains(l.box, center(w.box)) &&
          w.confidence >= l.confidence + NOISE_MARGIN &&
          !l.text.toLowerCase().includes(w.text.toLowerCase()) &&
          alphanumerics(w.text) >= 2,
      ),
  );
}

/** How much surer (points of confidence) a reading inside a strip's line makes that line noise. */
const NOISE_MARGIN = 25;

/** How far from a point a line may end and still be the one over it (a gap between two words). */
const BESIDE_REACH = 16;

/** The line over the point, or just beside it: it can fall between two words read as two lines. */
function lineOverPoint(lines: OcrLine[], point: { x: number; y: number }): OcrLine | undefined {
  return lines.find((l) => contains(l.box, point)) ?? lineBesidePoint(lines, point, BESIDE_REACH);
}

/**
 * Whether a reading of the row at a point from before the pointer came to rest there
 * (`earlier`) names the control better than the before frame's: where it read a line over
 * the point (or just beside it) and the before frame read one in the same place, which the
 * pointer on it spoils however sure tesseract is ("Ca)¢el" at 67 %, "Cancel" at 44 %
 * without it), or none there (the pointer broke its words up: "cael" at 0 %).
 */
export function earlierIsClearer(before: OcrLine[], earlier: OcrLine[], point: { x: number; y: number }): boolean {
  const was = lineOverPoint(earlier, point);
  if (!was) return false;
  const now = lineOverPoint(before, point);
  return !now || samePlace(now.box, was.box);
}

/**
 * Whether a reading of the row at a point from a frame before the pointer set off for it
 * (`earlier`, see `frameBeforeGlide`) is the same line as the before frame's, read without
 * the pointer on it: a line over the point in both, in the same place, a few letters apart
 * (the pointer garbles that many: "Wipgrs OK" for "Wipers OK", "X D)niss" for "X Dismiss"),
 * or the before frame's line there less the words the pointer hid whole (`pointerHidWords`),
 * or with only the word under the pointer garbled (`pointerGarbledWord`), or none there and
 * the row's other words as they were (`pointerHidLine`). Anything else is the screen changed in
 * between (a window opened over the point).
 */
export function readAgainClearly(before: OcrLine[], earlier: OcrLine[], point: { x: number; y: number }): boolean {
  const was = lineOverPoint(earlier, point);
  if (!was) return false;
  // The pointer can hide the words at the point whole: the line left is then read off the point.
  const over = lineOverPoint(before, point);
  const now = over ?? before.find((l) => samePlace(l.box, was.box));
  if (!now) return pointerHidLine(before, earlier, was, point);
  if (was.text === now.text || !samePlace(now.box, was.box)) return false;
  const garbled = over && editDistance(was.text.toLowerCase(), now.text.toLowerCase()) <= POINTER_LETTERS;
  return garbled || pointerHidWords(now, was, point) || (over !== undefined && pointerGarbledWord(now, was, point));
}

/**
 * Whether a line read with the pointer on it (`now`) is the line read without it (`was`) but
 * for the word under the pointer, garbled (`garbledBy`): every other word of `now` where `was`
 * stood read in `was` where it stands, bar stray glyphs. Read as a whole line, it can be many
 * letters apart: "4 ebgok widget" of "4. Notebook widget", the pointer over "Not"; OCR read the
 * line twice over, "4. 4. Notebgok widget widget".
 */
function pointerGarbledWord(now: OcrLine, was: OcrLine, point: { x: number; y: number }): boolean {
  const hidden = wordAtPoint(was, point);
  if (!now.words || !was.words || !hidden) return false;
  const span = expand(was.box, WORD_SHIFT);
  const words = now.words.filter((w) => w.box.x < span.x + span.width && span.x < w.box.x + w.box.width);
  const at = words.filter((w) => wordOverPoint(w.box, point) && alphanumerics(w.text) >= 2);
  if (at.length === 0 || !at.every((w) => garbledBy(w.text, hidden.text))) return false;
  const off = words.filter((w) => !at.includes(w));
  const matched = off.filter((w) => was.words?.some((v) => sameWordAt(w, v)));
  return (
    matched.some((w) => alphanumerics(w.text) >= 2) &&
    off.every((w) => matched.includes(w) || alphanumerics(w.text) < 2)
  );
}

/**
 * Whether a word read under the pointer (`read`) is `word` garbled by it: a few letters apart
 * (`POINTER_LETTERS`), or a letter apart from the word with one end hidden ("ebgok" of
 * "Notebook": "Not" under the pointer, "o" read "g"). Another word in its place is neither
 * ("Brakes" where "Wipers" stood).
 */
function garbledBy(read: string, word: string): boolean {
  const [r, w] = [read.toLowerCase(), word.toLowerCase()];
  if (editDistance(r, w) <= POINTER_LETTERS) return true;
  for (let cut = 1; w.length - cut >= MIN_KEPT; cut++)
    if (editDistance(r, w.slice(cut)) <= 1 || editDistance(r, w.slice(0, -cut)) <= 1) return true;
  return false;
}

/** Letters a word keeps, at least, where the pointer hid one end of it (`garbledBy`). */
const MIN_KEPT = 3;

/** Whether a word's box spans the point across (its row is the caller's). */
function wordOverPoint(box: Rect, point: { x: number }): boolean {
  return box.x - WORD_SHIFT <= point.x && point.x <= box.x + box.width + WORD_SHIFT;
}

/** The word of a line (two letters or digits at least) over the point, which the pointer there could hide. */
function wordAtPoint(line: OcrLine, point: { x: number }): { text: string; box: Rect } | undefined {
  return line.words?.find((w) => wordOverPoint(w.box, point) && alphanumerics(w.text) >= 2);
}

/**
 * Whether the pointer hid a line whole (`was`, with a word over the point): nothing read in its
 * place with the pointer on it, while the row's other words read as they did without it, in
 * their places (a letter apart at most: "Ci See Code", "Cy See Code"). Where they read
 * otherwise, or none is read, the screen may have changed there in between.
 */
function pointerHidLine(before: OcrLine[], earlier: OcrLine[], was: OcrLine, point: { x: number; y: number }): boolean {
  if (!wordAtPoint(was, point)) return false;
  // Word by word: OCR runs a row's buttons into one line one time and not the next.
  const wordsOf = (lines: OcrLine[]) =>
    lines
      .filter((l) => onRowOf(l.box, point))
      .flatMap((l) => l.words ?? [{ text: l.text, box: l.box }])
      .filter((w) => alphanumerics(w.text) >= 2);
  const [now, then] = [wordsOf(before), wordsOf(earlier)];
  return now.length > 0 && now.every((word) => then.some((e) => sameWordAt(word, e, 1)));
}

/** Whether two readings of words start in one place (`WORD_SHIFT`), at most `letters` apart, case aside. */
function sameWordAt(a: { text: string; box: Rect }, b: { text: string; box: Rect }, letters = 0): boolean {
  return (
    Math.abs(a.box.x - b.box.x) <= WORD_SHIFT && editDistance(a.text.toLowerCase(), b.text.toLowerCase()) <= letters
  );
}

/**
 * Whether a line read with the pointer on it (`now`) is the line read without it (`was`) less
 * the words the pointer hid: the word over the point read in `was` only, and every word of
 * `now` where `was` stood read in `was` where it stands (bar a stray glyph of a letter off the
 * point, what OCR makes of a check box: "I~ OK" of "Wipers OK"; "X" of "X Dismiss", run into
 * "See Code X" beside it). Any other word is the screen changed in between.
 */
function pointerHidWords(now: OcrLine, was: OcrLine, point: { x: number; y: number }): boolean {
  if (!now.words || !was.words) return false;
  const hidden = wordAtPoint(was, point);
  // OCR can run the next control's words into the line: only those where `was` stood count.
  const span = expand(was.box, WORD_SHIFT);
  const words = now.words.filter((w) => w.box.x < span.x + span.width && span.x < w.box.x + w.box.width);
  if (!hidden || words.some((w) => sameWordAt(w, hidden) || wordOverPoint(w.box, point))) return false;
  const matched = words.filter((w) => was.words?.some((v) => sameWordAt(w, v)));
  const stray = words.filter((w) => !matched.includes(w));
  return matched.length > 0 && stray.every((w) => alphanumerics(w.text) < 2);
}

/**
 * A label read at a point the pointer rested on, cut or garbled by it ("bo-boxes" of
 * "Combo-boxes", "Nam" of "Name:", "Comho-boxes"), read whole in its place in other frames
 * (the first screen read whole, other steps' frames), surely and more surely than here (it was
 * read unsurely): that reading, where every such reading agrees. Only one that holds the label cut off mid-word, or is
 * a letter in four from it: a reading that holds it as whole words ("Save" of "Save all") is
 * another control's text, or the place showing something else then, unless its other words lie
 * where the line lost words to OCR's doubt (`unsure`). A hyphen between letters joins a word.
 * Where the pointer was seen resting on the line (`underPointer`), also one it spoilt a few
 * letters of, each word's first kept ("BMe" of "Blue", `spoiltUnderPointer`).
 */
export function readWholeElsewhere(
  line: OcrLine,
  elsewhere: OcrLine[],
  underPointer = false,
  point?: Point,
): string | undefined {
  const was = line.text.trim().toLowerCase();
  if (alphanumerics(was) < 3) return undefined;
  // (A reading OCR was sure of is no pointer's garbling: "Home Phone:" is not "ome Phone:". One
  // with the glyphs a pointer makes is, however sure: "Driv)¢ Sober" at 89.5, "Sober" read well;
  // so is one that ends or starts where the click was, the pointer's glyph over the rest: "5.
  // Radio" of "5. Radio-buttons …", "mbo-boxes" of "5. Combo-boxes".)
  const cutByPointer = point !== undefined ? cutAt(line, point) : undefined;
  // The word the pointer cut, at the line's end or start ("Radio" of "5. Radio").
  const words = was.split(/\s+/);
  const cutWord = cutByPointer === 'end' ? words.at(-1) : cutByPointer === 'start' ? words[0] : undefined;
  const sure = line.confidence >= SURE_ELSEWHERE && !POINTER_GLYPHS.test(line.text);
  // Words of the line read too unsurely to keep, where another reading has words the line lacks:
  // it is that reading, however sure the words kept ("Folder", "Another" read 32: "Another Folder").
  const lost = (other: Rect) =>
    (line.unsure ?? []).some((box) => !intersects(box, line.box) && contains(other, center(box)));
  const wordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);
  // ("boxes" is cut from "Combo-boxes": the strip read at the point lost "Combo-".)
  const inWord = (text: string, i: number, outward: -1 | 1) =>
    wordChar(text[i]) || (text[i] === '-' && wordChar(text[i + outward]));
  const whole = new Set(
    elsewhere.flatMap((other) => {
      const text = other.text.trim();
      const now = text.toLowerCase();
      const partial = lost(other.box);
      if (
        other.confidence < SURE_ELSEWHERE ||
        (!partial && cutByPointer === undefined && (sure || other.confidence <= line.confidence))
      )
        return [];
      if (now === was || !samePlace(other.box, line.box)) return [];
      const at = now.indexOf(was);
      const cut = at >= 0 && (inWord(now, at - 1, -1) || inWord(now, at + was.length, 1));
      // (Or the word the pointer cut, going on in it on the cut's side: "Radio-buttons (select one
      // of a group)" read without the "5." before it.)
      const from = cutWord && alphanumerics(cutWord) >= 3 ? now.indexOf(cutWord) : -1;
      const wordGoesOn =
        at < 0 &&
        from >= 0 &&
        (cutByPointer === 'end' ? inWord(now, from + cutWord!.length, 1) : inWord(now, from - 1, -1));
      // (Also letter for letter, its spaces aside: a struck-through "Email Sam" read "EmeitSam".)
      const apart = (a: string, b: string) => editDistance(a, b) <= Math.floor(Math.min(a.length, b.length) / 4);
      const near =
        at < 0 &&
        now.length >= was.length &&
        (apart(was, now) || apart(lettersOf(was), lettersOf(now)) || (underPointer && spoiltUnderPointer(now, was)));
      return cut || near || wordGoesOn || (partial && at >= 0) ? [text] : [];
    }),
  );
  return whole.size === 1 ? [...whole][0] : undefined;
}

/**
 * A label read with a space between two words that the screen shows joined by a hyphen elsewhere
 * (`lines`: its other readings, other frames): those words hyphenated, as the screen spells them
 * ("5. Combo boxes" read at 95 % at the click, "Entries, Spin-boxes and Combo-boxes" the demo's
 * heading). Tesseract drops a thin hyphen in small text however sure it is of the rest (so
 * `readWholeElsewhere` keeps the reading), and never reads one between words that stand apart.
 * Undefined where no pair of its words is so spelt.
 */
export function hyphenReadElsewhere(label: string, lines: readonly OcrLine[]): string | undefined {
  const spelt = new Set(
    lines.filter((l) => l.confidence >= SURE_SPELLING).flatMap((l) => l.text.toLowerCase().match(HYPHENED) ?? []),
  );
  if (spelt.size === 0) return undefined;
  const words = label.split(' ');
  const joined: string[] = [];
  for (const word of words) {
    const last = joined.at(-1);
    // (Letters either side of the space: "5. Combo" is no pair, whatever "Combo" is part of.)
    const pair =
      last !== undefined && /\p{L}$/u.test(last) && /^\p{L}/u.test(word)
        ? `${last.replace(EDGE_MARKS, '')}-${word.replace(EDGE_MARKS, '')}`.toLowerCase()
        : undefined;
    if (pair && spelt.has(pair)) joined[joined.length - 1] = `${last}-${word}`;
    else joined.push(word);
  }
  return joined.length < words.length ? joined.join(' ') : undefined;
}

/** Two words joined by a hyphen, as read in a line. */
const HYPHENED = /\p{L}+-\p{L}+/gu;
/** Marks round a word that are not part of it ("boxes:", "(select"). */
const EDGE_MARKS = /^[^\p{L}]+|[^\p{L}]+$/gu;
/** How sure a line must be read for its spelling to correct another reading. */
const SURE_SPELLING = 70;

/**
 * Where a line read at a click ends just left of its point (or a letter's piece past it), or
 * starts just right of it, on its row: the pointer's glyph drawn there hid the rest of the line's
 * text. Undefined where neither.
 */
export function cutAt(line: OcrLine, point: Point): 'end' | 'start' | undefined {
  const { x, y, width, height } = line.box;
  if (point.y < y - 2 || point.y > y + height + 2) return undefined;
  const end = x + width;
  if (point.x >= end - CUT_INSIDE && point.x - end <= CUT_BEFORE) return 'end';
  return point.x <= x && x - point.x <= CUT_AFTER ? 'start' : undefined;
}

/** How far (px) left of a click a line cut by the pointer may end (its tip at the click). */
const CUT_BEFORE = 8;
/** How far right of a click a line cut by the pointer may start (past a hand's glyph). */
const CUT_AFTER = 16;
/**
 * How far (px) past a click a line cut by the pointer may still end: OCR boxed a piece of the
 * letter under a hand's fingertip with the rest ("Comb" of "5. Combo-boxes", 4 px past it).
 */
const CUT_INSIDE = 6;

/**
 * Where a line stands with the pieces OCR read of the rest of its control on its row: the line's
 * box, and each line on the row (middles within half the taller's height) that starts or ends within
 * `PIECE_GAP` text heights of it, in turn ("5." and "0-boxes" either side of "Comb", a hand over
 * the link's "o"). Read alone, that place reads the control whole.
 */
export function placeOnRow(line: OcrLine, lines: readonly OcrLine[]): Rect {
  const middle = center(line.box).y;
  const row = lines.filter((l) => Math.abs(center(l.box).y - middle) <= Math.max(l.box.height, line.box.height) / 2);
  const gap = PIECE_GAP * line.box.height;
  let place = line.box;
  for (let grew = true; grew;) {
    grew = false;
    for (const other of row) {
      const left = place.x - (other.box.x + other.box.width);
      const right = other.box.x - (place.x + place.width);
      if (contains(place, center(other.box)) || Math.max(left, right) > gap) continue;
      place = union([place, other.box])!;
      grew = true;
    }
  }
  return place;
}

/** Text heights between two pieces of one control's text on a row, at most. */
const PIECE_GAP = 1.5;

/** How sure OCR must be of a reading elsewhere that names a control for a reading at the pointer. */
const SURE_ELSEWHERE = 85;

/**
 * A step's label read from its whole frames when the crop around it read nothing:
 * a logged click by the text at its point in the before frame; a change seen only
 * as pixels (with its after frame) by the rules of `actedOnLabel`.
 */
export function wholeFrameLabel(
  region: Rect,
  before: OcrLine[],
  after: OcrLine[] | undefined,
  point: { x: number; y: number } | undefined,
  previous: (string | undefined)[] = [],
): { label: string; seen: LabelBasis } | undefined {
  if (point) {
    const label = labelFor(before, region, point);
    return label ? { label, seen: 'point' } : undefined;
  }
  return after ? actedOn(before, after, region, previous) : undefined;
}

/** How far along its row a control's text may sit from the point clicked (a wide button, a table header). */
const ROW_REACH = 200;

/** Whether a point is on the row of a piece of text: level with it, give or take 4 px. */
function onRowOf(box: Rect, point: { x: number; y: number }): boolean {
  return point.y >= box.y - 4 && point.y <= box.y + box.height + 4;
}

/**
 * The text on the row of a click point, nearest it: a wide control's text can sit far
 * from where it was clicked (left-aligned in a table header, centred in a long
 * button), but on the same row.
 */
function lineBesidePoint(lines: OcrLine[], point: { x: number; y: number }, reach = ROW_REACH): OcrLine | undefined {
  let best: OcrLine | undefined;
  let bestDistance = reach;
  for (const line of lines) {
    if (!onRowOf(line.box, point)) continue;
    const distance = Math.max(0, line.box.x - point.x, point.x - (line.box.x + line.box.width));
    if (distance <= bestDistance) {
      best = line;
      bestDistance = distance;
    }
  }
  return best;
}

/** How far apart two readings of one line may start (px). */
export const SAME_START = 4;

/**
 * Whether `line` is `caption` read on one line with more after it (the field's value), in the
 * caption's place and starting where it does: "salary 100" where "salary" is read alone.
 */
export function readWithCaption(line: OcrLine, caption: OcrLine): boolean {
  return (
    samePlace(line.box, caption.box) &&
    Math.abs(line.box.x - caption.box.x) <= SAME_START &&
    line.text.startsWith(`${caption.text} `)
  );
}

/** A glyph OCR reads at the left edge of a field's value (the field's border, a caret). */
const STRAY_GLYPH = /^['‘’`"“”,.|]+/u;

/** A caption's separator read before the value. */
const SEPARATOR = /^[:：]\s*/u;
/** A box's edge reads as an opening bracket; a value that opens one closes it too. */
const OPENERS = '[({|';
const CLOSERS = '])}|';

/**
 * A value read apart from its caption, without the caption's separator and the edge of the box
 * round the value read before it (":[150" in JSONEditor's highlight): neither is typed.
 */
export function withoutFieldEdge(text: string): string {
  const value = text.trim().replace(SEPARATOR, '');
  const edge = OPENERS.indexOf(value[0] ?? '');
  return edge >= 0 && !value.slice(1).includes(CLOSERS[edge]!) ? value.slice(1) : value;
}

/**
 * A value typed over in a field whose caption OCR read on one line with it: a line in the
 * change read again in its place with the same first words (the caption) and other words
 * after them ("firstName John", then "firstName Ada"; "salary 100", then "salary 150").
 * The words after must be new to the screen: a path or a title that changed to name what
 * is already shown ("object gender", then "object job salary", as focus moved) is not typing.
 * Exactly one such line, or nothing.
 */
export function typedOverInLine(
  before: OcrLine[],
  after: OcrLine[],
  region: Rect,
  margin = 8,
): { caption: string; value: string } | undefined {
  const shown = new Set(before.flatMap((l) => l.text.toLowerCase().split(/\s+/)));
  const found: { caption: string; value: string }[] = [];
  // The value typed may be read apart from its caption, the field's highlight between them
  // ("salary" and "150" after "salary 100"): the two read as one line, where the value is in the
  // change and the caption was read before as it is now, with the old value after it.
  const area = expand(region, margin);
  const captionBefore = (caption: OcrLine) => before.some((b) => readWithCaption(b, caption));
  const setApart = after.flatMap((caption) => {
    if (!captionBefore(caption)) return [];
    const end = caption.box.x + caption.box.width;
    const value = after.find(
      (v) =>
        v !== caption &&
        samePlace({ ...v.box, x: caption.box.x, width: caption.box.width }, caption.box) &&
        v.box.x >= end &&
        v.box.x - end <= VALUE_GAP &&
        contains(area, center(v.box)),
    );
    return value ? [{ ...caption, text: `${caption.text} ${value.text}`, box: union([caption.box, value.box])! }] : [];
  });
  for (const now of [...linesIn(after, region, margin), ...setApart]) {
    if (before.some((b) => b.text === now.text)) continue;
    const was = before.find((b) => samePlace(b.box, now.box) && Math.abs(b.box.x - now.box.x) <= SAME_START);
    if (!was) continue;
    const [oldWords, newWords] = [was.text.split(/\s+/), now.text.split(/\s+/)];
    let same = 0;
    while (same < oldWords.length - 1 && same < newWords.length - 1 && oldWords[same] === newWords[same]) same++;
    const caption = newWords.slice(0, same).join(' ');
    const [oldValue, value] = [
      oldWords.slice(same).join(' '),
      withoutFieldEdge(newWords.slice(same).join(' ').replace(STRAY_GLYPH, '')),
    ];
    const fresh = value.split(/\s+/).every((w) => !shown.has(w.toLowerCase()));
    // A count in brackets beside a name ("object {6}", then "{7}") is the name's, not a value typed;
    // so is a number where such a count was, its brackets lost to a fade ("Clear completed (1)",
    // then "… 2" in a video).
    const count = BRACKETED.test(value) || (BRACKETED.test(oldValue) && /^\d+$/u.test(value));
    if (same === 0 || !/\p{L}{2}/u.test(caption) || alphanumerics(value) < 1 || !fresh || count) continue;
    if (sameReading(oldValue, value) || indicatorChanged(oldValue, value)) continue;
    found.push({ caption, value });
  }
  const distinct = found.filter((f, i) => found.findIndex((o) => o.caption === f.caption && o.value === f.value) === i);
  return distinct.length === 1 ? distinct[0] : undefined;
}

/** How far right of its caption a value typed may be read as a line of its own and still be the caption's (px). */
const VALUE_GAP = 24;

/** Text in brackets: a count beside a name ("{6}", "(1)", "[3]"). */
const BRACKETED = /^[[{(].*[\]})]$/u;

/**
 * Text in the region after a change that was not there before (typed or shown),
 * in reading order. Given `field`, the box of the control typed into, only the
 * new line nearest it: typing fills one field, and what else appeared with it
 * (the item it added to a list, a counter, a footer) is its result, not the value.
 * `pointer`: where the pointer was seen resting after it, on a shared screen.
 */
export function appearedText(
  before: OcrLine[],
  after: OcrLine[],
  region: Rect,
  margin = 8,
  field?: Rect,
  pointer?: Point,
): string | undefined {
  const was = linesIn(before, region, margin);
  const seen = new Set(was.map((l) => l.text));
  const area = expand(region, margin);
  // A line the pointer came to rest on reads garbled: it is the same text, not new text. It may
  // have been read before as part of a longer line (a row of buttons): then the words under it.
  const under = (line: OcrLine) =>
    was
      .flatMap((b) => (b.words ?? [b]).filter((w) => intersects(w.box, line.box)))
      .map((w) => w.text)
      .join(' ');
  // Read again with a letter's case flipped ("ctri+A", "Ctri+A"): OCR reads case loosely.
  const reread = (line: OcrLine) =>
    was.some((b) => samePlace(b.box, line.box) && b.text.toLowerCase() === line.text.toLowerCase());
  // Or read again in pieces, a glyph lost between them where the pointer rests ("Check" and
  // "uttons (select any of a group)" of "Check-buttons (select any of a group)").
  const pieceOf = (line: OcrLine, whole: OcrLine) =>
    samePlace(whole.box, line.box) &&
    line.box.x >= whole.box.x - SAME_START &&
    line.box.x + line.box.width <= whole.box.x + whole.box.width + SAME_START &&
    whole.text.toLowerCase().includes(line.text.toLowerCase());
  const inPieces = (line: OcrLine) =>
    was.some((b) => pieceOf(line, b) && after.some((o) => o !== line && alphanumerics(o.text) >= 2 && pieceOf(o, b)));
  // Garbled into stray glyphs; or, where the pointer is seen resting on it, a few letters spoilt
  // with each word's first kept ("BMe" for "Blue", the radio's dot before it read as a letter
  // or two: "Io BMe"). Elsewhere that is a value typed over ("hello", then "Hallo").
  const pointerOver = (line: OcrLine, was: string) =>
    garbled(line.text, was) ||
    (pointer !== undefined && contains(line.box, pointer) && spoiltUnderPointer(was, line.text));
  const spoiled = (line: OcrLine) => {
    const read = under(line);
    return (
      reread(line) ||
      inPieces(line) ||
      was.some((b) => samePlace(b.box, line.box) && pointerOver(line, b.text)) ||
      (read !== '' && pointerOver(line, read))
    );
  };
  const fresh = linesIn(after, region, margin)
    .map((l) => partIn(l, area))
    // Nor is a control's text with its keyboard shortcut typed: a desktop button read anew as it lit up.
    .filter((l) => !seen.has(l.text) && !isValidationMessage(l.text) && !spoiled(l) && !showsShortcut(l.text))
    .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  if (field && fresh.length > 1) {
    const at = center(field);
    const distance = (line: OcrLine) => Math.hypot(center(line.box).x - at.x, center(line.box).y - at.y);
    return fresh.reduce((best, line) => (distance(line) < distance(best) ? line : best)).text;
  }
  const text = fresh.map((l) => l.text).join(' ');
  return text || undefined;
}

/**
 * A form refusing input, as browsers and apps word it ("Please fill out this field.",
 * "Email is required", "Invalid date"): what appeared, never what was typed.
 */
const VALIDATION =
  /^(please (fill|select|enter|match|include|use|lengthen|shorten|check)\b|fill out this field|this field is required|.{0,40}\b(is|are) (required|invalid|not valid)\b|required[.!]?$|invalid\b|value must be\b)/i;

export function isValidationMessage(text: string): boolean {
  return VALIDATION.test(text.trim());
}

/**
 * The label of what was acted on when only pixels are known. A change region
 * holds the thing acted on and what it caused, or only what it caused (a
 * button that does not change, and the message it shows beside it). In order:
 * 0. a menu's choice: the one item of a list that closed whose text now shows
 *    elsewhere (as the dropdown's value, a mode's name);
 * 1. when known, a line inside the region whose own pixels changed (a button
 *    pressed or recoloured, a placeholder typed over): its neighbours did not;
 *    not a line that moved or whose text another took in its place (results);
 * 2. a line present before and after, in the same place, inside the region (the
 *    trigger stayed, its result appeared): the one nearest the region's top-left corner;
 * 3. a line that was there before and is gone (a placeholder typing replaced),
 *    also one only reaching into the region (a long placeholder, the typing short);
 * 4. the nearest line just left of or above the region (a trigger beside its result).
 * `previous` holds the texts of the step before (its label, the value typed):
 * the control acted on then loses its focus ring now, which puts it inside this
 * region too, so it only wins when nothing else is there. Returned with the rule
 * that named it (`seen`: menu, changed, stayed, gone, nearby), which the review shows.
 */
export function actedOn(
  before: OcrLine[],
  after: OcrLine[],
  region: Rect,
  previous: (string | undefined)[] = [],
  changed: ReadonlySet<string> = new Set(),
  margin = 24,
): { label: string; seen: LabelBasis } | undefined {
  // The step before's field, also where OCR read its label with the start of its value ("Name: Ada").
  const isPrevious = (text: string) => previous.some((p) => p && (text === p || text.startsWith(`${p} `)));
  const notPrevious = (lines: OcrLine[]) => {
    const others = lines.filter((l) => !isPrevious(l.text));
    return others.length > 0 ? others : lines;
  };
  const was = notPrevious(withoutBars(linesIn(before, region, margin)));
  // A trigger stays where it was; a line whose text is now elsewhere (a list that grew
  // and pushed it down, a table row sorted into another place) is part of the result.
  // Also read again with words missing: a folder's new arrow spoiled "Another" of "Another Folder".
  const inPlace = (line: OcrLine) =>
    after.some((a) => samePlace(a.box, line.box) && (a.text === line.text || readInPart(a.text, line.text)));
  const stayed = notPrevious(was.filter(inPlace));
  const corner = { x: region.x, y: region.y };
  const nearest = (pool: OcrLine[], seen: LabelBasis) => {
    let best: OcrLine | undefined;
    let bestDistance = Infinity;
    for (const line of pool) {
      const distance = Math.hypot(line.box.x + line.box.width - corner.x, line.box.y - corner.y);
      if (distance < bestDistance) {
        best = line;
        bestDistance = distance;
      }
    }
    return best ? { label: shortcutOwner(best, before) ?? best.text, seen } : undefined;
  };
  const movedAway = (line: OcrLine) => !inPlace(line) && after.some((a) => a.text === line.text);
  // A control that gained or lost an indicator read as text beside it ("array [3]" now
  // "v array [3]": a tree node expanded) is the same control, not text another replaced.
  const grew = (line: OcrLine) => after.some((a) => samePlace(a.box, line.box) && indicatorChanged(line.text, a.text));
  const replaced = (line: OcrLine) =>
    !after.some((a) => a.text === line.text) && after.some((a) => samePlace(a.box, line.box)) && !grew(line);
  const dismissal = dismissedBy(was, linesIn(after, region, margin), after);
  if (dismissal) return { label: dismissal, seen: 'gone' };
  // One line read again in its place with a disclosure triangle gained at its start: the tree
  // node or section clicked open ("job {3}", now "v job {3}"), whatever else OCR read a letter
  // apart (a video's "{6} 4h", now "{6} Ah"). (Not one that lost it: an accordion shuts one
  // section as the one clicked opens, and that one moved.)
  const unfolded = was.filter(
    (l) =>
      intersects(l.box, region) &&
      !isPrevious(l.text) &&
      after.some((a) => samePlace(a.box, l.box) && a.text.length > l.text.length && disclosureToggled(l.text, a.text)),
  );
  if (unfolded.length === 1) return { label: unfolded[0]!.text, seen: 'mark' };
  // A row of buttons read again in its place without the one the pointer rests on.
  const hidden = was.flatMap((l) => {
    const run = after.flatMap((a) => (samePlace(a.box, l.box) ? [hiddenRun(l.text, a.text)] : [])).find(Boolean);
    return run && intersects(l.box, region) ? [withoutShortcut(run)] : [];
  });
  if (hidden.length === 1) return { label: hidden[0]!, seen: 'gone' };
  const choice = menuChoice(was, after, previous);
  if (choice) return { label: choice, seen: 'menu' };
  // Lines new to the screen, and a line gone from it (not read again anywhere) below where they
  // came in: pushed down by them (a list opened above it), out of view or not read again in
  // its new place; not pressed, which leaves a control's text where it was.
  // (Not a line read again in its place, garbled by the pointer resting on it: "Ca)¢el" for "Cancel".)
  const seenBefore = (a: OcrLine) =>
    before.some(
      (l) =>
        l.text === a.text ||
        readInPart(a.text, l.text) ||
        (samePlace(a.box, l.box) && (garbled(a.text, l.text) || sameReading(a.text, l.text))),
    );
  const appeared = after.filter((a) => intersects(a.box, region) && !seenBefore(a));
  const pushedOut = (line: OcrLine) =>
    !after.some((a) => a.text === line.text || readInPart(a.text, line.text) || samePlace(a.box, line.box)) &&
    appeared.some((a) => a.box.y + a.box.height <= line.box.y);
  // Own pixels changed where the line still is, or it can no longer be read (a recoloured
  // button): pressed, recoloured, ticked. A line that moved, or whose text another took
  // in its place (a counter going from 1 to 2), is what the action caused.
  const pressed = was.filter(
    (l) => changed.has(l.text) && !isPrevious(l.text) && !movedAway(l) && !replaced(l) && !pushedOut(l),
  );
  // (Not a lone letter touching a line of words that changed with it: the button's edge read as "r".)
  const fragment = (line: OcrLine) =>
    alphanumerics(line.text) <= 1 &&
    pressed.some((o) => alphanumerics(o.text) >= 3 && intersects(expand(line.box, FRAGMENT_GAP), o.box));
  // (Nor a lone glyph read nowhere after: a tick that went with its row, cleared away.)
  const vanishedGlyph = (line: OcrLine) =>
    alphanumerics(line.text) <= 1 && !after.some((a) => samePlace(a.box, line.box));
  const pressedWhole = pressed.filter((l) => !fragment(l) && !vanishedGlyph(l));
  if (pressedWhole.length > 0) return nearest(pressedWhole, 'changed');
  // (Its heading lies just above the change, where nothing changed: looked for on the whole screen.)
  // (Not under a row read anew in its place with another state after its name: "availableToHire
  // true", now "availableToHire 0 false", its box ticked; the line above it opened nothing.)
  const readAnew = (a: OcrLine) => before.some((l) => samePlace(l.box, a.box) && withoutState(l.text, [a]) !== l.text);
  const opened = openedBelow(
    notPrevious(before.filter(inPlace)),
    appeared.filter((a) => !readAnew(a)),
  );
  if (opened) return { label: shortcutOwner(opened, before) ?? opened.text, seen: 'stayed' };
  // One in the change before one only in its margin (a folder's title clicked, not the title above it).
  const stayedInside = linesMeeting(stayed, region);
  if (stayed.length > 0) return nearest(stayedInside.length > 0 ? stayedInside : stayed, 'stayed');
  // A line truly gone changed its own pixels, so it lies in the change: one only in the
  // margin that was not read again is OCR's noise (an edge above a field read "sd").
  const goneInside = linesMeeting(was, region);
  // A line gone is named without the state it showed where its row now shows another:
  // "availableToHire true", now "availableToHire 0 false", is "availableToHire".
  const goneFrom = (pool: OcrLine[]) => {
    const gone = nearest(pool, 'gone');
    return gone && { ...gone, label: withoutState(gone.label, after) };
  };
  if (was.length > 0) {
    const pool = goneInside.length > 0 ? goneInside : was;
    // Of lines that left their places, those read again in another place moved with the change
    // (a list lost its item clicked away, and its footer moved up: "Litem left" now "1 item
    // left"); the one read nowhere went (the "Clear completed (1)" clicked). (One read again in
    // its own place, "Name" now "Name:", is no line that moved.)
    const readNowhere = pool.filter((l) => !after.some((a) => !samePlace(a.box, l.box) && movedTo(l, a)));
    // (Words before a glyph: a tick read "v" went with its row.)
    const words = readNowhere.filter((l) => alphanumerics(l.text) >= 2);
    return goneFrom(words.length > 0 ? words : readNowhere.length > 0 ? readNowhere : pool);
  }
  // A long line reaching into the region that the change covered up (a placeholder typed over).
  const area = expand(region, margin);
  const coveredUp = before.filter(
    (l) =>
      overlaps(l.box.x, l.box.width, area.x, area.width) &&
      overlaps(l.box.y, l.box.height, area.y, area.height) &&
      !after.some((a) => a.text === l.text),
  );
  if (coveredUp.length > 0) return goneFrom(coveredUp);
  const beside = before.filter((l) => {
    const leftOf =
      l.box.x + l.box.width <= region.x + margin && overlaps(l.box.y, l.box.height, region.y, region.height);
    const above = l.box.y + l.box.height <= region.y + margin && overlaps(l.box.x, l.box.width, region.x, region.width);
    return leftOf || above;
  });
  return nearest(beside, 'nearby');
}

/**
 * Whether `now` is `line` read again in another place: the same text, or the same reading a
 * letter or two apart (a lookalike for a digit, a space missed) where it starts at the same x,
 * as wide (a list that grew or shrank moves what is below it up or down).
 */
function movedTo(line: OcrLine, now: OcrLine): boolean {
  if (now.text === line.text || sameReading(now.text, line.text)) return true;
  const column =
    Math.abs(now.box.x - line.box.x) <= MOVED_SLACK &&
    Math.abs(now.box.width - line.box.width) <= Math.max(MOVED_SLACK, line.box.width / 10);
  return column && alphanumerics(line.text) >= 4 && editDistance(now.text.toLowerCase(), line.text.toLowerCase()) <= 2;
}

/** How far a moved line's reading may start, or its width differ (or a tenth of it), from where and how it was read (px). */
const MOVED_SLACK = 4;

/** How near a lone letter lies to a line of words to be a piece of its control's edge, not a control (px). */
const FRAGMENT_GAP = 12;

/** A radio button's dot and ring, read by OCR as one glyph ("0", "O", "©"). */
const RADIO_GLYPH = /^[0OoQ©®@◉●]$/u;

/**
 * The option a radio button chose, seen only as pixels: the dot that came to a button, read as
 * a glyph of its own just left of its option's text (which stayed), where no such glyph was
 * before. Where OCR read only the dot that left (the option chosen before), the change spans
 * both buttons: the option chosen is the one at its other end, in the same column. Undefined
 * where no dot came or went.
 */
export function radioChosen(before: OcrLine[], after: OcrLine[], region: Rect): string | undefined {
  const dot = (line: OcrLine) => RADIO_GLYPH.test(line.text.trim());
  const around = expand(region, 4);
  const movedDot = (from: OcrLine[], to: OcrLine[]) =>
    from.filter((a) => dot(a) && intersects(a.box, around) && !to.some((b) => dot(b) && samePlace(a.box, b.box)));
  const optionBeside = (glyph: Rect) =>
    after.find(
      (a) =>
        !dot(a) &&
        Math.abs(center(a.box).y - center(glyph).y) <= SAME_ROW &&
        a.box.x >= glyph.x + glyph.width &&
        a.box.x - (glyph.x + glyph.width) <= glyph.width * 2 &&
        before.some((b) => b.text === a.text && samePlace(a.box, b.box)),
    );
  const came = movedDot(after, before);
  if (came.length === 1) return optionBeside(came[0]!.box)?.text;
  const left = movedDot(before, after);
  if (came.length > 0 || left.length !== 1) return undefined;
  const old = optionBeside(left[0]!.box);
  if (!old) return undefined;
  // The other options of the group: their text starts where the old one's does, on a row the change spans.
  const others = after.filter(
    (a) =>
      a !== old &&
      !dot(a) &&
      Math.abs(a.box.x - old.box.x) <= SAME_ROW &&
      center(a.box).y >= region.y &&
      center(a.box).y <= region.y + region.height &&
      Math.abs(center(a.box).y - center(old.box).y) > SAME_ROW,
  );
  const farthest = others.reduce<OcrLine | undefined>(
    (far, a) =>
      far && Math.abs(center(far.box).y - center(old.box).y) >= Math.abs(center(a.box).y - center(old.box).y) ? far : a,
    undefined,
  );
  // The change ends at that option's row: the dot came to it.
  const reachesIt =
    farthest &&
    (center(farthest.box).y > center(old.box).y
      ? region.y + region.height - center(farthest.box).y
      : center(farthest.box).y - region.y) <=
      ROW_HEIGHT / 2;
  return reachesIt ? farthest.text : undefined;
}

/** Whether `box` lies on the next row or two below `above`, in its column. */
function justBelow(box: Rect, above: Rect): boolean {
  const gap = box.y - (above.y + above.height);
  return gap >= 0 && gap <= above.height * OPENED_BELOW_LINES && overlaps(box.x, box.width, above.x, above.width);
}

/** How far above a list that opened its heading may lie, in the list's first line's heights. */
const OPENED_BELOW_LINES = 3;

/**
 * The line that stayed right above the lines new to the screen, over the same column: the
 * heading of a list or a panel that opened under it when it was clicked (a sidebar section,
 * a folder, a menu's button).
 */
function openedBelow(stayed: OcrLine[], appeared: OcrLine[]): OcrLine | undefined {
  const first = appeared.reduce<OcrLine | undefined>((top, a) => (top && top.box.y <= a.box.y ? top : a), undefined);
  if (!first) return undefined;
  return stayed
    .filter((l) => justBelow(first.box, { ...l.box, height: Math.max(l.box.height, first.box.height) }))
    .reduce<OcrLine | undefined>((low, l) => (low && low.box.y >= l.box.y ? low : l), undefined);
}

/** Text of thin bars alone ("II", "|", "l"): a caret, a pointer or a border, read as letters. */
const BARS = /^[Il|!i¦\s]+$/u;

/** Smaller than any glyph a page draws (px): OCR's reading of a speck, such as an edge blurred in motion ("1", 1 × 5). */
const SPECK = { width: 3, height: 6 };

/** The lines that are not bars alone nor specks, unless there are no others. */
function withoutBars(lines: OcrLine[]): OcrLine[] {
  const words = lines.filter((l) => !BARS.test(l.text) && l.box.width >= SPECK.width && l.box.height >= SPECK.height);
  return words.length > 0 ? words : lines;
}

/**
 * A menu's choice: of the lines that were in the change, several are gone for good
 * (the menu closed) and exactly one shows elsewhere now, as it was or inside other
 * text ("Code" as the mode button's "[Code ▾]"). A list re-sorted or shifted moves
 * many lines, not one.
 */
function menuChoice(was: OcrLine[], after: OcrLine[], previous: (string | undefined)[]): string | undefined {
  // As whole words: "Buttons" is not shown again in "Four checkbuttons are displayed below".
  const within = (text: string, other: string) => {
    const [needle, hay] = [text.toLowerCase(), other.toLowerCase()];
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      const [left, right] = [hay[at - 1] ?? ' ', hay[at + needle.length] ?? ' '];
      if (!WORD_CHAR.test(left) && !WORD_CHAR.test(right)) return true;
    }
    return false;
  };
  const elsewhere = (line: OcrLine) => after.some((a) => !samePlace(a.box, line.box) && within(line.text, a.text));
  const gone = was.filter((l) => !after.some((a) => within(l.text, a.text)));
  const shown = was.filter((l) => l.text.length >= 3 && !previous.includes(l.text) && elsewhere(l));
  const moved = was.filter((l) => l.text.length >= 3 && !shown.includes(l) && elsewhere(l));
  if (gone.length < 2) return undefined;
  if (shown.length === 1 && moved.length === 0) return shown[0]!.text;
  // A whole view that changed with the choice (a tree now code) shows other words again too
  // ("object" of its breadcrumb): the choice is the one that was an item of the menu, whose
  // items start at one left edge and are gone.
  const items = [...shown, ...moved].filter(
    (l) =>
      gone.filter((g) => Math.abs(g.box.x - l.box.x) <= MENU_ALIGNED && Math.abs(g.box.y - l.box.y) <= MENU_REACH)
        .length >= 2,
  );
  return items.length === 1 ? items[0]!.text : undefined;
}

/** How far apart (px) the left edges of a menu's items may be read. */
const MENU_ALIGNED = 3;
/** How far (px) above or below an item the menu's other items may lie. */
const MENU_REACH = 200;

/**
 * A dialog that closed: a box of text (a message among its lines) went away whole, none of its
 * lines read again in its place, and what it covered shows there now. It was closed by its one
 * button that reads as a dismissal ("Close" of "Share Close", its footer's buttons read as one
 * line); none where it has none or several ("Cancel" and "OK": either may have closed it). A
 * menu that closed has no message; a page that changed whole has no such short line, or it
 * has several.
 */
function dismissedBy(was: OcrLine[], now: OcrLine[], after: OcrLine[]): string | undefined {
  if (!holdsDialog(was) || now.length === 0) return undefined;
  if (was.some((l) => after.some((a) => samePlace(a.box, l.box) && a.text === l.text))) return undefined;
  const words = was
    .filter((l) => wordsOf(l.text).length <= BUTTON_WORDS)
    .flatMap((l) => l.text.split(/\s+/))
    .filter((w) => DISMISS.test(w));
  return words.length === 1 ? words[0] : undefined;
}

/**
 * Where a pointer still gliding when a window closed was going (`glideCutShort`): the one
 * dismissal of the window ("Dismiss", "Close"…) that lies on the glide's way on from where the
 * pointer was last seen (within `AHEAD_DEGREES` of its heading, not behind it), the window gone
 * whole (`holdsDialog`, none of its lines read again in place). A pointer caught mid-way over
 * Tk's "See Code" was on its way to the "Dismiss" beside it, which closed the demo's window
 * before the next frame. Undefined where none lies on the way, or several do.
 */
export function dismissalAhead(
  before: OcrLine[],
  after: OcrLine[],
  region: Rect,
  glide: { from: Point; to: Point },
): Point | undefined {
  const was = linesIn(before, region);
  if (!holdsDialog(was) || was.some((l) => after.some((a) => samePlace(a.box, l.box) && a.text === l.text)))
    return undefined;
  // A row of buttons OCR ran into the text beside it keeps its words' own boxes.
  const words = was.flatMap((l) => l.words ?? [{ text: l.text, box: l.box }]);
  const heading = { x: glide.to.x - glide.from.x, y: glide.to.y - glide.from.y };
  const travelled = Math.hypot(heading.x, heading.y);
  if (travelled === 0) return undefined;
  const onTheWay = (box: Rect) => {
    const at = center(box);
    const toward = { x: at.x - glide.from.x, y: at.y - glide.from.y };
    const distance = Math.hypot(toward.x, toward.y);
    // (Or where it was seen already, a glyph's size short of its middle.)
    if (distance + POINTER_GLYPH < travelled) return false;
    const cos = (heading.x * toward.x + heading.y * toward.y) / (travelled * distance);
    return cos >= Math.cos((AHEAD_DEGREES * Math.PI) / 180);
  };
  // (An "OK" ending a box's label, "Wipers OK", off the way, is no button it went for.)
  const ahead = words.filter((w) => DISMISS.test(w.text.trim()) && onTheWay(w.box));
  if (ahead.length !== 1) return undefined;
  const at = center(ahead[0]!.box);
  return { x: Math.round(at.x), y: Math.round(at.y) };
}

/**
 * How far off a glide's heading its target may lie: a straight glide's last seen place and a
 * button's middle (not where it was pressed) were 6–8° apart on Tk's demos.
 */
const AHEAD_DEGREES = 20;
/** A pointer's glyph across, about (Tk's X pointer 24–28 px). */
const POINTER_GLYPH = 24;

/**
 * Whether lines make a dialog's box (or a page's worth of text): three at least, one a message of
 * four words or more (a menu's items are shorter).
 */
export function holdsDialog(lines: readonly OcrLine[]): boolean {
  return lines.length >= DIALOG_LINES && lines.some((l) => wordsOf(l.text).length >= MESSAGE_WORDS);
}

/** Lines, at least, of a dialog's box. */
const DIALOG_LINES = 3;
/** Words, at least, of a dialog's message. */
const MESSAGE_WORDS = 4;
/** Words, at most, of a line of buttons. */
export const BUTTON_WORDS = 3;
/** What a dialog's button that closes it without acting says. */
const DISMISS = /^(close|cancel|dismiss|done|ok)$/iu;

/** Whether a control's text is a dialog's dismissal (Close, Cancel, Dismiss, Done, OK). */
export function isDismissal(text: string): boolean {
  return DISMISS.test(text.trim());
}

/**
 * The run of words a line lost where it was read again in its place (a row of a desktop form's
 * buttons, the pointer resting on the one clicked: "Clear Ctrl+C Add Ctrl+A Delete... Ctrl+D",
 * where "Search Ctrl+S" was between), a long word read a letter apart still the same ("Ctri+A");
 * a control's few words at most, with words kept round them; none where it gained words.
 */
export function hiddenRun(was: string, now: string): string | undefined {
  const [then, still] = [was, now].map((t) => t.split(/\s+/u).filter(Boolean)) as [string[], string[]];
  const same = (a: string, b: string) =>
    a.toLowerCase() === b.toLowerCase() ||
    (a.length >= LONG_WORD && editDistance(a.toLowerCase(), b.toLowerCase()) <= 1);
  let head = 0;
  while (head < still.length && head < then.length && same(still[head]!, then[head]!)) head++;
  let tail = 0;
  while (tail < still.length - head && tail < then.length - head && same(still.at(-1 - tail)!, then.at(-1 - tail)!))
    tail++;
  const run = then.slice(head, then.length - tail);
  return head + tail === still.length && head + tail >= KEPT_WORDS && run.length >= 1 && run.length <= HIDDEN_WORDS
    ? run.join(' ')
    : undefined;
}

/** Words of a control, at most, that a pointer resting on it hides (with its shortcut). */
const HIDDEN_WORDS = 3;
/** Words of the line, at least, read again round what the pointer hid. */
const KEPT_WORDS = 2;

/** A letter or digit: what a word is made of. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** How far left of a control's value its label may sit on the row (a form's label column). */
const LABEL_REACH = 320;

/** A value that took another's place at a control, and the caption that names the control. */
export interface Choice {
  label: string;
  value: string;
  /** Where the new value was read. */
  box: Rect;
  /**
   * The value was read on one line with its caption before and apart from it after, in a box
   * drawn round it as it was edited: typed over, not chosen.
   */
  apart?: true;
}

/**
 * A choice seen only as pixels: in a change at one control, exactly one line
 * gave way to another in the same place (a select's or dropdown's value), and a
 * label sits left of it on its row. The label is that text, never the old value.
 * `pointer`: where the pointer was seen resting after it, on a shared screen.
 */
export function choiceIn(
  before: OcrLine[],
  after: OcrLine[],
  region: Rect,
  margin = 8,
  pointer?: Point,
): Choice | undefined {
  const was = linesIn(before, region, margin);
  const now = linesIn(after, region, margin);
  // A lone glyph beside the value (a select's arrow read as "E") is no second line.
  const words = (lines: OcrLine[]) => (lines.length > 1 ? lines.filter((l) => alphanumerics(l.text) >= 2) : lines);
  let gone = words(was.filter((l) => !now.some((a) => a.text === l.text)));
  let fresh = words(now.filter((l) => !was.some((b) => b.text === l.text)));
  const first = chosenFromEmpty(before, after, fresh);
  if (first) {
    const label =
      first.caption ??
      captionOf(
        before.filter((l) => l !== first.arrow),
        first.box,
      );
    return label && alphanumerics(label) >= 2 && !showsShortcut(label)
      ? { label, value: first.value, box: first.box }
      : undefined;
  }
  // A neighbouring control read as garbage, differently each time ("Bhree", then "IE", at 40 %
  // for dat.GUI's "three" just above), or read again with its arrow or a letter more or less
  // ("hree v", then "hree"), is no second change: without such readings, one of each.
  if (gone.length !== 1 || fresh.length !== 1) {
    const readAgain = (line: OcrLine, others: OcrLine[]) =>
      others.some(
        (o) => samePlace(o.box, line.box) && (sameReading(o.text, line.text) || indicatorChanged(o.text, line.text)),
      );
    gone = gone.filter((l) => sure(l) && !readAgain(l, now));
    fresh = fresh.filter((l) => sure(l) && !readAgain(l, was));
  }
  if (gone.length !== 1 || fresh.length !== 1) return undefined;
  const [old, value] = [gone[0]!, fresh[0]!];
  if (!samePlace(old.box, value.box)) return undefined;
  // A select's arrow read alone is no value ("Tree v" read as "v" as its menu opened over it).
  if (ARROW.test(value.text.trim())) return undefined;
  // Nor is it a choice where other text moved with it: a tree node expanded, a list grew, and a
  // path shown above it changed too (a choice swaps one value in place, and nothing moves).
  if (was.some((b) => b !== old && movedAway(b, now))) return undefined;
  // Two readings a letter or two apart are one text read twice ("displayOutline", "displayOutine").
  // (Short values, "1" to "2", can differ by one letter and be a choice.)
  // Nor is a control that gained or lost an indicator beside its text ("array [3]", "v array [3]").
  if (sameReading(old.text, value.text) || indicatorChanged(old.text, value.text)) return undefined;
  // Nor a line read again with words missing (the pointer resting on one of its buttons hides it),
  // or with words it had missed ("Delete..." read whole as "Delete... Ctrl+D" once the pointer left),
  // nor a path that lost its last parts ("object array", then "object": a breadcrumb as focus moved).
  // Nor one that kept only its last words, the pointer come to rest over the ones before ("Point
  // Size 18", then "18": a radio button's label, the hand over "Point Size").
  if (
    partOf(value.text, old.text) ||
    startOf(old.text, value.text) ||
    startOf(value.text, old.text) ||
    endOf(value.text, old.text)
  )
    return undefined;
  // Nor one garbled by a pointer resting on it: stray glyphs in a few letters ("Ca)¢el" for "Cancel"),
  // nor any value read through a pointer: the control under it read anew as it lit up, not an
  // option ("Delete..)¢ Ctrl+D" where "Add Ctrl+A Delete" was read beside it before).
  if (garbled(value.text, old.text) || (POINTER_GLYPHS.test(value.text) && !POINTER_GLYPHS.test(old.text)))
    return undefined;
  // Nor a control read garbled by the pointer before and whole once it left, with the mark it
  // gained read as a letter or two before it ("Driv)¢ Sober", then "lv Driver Sober": ticked).
  if (garbled(old.text, value.text) || garbled(old.text, value.text.replace(LEADING_INDICATOR, ''))) return undefined;
  // Nor one the pointer was seen resting on, read a few letters apart ("Blue", then "Io BMe"):
  // elsewhere that is a choice ("Blue", then "Black").
  if (pointer && contains(value.box, pointer) && spoiltUnderPointer(old.text, value.text)) return undefined;
  // Nor a row of controls read as one line that kept most of its words (a desktop form's
  // buttons, one of them hidden by the pointer over it): a choice swaps its one value whole.
  if (mostlyShared(old.text, value.text)) return undefined;
  // Nor a row of controls read as one line before and apart after, each of its words still in
  // its place ("Left 2 Right" round Tk's label, then "Left" and "Right": the label moved).
  if (readApart(old, after, value)) return undefined;
  // Nor buttons read with their keyboard shortcuts ("Add Ctrl+A Delete..." where "Search Ctrl+S"
  // was, the pointer lighting a desktop form's buttons): no option shows one.
  if (showsShortcut(old.text) || showsShortcut(value.text)) return undefined;
  // The caption read with the old value on one line ("salary 100 A") and alone after, in its
  // place, the new value read apart beside it: a field edited in a box drawn round its value
  // (JSONEditor's highlight), named by that caption, not by the line above.
  const caption = after.find((a) => a !== value && readWithCaption(old, a) && /\p{L}{2}/u.test(a.text));
  if (caption) {
    const text = withoutFieldEdge(value.text);
    return alphanumerics(text) >= 1 ? { label: caption.text, value: text, box: value.box, apart: true } : undefined;
  }
  const label = captionOf(
    before.filter((l) => l !== old),
    value.box,
  );
  // A label of one letter is an icon or a caret misread, not a field's name; a button's text
  // with its shortcut ("Clear Ctrl+C" beside the one pressed) is none either.
  return label && alphanumerics(label) >= 2 && !showsShortcut(label)
    ? { label, value: value.text, box: value.box }
    : undefined;
}

/** Below this confidence (%), tesseract's line is as often garbage as text. */
const SURE = 50;

function sure(line: OcrLine): boolean {
  return line.confidence >= SURE;
}

/** What OCR reads a dropdown's arrow as, alone. */
const ARROW = /^[vV▾▼⌄˅]$/u;

/** A select's arrow read alone or run into an icon beside it ("vA": the arrow and a warning). */
const ARROW_AND_ICON = /^[vV▾▼⌄˅][^\p{Ll}\s]{0,2}$/u;

/** How far apart (px) a select's arrow alone and its value with the arrow may be centred, up or down. */
const SAME_ROW = 8;

/**
 * A select that showed only its arrow (nothing chosen yet, with at most an icon beside it:
 * a warning) and now shows a value before it: "v A", then "female v" in the change (of `fresh`,
 * its new lines, the one that reads so). The value, without its arrow, where it is, and the arrow's line before.
 */
function chosenFromEmpty(
  before: OcrLine[],
  after: OcrLine[],
  fresh: OcrLine[],
): { value: string; box: Rect; arrow: OcrLine; caption?: string } | undefined {
  /** The value before the arrow (icons of a letter or two may follow it), after a caption read with it. */
  const read = (line: OcrLine) => {
    const words = line.text.trim().split(/\s+/);
    let arrowAt = words.length - 1;
    while (arrowAt > 0 && !ARROW.test(words[arrowAt]!) && words[arrowAt]!.length <= 2) arrowAt--;
    if (!ARROW.test(words[arrowAt] ?? '')) return undefined;
    // The field's caption, read on one line with the value: a line before, in its place.
    const caption = before.find(
      (b) =>
        Math.abs(b.box.x - line.box.x) <= SAME_ROW &&
        Math.abs(center(b.box).y - center(line.box).y) <= SAME_ROW &&
        words.slice(0, arrowAt).join(' ').startsWith(`${b.text} `),
    )?.text;
    const from = caption ? caption.split(/\s+/).length : 0;
    const value = words.slice(from, arrowAt).join(' ');
    // Where the value lies, without its caption and arrow (a select's arrow is right of its value).
    const box =
      line.words?.length === words.length ? union(line.words.slice(from, arrowAt).map((w) => w.box)) : undefined;
    return alphanumerics(value) >= 2 ? { value, box: box ?? line.box, ...(caption ? { caption } : {}) } : undefined;
  };
  // Of the new lines, the one value with an arrow after it (OCR may read a neighbour anew too).
  const shown = fresh.filter((l) => read(l) !== undefined);
  if (shown.length !== 1) return undefined;
  const now = shown[0]!;
  const reading = read(now)!;
  // The arrow alone, on the value's row, from its start to a select's width past its end.
  const arrow = before.find((line) => {
    const words = line.text.trim().split(/\s+/);
    return (
      ARROW_AND_ICON.test(words[0] ?? '') &&
      words.slice(1).every((w) => w.length <= 2) &&
      Math.abs(center(line.box).y - center(now.box).y) <= SAME_ROW &&
      line.box.x >= now.box.x &&
      line.box.x <= now.box.x + now.box.width + ARROW_REACH &&
      !after.some((a) => a.text === line.text && samePlace(a.box, line.box))
    );
  });
  return arrow ? { ...reading, arrow } : undefined;
}

/** Whether a line of words is read again only elsewhere: it moved (content above it grew). */
function movedAway(line: OcrLine, now: OcrLine[]): boolean {
  if (alphanumerics(line.text) < 2) return false; // a lone glyph or digit reads alike in many places
  const same = now.filter((a) => a.text === line.text);
  return same.length > 0 && same.every((a) => !samePlace(a.box, line.box));
}

/**
 * Whether each word of `line` (two at least, of two letters or more) is read again in its place
 * in a line of `now` other than `except`: the line was read apart, not replaced.
 */
function readApart(line: OcrLine, now: OcrLine[], except: OcrLine): boolean {
  const words = (line.words ?? []).filter((w) => alphanumerics(w.text) >= 2);
  return (
    words.length >= 2 &&
    words.every((w) =>
      now.some((a) => a !== except && samePlace(a.box, w.box) && wordsOf(a.text).includes(w.text.toLowerCase())),
    )
  );
}

/** Glyphs OCR makes of a mouse pointer over text: no value of a control is written with them. */
const POINTER_GLYPHS = /[¢§©®{}|\\]|[)\]](?=\p{L})/u;
/** How many letters of the text under it a pointer hides or garbles, at most. */
export const POINTER_LETTERS = 3;
/** How far apart two readings of a word in one place may start (px). */
const WORD_SHIFT = 4;

/** A mark read as a word of a letter or two before a control's text ("v", "lv" for a tick). */
const LEADING_INDICATOR = /^\S{1,2}\s+/u;

/** A line's first words, then the stray glyph a pointer over the rest of it reads as. */
const CUT_BY_POINTER = /^(.*[\p{L}\p{N}])\s?[)\]¢§©®{}|\\]+$/u;

/**
 * Whether `now` is `was` with a few letters garbled into stray glyphs (a pointer over it),
 * or with its last words hidden behind one ("Search)" for "Search Ctrl+S").
 */
function garbled(now: string, was: string): boolean {
  const near = editDistance(now.toLowerCase(), was.toLowerCase()) <= POINTER_LETTERS; // OCR reads case loosely
  if (POINTER_GLYPHS.test(now) && !POINTER_GLYPHS.test(was) && near) return true;
  const cut = CUT_BY_POINTER.exec(now.trim());
  return cut !== null && startOf(cut[1]!, was);
}

/** A text's words, in lower case: readings compared word by word. */
function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether `whole` begins with every word of `start`, and has more. */
function startOf(start: string, whole: string): boolean {
  const [first, then] = [start, whole].map(wordsOf);
  return first!.length > 0 && then!.length > first!.length && first!.every((word, i) => then![i] === word);
}

/** Whether `end`'s words are the last of `whole`'s, and `whole` has more. */
function endOf(end: string, whole: string): boolean {
  const [last, then] = [end, whole].map(wordsOf) as [string[], string[]];
  const from = then.length - last.length;
  return last.length > 0 && from > 0 && last.every((word, i) => then[from + i] === word);
}

/** Words in a line, at least, for a row of controls (options are shorter: "Ship in 2 days"). */
const ROW_WORDS = 5;

/** Whether two readings of a row of controls share over half of the words of either. */
function mostlyShared(a: string, b: string): boolean {
  const [first, second] = [a, b].map(wordsOf);
  const fewest = Math.min(first!.length, second!.length);
  const common = first!.filter((word) => second!.includes(word)).length;
  return fewest >= ROW_WORDS && common * 2 > fewest;
}

/**
 * Whether every word of `part` (at least two) is a word of `whole`, which has more: the same,
 * or a long word a letter apart (OCR reads l as i now and then: "Add Ctrl+A ctri+p" is what was
 * left of "Add ctri+A Search Ctrl+S Delete... ctri+p" with the button under the pointer lit).
 */
function partOf(part: string, whole: string): boolean {
  const words = wordsOf(part);
  const all = [...new Set(wordsOf(whole))];
  const inWhole = (word: string) =>
    all.some((w) => w === word || (word.length >= LONG_WORD && editDistance(w, word) <= 1));
  return words.length >= 2 && all.length > words.length && words.every(inWhole);
}

/**
 * A logged click on a control whose own text another took in its place: a select's
 * value, chosen from a list the browser draws outside the page (so neither the list
 * nor the click on the option shows), named by the control's caption. Not where the
 * change's own reading (`change`, a wider area) read the text at the point again in its
 * place: the row alone can read another way after (JSONEditor's "Tree v" as "tes 4", its
 * mode menu open below it).
 */
export function choiceAtPoint(
  before: OcrLine[],
  after: OcrLine[],
  point: { x: number; y: number },
  change?: { before: OcrLine[]; after: OcrLine[] },
): Choice | undefined {
  if (change && stillAtPoint(change.before, change.after, point)) return undefined;
  // The value, under the point or just beside it on its row (a select's arrow clicked, right of its value).
  const at = before.find((l) => contains(l.box, point)) ?? lineBesidePoint(before, point, ARROW_REACH);
  // Read again in its place a few letters apart, from the same letter on, the text lay under the
  // pointer drawn over it after ("Bottom", then "Bodom": a desktop button pressed): no value taken.
  if (at && after.some((l) => samePlace(l.box, at.box) && spoiltUnderPointer(at.text, l.text))) return undefined;
  const choice = at ? choiceIn(before, after, at.box) : undefined;
  // A form's caption stays as it was when a value is chosen beside it; a caption that changed too
  // is text the click's result replaced (a list filtered), not a select's label.
  const stayed = after.some((a) => a.text === choice?.label);
  return choice && stayed ? choice : undefined;
}

/**
 * Whether `now` is `was` (four letters or more) read with a few letters spoilt, each word's first
 * kept; a mark before it read as a letter or two aside ("Io BMe": a radio's dot, then "Blue").
 */
function spoiltUnderPointer(was: string, now: string): boolean {
  const [a, b] = [wordsOf(was), wordsOf(now.replace(LEADING_INDICATOR, ''))];
  const [joinedA, joinedB] = [a.join(' '), b.join(' ')];
  return (
    alphanumerics(joinedA) >= 4 &&
    joinedA !== joinedB &&
    a.length === b.length &&
    a.every((word, i) => word[0] === b[i]![0]) &&
    editDistance(joinedA, joinedB) <= POINTER_LETTERS
  );
}

/** How far right of a select's value its arrow may be clicked. */
const ARROW_REACH = 48;

/** How near above a field's text its frame's caption sits (px; half the caption's height where more). */
const ON_FRAME_GAP = 4;

/** How far left of a field, in letter heights, a line on its row is no nearer than a caption on its frame. */
const FAR_LEFT = 4;

/** How far above a field its caption may sit (a label stacked over its field). */
const CAPTION_ABOVE = 40;

/**
 * The caption of a field at `box`, as a form lays it out: the nearest line left of it
 * on its row (a label column), else the line just above it, overlapping it across.
 */
export function captionOf(lines: OcrLine[], box: Rect): string | undefined {
  return captionLineOf(lines, box)?.text;
}

/**
 * For typing seen as pixels that a line that stayed named (`label`, or part of it), the field's
 * caption as a form lays it out, where that is another line: named by a line below the change,
 * its caption left on its row or just above (`captionOf`; a field's caption is never below it);
 * named by a line above the change, the caption just above the field, nearer it (text over a
 * framed field: "only allows you to select…" over the frame's "Fully Editable"). Undefined where
 * the named line is beside the change, or no caption is found.
 */
export function captionAbove(
  lines: { before: OcrLine[]; after: OcrLine[] },
  region: Rect,
  label: string,
): string | undefined {
  const named = [...lines.before, ...lines.after].find((l) => l.text === label || l.text.startsWith(`${label} `));
  if (!named) return undefined;
  const outside = lines.after.filter((l) => center(l.box).y < region.y || center(l.box).x < region.x);
  if (named.box.y >= region.y + region.height) {
    const caption = captionOf(outside, region)?.replace(FRAME_BORDER, '');
    return caption && caption !== label ? caption : undefined;
  }
  if (named.box.y + named.box.height > region.y) return undefined;
  const above = captionLineOf(
    outside.filter((l) => l.box.y + l.box.height <= region.y + 2),
    region,
  );
  return above && above !== named && above.box.y > named.box.y ? above.text.replace(FRAME_BORDER, '') : undefined;
}

/** A frame's border read before or after a caption that interrupts it (Tk's labelframe, a fieldset's legend). */
export const FRAME_BORDER = /^[~_=\-—–|]+\s*|\s*[~_=\-—–|]+$/gu;

/**
 * For typing at `point` into a field whose row read nothing before (an empty field, clicked
 * away from any text): the field's caption as a form lays it out (`captionOf`: left on its row,
 * or just above) around the text the typing brought there, from the lines before or after it.
 * Where the two readings differ and one holds the other, the fuller (OCR missed "Fully" of
 * "Fully Editable" in one).
 */
export function captionOfTyped(
  before: OcrLine[],
  after: OcrLine[],
  point: { x: number; y: number },
): string | undefined {
  const typed = lineBesidePoint(
    after.filter((a) => !before.some((b) => b.text === a.text && samePlace(b.box, a.box))),
    point,
  );
  if (!typed) return undefined;
  const [was, now] = [before, after.filter((l) => l !== typed)].map((lines) =>
    captionLineOf(lines, typed.box)?.text.replace(FRAME_BORDER, ''),
  );
  if (was && now && now.length > was.length && now.toLowerCase().includes(was.toLowerCase())) return now;
  return was || now || undefined;
}

/**
 * The name of a field typed into at a click (`atClick`: the text read there): that text, unless
 * there was none or only a glyph or two (the field's caret or edge read "zl"; a placeholder has
 * words), where the field's caption around what was typed (`captionOfTyped`) names it.
 */
export function typedFieldName(
  atClick: string | undefined,
  before: OcrLine[],
  after: OcrLine[],
  point: { x: number; y: number },
): string | undefined {
  if (atClick !== undefined && alphanumerics(atClick) >= MIN_NAME) return atClick;
  return captionOfTyped(before, after, point) ?? atClick;
}

/** Letters and digits, at least, of a field's name read where it was clicked. */
const MIN_NAME = 3;

/**
 * A field's caption read on one line with the field's old text ("salary 100" over a field
 * typed in at `region`): the words wholly left of the field, where the line also has words
 * in it. OCR joins a caption and a value a few pixels apart; typing replaced only the value.
 */
export function captionInLine(line: OcrLine, region: Rect): string | undefined {
  const words = line.words ?? [];
  const left = words.filter((w) => w.box.x + w.box.width <= region.x + 2);
  const inField = words.some((w) => w.box.x + w.box.width > region.x + 2 && w.box.x < region.x + region.width);
  const caption = left.map((w) => w.text).join(' ');
  return inField && /\p{L}{2}/u.test(caption) ? caption : undefined;
}

/**
 * The line `captionOf` names a field by: left on its row, or just above. A caption on the
 * field's own frame (touching it from above, where it starts) goes before a line far left on
 * the row: Tk's labelframe "Fully Editable" over the box typed in, not "Ent" of a window
 * behind, 150 px away. (A label column's near label still wins: an inline form's row above is
 * a row pitch away, never touching.)
 */
function captionLineOf(lines: OcrLine[], box: Rect): OcrLine | undefined {
  const left = leftOnRow(lines, box);
  const onFrame = lines.find(
    (l) =>
      l.box.y + l.box.height <= box.y + 2 &&
      box.y - (l.box.y + l.box.height) <= Math.max(ON_FRAME_GAP, l.box.height / 2) &&
      Math.abs(l.box.x - box.x) <= l.box.height &&
      alphanumerics(l.text) >= 2,
  );
  const far = (l: OcrLine) => box.x - (l.box.x + l.box.width) > FAR_LEFT * l.box.height;
  if (left[0] && onFrame && far(left[0]) && !captionedLike(onFrame, left[0], lines)) return onFrame;
  if (left[0]) return left[0];
  const above = lines
    .filter(
      (l) =>
        l.box.y + l.box.height <= box.y + 2 &&
        box.y - (l.box.y + l.box.height) <= CAPTION_ABOVE &&
        overlaps(l.box.x, l.box.width, box.x - 8, box.width + 16),
    )
    .sort((a, b) => b.box.y - a.box.y);
  return above[0];
}

/** The lines left of `box` on its row, within a label column's reach, the nearest first. */
function leftOnRow(lines: OcrLine[], box: Rect): OcrLine[] {
  return lines
    .filter(
      (l) =>
        overlaps(l.box.y, l.box.height, box.y, box.height) &&
        l.box.x + l.box.width <= box.x + 4 &&
        box.x - (l.box.x + l.box.width) <= LABEL_REACH,
    )
    .sort((a, b) => b.box.x + b.box.width - (a.box.x + a.box.width));
}

/** The area left of a value on its row where its caption would be (`leftOnRow`), a few px round its line. */
export function rowLeftOf(box: Rect): Rect {
  const x = Math.max(0, box.x - LABEL_REACH);
  return { x, y: box.y - ROW_SLACK, width: box.x - x, height: box.height + 2 * ROW_SLACK };
}

/** How far above and below a value's line its caption's may reach (px). */
const ROW_SLACK = 4;

/** Whether a choice's label was read on its value's row (no row needs reading alone for it). */
export function onValueRow(label: OcrLine, value: Rect): boolean {
  return overlaps(label.box.y, label.box.height, value.y, value.height);
}

/**
 * A choice named by the line above its value (`choiceIn` found no caption on the value's row,
 * where the change's reading ended short of it) named by the caption left of the value on its
 * row as read alone there (`rowLeftOf`): a form's label column, which a caption on the row wins
 * over, as in `captionLineOf` (dat.GUI's "speed" beside its select, not "three", the select
 * above, read "hree v"). Undefined where the label was read on the value's row, or nothing
 * surely read (a word of two letters or more) lies left of the value there.
 */
export function captionOnValueRow(label: OcrLine, value: Rect, row: OcrLine[]): string | undefined {
  if (onValueRow(label, value)) return undefined;
  const caption = leftOnRow(row, value).find((l) => sure(l) && /\p{L}{2}/u.test(l.text));
  return caption && caption.text !== label.text ? caption.text.replace(FRAME_BORDER, '') : undefined;
}

/**
 * Whether the line over a field has a caption of its own left of it, starting where the field's
 * does (`caption`): it is the value of the field above in a column of captioned fields (dat.GUI's
 * "three" over "Slow", "type" and "speed" left of them), not a caption on the field's frame.
 */
function captionedLike(over: OcrLine, caption: OcrLine, lines: OcrLine[]): boolean {
  return lines.some(
    (l) =>
      l !== over &&
      overlaps(l.box.y, l.box.height, over.box.y, over.box.height) &&
      l.box.x + l.box.width <= over.box.x &&
      Math.abs(l.box.x - caption.box.x) <= caption.box.height,
  );
}

function overlaps(a: number, aLength: number, b: number, bLength: number): boolean {
  return a < b + bLength && b < a + aLength;
}

/**
 * The name of the app or page on a screen, as a person would read it: the line in type
 * larger than the screen's body text in the top part of the frame (a page heading or an app
 * bar), the largest, the topmost among equals; else a heading in the body's type, set bold
 * (where `stroke` measures how wide a box's strokes are: Tk's "Tk Widget Demonstrations").
 * A title stands alone on its row (not a table's header cell "Birthday", nor a
 * value beside its caption), and is not a button's text in its border ("PayPal"). None where
 * nothing reads as one: a wrong name misleads more than none.
 */
export function screenTitle(
  lines: OcrLine[],
  frameHeight: number,
  stroke?: (box: Rect) => number | undefined,
): string | undefined {
  // A desktop button's text read apart from its shortcut beside it ("Clear" of "Clear Ctrl+C").
  const buttons = new Set(lines.flatMap((l) => shortcutOwner(l, lines) ?? []));
  const body = bodyType(lines);
  const bold = stroke ? boldLines(lines, stroke) : new Set<OcrLine>();
  const candidates = lines.filter(
    (l) =>
      l.box.y < frameHeight * TITLE_AREA &&
      l.confidence >= 60 &&
      (l.text.match(/\p{L}/gu) ?? []).length >= 3 &&
      looksLikeAName(l.text) &&
      !buttons.has(l.text) &&
      !framed(l) &&
      alone(l, lines, body) &&
      (typeOf(l) >= body * LARGER_TYPE || (typeOf(l) >= body && bold.has(l) && titleCase(l.text))),
  );
  candidates.sort((a, b) => typeOf(b) - typeOf(a) || a.box.y - b.box.y);
  return candidates[0]?.text;
}

/** A screen's title stands in this top share of its frame. */
export const TITLE_AREA = 0.4;
/** Type at least this much taller than the screen's body text is a heading's. */
const LARGER_TYPE = 1.4;
/** A line whose words are narrower per letter, together, than this share of its type's height is boxed with a frame (a button's border). */
const FRAMED_LETTER = 0.4;
/** A line on the row in type smaller than this share of a heading's is no neighbour of it (a logo's badge). */
const NEIGHBOUR_TYPE = 0.5;
/** How far (in heights of the body type) another line on a line's row stands off and leaves it alone. */
const TITLE_ROW_REACH = 10;

/**
 * The height of a line's type: its words' middle height, so that one word boxed with a glyph
 * (an opening quote mark over a quotation's first line, twice its height) does not make the
 * line a heading.
 */
function typeOf(line: OcrLine): number {
  return middleOf((line.words ?? [line]).map((w) => w.box.height)) ?? line.box.height;
}

/** The middle of some values (the lower of the two middle ones of an even count); undefined for none. */
function middleOf(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * Whether a line is written as a heading: two words or more, the first and the last
 * capitalised ("Tk Widget Demonstrations", "Paned windows and Notebooks" as read), not a cell's
 * "Grocery item" or one word ("Name").
 */
function titleCase(text: string): boolean {
  const words = text.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  return words.length >= 2 && /^\p{Lu}/u.test(words[0]!) && /^\p{Lu}/u.test(words.at(-1)!);
}

/**
 * The lines set bold: strokes at least 1.4 times as wide, for the height of their type, as the
 * middle line's of the screen.
 */
function boldLines(lines: OcrLine[], stroke: (box: Rect) => number | undefined): Set<OcrLine> {
  const weights = new Map(
    lines.flatMap((l) => {
      const width = stroke(l.box);
      return width === undefined ? [] : [[l, width / typeOf(l)] as const];
    }),
  );
  const middle = middleOf([...weights.values()]);
  if (middle === undefined) return new Set();
  return new Set([...weights].filter(([, weight]) => weight >= middle * BOLD).map(([l]) => l));
}

/** Strokes this much wider than the screen's middle line's, for their type's height, are bold. */
const BOLD = 1.4;

/** The screen's body type: the middle height of all the words read on it. */
function bodyType(lines: OcrLine[]): number {
  return middleOf(lines.flatMap((l) => (l.words ?? [l]).map((w) => w.box.height))) ?? 0;
}

/**
 * Whether a line's words stand in boxes taller than their letters are wide: buttons' text
 * boxed with their borders ("PayPal", 24 px tall for 14 px letters; "PayPal “GitHub" read
 * as one line), not a heading's.
 */
function framed(line: OcrLine): boolean {
  const words = line.words ?? [line];
  const letters = words.reduce((n, w) => n + alphanumerics(w.text), 0);
  const width = words.reduce((n, w) => n + w.box.width, 0);
  return letters > 0 && width / letters < typeOf(line) * FRAMED_LETTER;
}

/**
 * Whether no other line stands on a line's row near it (within ten heights of the body type):
 * a heading, not a cell of a row ("Birthday" in a table's header), a button among buttons, or a
 * control's value beside its caption. The rest of the line read apart after words read too
 * unsurely to keep ("Tk Widget" … "ns" of "Tk Widget Demonstrations") is the line itself.
 */
function alone(line: OcrLine, lines: OcrLine[], body: number): boolean {
  const reach = body * TITLE_ROW_REACH;
  const onRow = (box: Rect) => overlaps(box.y, box.height, line.box.y, line.box.height);
  const end = Math.max(...[line.box, ...(line.unsure ?? []).filter(onRow)].map((b) => b.x + b.width));
  return !lines.some(
    (l) =>
      l !== line &&
      typeOf(l) >= typeOf(line) * NEIGHBOUR_TYPE &&
      onRow(l.box) &&
      !(l.box.x >= end && l.box.x - end <= typeOf(line) * WORD_GAPS) &&
      l.box.x < end + reach &&
      line.box.x < l.box.x + l.box.width + reach,
  );
}

/** A line that starts no farther than this many heights of a line's type after its end goes on with it. */
const WORD_GAPS = 3;

/** A change over at least this share of the frame: a page's content, not a control's surroundings. */
const VIEW_AREA = 0.3;
/** At least this share of the lines read in it before were gone after: a new page or view. */
const NEW_VIEW_SHARE = 0.6;

/**
 * The title of the new page or view a change brought (`screenTitle` of the lines it shows
 * that are new in their places), where it was one: over much of the frame, and most of the
 * lines read there before gone, or the title read where another heading was (a page's content
 * replaced beside a menu that changed only its highlight: most lines stayed).
 */
export function newViewTitle(
  before: OcrLine[],
  after: OcrLine[],
  region: Rect,
  frame: { width: number; height: number },
): OcrLine | undefined {
  if (before.length === 0 || region.width * region.height < frame.width * frame.height * VIEW_AREA) return undefined;
  // Its title is new where it stands, and in the change: a header's button that stayed beside
  // the change is not, though OCR read it only after (boxed with its border, taller than the title).
  const fresh = after.filter(
    (a) => contains(region, center(a.box)) && !before.some((b) => b.text === a.text && samePlace(b.box, a.box)),
  );
  const text = screenTitle(fresh, frame.height);
  const title = fresh.find((a) => a.text === text);
  if (!title) return undefined;
  const gone = before.filter((b) => !after.some((a) => a.text === b.text));
  const replaced = before.some(
    (b) =>
      samePlace(b.box, title.box) &&
      b.text !== title.text &&
      !after.some((a) => a.text === b.text && samePlace(a.box, b.box)),
  );
  return gone.length >= before.length * NEW_VIEW_SHARE || replaced ? title : undefined;
}

/**
 * The line that reads as the new view's title (`title`, as read after), whatever its case
 * ("COMPONENTS" in a sidebar, "Components" over the page): the link that led there. A
 * navigation menu names the pages it leads to, and stays put: one outside the change, else
 * one in it read again in its place after (`after`: a menu whose highlight moved with the
 * click), never the title itself.
 */
export function linkTo(title: OcrLine, lines: OcrLine[], region: Rect, after: OcrLine[] = []): OcrLine | undefined {
  const reads = (l: OcrLine) => sameReading(l.text.toLowerCase(), title.text.toLowerCase());
  return (
    lines.find((l) => !intersects(l.box, region) && reads(l)) ??
    lines.find(
      (l) =>
        reads(l) && !samePlace(l.box, title.box) && after.some((a) => a.text === l.text && samePlace(a.box, l.box)),
    )
  );
}

/** At most this long, and this many words: a product's name, not a sentence that sits beside it. */
const MAX_NAME_CHARS = 40;
const MAX_NAME_WORDS = 5;

/** Titles of menus most programs show in their menu bar: a menu's name, not the program's. */
const MENU_TITLES = new Set(['file', 'edit', 'view', 'help', 'window', 'tools', 'options', 'insert', 'format']);
/**
 * This app's own recording controls read loosely ("Add marker ston recording", "stop recordin,"), and a window
 * titled by a host and port (its own, on a dev server): on a whole screen shared, not the
 * program recorded.
 */
const OWN_WINDOW = /\b(?:pause|resume|st[o0][pn]) recordi|\badd marker\b|^recording\s+\d{1,2}:\d{2}$|^\S+:\d{2,5}$/i;

/**
 * A menu's title, or one read a letter apart with a stray glyph before it (the menu bar's edge:
 * "\"Eile" for "File"); a name of its own a letter from one ("Yelp") has no such glyph.
 */
function isMenuTitle(text: string): boolean {
  const word = text.replace(/[^\p{L}]/gu, '').toLowerCase();
  const stray = /^[^\p{L}\p{N}]/u.test(text);
  return [...MENU_TITLES].some(
    (title) => word === title || (stray && word.length >= 4 && editDistance(word, title) <= 1),
  );
}

function looksLikeAName(text: string): boolean {
  const trimmed = text.trim();
  // A sentence, a question or a field's caption ("Select a node.", "What needs to be done?", "Name:").
  if (/[.?!:]$/u.test(trimmed)) return false;
  if (isMenuTitle(trimmed) || OWN_WINDOW.test(trimmed)) return false;
  // A button read with its keyboard shortcut ("Clear Ctrl+C"): a control, not a name.
  if (showsShortcut(trimmed)) return false;
  return trimmed.length <= MAX_NAME_CHARS && trimmed.split(/\s+/).length <= MAX_NAME_WORDS;
}
