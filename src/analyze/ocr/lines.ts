/**
 * What OCR gives the analysis: words with their confidence and box, grouped
 * into lines. Pure.
 */
import { center, contains, expand, intersects, union, type Rect } from '../../shared/geometry';

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
  /** The words, where kept: a line can hold several controls side by side. */
  words?: { text: string; box: Rect }[];
  /**
   * Where words of three letters or more were read on the line too unsurely to keep (11 px white
   * text's "Another" of "Another Folder", 32): the line may be only part of what is there.
   */
  unsure?: Rect[];
}

/** Words below this confidence are noise more often than not (a word next to a text caret scores about 44). */
export const MIN_WORD_CONFIDENCE = 40;

/**
 * The browser's own bar on a shared screen ("localhost:4173 is sharing your screen. Stop
 * sharing Hide", in Chrome's English wording): never the workflow, never a control's label.
 * Read while it slides in, its line is cut short ("http://localhost:4173 is sharing your", a
 * video's first second read as a click): a line that ends so is the bar too.
 */
const SHARING_BAR = /\bis sharing(?: (?:your screen|a window|this tab)\b| (?:your|a|this)$|$)/i;

/** A text-beam mouse pointer read as a letter: on a shared screen it rests where a field was clicked. */
const POINTER_READING = /^[Il|!\]]$/;

/**
 * Whether a line is OCR's reading of shapes too large or faint to be letters at its scale: many
 * words of a letter or two, drawn from two letters at most ("mm mm mm om om om", a page's huge
 * pale "todos" heading in a video). A row of short words is otherwise text ("Mo Tu We Th Fr").
 */
function repeatedGlyphs(text: string): boolean {
  const words = text.toLowerCase().split(/\s+/u).filter(Boolean);
  const letters = new Set(words.join(''));
  return words.length >= REPEATED_WORDS && words.every((w) => w.length <= 2) && letters.size <= 2;
}

/** How many short words of two letters make a line of repeated glyphs. */
const REPEATED_WORDS = 4;

/** Fewer pixels tall than this, OCR's "text" is an edge or a rule, never letters. */
const MIN_TEXT_HEIGHT = 4;
/**
 * Fewer pixels tall than this, one character alone is a field's corner or a tick of its
 * border ("1", 2 × 4 px, at the right end of each of Tk's entries, which named a field typed
 * into): a lowercase letter of 9 px text stands 5 px, a digit 7.
 */
const MIN_CHARACTER_HEIGHT = 5;

/**
 * The narrowest a letter stands, as a share of its word's height (an "l" or an "I" with the
 * gap beside it, about a third): a word of several letters in less is a glyph OCR spelt out, a
 * text-beam pointer resting on a button read "Id" in 3 × 8 px.
 */
const NARROWEST_LETTER = 0.25;
/**
 * The width a letter never needs more than to be a letter (pixels): a box made tall by an edge
 * read with its word (a ttk tab's frame: "Text", 30 px wide, in a 45 px tall box; "‘Description"
 * in 37 px) holds letters no taller than the text's, so a word that wide a letter is text.
 */
const LETTER_ROOM = 4;

/**
 * Groups words into lines, dropping words too uncertain or without letters or digits, the
 * browser's screen-sharing bar, a text-beam pointer read as a letter, and an edge read as
 * letters (a line under 4 px tall: a focus ring's "hall", a list's bottom edge "mall" or
 * "os" in a video, which named a field or made a tick look like a view replaced; one
 * character under 5 px).
 */
export function toLines(words: OcrWord[]): OcrLine[] {
  const byLine = new Map<number, OcrWord[]>();
  const unsure = new Map<number, Rect[]>();
  for (const [i, word] of words.entries()) {
    // (Not the unsure first part of a hyphenated word whose sure rest it touches: it is joined to it below.)
    const head = joinsNext(word, words[i + 1]) && words[i + 1]!.confidence >= MIN_WORD_CONFIDENCE;
    if (word.confidence < MIN_WORD_CONFIDENCE && !head) {
      if (alphanumerics(word.text) >= 3) unsure.set(word.line, [...(unsure.get(word.line) ?? []), word.box]);
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(word.text)) continue;
    const letters = alphanumerics(word.text);
    if (letters >= 2 && word.box.width < letters * Math.min(NARROWEST_LETTER * word.box.height, LETTER_ROOM)) continue;
    byLine.set(word.line, [...(byLine.get(word.line) ?? []), word]);
  }
  const kept = [...byLine.values()].filter((line) => {
    const text = line.map((w) => w.text).join(' ');
    const box = union(line.map((w) => w.box))!;
    const least = [...text.replace(/\s/g, '')].length === 1 ? MIN_CHARACTER_HEIGHT : MIN_TEXT_HEIGHT;
    return !SHARING_BAR.test(text) && !POINTER_READING.test(text) && !repeatedGlyphs(text) && box.height >= least;
  });
  return kept.map((read) => {
    const line = joinedAtHyphens(read.map((w) => ({ ...w, text: withoutEdges(w.text) })));
    const dropped = unsure.get(read[0]!.line);
    return {
      text: line.map((w) => w.text).join(' '),
      confidence: line.reduce((n, w) => n + w.confidence, 0) / line.length,
      box: union(line.map((w) => w.box))!,
      words: line.map(({ text, box }) => ({ text, box })),
      ...(dropped ? { unsure: dropped } : {}),
    };
  });
}

/** How far apart (a share of their height) a word ending in a hyphen and the next may be and be one word. */
const HYPHEN_GAP = 0.3;

/**
 * Whether `word` is the first part of a hyphenated word that `next` goes on: tesseract parts an
 * underlined link's "Combo-boxes" into "Combo-" and "boxes", which stand no farther apart than
 * its letters do (its hyphen may be read twice, once with each part: "Check-" and "-buttons").
 */
function joinsNext(word: OcrWord, next: OcrWord | undefined): boolean {
  if (!next || next.line !== word.line) return false;
  const gap = next.box.x - (word.box.x + word.box.width);
  return /\p{L}-$/u.test(word.text.trim()) && /^-?\p{L}/u.test(next.text) && gap <= HYPHEN_GAP * next.box.height;
}

/**
 * Words of a line with a hyphenated word read as two put back together (`joinsNext`). Where
 * tesseract was unsure of one part (it scored a clean "Combo-" 9, its rest "boxes" 96), the
 * word is as sure as its parts on average; else as its less sure part.
 */
function joinedAtHyphens(words: OcrWord[]): OcrWord[] {
  const out: OcrWord[] = [];
  for (const word of words) {
    const last = out.at(-1);
    if (last && joinsNext(last, word)) {
      const least = Math.min(last.confidence, word.confidence);
      out[out.length - 1] = {
        ...last,
        text: `${last.text.trim()}${word.text.replace(/^-/u, '')}`,
        confidence: least >= MIN_WORD_CONFIDENCE ? least : (last.confidence + word.confidence) / 2,
        box: union([last.box, word.box])!,
      };
    } else out.push(word);
  }
  return out;
}

/**
 * A word without the edge of the box around it read as a bracket or a bar
 * ("[Fast" in a select, "Slow|" against its border): an opening bracket with no
 * closing one after it, a closing one with none before, a bar at either end.
 */
export function withoutEdges(word: string): string {
  // A caption's colon before a field's edge is read with it (":|555-0100"): both go.
  let text = word.replace(/^[^\p{L}\p{N}]+\|/u, '|');
  if (text.startsWith('|') || (text.startsWith('[') && !text.includes(']'))) text = text.slice(1);
  if (text.endsWith('|') || (text.endsWith(']') && !text.includes('['))) text = text.slice(0, -1);
  return text;
}

/**
 * A gap between two words wider than this share of their height parts two
 * controls that OCR read as one line (filter links, tabs, a row of buttons).
 * Words of one label stand about a third to a half of their height apart.
 */
const CONTROL_GAP = 0.6;
/**
 * The same for a word that starts with a digit: a digit's ink starts well inside the room it
 * takes ("1"), so a number stands further from the word before it ("Point Size 18", 8 px before
 * "18" in 11 px text, is one radio button's label).
 */
const NUMBER_GAP = 0.9;

/**
 * The part of a line that stands alone around `x`: its words up to the gaps
 * wide enough to part controls on either side; a part of one letter (an arrow or a
 * box read as "v") gives way to the nearest part with a name. The whole line when it has no
 * words kept (lines read before they were kept).
 */
export function partAt(line: OcrLine, x: number): string {
  const parts = partsOf(line);
  if (parts.length === 0) return line.text;
  // An arrow or box beside a label read as a letter ("v array [3]") is not the control's name.
  const named = parts.filter((part) => part.some((w) => alphanumerics(w.text) >= 2));
  const pool = named.length > 0 ? named : parts;
  const nearest = nearestPart(pool, x);
  // Nor is a keyboard shortcut shown beside its text ("Delete...   Ctrl+D" on a desktop button):
  // the text just left of it is, where OCR read it.
  const left = parts[parts.indexOf(nearest) - 1];
  return wordsText(left && shortcutOf(left, nearest) ? left : nearest);
}

/** A keyboard shortcut as menus and buttons show it ("Ctrl+S", OCR's "Ctri+A", "Alt+F4", "Shift+Tab"). */
const SHORTCUT = /^(ctrl|ctri|alt|shift|cmd|meta|super)\s?\+\s?\S{1,5}$/iu;
/** How far right of a control's text (in text heights) its shortcut is shown, at most. */
const SHORTCUT_REACH = 5;

/** Whether a text is only a keyboard shortcut ("Ctrl+D"): a control's hint, never its name. */
export function isShortcut(text: string): boolean {
  return SHORTCUT.test(text.trim());
}

/**
 * Whether a text shows a keyboard shortcut among its words ("Add Ctrl+A", "Search Ctrl+S
 * Delete..."): a menu item's or a desktop button's text with its hint, never a value typed
 * or chosen in a field, nor a field's caption.
 */
export function showsShortcut(text: string): boolean {
  const words = text.trim().split(/\s+/u);
  return words.some((_, i) => SHORTCUT.test(words[i]!) || (i > 0 && SHORTCUT.test(`${words[i - 1]!} ${words[i]!}`)));
}

/**
 * A control's name without the keyboard shortcut shown after it, where that is the only one
 * in it ("Search Ctrl+S" is "Search": OCR read a desktop button's text with its hint as one
 * line). A row of buttons read as one line ("Add Ctrl+A Search Ctrl+S") is left as it is.
 */
export function withoutShortcut(text: string): string {
  const words = text.trim().split(/\s+/u);
  for (const n of [1, 2]) {
    const head = words.slice(0, -n).join(' ');
    if (
      words.length > n &&
      SHORTCUT.test(words.slice(-n).join(' ')) &&
      !showsShortcut(head) &&
      alphanumerics(head) >= 2
    )
      return head;
  }
  return text;
}

/** Whether `part` is the keyboard shortcut of `text` just left of it, a name of its own. */
function shortcutOf(text: Word[], part: Word[]): boolean {
  const [last, first] = [text.at(-1)!, part[0]!];
  const gap = first.box.x - (last.box.x + last.box.width);
  return (
    SHORTCUT.test(wordsText(part)) &&
    !SHORTCUT.test(wordsText(text)) &&
    text.some((w) => alphanumerics(w.text) >= 2) &&
    gap <= SHORTCUT_REACH * first.box.height
  );
}

/**
 * The control a line that is only a keyboard shortcut belongs to: where OCR read "Ctrl+D" as
 * a line of its own apart from "Delete..." beside it, the nearest part just left of it on its
 * row (within `SHORTCUT_REACH` text heights), as `partAt` names it. Undefined for any other
 * line, or where nothing with a name stands there.
 */
export function shortcutOwner(line: OcrLine, lines: readonly OcrLine[]): string | undefined {
  if (!SHORTCUT.test(line.text)) return undefined;
  const reach = SHORTCUT_REACH * line.box.height;
  let owner: OcrLine | undefined;
  for (const other of lines) {
    const right = other.box.x + other.box.width;
    const gap = line.box.x - right;
    const sameRow = Math.abs(center(other.box).y - center(line.box).y) <= line.box.height / 2;
    if (!sameRow || gap < -line.box.height / 2 || gap > reach || SHORTCUT.test(other.text)) continue;
    if (alphanumerics(other.text) < 2 || (owner && right < owner.box.x + owner.box.width)) continue;
    owner = other;
  }
  return owner && partAt(owner, owner.box.x + owner.box.width);
}

type Word = NonNullable<OcrLine['words']>[number];

/** Words as the text they read, a space between each. */
export function wordsText(words: readonly { text: string }[]): string {
  return words.map((w) => w.text).join(' ');
}

/**
 * A line's words in the parts that stand apart (see `CONTROL_GAP`), left to right; none when
 * it has fewer than two words kept.
 */
export function partsOf(line: OcrLine): Word[][] {
  const words = [...(line.words ?? [])].sort((a, b) => a.box.x - b.box.x);
  if (words.length < 2) return [];
  // The line's usual word height: a selected control's border can make its one word's box twice as tall.
  const heights = words.map((w) => w.box.height).sort((a, b) => a - b);
  const height = heights[Math.floor((heights.length - 1) / 2)]!;
  const parts: Word[][] = [[words[0]!]];
  for (const [i, word] of words.slice(1).entries()) {
    const last = words[i]!;
    const gap = word.box.x - (last.box.x + last.box.width);
    if (gap > (/^\d/u.test(word.text) ? NUMBER_GAP : CONTROL_GAP) * height) parts.push([]);
    parts.at(-1)!.push(word);
  }
  return parts;
}

/** Of `parts` (at least one), the one nearest `x`. */
export function nearestPart(parts: Word[][], x: number): Word[] {
  const distance = (part: Word[]) => {
    const left = part[0]!.box.x;
    const right = part.at(-1)!.box.x + part.at(-1)!.box.width;
    return Math.max(0, left - x, x - right);
  };
  return parts.reduce((best, part) => (distance(part) < distance(best) ? part : best));
}

/** Lines whose centre lies in the region grown by `margin`. */
export function linesIn(lines: OcrLine[], region: Rect, margin = 0): OcrLine[] {
  const area = expand(region, margin);
  return lines.filter((line) => contains(area, center(line.box)));
}

/**
 * The lines whose boxes meet `region` grown by `margin`, whole: a box's label can start beside
 * it and run on far past it (Tk's check box ticked, its "Driver Sober" 3 px right of it, its
 * middle 50 px along).
 */
export function linesMeeting(lines: OcrLine[], region: Rect, margin = 0): OcrLine[] {
  const area = expand(region, margin);
  return lines.filter((line) => intersects(area, line.box));
}

/**
 * The part of a line inside `area`: its words whose centres lie there, as one line. OCR
 * reads a field's label and the value typed beside it as one line ("Name: Ada"); the value
 * is the part inside the field. The line as it is where all its words or none lie inside.
 */
export function partIn(line: OcrLine, area: Rect): OcrLine {
  const words = line.words ?? [];
  const inside = words.filter((w) => contains(area, center(w.box)));
  if (inside.length === 0 || inside.length === words.length) return line;
  return withWords(line, inside);
}

/**
 * The run of a line's words that reads `text` ("ome Phone:" of "ome Phone: 1", a caption read
 * with a field's caret), as a line of its own; undefined where no run of them does.
 */
export function runReading(line: OcrLine, text: string): OcrLine | undefined {
  const words = line.words ?? [];
  for (let start = 0; start < words.length; start++)
    for (let end = start + 1; end <= words.length; end++)
      if (wordsText(words.slice(start, end)) === text) return withWords(line, words.slice(start, end));
  return undefined;
}

/** The line that reads as `text`, or else the run of a line's words that does (`runReading`). */
export function lineReading(lines: readonly OcrLine[], text: string): OcrLine | undefined {
  return lines.find((l) => l.text === text) ?? lines.map((l) => runReading(l, text)).find(Boolean);
}

/** A line made of some of its words (at least one). */
export function withWords(line: OcrLine, words: { text: string; box: Rect }[]): OcrLine {
  return {
    ...line,
    text: words.map((w) => w.text).join(' '),
    box: union(words.map((w) => w.box)) ?? line.box,
    words,
  };
}

/** Two boxes of one piece of text in the same place: overlapping across, centres within half a line height. */
export function samePlace(a: Rect, b: Rect): boolean {
  const dy = Math.abs(a.y + a.height / 2 - (b.y + b.height / 2));
  return a.x < b.x + b.width && b.x < a.x + a.width && dy <= Math.max(a.height, b.height) / 2;
}

/** How many words (runs of non-space) a text holds. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** How many letters and digits a text holds: a reading of one is as often an icon or a caret. */
export function alphanumerics(text: string): number {
  return (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
}

/** How near an area's edge a line may end and still be cut there: tesseract drops a sliced letter. */
const CUT_REACH = 8;

/**
 * Whether a line read in an area runs to its left or right edge, or nearly (the letter the
 * edge sliced went unread: "me Phone:" 1 px in): its text may go on beyond.
 */
export function cutShort(box: Rect, area: Rect): boolean {
  return box.x <= area.x + CUT_REACH || box.x + box.width >= area.x + area.width - CUT_REACH;
}
