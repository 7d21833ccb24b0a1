/**
 * The mark a click leaves on its own control, seen only as pixels: a sort arrow
 * that appears in the header clicked, a tick in a checkbox, the border or
 * underline of the tab or filter now selected. The rest of a change is its result
 * (rows re-sorted, a list filtered, a panel opened), and its text is what OCR
 * reads best, so the control is told by what was drawn beside its text or around
 * it. Pure: it works on the luma of the change's area, before and after.
 */
import { center, contains, type Point, type Rect } from '../../shared/geometry';
import { alphanumerics, partAt, samePlace, type OcrLine } from '../ocr/lines';
import { editDistance, indicatorChanged, readInPart, sameReading } from '../../shared/text-distance';
import type { LumaArea } from '../frame-luma';

export interface Mark {
  /** The text of the control that gained the mark. */
  label: string;
  /** Where the mark was drawn, in frame pixels. */
  box: Rect;
  /** A small square mark that appeared beside a label: a box ticked. */
  checkbox: boolean;
  /** The mark went, paler, beside a line that came back into full ink: a box unticked. */
  unticked?: true;
}

/**
 * How much more of a word's surroundings is ink after than before (a border, an
 * underline, a bolder face), and how many times more than any other word's: a
 * faint border around one filter of three is enough, a page that shifted is not.
 */
const WORD_GAIN = 0.01;
const WORD_LEAD = 3;
/** How much more ink a mark's box holds after than before (0–1, see `ink`): drawn, not taken away. */
const MARK_GAIN = 0.03;
/** A pixel that differs this much (luma) between the frames changed. */
export const PIXEL_CHANGE = 40;
/** Marks are small: an arrow, a tick, a dot. Larger changes are content. */
const MARK_MIN = 4;
const MARK_MAX = 48;
/** How far along its row a mark may sit from its control's text (a sort arrow at a wide cell's edge). */
const ROW_REACH = 200;
/** The share of lines gone after which a change replaced the view rather than marked a control. */
const REPLACED = 0.5;
const VIEW_LINES = 4;
/** How alike a line's place looks before and after where its text is still there (a video's noise aside). */
const STILL_LIKENESS = 0.9;
/** How alike a line must still look to have faded in place (greyed, struck through) rather than been replaced. */
const FADED_LIKENESS = 0.5;
/**
 * How alike a small glyph may still look and have turned: a filled ▶ and ▼ in one place share
 * much of their ink (about 0.65–0.7); one glyph redrawn or recoloured stays above 0.9.
 */
const TURNED_LIKENESS = 0.8;
/** The least ink (see `ink`) a small box holds to hold a glyph, before and after it turned. */
const GLYPH_INK = 0.04;
/** How far OCR's boxes of one word in one place may start apart between two frames (px). */
const WORD_JITTER = 3;
/** The grid the changed pixels are grouped on. */
const CELL = 4;

/**
 * The control that gained a mark between `before` and `after` (the same area of
 * two frames), among the lines OCR read there; undefined when none did, when
 * what was drawn does not sit beside or around text that stayed, or when most of the text
 * went or faded in place (a view replaced; a dialog's overlay paling the page). `pointer`, where
 * the mouse pointer rested on a shared screen: the line it rests on was the control
 * clicked, though the pointer drawn over it (and the control lit up under it) spoils
 * its reading after.
 */
export function gainedMark(
  before: LumaArea,
  after: LumaArea,
  linesBefore: readonly OcrLine[],
  linesAfter: readonly OcrLine[],
  pointer?: Point,
): Mark | undefined {
  // When most of the text is gone (a view replaced by another), what was drawn is the new view, not a mark.
  // (Judged on enough lines only: in a small change, one misread line would decide it.)
  const text = linesBefore.filter((l) => alphanumerics(l.text) >= 3);
  // A line read again a letter apart ("displayOutine") is not gone, nor one read again in its
  // place with a word of it whole, the rest garbled by the pointer over it ("Driv)¢ Sober").
  // Nor one whose pixels look as they did, whatever OCR made of them after (a video's noisy
  // frame; a line at the edge of the area read, boxed a few pixels taller after).
  const gone = text.filter(
    (l) =>
      !linesAfter.some(
        (a) =>
          a.text.toLowerCase().includes(l.text.toLowerCase()) ||
          sameReading(a.text, l.text) ||
          (samePlace(a.box, l.box) && sharesWord(a.text, l.text)),
      ) && likeness(before, after, l.box) < STILL_LIKENESS,
  );
  if (text.length >= VIEW_LINES && gone.length / text.length >= REPLACED) return undefined;
  // Nor when most of it kept its shapes but faded (a dialog's overlay paled the page under it).
  // (Only looked at on enough lines: each is a pass over its pixels.)
  const faded = () => text.filter((l) => fadedIn(before, after, l.box)).length;
  if (text.length >= VIEW_LINES && faded() / text.length >= REPLACED) return undefined;
  return (
    aroundWords(before, after, linesBefore, linesAfter) ?? besideText(before, after, linesBefore, linesAfter, pointer)
  );
}

/** Whether a changed blob is a mark's size (`MARK_MIN` to `MARK_MAX` each way): larger is content. */
function markSized(box: Rect): boolean {
  return box.width >= MARK_MIN && box.height >= MARK_MIN && box.width <= MARK_MAX && box.height <= MARK_MAX;
}

/** How much darker (0–1, mean over its box) a radio button's place grows as the dot comes to it. */
const DOT_SHADE = 0.06;

/**
 * The option a radio button chose, seen in the pixels where OCR read neither dot: the change
 * lies left of the options' text, on their rows, and left of each sits its button; the one that
 * grew darker took the dot, and another grew lighter (the dot left it). Undefined where not
 * exactly one grew darker and one lighter.
 */
export function dotMovedTo(
  before: LumaArea,
  after: LumaArea,
  lines: readonly OcrLine[],
  region: Rect,
): string | undefined {
  // Only the buttons changed: the options' text starts right of the change.
  const options = lines.filter((l) => {
    const middle = center(l.box).y;
    return middle >= region.y && middle <= region.y + region.height && l.box.x >= region.x + region.width - 4;
  });
  const shades = options.map((line) => {
    const h = line.box.height;
    // The button: about as wide as the text is tall and a bit more, just left of the text.
    const button = { x: line.box.x - 2.2 * h, y: line.box.y - 0.4 * h, width: 2 * h, height: 1.8 * h };
    return { line, change: shade(after, button) - shade(before, button) };
  });
  const darker = shades.filter((s) => s.change >= DOT_SHADE);
  const lighter = shades.filter((s) => s.change <= -DOT_SHADE);
  return darker.length === 1 && lighter.length === 1 ? darker[0]!.line.text : undefined;
}

/** How dark a box is on average (0–1: white to black). */
function shade(image: LumaArea, box: Rect): number {
  let sum = 0;
  let count = 0;
  for (let y = Math.round(box.y); y < box.y + box.height; y++) {
    for (let x = Math.round(box.x); x < box.x + box.width; x++) {
      const v = at(image, x, y);
      if (v === undefined) continue;
      sum += 255 - v;
      count++;
    }
  }
  return count > 0 ? sum / count / 255 : 0;
}

/**
 * Whether `now` is `was` read again in its place with a word spoilt (a pointer drawn over it, in
 * a video where it was not seen) and its tick as a word before it: as many words, a tick's
 * reading aside, at least half of them the same, and the others read at most half their letters
 * apart ("Wipers OK", then "Vv Widgrs OK"; not "object array", then "object object": a path
 * that changed).
 */
function spoiltInPlace(was: OcrLine, now: OcrLine): boolean {
  if (!samePlace(was.box, now.box)) return false;
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/\s+/u)
      .filter((word) => word && !TICK_READ.test(word));
  const [before, after] = [words(was.text), words(now.text)];
  if (before.length !== after.length || before.length === 0) return false;
  const same = before.filter((word, i) => alphanumerics(word) >= 2 && word === after[i]).length;
  const misread = before.every((word, i) => 2 * editDistance(word, after[i]!) <= word.length);
  return 2 * same >= before.length && misread;
}

/** Whether two readings share a word of two letters or more ("OK" of "Wipers OK"). */
function sharesWord(a: string, b: string): boolean {
  const words = (text: string) =>
    text
      .toLowerCase()
      .split(/\s+/)
      .filter((word) => alphanumerics(word) >= 2);
  const theirs = new Set(words(b));
  return words(a).some((word) => theirs.has(word));
}

/** A word whose surroundings gained ink, where its line now is (a list that shrank moves it). */
function aroundWords(
  before: LumaArea,
  after: LumaArea,
  linesBefore: readonly OcrLine[],
  linesAfter: readonly OcrLine[],
): Mark | undefined {
  const gains: { mark: Mark; gain: number }[] = [];
  for (const line of linesBefore) {
    const now = counterpart(line, linesAfter);
    if (!now) continue;
    // Moved by less than half its height, it is where it was, read into a box a few pixels off
    // ("message" 7 px left and 6 up, a row's coloured edge then in its surroundings). Up and down
    // it is judged by its middle: a box read taller one time (a video's "Tree ▾" on a blue bar,
    // 24 px tall before and 10 after) has its top far off though the text stayed.
    const still = (d: number) => Math.abs(d) < line.box.height / 2;
    const middle = (box: Rect) => box.y + box.height / 2;
    const moved = !still(now.box.x - line.box.x) || !still(middle(now.box) - middle(line.box));
    const dx = moved ? now.box.x - line.box.x : 0;
    const dy = moved ? now.box.y - line.box.y : 0;
    for (const word of line.words ?? [{ text: line.text, box: line.box }]) {
      if (alphanumerics(word.text) < 2) continue; // a lone digit or letter is as often a misread icon
      const h = word.box.height;
      const around = pad(word.box, Math.max(4, Math.round(0.6 * h)), Math.max(3, Math.round(0.4 * h)));
      // (Only where something was drawn: a video's encoder shifts a plain background a few levels,
      // which can move its commonest level and so every pixel's ink, with nothing drawn at all.)
      if (redrawn(before, after, around, dx, dy) < REDRAWN_PIXELS) continue;
      const gain = ink(after, shift(around, dx, dy)) - ink(before, around);
      const label = partAt(line, center(word.box).x);
      gains.push({ mark: { label, box: shift(around, dx, dy), checkbox: false }, gain });
    }
  }
  gains.sort((a, b) => b.gain - a.gain);
  const [best, next] = gains;
  if (!best || best.gain <= WORD_GAIN) return undefined;
  return !next || best.gain >= WORD_LEAD * Math.max(next.gain, 0) ? best.mark : undefined;
}

/**
 * A pixel that differs this much (luma) from its place before was drawn anew: a faint border on
 * white (TodoMVC's selected filter, about 34 levels) is; a video's re-encoding of the same
 * pixels (up to about 15 levels) is not.
 */
const REDRAWN_LEVELS = 24;
/** How many such pixels a word's surroundings hold where something was drawn around it. */
const REDRAWN_PIXELS = 6;

/** How many pixels of `box` were drawn anew in `after`, where the box now lies `dx`, `dy` off. */
function redrawn(before: LumaArea, after: LumaArea, box: Rect, dx: number, dy: number): number {
  let count = 0;
  for (let y = Math.round(box.y); y < box.y + box.height; y++) {
    for (let x = Math.round(box.x); x < box.x + box.width; x++) {
      const [was, now] = [at(before, x, y), at(after, x + dx, y + dy)];
      if (was !== undefined && now !== undefined && Math.abs(was - now) >= REDRAWN_LEVELS) count++;
    }
  }
  return count;
}

/**
 * A tick as OCR reads it, with the edge of its box or without: "v", "Iv", "lv", "|v", or twice
 * ("Vv", a video's blurred tick).
 */
const TICK_READ = /^[Il|1]?(?:[vV✓✔]|[vV]{2})$/u;
/** An empty box as OCR reads it, its two sides as letters ("ll"), after a line's text or alone. */
const BOX_SIDES = '[Il|1]{2}';
const BOX_READ = new RegExp(`^${BOX_SIDES}$`, 'u');
const BOX_AFTER = new RegExp(`\\s+${BOX_SIDES}$`, 'u');
/** A line's text without an empty box read after it: dat.GUI's "displayOutine ll", unticked. */
const withoutBox = (text: string) => text.replace(BOX_AFTER, '');

/** How far beside a line's text the pointer may rest and be on its control (its box or tick). */
const POINTER_BESIDE = 24;

/**
 * The line the pointer rests on or right beside, read again after in its place as no other
 * text: only pieces of it, where the pointer now covers the rest ("OK" of "Wipers OK"), or
 * nothing at all.
 */
function underPointer(
  lines: readonly OcrLine[],
  linesAfter: readonly OcrLine[],
  pointer: Point | undefined,
): OcrLine | undefined {
  if (!pointer) return undefined;
  const line = lines.find((l) => contains(pad(l.box, POINTER_BESIDE, 2), pointer));
  if (!line) return undefined;
  const readAgain = linesAfter.filter((a) => samePlace(a.box, line.box));
  return readAgain.every((a) => sharesWord(a.text, line.text)) ? line : undefined;
}

/** Letters a line struck through may be read apart from itself, in letters of its text: "Boeck fights". */
const STRUCK_EDITS = 1 / 4;

/**
 * Whether `now` is `was` read again struck through: a few letters apart, its words no count
 * (a counter that went from 2 to 1 reads a letter or two apart too, and is a result).
 */
function readStruckThrough(now: string, was: string): boolean {
  const length = Math.min(now.length, was.length);
  return length >= 6 && !/\d/.test(was + now) && editDistance(now, was) <= length * STRUCK_EDITS;
}

/** A small mark drawn where no text changed, on the row of a line that stayed: its control's text. */
function besideText(
  before: LumaArea,
  after: LumaArea,
  linesBefore: readonly OcrLine[],
  linesAfter: readonly OcrLine[],
  pointer: Point | undefined,
): Mark | undefined {
  // Text that changed or moved is the result; its pixels are left out.
  const wordsOf = (lines: readonly OcrLine[]) =>
    lines.flatMap((l) => (l.words ?? [{ text: l.text, box: l.box }]).map((w) => ({ ...w, line: l })));
  const [wordsBefore, wordsAfter] = [wordsOf(linesBefore), wordsOf(linesAfter)];
  // A word read a letter apart in the same place is the same word (a tick beside it can cost it a
  // letter); one that shifted along its row is text redrawn ("left" after "items" lost its "s").
  // (Not one boxed wider: OCR can take a box beside a word into it, "displayOutine".)
  const unchanged = (word: { text: string; box: Rect }, others: { text: string; box: Rect }[]) =>
    others.some(
      (o) =>
        sameReading(o.text, word.text) && samePlace(o.box, word.box) && Math.abs(o.box.x - word.box.x) <= WORD_JITTER,
    );
  // A mark itself can be read as a letter ("v" for a tick or an arrow): a word needs two to count
  // as text, and a tick read with its box's edge ("Iv") is none.
  // Nor is an empty box read as its sides ("ll"), which the tick then replaced.
  const isText = (word: { text: string }) =>
    alphanumerics(word.text) >= 2 && !TICK_READ.test(word.text) && !BOX_READ.test(word.text);
  const changed = [
    ...wordsBefore.filter((w) => !unchanged(w, wordsAfter)).map((w) => ({ w, others: wordsAfter })),
    ...wordsAfter.filter((w) => !unchanged(w, wordsBefore)).map((w) => ({ w, others: wordsBefore })),
  ];
  // A number is text too where it was read in place of another ("0items" then "1", "(2)" then
  // "(1)": a counter), or on a line whose words are text that changed ("Clear completed (1)",
  // read only after: its count went from 2 to 1).
  const counter = ({ w, others }: { w: (typeof wordsAfter)[number]; others: typeof wordsAfter }) =>
    /\d/u.test(w.text) &&
    (others.some((o) => /\d/u.test(o.text) && samePlace(o.box, w.box)) ||
      changed.some((c) => c.w.line === w.line && c.w !== w && isText(c.w)));
  const masked = changed.filter((c) => isText(c.w) || counter(c)).map(({ w }) => pad(w.box, 2, 2));
  // The text beside a mark: a line that stayed, or one that faded in place (a todo ticked
  // off is greyed and struck through), not one that moved or that other text replaced; and
  // the one the pointer rests on.
  const pointed = underPointer(linesBefore, linesAfter, pointer);
  const beside = linesBefore
    .filter(
      (l) =>
        l === pointed ||
        linesAfter.some((a) => sameReading(withoutBox(a.text), withoutBox(l.text)) && samePlace(a.box, l.box)) ||
        // Or read with the mark as a letter before it ("object" as "v object": a tree node's arrow).
        linesAfter.some((a) => indicatorChanged(l.text, a.text) && samePlace(a.box, l.box)) ||
        linesAfter.some((a) => spoiltInPlace(l, a)) ||
        ((!linesAfter.some((a) => a.text === l.text || samePlace(a.box, l.box)) ||
          linesAfter.some((a) => samePlace(a.box, l.box) && readStruckThrough(a.text, l.text))) &&
          likeness(before, after, l.box) >= FADED_LIKENESS),
    )
    .filter((l) => alphanumerics(l.text) >= 2);
  // A line OCR read only in part before and whole after, in its place ("Folder", then "Another
  // Folder" as its arrow turned, in a video): beside a mark by its whole reading.
  const readWhole = linesAfter.filter(
    (a) => !beside.includes(a) && linesBefore.some((l) => samePlace(a.box, l.box) && readInPart(l.text, a.text)),
  );
  beside.push(...readWhole);
  const readAlike = new Set(
    beside.filter((l) => linesAfter.some((a) => withoutBox(a.text) === withoutBox(l.text) && samePlace(a.box, l.box))),
  );
  // A line that faded in place with its mark (a todo ticked off, greyed and struck through) was
  // the item acted on; a mark drawn beside a line that stayed as it was can be a side effect
  // (TodoMVC's toggle-all arrow darkens as the last item is ticked).
  const faded = (line: OcrLine) =>
    linesBefore.includes(line) && !linesAfter.some((a) => sameReading(a.text, line.text) && samePlace(a.box, line.box));
  // Of several, the mark beside the line the pointer rests on, else beside a line that faded,
  // else the one nearest its text: a control's mark sits by its label, a stray one farther off
  // (a tri-state box above, ticked as a result, sits as near its own).
  const rank = (pointed: boolean, fadedLine: boolean) => 2 * Number(pointed) + Number(fadedLine);
  let best: { mark: Mark; gap: number; rank: number } | undefined;
  const blobs = changedBlobs(before, after, masked);
  for (const box of blobs) {
    if (!markSized(box)) continue;
    const gained = inkGain(before, after, box) > MARK_GAIN;
    const turned = !gained && turnedAround(before, after, box);
    if (!gained && !turned) continue;
    const near = rowLine(after, box, beside, readAlike);
    // A change touching its line's text is that text read otherwise, not a mark beside it.
    if (!near || near.gap < 2) continue;
    const ranked = rank(near.line === pointed, faded(near.line));
    if (best && (best.rank > ranked || (best.rank === ranked && near.gap >= best.gap))) continue;
    // A glyph that turned names the line it leads (a tree node's arrow), not one it ends.
    if (turned && near.line.box.x < box.x + box.width) continue;
    const checkbox = !turned && (isCheckbox(box) || tickInBox(before, after, box));
    best = { mark: { label: withoutBox(near.line.text), box, checkbox }, gap: near.gap, rank: ranked };
  }
  return best?.mark ?? untickedBeside(before, after, linesBefore, linesAfter, blobs);
}

/**
 * A tick that went, or turned pale, beside a line that came back into full ink in its place
 * (a todo unticked: its text, struck through in faint grey where OCR did not read it, is read
 * after): the box unticked. Of several, the one nearest its line. A mark that went beside a
 * line that stayed as it was (TodoMVC's toggle-all arrow paling) is a side effect. `blobs`: the
 * places that changed, text left out (`besideText`'s).
 */
function untickedBeside(
  before: LumaArea,
  after: LumaArea,
  linesBefore: readonly OcrLine[],
  linesAfter: readonly OcrLine[],
  blobs: Rect[],
): Mark | undefined {
  // Not read before, yet still alike in its place; or read alike in faint grey before (OCR read
  // the struck-through todo too), and in darker ink now.
  const cameBack = linesAfter.filter((a) => {
    if (alphanumerics(a.text) < 2) return false;
    const readBefore = linesBefore.some((l) => samePlace(l.box, a.box) && sameReading(l.text, a.text));
    return readBefore ? inkGain(before, after, a.box) > MARK_GAIN : likeness(before, after, a.box) >= FADED_LIKENESS;
  });
  if (cameBack.length === 0) return undefined;
  let best: { mark: Mark; gap: number } | undefined;
  for (const box of blobs) {
    if (!markSized(box)) continue;
    if (inkGain(after, before, box) <= MARK_GAIN || !isCheckbox(box)) continue;
    const near = rowLine(after, box, cameBack);
    // (Left of its line, as a box sits: the delete button right of a row went with the pointer.)
    if (!near || near.gap < 2 || near.line.box.x < box.x + box.width) continue;
    if (best && near.gap >= best.gap) continue;
    best = { mark: { label: near.line.text, box, checkbox: true, unticked: true }, gap: near.gap };
  }
  return best?.mark;
}

/** The sides of a small check box (a desktop toolkit's, 9–24 px). */
const SMALL_BOX_MIN = 8;
const SMALL_BOX_MAX = 24;
/** How far a box's plain inside may differ in luma and still be plain. */
const PLAIN = 8;

/**
 * Whether a small mark was drawn inside an empty square box (a desktop toolkit's check box,
 * 10 px, ticked): before, the mark's middle lies in a plain square bounded on all four sides
 * by an edge, and every changed pixel of the mark lies inside it. A sort arrow or a dot on a
 * header's or a page's plain ground finds no such box around it.
 */
function tickInBox(before: LumaArea, after: LumaArea, box: Rect): boolean {
  const c = { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
  const inside = at(before, c.x, c.y);
  if (inside === undefined) return false;
  const reach = (dx: number, dy: number) => {
    for (let d = 1; d <= SMALL_BOX_MAX; d++) {
      const v = at(before, c.x + d * dx, c.y + d * dy);
      if (v === undefined) return Infinity;
      if (Math.abs(v - inside) > PLAIN) return d;
    }
    return Infinity;
  };
  const [left, right, up, down] = [reach(-1, 0), reach(1, 0), reach(0, -1), reach(0, 1)];
  const square = { x: c.x - left, y: c.y - up, width: left + right, height: up + down };
  const sides = [square.width, square.height];
  if (sides.some((side) => !Number.isFinite(side) || side < SMALL_BOX_MIN || side > SMALL_BOX_MAX)) return false;
  if (Math.abs(square.width - square.height) > 3) return false;
  // Every changed pixel of the mark within the box's sides (its border itself may change colour).
  for (let y = Math.round(box.y); y < box.y + box.height; y++) {
    for (let x = Math.round(box.x); x < box.x + box.width; x++) {
      const [a, b] = [at(before, x, y), at(after, x, y)];
      if (a === undefined || b === undefined || Math.abs(a - b) <= PIXEL_CHANGE) continue;
      if (x < square.x || x > square.x + square.width || y < square.y || y > square.y + square.height) return false;
    }
  }
  return true;
}

/**
 * Whether a small glyph turned in place (a disclosure arrow, ▸ to ▾, as a tree node or a
 * folder opens): as much ink before as after, in another shape.
 */
function turnedAround(before: LumaArea, after: LumaArea, box: Rect): boolean {
  return (
    ink(before, box) >= GLYPH_INK && ink(after, box) >= GLYPH_INK && likeness(before, after, box) < TURNED_LIKENESS
  );
}

/** How near a logged click point a box it ticked lies. */
const TICK_REACH = 8;

/**
 * Whether a logged click at `point` ticked a box or unticked one: a small square mark
 * gained ink, or lost it, under or right by the point, or the change's `mark` is a box
 * unticked there. A click on a box's label ticks it too, but then the point says nothing of
 * it; this is for clicks on the box itself.
 */
export function boxToggledAt(
  before: LumaArea,
  after: LumaArea,
  point: { x: number; y: number },
  mark?: Mark,
  blobs: Rect[] = changedBlobs(before, after, []),
): 'ticked' | 'unticked' | undefined {
  const near = (box: Rect) =>
    point.x >= box.x - TICK_REACH &&
    point.x <= box.x + box.width + TICK_REACH &&
    point.y >= box.y - TICK_REACH &&
    point.y <= box.y + box.height + TICK_REACH;
  // A tick that paled beside its line come back into full ink (`untickedBeside`), in no box.
  if (mark?.unticked && near(mark.box)) return 'unticked';
  for (const box of blobs) {
    if (!near(box) || !isCheckbox(box)) continue;
    if (inkGain(before, after, box) > MARK_GAIN) return 'ticked';
    // Unticked, the box is left empty: the ink lost lay inside a plain square (a link's text
    // that lost its hover colour under the point lost ink too, in no box).
    if (inkGain(after, before, box) > MARK_GAIN && tickInBox(after, before, box)) return 'unticked';
  }
  return undefined;
}

/** How far left of a logged click on a box's label the box may end (Tk's check button: 30 px). */
const LABEL_TO_BOX = 48;

/** The strip of a row left of a logged click where the box of a label clicked lies (see `boxToggledBeside`). */
export function labelBoxStrip(point: Point): Rect {
  const reach = LABEL_TO_BOX + SMALL_BOX_MAX;
  return { x: point.x - reach, y: point.y - SMALL_BOX_MAX, width: reach, height: 2 * SMALL_BOX_MAX };
}

/**
 * Whether a logged click at `point` on a box's label (a desktop check button's text, an HTML
 * label) ticked the box or unticked it: a mark on the point's row, ending at most
 * `LABEL_TO_BOX` left of the point, gained ink inside an empty square box (`tickInBox`), or lost
 * it so. (Not any square that changed: a combo box's text lit up as its list dropped.) A change
 * under the point itself is `boxToggledAt`'s.
 */
export function boxToggledBeside(
  before: LumaArea,
  after: LumaArea,
  point: { x: number; y: number },
  blobs: Rect[] = changedBlobs(before, after, []),
): 'ticked' | 'unticked' | undefined {
  for (const box of blobs) {
    const right = box.x + box.width;
    const onRow = point.y >= box.y - TICK_REACH && point.y <= box.y + box.height + TICK_REACH;
    if (!onRow || right > point.x - TICK_REACH || point.x - right > LABEL_TO_BOX || !markSized(box)) continue;
    if (inkGain(before, after, box) > MARK_GAIN && tickInBox(before, after, box)) return 'ticked';
    if (inkGain(after, before, box) > MARK_GAIN && tickInBox(after, before, box)) return 'unticked';
  }
  return undefined;
}

/**
 * Whether a logged click at `point` ticked a box or unticked one, on the box itself
 * (`boxToggledAt`) or on its label (`boxToggledBeside`, `byLabel`); the frames' changed places
 * are found once for both.
 */
export function boxToggled(
  before: LumaArea,
  after: LumaArea,
  point: { x: number; y: number },
  mark?: Mark,
): { state: 'ticked' | 'unticked'; byLabel?: true } | undefined {
  const blobs = changedBlobs(before, after, []);
  const at = boxToggledAt(before, after, point, mark, blobs);
  if (at) return { state: at };
  const beside = boxToggledBeside(before, after, point, blobs);
  return beside ? { state: beside, byLabel: true } : undefined;
}

/** A small square mark: a box ticked (a sort arrow or a dot is flatter or smaller). */
function isCheckbox(box: Rect): boolean {
  const ratio = box.width / box.height;
  return ratio >= 0.7 && ratio <= 1.45 && Math.min(box.width, box.height) >= 12 && box.width <= 44;
}

/**
 * The line on the mark's row nearest it; one across a ruled line (a table's column
 * border) only when no line is on the mark's own side of every rule (a list drawn
 * with a margin line).
 */
function rowLine(
  image: LumaArea,
  box: Rect,
  lines: readonly OcrLine[],
  readAlike: ReadonlySet<OcrLine> = new Set(),
): { line: OcrLine; gap: number } | undefined {
  const near: { line: OcrLine; gap: number; ruled: boolean }[] = [];
  for (const line of lines) {
    const onRow = line.box.y - 4 < box.y + box.height && box.y < line.box.y + line.box.height + 4;
    if (!onRow) continue;
    const leftGap = box.x - (line.box.x + line.box.width);
    const rightGap = line.box.x - (box.x + box.width);
    // A box ending a line that reads exactly as it did, taken into the line's box by OCR in
    // both frames (dat.GUI's checkbox in "displayOutine", 110 px wide for 69 of text): beside it.
    const end = line.box.x + line.box.width;
    const taken =
      readAlike.has(line) &&
      isCheckbox(box) &&
      leftGap < -2 &&
      box.x > line.box.x + line.box.width / 2 &&
      box.x + box.width >= end - box.width;
    const gap = taken ? 2 : Math.max(leftGap, rightGap);
    if (gap < -2 || gap > ROW_REACH) continue;
    const [x0, x1] = leftGap >= rightGap ? [line.box.x + line.box.width, box.x] : [box.x + box.width, line.box.x];
    const y0 = Math.min(line.box.y, box.y);
    const y1 = Math.max(line.box.y + line.box.height, box.y + box.height);
    near.push({ line, gap, ruled: ruledBetween(image, x0, x1, y0, y1) });
  }
  near.sort((a, b) => Number(a.ruled) - Number(b.ruled) || a.gap - b.gap);
  return near[0];
}

/** A vertical rule between x0 and x1 over the rows y0–y1: an even column unlike the columns beside it. */
function ruledBetween(image: LumaArea, x0: number, x1: number, y0: number, y1: number): boolean {
  const column = (x: number) => {
    let sum = 0;
    let min = 255;
    let max = 0;
    let n = 0;
    for (let y = y0; y < y1; y++) {
      const v = at(image, x, y);
      if (v === undefined) continue;
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
      n++;
    }
    return n > 0 ? { mean: sum / n, even: max - min <= 24 } : undefined;
  };
  for (let x = Math.ceil(x0) + 2; x < Math.floor(x1) - 2; x++) {
    const [left, here, right] = [column(x - 2), column(x), column(x + 2)];
    if (!left || !here || !right || !here.even) continue;
    if (Math.abs(here.mean - left.mean) >= 12 && Math.abs(here.mean - right.mean) >= 12) return true;
  }
  return false;
}

/** Boxes of connected changed pixels (grouped on a small grid), outside the masked boxes. */
function changedBlobs(before: LumaArea, after: LumaArea, masked: Rect[]): Rect[] {
  const columns = Math.ceil(before.width / CELL);
  const rows = Math.ceil(before.height / CELL);
  // The masked boxes painted once, so that each changed pixel is one lookup.
  const off = new Uint8Array(before.width * before.height);
  for (const m of masked) {
    const [x0, y0] = [Math.max(0, Math.floor(m.x - before.x)), Math.max(0, Math.floor(m.y - before.y))];
    const x1 = Math.min(before.width, Math.ceil(m.x + m.width - before.x));
    const y1 = Math.min(before.height, Math.ceil(m.y + m.height - before.y));
    for (let y = y0; y < y1; y++) off.fill(1, y * before.width + x0, y * before.width + Math.max(x0, x1));
  }
  const hit = new Uint8Array(columns * rows);
  for (let y = 0; y < before.height; y++) {
    for (let x = 0; x < before.width; x++) {
      const i = y * before.width + x;
      if (off[i] || Math.abs(before.data[i]! - after.data[i]!) <= PIXEL_CHANGE) continue;
      hit[Math.floor(y / CELL) * columns + Math.floor(x / CELL)] = 1;
    }
  }
  const blobs: Rect[] = [];
  const seen = new Uint8Array(hit.length);
  for (let start = 0; start < hit.length; start++) {
    if (!hit[start] || seen[start]) continue;
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const cell = stack.pop()!;
      const cx = cell % columns;
      const cy = Math.floor(cell / columns);
      [minX, minY, maxX, maxY] = [Math.min(minX, cx), Math.min(minY, cy), Math.max(maxX, cx), Math.max(maxY, cy)];
      for (let ny = cy - 1; ny <= cy + 1; ny++) {
        for (let nx = cx - 1; nx <= cx + 1; nx++) {
          if (nx < 0 || ny < 0 || nx >= columns || ny >= rows) continue;
          const next = ny * columns + nx;
          if (hit[next] && !seen[next]) {
            seen[next] = 1;
            stack.push(next);
          }
        }
      }
    }
    blobs.push({
      x: before.x + minX * CELL,
      y: before.y + minY * CELL,
      width: (maxX - minX + 1) * CELL,
      height: (maxY - minY + 1) * CELL,
    });
  }
  return blobs;
}

/**
 * How much ink a changed box gained: around it (a mark drawn on a plain ground), or
 * inside it (a box that fills with colour as it is ticked: its ground changed too,
 * and what now stands out from it is the tick).
 */
function inkGain(before: LumaArea, after: LumaArea, box: Rect): number {
  const around = pad(box, 2, 2);
  const inside = pad(box, -Math.floor(box.width / 4), -Math.floor(box.height / 4));
  return Math.max(ink(after, around) - ink(before, around), ink(after, inside) - ink(before, inside));
}

/** How far a box's pixels stand from its commonest luma, on average (0–1): its ink. */
function ink(image: LumaArea, box: Rect): number {
  const histogram = new Uint32Array(32);
  const values: number[] = [];
  for (let y = Math.round(box.y); y < box.y + box.height; y++) {
    for (let x = Math.round(box.x); x < box.x + box.width; x++) {
      const v = at(image, x, y);
      if (v === undefined) continue;
      values.push(v);
      histogram[v >> 3]!++;
    }
  }
  if (values.length === 0) return 0;
  const mode = histogram.indexOf(Math.max(...histogram)) * 8 + 4;
  return values.reduce((n, v) => n + Math.abs(v - mode), 0) / values.length / 255;
}

/**
 * How alike a box looks before and after (the correlation of its luma, -1–1): text
 * greyed or struck through keeps its shapes; text replaced by other text does not.
 */
function likeness(before: LumaArea, after: LumaArea, box: Rect): number {
  const pairs: [number, number][] = [];
  for (let y = Math.round(box.y); y < box.y + box.height; y++) {
    for (let x = Math.round(box.x); x < box.x + box.width; x++) {
      const [a, b] = [at(before, x, y), at(after, x, y)];
      if (a !== undefined && b !== undefined) pairs.push([a, b]);
    }
  }
  if (pairs.length === 0) return 0;
  const mean = (i: 0 | 1) => pairs.reduce((n, p) => n + p[i], 0) / pairs.length;
  const [ma, mb] = [mean(0), mean(1)];
  let [sab, saa, sbb] = [0, 0, 0];
  for (const [a, b] of pairs) {
    sab += (a - ma) * (b - mb);
    saa += (a - ma) ** 2;
    sbb += (b - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/**
 * Whether the text in a box kept its shapes but lost most of its contrast: a dialog's overlay
 * paled the page under it (OCR may read it still).
 */
function fadedIn(before: LumaArea, after: LumaArea, box: Rect): boolean {
  return likeness(before, after, box) >= STILL_LIKENESS && spread(after, box) < FADED * spread(before, box);
}

/** How widely the luma spreads over a box (its standard deviation): text's contrast with its ground. */
function spread(image: LumaArea, box: Rect): number {
  const values: number[] = [];
  for (let y = Math.round(box.y); y < box.y + box.height; y++)
    for (let x = Math.round(box.x); x < box.x + box.width; x++) {
      const value = at(image, x, y);
      if (value !== undefined) values.push(value);
    }
  if (values.length === 0) return 0;
  const mean = values.reduce((n, v) => n + v, 0) / values.length;
  return Math.sqrt(values.reduce((n, v) => n + (v - mean) ** 2, 0) / values.length);
}

/** Text whose contrast fell under this share of what it was faded (a dialog's overlay at three quarters leaves a quarter). */
const FADED = 0.5;

/** The luma at frame pixel (x, y), if the area holds it. */
function at(image: LumaArea, x: number, y: number): number | undefined {
  const ix = x - image.x;
  const iy = y - image.y;
  if (ix < 0 || iy < 0 || ix >= image.width || iy >= image.height) return undefined;
  return image.data[iy * image.width + ix];
}

/** How far across a line may have moved and still be itself: lists shift up and down, not sideways. */
const SIDEWAYS = 8;

/** The line after with the same text nearest where it was: itself, or itself moved up or down. */
function counterpart(line: OcrLine, after: readonly OcrLine[]): OcrLine | undefined {
  const c = center(line.box);
  let best: OcrLine | undefined;
  let bestDistance = Infinity;
  for (const other of after) {
    if (other.text !== line.text || (other.words?.length ?? 0) !== (line.words?.length ?? 0)) continue;
    if (Math.abs(other.box.x - line.box.x) > SIDEWAYS) continue;
    const o = center(other.box);
    const distance = Math.hypot(o.x - c.x, o.y - c.y);
    if (distance < bestDistance) {
      best = other;
      bestDistance = distance;
    }
  }
  return best;
}

function pad(box: Rect, dx: number, dy: number): Rect {
  return { x: box.x - dx, y: box.y - dy, width: box.width + 2 * dx, height: box.height + 2 * dy };
}

function shift(box: Rect, dx: number, dy: number): Rect {
  return { ...box, x: box.x + dx, y: box.y + dy };
}
