/**
 * A choice from a drop-down list drawn on the screen (a desktop combo box's list, a page's own
 * select): the click that closed it fell on one of its rows, and the field it dropped from
 * changed. Seen as pixels the click names the row, and OCR runs the row into the text beside
 * the list ("4. A text widget witPerth": the list hid the rest of a line of the window under
 * it), so the row is read again on its own, and the field is read after the click. Pure:
 * `read-again.ts` reads the areas named here.
 */
import { center, intersects, type Point, type Rect } from '../../shared/geometry';
import { editDistance } from '../../shared/text-distance';
import { alphanumerics, linesMeeting, samePlace, wordCount, type OcrLine } from '../ocr/lines';
import { captionOf, FRAME_BORDER, POINTER_LETTERS } from './labels';

/** How far apart (px) the left edges of a list's rows may be read ("“Canberra": a border read as a quote). */
const ALIGNED = 3;
/** How far right of where its rows start a list may be clicked. */
const LIST_REACH = 240;
/** Rows, at least, below the top one read at the list's left edge, that make a list. */
const MIN_ROWS = 3;
/** Rows closer than this (px, centre to centre) are one row read twice. */
const SAME_ROW = 6;
/** How far off (px) a row may sit from the list's pitch. */
const PITCH_SLACK = 3;
/** Rows a list's reading may miss in a row (covered by the pointer, read into the text beside it). */
const MISSED_ROWS = 3;
/** Around a row, how much more is read (tesseract wants a margin round the text, and no more: the text beside the list). */
const PAD = 3;

export interface RowStart {
  text: string;
  box: Rect;
  line: OcrLine;
}

/** A list that a click at a point fell in, and the areas to read again to tell what it chose. */
export interface DropDown {
  /** The row under the point. */
  row: Rect;
  /**
   * Where to read it again, before the click (and before the list opened): with the rows over
   * and under it, as tesseract reads a row cut tight at its letters badly or not at all.
   */
  rowArea: Rect;
  /** The list's first row read. */
  top: OcrLine;
  /** Where its rows lie, from the first row read to the last. */
  rows: Rect;
  /**
   * The row over the list at its left edge that reads as one of its rows, or else is off their
   * spacing: the field's value (a combo's starts where its rows do).
   */
  field?: OcrLine;
  /** Over the list, where the field it dropped from and the field's caption are, to read before and after the click. */
  above: Rect;
}

/**
 * The list a click at `point` fell in, read in the frame before it: at least three rows of
 * text starting at one left edge and evenly spaced (the rows above them at that edge that are
 * not are the field and its caption), the point on one of them (or between, where OCR missed
 * it), the rows gone after the click (`after`: the step's reading then, empty where that frame
 * was not read).
 */
export function dropDownAt(before: OcrLine[], after: OcrLine[], point: Point): DropDown | undefined {
  const column = columnAt(before, point);
  // A combo's value is one of its list's rows: the topmost row that reads as a row under it is
  // the field, and the list starts under it (it may lie on the rows' spacing, a few px off).
  const shown = column.findIndex(
    (w, i) => i < column.length - MIN_ROWS && column.slice(i + 1).some((o) => reads(o.text, w.text)),
  );
  // The list: the most rows to the bottom that are evenly spaced, a few perhaps missed (read
  // into the text beside the list). Spaced by their tops: a row's box reaches as far down as its
  // letters do.
  let first = shown + 1;
  while (first <= column.length - MIN_ROWS && pitchOf(column.slice(first)) === undefined) first++;
  if (first > column.length - MIN_ROWS) return undefined;
  const rows = column.slice(first);
  const top = rows[0]!;
  // Where most rows start (one read from a glyph further left, "“Canberra", does not move it).
  const starts = rows.map((w) => w.box.x).sort((a, b) => a - b);
  const left = starts[Math.floor(starts.length / 2)]! - PAD;
  const right = Math.max(...column.map((w) => w.line.box.x + w.line.box.width)) + PAD;
  if (point.x > right) return undefined;
  // Rows missed every other one look spaced twice as far: text read in the list's width between
  // two rows (a row OCR ran into the window beside the list) halves the spacing.
  let pitch = pitchOf(rows)!;
  const offGrid = (y: number) => {
    const steps = (y - top.box.y) / pitch;
    return Math.abs(steps - Math.round(steps)) * pitch > pitch / 4;
  };
  const between = before.some((l) =>
    (l.words ?? [l]).some(
      (w) =>
        w.box.x < right &&
        w.box.x + w.box.width > left + PAD &&
        w.box.y > top.box.y &&
        w.box.y < rows.at(-1)!.box.y &&
        alphanumerics(w.text) >= RUN_INTO &&
        offGrid(w.box.y),
    ),
  );
  if (between) pitch /= 2;
  if (pitch < 2 * SAME_ROW) return undefined;
  const over = shown >= 0 ? column[shown] : column[first - 1];
  // (Further where the first rows were missed.)
  const field = over && top.box.y - over.box.y <= (FIELD_GAP + MISSED_ROWS) * pitch ? over : undefined;
  // The row the point fell in, counted from the nearest row read: a row's letters start about
  // a third of the pitch below its top edge.
  const nearest = rows.map((w) => w.box.y).sort((a, b) => Math.abs(a - point.y) - Math.abs(b - point.y))[0]!;
  const rowTop = nearest + Math.round((point.y - (nearest + pitch / 6)) / pitch) * pitch;
  // (Over the first row read, where OCR missed the rows between, but under the field; with no
  // field read at the list's edge, one is looked for over the first row, which must be a row
  // read, not one missed.)
  const highest = field ? field.box.y + pitch / 2 : top.box.y - pitch / 2;
  if (rowTop < highest || rowTop > rows.at(-1)!.box.y + pitch / 2) return undefined;
  // Closed once a row was clicked.
  const stayed = rows.filter((w) => after.some((a) => a.text.includes(w.text) && samePlace(a.box, w.line.box)));
  if (stayed.length * 2 > rows.length) return undefined;
  const aboveTop = (field ?? top).box.y - FIELD_AND_CAPTION;
  return {
    row: { x: left, y: Math.round(rowTop - pitch / 3), width: right - left, height: Math.round(pitch) },
    rowArea: { x: left, y: Math.round(rowTop - (4 * pitch) / 3), width: right - left, height: Math.round(3 * pitch) },
    top: top.line,
    rows: {
      x: left,
      y: top.box.y,
      width: right - left,
      height: rows.at(-1)!.box.y + rows.at(-1)!.box.height - top.box.y,
    },
    ...(field ? { field: field.line } : {}),
    above: {
      x: left - CAPTION_SIDE,
      y: aboveTop,
      width: right - left + 2 * CAPTION_SIDE,
      height: top.box.y - aboveTop,
    },
  };
}

/**
 * The list that closed in a change at `region` where no point of the click is known: the
 * column of rows starting at the change's left edge (the list's own box), as `dropDownAt` finds
 * it at its last row read, whose rows are read nowhere after (one may be, chosen).
 */
export function listClosedIn(before: OcrLine[], after: OcrLine[], region: Rect): DropDown | undefined {
  const inside = linesMeeting(before, region);
  const column = columnAt(inside, { x: region.x + LIST_EDGE, y: center(region).y }).filter(
    (w) => w.box.x >= region.x - ALIGNED,
  );
  const last = column.at(-1);
  if (column.length < MIN_ROWS + 1 || !last) return undefined;
  // Closed: its rows read nowhere after (bar the one chosen, in its field). A list that moved
  // along, an item added at its end and the first dropped, reads its rows again a row up.
  const readAgain = column.filter((w) => after.some((a) => a.text.includes(w.text)));
  if (readAgain.length > 1) return undefined;
  return dropDownAt(before, after, { x: last.box.x + ALIGNED, y: center(last.box).y });
}

/** How far in from a list's box (px) its rows' text may start (a border, a row's padding). */
const LIST_EDGE = 16;

/** A menu that closed in a change, and the button it dropped from (`menuClosedIn`). */
export interface ClosedMenu {
  items: OcrLine[];
  button: OcrLine;
}

/**
 * A menu that closed in a change at `region`, dropped from a button that shows the item chosen
 * (a mode switcher: JSONEditor's "Tree ▾" over Text, Tree, Code…): a column of short lines, their
 * left edges aligned, none read anywhere after, under one line just above it, across from it,
 * that no longer reads as it did in its place (the button). Undefined where there is no such
 * column, or no one button over it.
 */
export function menuClosedIn(before: OcrLine[], after: OcrLine[], region: Rect): ClosedMenu | undefined {
  const readAfter = (line: OcrLine) => after.some((a) => a.text.toLowerCase().includes(line.text.toLowerCase()));
  const gone = linesMeeting(before, region).filter(
    (l) => alphanumerics(l.text) >= 2 && wordCount(l.text) <= MENU_ITEM_WORDS && !readAfter(l),
  );
  const items = gone
    .map((l) => gone.filter((g) => Math.abs(g.box.x - l.box.x) <= ALIGNED))
    .sort((a, b) => b.length - a.length)[0];
  if (!items || items.length < MIN_ROWS) return undefined;
  const top = Math.min(...items.map((i) => i.box.y));
  const left = Math.min(...items.map((i) => i.box.x));
  const right = Math.max(...items.map((i) => i.box.x + i.box.width));
  const buttons = before.filter(
    (l) =>
      !items.includes(l) &&
      l.box.y + l.box.height <= top &&
      top - (l.box.y + l.box.height) <= MENU_DROP &&
      l.box.x < right &&
      l.box.x + l.box.width > left &&
      !after.some((a) => samePlace(a.box, l.box) && a.text === l.text),
  );
  return buttons.length === 1 ? { items, button: buttons[0]! } : undefined;
}

/** Words in a menu's item, at most. */
const MENU_ITEM_WORDS = 3;
/** How far below its button (px) a menu's first item may be read. */
const MENU_DROP = 32;

/**
 * The item of a closed menu its button shows now, read alone in the button's place after
 * (`lines`: OCR read the white-on-blue "Code ▾" nowhere in the whole view), where that is
 * another item than the button showed before. The item as the menu showed it.
 */
export function itemOnButton(menu: ClosedMenu, lines: OcrLine[]): string | undefined {
  const bare = (text: string) => text.replace(BUTTON_ARROW, '').replace(STRAY_ENDS, '').trim().toLowerCase();
  const was = bare(menu.button.text);
  const shown = new Set(
    lines.flatMap((l) => menu.items.filter((i) => bare(i.text) === bare(l.text) && bare(l.text) !== was)),
  );
  return shown.size === 1 ? [...shown][0]!.text : undefined;
}

/** A button's drop-down arrow as OCR reads it at the end of its text ("Tree v"). */
const BUTTON_ARROW = /\s+[vV▾▼⌄˅]$/u;

/** Letters and digits, at least, of a word read between a list's rows that shows a row there (not a stray "ly"). */
const RUN_INTO = 4;

/** How far over a list's first row (in rows) the field it dropped from may start. */
const FIELD_GAP = 2.5;

/**
 * The words read at `point` that start rows at one left edge, the most such rows, top to
 * bottom: a list's rows, or any column of text. Boxes far taller than the rest (a row read
 * into the pointer over it, "Sydne," 32 px tall where rows are 11 to 15) are left out: their
 * tops lie.
 */
export function columnAt(before: OcrLine[], point: Point): RowStart[] {
  const words = before
    .flatMap((line) =>
      (line.words?.length ? line.words : [{ text: line.text, box: line.box }]).map((w) => ({ ...w, line })),
    )
    .filter((w) => alphanumerics(w.text) >= 2 && w.box.x <= point.x + ALIGNED && point.x - w.box.x <= LIST_REACH);
  const heights = words.map((w) => w.box.height).sort((a, b) => a - b);
  const usual = heights[Math.floor(heights.length / 2)] ?? 0;
  const starts = words.filter((w) => w.box.height <= usual * TALLEST);
  let column: RowStart[] = [];
  for (const seed of starts) {
    const rows = rowsOf(starts.filter((w) => Math.abs(w.box.x - seed.box.x) <= ALIGNED));
    if (rows.length > column.length) column = rows;
  }
  return column;
}

/** How much taller than the usual word a row's box may be read. */
const TALLEST = 2;

/** How far above a list's top row its field and the field's caption may be (a caption over a framed field). */
const FIELD_AND_CAPTION = 96;
/** How far left of a list its field's caption may be (a form's label column), and right (a caption longer than the list is wide). */
const CAPTION_SIDE = 200;

/**
 * The spacing of a list's rows from their tops, where they are evenly spaced: the spacing that
 * fits the gaps between them, each a whole number of rows (a few may be missed), within
 * `PITCH_SLACK`. Undefined where they are not.
 */
function pitchOf(rows: RowStart[]): number | undefined {
  const tops = rows.map((w) => w.box.y);
  const gaps = tops.slice(1).map((y, i) => y - tops[i]!);
  const least = Math.min(...gaps);
  if (least < 2 * SAME_ROW) return undefined;
  const steps = gaps.map((gap) => Math.round(gap / least));
  const pitch = gaps.reduce((a, b) => a + b, 0) / steps.reduce((a, b) => a + b, 0);
  const even = gaps.every((gap, i) => steps[i]! <= MISSED_ROWS + 1 && Math.abs(gap - steps[i]! * pitch) <= PITCH_SLACK);
  // Rows next to each other, twice at least: rows far apart fit many a spacing loosely.
  const adjoining = steps.filter((n) => n === 1).length;
  return even && adjoining >= 2 ? pitch : undefined;
}

/** One word per row, top to bottom (a row read twice, by the strip and the wide reading, once). */
function rowsOf(words: RowStart[]): RowStart[] {
  const rows: RowStart[] = [];
  for (const word of [...words].sort((a, b) => center(a.box).y - center(b.box).y)) {
    const last = rows.at(-1);
    if (!last || center(word.box).y - center(last.box).y > SAME_ROW) rows.push(word);
  }
  return rows;
}

/** A list's areas read again (see `DropDown`). */
export interface ListReadings {
  /** `rowArea` before the click. */
  row: OcrLine[];
  /** `rowArea` before the click that came before it. */
  earlier: OcrLine[];
  /** `rowArea` after the click. */
  rowAfter: OcrLine[];
  /** `above` before the click. */
  above: OcrLine[];
  /** `above` after the click. */
  aboveAfter: OcrLine[];
  /** The step's own reading before the click, round the list. */
  wide: OcrLine[];
  /** `rowArea` in a frame before the pointer came to the row (`readAtPoint`'s earlier frame), where there is one. */
  rowEarlier?: OcrLine[];
}

/**
 * The choice a click on a list's row made: the row's text read again, where the same row read
 * otherwise before the click that came before it (the list was not there yet: it dropped
 * down) and after this one (the list closed), in the field the list dropped from, named by its
 * caption. The field (`list.field`, else the line just over the list read before the click)
 * reads otherwise after it, a value of a few words, as its caption is. Undefined where the list
 * was there all along (a column of links, of check boxes), the field did not change (a menu that
 * did something else), or has no caption.
 */
export function choiceFromList(
  list: DropDown,
  read: ListReadings,
): { label: string; value: string; field: OcrLine } | undefined {
  const start = rowStart(list, read.row);
  const alone = start?.text.replace(STRAY_ENDS, '').trim();
  const wide = fromWide(read.wide, list.row);
  // A pointer over the row's middle leaves a letter or two ("Ph"): the wider reading, where it starts alike.
  const hidden =
    alone !== undefined && alone.length < MIN_CUT + 1 && wide?.[0]?.toLowerCase() === alone[0]?.toLowerCase();
  const value =
    alone && !hidden ? whole(unspoilt(start!, read.rowEarlier ?? [], list.row), read.wide, list.row) : (wide ?? '');
  const there = (lines: OcrLine[]) => lines.some((l) => inRow(l, list.row) && reads(l.text, value));
  if (alphanumerics(value) < 2 || there(read.earlier) || there(read.rowAfter)) return undefined;
  if (!revealedAsBefore(read.earlier, read.rowAfter)) return undefined;
  const field = fieldOver(list, read.above);
  if (!field) return undefined;
  if (read.aboveAfter.some((l) => samePlace(l.box, field.box) && reads(l.text, field.text))) return undefined;
  const caption = captionOver(field, read.above);
  return caption ? { label: caption, value, field } : undefined;
}

/** From this (%) up, a row read with the pointer on it is taken as read. */
const SURE_ROW = 90;

/**
 * Whether the list's row clicked, read alone (`rowArea`), reads unsurely where the list's rows
 * start: only then is it read again before the pointer came (`unspoilt`; a read costs ~0.7 s).
 */
export function rowReadUnsurely(list: DropDown, row: OcrLine[]): boolean {
  const start = rowStart(list, row);
  return start !== undefined && start.confidence < SURE_ROW;
}

/** The row's line that starts where the list's rows do (a glyph the pointer left is read apart, right of it). */
function rowStart(list: DropDown, row: OcrLine[]): OcrLine | undefined {
  return row.filter((l) => inRow(l, list.row)).sort((a, b) => a.box.x - b.box.x)[0];
}

/**
 * A row's text as read with the pointer on it (`start`), or as read before the pointer came to
 * it, where that reads it surely and the pointer garbled a few letters (`POINTER_LETTERS`):
 * Tk's "Perth" read "Pexch" at 63 % under an X pointer, "Perth" at 96 % a frame earlier. Not
 * other text in its place then (the list not yet open: the window behind it).
 */
function unspoilt(start: OcrLine, earlier: OcrLine[], row: Rect): string {
  const alone = start.text.replace(STRAY_ENDS, '').trim();
  if (start.confidence >= SURE_ROW) return alone;
  const clear = earlier
    .filter((l) => inRow(l, row) && l.confidence >= SURE_ROW)
    .map((l) => l.text.replace(STRAY_ENDS, '').trim())
    .find((text) => text !== alone && editDistance(text.toLowerCase(), alone.toLowerCase()) <= POINTER_LETTERS);
  return clear ?? alone;
}

/**
 * The choice a list made where nothing tells which row was clicked (a tab's capture shows no
 * pointer; on a shared screen the pointer moved as it clicked, and the list closed round it):
 * the value the field it dropped from reads after (`aboveAfter`), where that is new there and
 * is text the list showed before (`wide`: a row, or the word OCR ran a row into, "witPerth"),
 * in the field named by its caption. Undefined where the field reads as before, or reads what
 * the list never showed.
 */
export function choiceByField(
  list: DropDown,
  read: Omit<ListReadings, 'row'>,
): { label: string; value: string; field: OcrLine } | undefined {
  const field = fieldOver(list, read.above);
  if (!field || !revealedAsBefore(read.earlier, read.rowAfter)) return undefined;
  const now = read.aboveAfter
    .filter((l) => intersects(l.box, field.box) && alphanumerics(l.text) >= 2)
    .sort((a, b) => Math.abs(a.box.x - field.box.x) - Math.abs(b.box.x - field.box.x))[0];
  const value = now?.text.replace(STRAY_ENDS, '').trim();
  if (!value || alphanumerics(value) < MIN_CUT || wordCount(value) > MAX_WORDS || reads(field.text, value))
    return undefined;
  // A row as the list showed it: its whole text, or the end of a word OCR ran it into from the
  // left, where it starts with a capital ("witPerth"); not a part of one ("ert" of "Perth").
  const rowText = (text: string) =>
    text.toLowerCase() === value.toLowerCase() ||
    text.split(/\s+/).some((word) => word === value || (word.endsWith(value) && /^\p{Lu}/u.test(value)));
  const shown = read.wide.some((l) => intersects(l.box, list.rows) && rowText(l.text));
  const caption = shown ? captionOver(field, read.above) : undefined;
  return caption ? { label: caption, value, field } : undefined;
}

/**
 * Whether what a list covered reads after it closed as it did before it dropped down (`earlier`,
 * `after`: its row's area then and now): nothing either time, or a line read again in its place.
 * A window that opened over a column of links (which looks like a list that closed) shows text
 * of its own there.
 */
function revealedAsBefore(earlier: OcrLine[], after: OcrLine[]): boolean {
  const [was, now] = [earlier, after].map((lines) => lines.filter((l) => alphanumerics(l.text) >= MIN_CUT));
  if (was!.length === 0 && now!.length === 0) return true;
  return now!.some((a) => was!.some((e) => samePlace(a.box, e.box) && reads(a.text, e.text)));
}

/** The field over a list: read at its left edge (`list.field`), or else the line just over it (a value of a few words). */
function fieldOver(list: DropDown, above: OcrLine[]): OcrLine | undefined {
  const field =
    list.field ??
    above
      .filter(
        (l) =>
          l.box.y + l.box.height <= list.top.box.y + 2 &&
          l.box.y + l.box.height >= list.top.box.y - 2 * list.row.height &&
          l.box.x < list.row.x + list.row.width &&
          l.box.x + l.box.width > list.row.x,
      )
      .sort((a, b) => b.box.y - a.box.y)[0];
  return field && wordCount(field.text) <= MAX_WORDS ? field : undefined;
}

/** A list's field's caption, read over the field (not the field read again, nor a stray glyph or two beside it). */
function captionOver(field: OcrLine, above: OcrLine[]): string | undefined {
  const caption = captionOf(
    above.filter((l) => !intersects(l.box, field.box) && l.box.y < field.box.y && alphanumerics(l.text) >= 2),
    field.box,
  )
    ?.replace(FRAME_BORDER, '')
    .trim();
  return caption && alphanumerics(caption) >= 2 && wordCount(caption) <= MAX_WORDS ? caption : undefined;
}

/**
 * A row read alone cut short by the pointer over its end ("Per"), put whole from a word of the
 * wider reading on its row that holds it and goes on ("witPerth": the row run into the text
 * beside the list, which the pointer did not cover there).
 */
function whole(value: string, wide: OcrLine[], row: Rect): string {
  if (value.length < MIN_CUT || /\s/.test(value)) return value;
  for (const line of wide) {
    if (!inRow(line, row)) continue;
    for (const word of line.text.split(/\s+/)) {
      const at = word.indexOf(value);
      const rest = at >= 0 ? word.slice(at + value.length) : '';
      if (rest.length > 0 && /^\p{Ll}+$/u.test(rest)) return value + rest;
    }
  }
  return value;
}

/**
 * A row read alone as nothing (the pointer over it), read from the wider reading where OCR ran
 * it into the text beside the list: the words from where the list's rows start, the word that
 * spans that edge cut there, its letters taken as evenly wide ("witPerth" from x 823, the
 * rows from 845: "Perth").
 */
function fromWide(wide: OcrLine[], row: Rect): string | undefined {
  const edge = row.x + PAD;
  for (const line of wide) {
    if (!inRow(line, row) || !line.words) continue;
    const from = line.words.findIndex((w) => w.box.x + w.box.width > edge + PAD);
    const first = line.words[from];
    // (Not the window's text right of the list.)
    if (!first || first.box.x >= row.x + row.width) continue;
    const cut =
      first.box.x >= edge - ALIGNED ? 0 : Math.round((edge - first.box.x) / (first.box.width / first.text.length));
    const text = [first.text.slice(cut), ...line.words.slice(from + 1).map((w) => w.text)].join(' ').trim();
    if (alphanumerics(text) >= MIN_CUT) return text;
  }
  return undefined;
}

/** Letters, at least, of a row cut short that are put whole from a wider reading. */
const MIN_CUT = 3;

/** Words in a field's value or caption, at most: a line of prose over a list is neither. */
const MAX_WORDS = 5;

/** Glyphs OCR reads at a row's ends from its edges: a quote for a border, a bracket for a highlight's edge. */
const STRAY_ENDS = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}).!?%]+$/gu;

function inRow(line: OcrLine, row: Rect): boolean {
  const y = center(line.box).y;
  return y >= row.y && y <= row.y + row.height;
}

/** Whether two readings are of one text: the same, bar a letter in four OCR read otherwise. */
function reads(shown: string, value: string): boolean {
  const [a, b] = [shown, value].map((t) => t.toLowerCase().replace(/\s+/g, ' ').trim());
  return editDistance(a!, b!) <= Math.floor(b!.length / 4);
}
