/**
 * A value typed over in a field that OCR no longer reads: an editor's highlight round the field
 * being edited (JSONEditor's yellow box) cuts it from the caption's line, and tesseract drops it
 * altogether ("firstName John", then "firstName"); or a small-text form's value read apart beside
 * its caption is not read after (dat.GUI's "height" and "10" in a video). Where the old value was,
 * read again alone, is the new one. Pure: `read-again.ts` reads the areas named here.
 */
import { center, contains, type Rect } from '../../shared/geometry';
import { readInPart, sameReading } from '../../shared/text-distance';
import { alphanumerics, linesIn, partsOf, runReading, samePlace, wordsText, type OcrLine } from '../ocr/lines';
import { readWithCaption, SAME_START, withoutFieldEdge } from './labels';

/**
 * How much wider than the old value a new one is read (a longer value typed over a short one):
 * no more, as tesseract read nothing in a wider strip of white beside "Ada" in its yellow box.
 */
const LONGER = 40;

/** Around the value, how much more is read (tesseract wants a margin round the text). */
const PAD = 5;

/** A field whose value gave way: its caption (the field's name), old value, and where to read the new one after. */
export interface ValueGone {
  caption: string;
  old: string;
  area: Rect;
}

/**
 * The fields whose value gave way in a change: a line in `region` read as a caption and a
 * value before, and as the caption alone after, in its place; or a caption that stayed in its
 * place and the value read apart beside it on its row (a form's column of values: dat.GUI's
 * "height" and "10"), whose own pixels changed (`changed`: the texts of the lines that did;
 * OCR drops other values of a small-text form now and then) and that nothing is read in place
 * of after. Each is read again to tell which took new text; more than a few is a page changed,
 * and none is returned.
 */
export function valuesGoneAt(
  before: OcrLine[],
  after: OcrLine[],
  region: Rect,
  changed: ReadonlySet<string> = new Set(),
  margin = 8,
): ValueGone[] {
  const found = [...oneLineGone(before, after, region, margin), ...apartGone(before, after, region, changed, margin)];
  return found.length <= MOST_GONE ? found : [];
}

/** Values gone at once, at most, that are read again: a change of more is no typing. */
const MOST_GONE = 3;

/** Where a value read alone is read again: where it was, and wider for a longer one typed over it. */
function valueArea(value: Rect, from = value.x): Rect {
  return {
    x: from,
    y: value.y - PAD,
    width: Math.max(value.x + value.width - from, LONGER) + LONGER,
    height: value.height + 2 * PAD,
  };
}

/** OCR's confidence (%), at least, in a value read apart whose place reads nothing after ("Sow" at 59 % was "Slow"). */
const SURE_VALUE = 80;
/** How far right of its caption's end (px) a value read apart on its row may start. */
const APART_REACH = 120;

function apartGone(
  before: OcrLine[],
  after: OcrLine[],
  region: Rect,
  changed: ReadonlySet<string>,
  margin: number,
): ValueGone[] {
  // A change that brought new text too brought values (a card filled in, a folder opened): only
  // one that took a value away, with nothing read in its place, is looked at. (A line read again
  // in its place with words more or less, "Hello" then "Hello World", brought nothing; nor a
  // glyph, a slider's knob read "L".)
  const readAgain = (a: OcrLine) =>
    alphanumerics(a.text) < 2 ||
    before.some(
      (b) =>
        b.text === a.text ||
        (samePlace(a.box, b.box) &&
          (sameReading(a.text, b.text) || readInPart(a.text, b.text) || readInPart(b.text, a.text))),
    );
  if (!linesIn(after, region, margin).every(readAgain)) return [];
  return linesIn(before, region, margin).flatMap((value) => {
    if (alphanumerics(value.text) < 1 || value.confidence < SURE_VALUE) return [];
    if (!changed.has(value.text) || after.some((a) => a.text === value.text)) return [];
    // Its caption: the nearest line left of it on its row, there before and after in its place.
    const row = (line: OcrLine) => samePlace({ ...line.box, x: value.box.x, width: value.box.width }, value.box);
    const left = before
      .filter((b) => b !== value && b.box.x + b.box.width <= value.box.x && row(b))
      .sort((a, b) => b.box.x + b.box.width - (a.box.x + a.box.width))[0];
    if (!left || value.box.x - (left.box.x + left.box.width) > APART_REACH || !/\p{L}{2}/u.test(left.text)) return [];
    const caption = after.find((a) => a.text === left.text && samePlace(a.box, left.box));
    if (!caption) return [];
    const area = valueArea(value.box);
    if (after.some((a) => a !== caption && contains(area, center(a.box)))) return [];
    return [{ caption: caption.text, old: value.text, area }];
  });
}

/** A caption and its value read as one line before, the caption alone after. */
function oneLineGone(before: OcrLine[], after: OcrLine[], region: Rect, margin: number): ValueGone[] {
  return linesIn(after, region, margin).flatMap((now) => {
    const was = before.find(
      (b) =>
        readWithCaption(b, now) &&
        // The value left the place: no other line reads there after.
        !after.some((a) => a !== now && a.text === b.text),
    );
    if (!was || !/\p{L}{2}/u.test(now.text)) return [];
    const old = was.text.slice(now.text.length + 1).trim();
    if (alphanumerics(old) < 1) return [];
    const area = valueArea(was.box, now.box.x + now.box.width);
    // Unless something else was read there after (a value read apart from its caption is
    // `typedOverInLine`'s), nothing there was read at all.
    if (after.some((a) => a !== now && contains(area, center(a.box)))) return [];
    return [{ caption: now.text, old, area }];
  });
}

/**
 * The value read again where the old one was: new text, not the old value read again, nor the
 * caption's own words (a path that lost its last part, "object array" then "object ▸ object":
 * nothing typed). Read from the caption's end, it may start with the separator (":") and the
 * highlight's left edge read as a bracket (":[150"): neither is typed.
 */
export function valueReadApart(gone: Pick<ValueGone, 'caption' | 'old'>, lines: OcrLine[]): string | undefined {
  const value = withoutFieldEdge(
    lines
      .map((l) => l.text)
      .join(' ')
      .trim(),
  );
  const differs = (other: string) => value.toLowerCase() !== other.toLowerCase() && !sameReading(value, other);
  return alphanumerics(value) >= 1 && differs(gone.old) && differs(gone.caption) ? value : undefined;
}

/** A field's two edges read round its value: "[555-0100]", "|555-0100|". */
const BOTH_EDGES = /^[[|](.+)[\]|]$/u;

/**
 * A typed value OCR cut short in its change's reading (the text caret against "555-0100" left
 * "55"), where the same frame read again at the pointer holds more in its place: the value as
 * read there, from where it starts to the end of its part of the line (a field's edges read round
 * it go). Only a reading that goes on from the value: two readings of the same pixels that
 * disagree otherwise say nothing of which is right.
 */
export function valueReadLonger(value: string, after: OcrLine[], again: OcrLine[]): string | undefined {
  const at = after.find((l) => l.text === value) ?? after.map((l) => runReading(l, value)).find(Boolean);
  if (!at) return undefined;
  for (const line of again) {
    if (!samePlace(line.box, at.box)) continue;
    const parts = partsOf(line);
    for (const part of parts.length > 0 ? parts : [line.words ?? []]) {
      const start = part.findIndex((w) => Math.abs(w.box.x - at.box.x) <= SAME_START);
      if (start < 0) continue;
      const read = wordsText(part.slice(start));
      const text = read.replace(BOTH_EDGES, '$1').replace(/^[[|]/u, '');
      if (text.length > value.length && text.startsWith(value)) return text;
    }
  }
  return undefined;
}
