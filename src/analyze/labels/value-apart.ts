/**
 * A value typed over in a field that OCR no longer reads in its line: an editor's highlight
 * round the field being edited (JSONEditor's yellow box) cuts it from the caption's line, and
 * tesseract drops it altogether ("firstName John", then "firstName"). Where the old value was,
 * read again alone, is the new one. Pure: `analyze.ts` reads the area named here.
 */
import { center, contains, type Rect } from '../../shared/geometry';
import { sameReading } from '../../shared/text-distance';
import { alphanumerics, linesIn, samePlace, type OcrLine } from '../ocr/lines';
import { SAME_START } from './labels';

/**
 * How much wider than the old value a new one is read (a longer value typed over a short one):
 * no more, as tesseract read nothing in a wider strip of white beside "Ada" in its yellow box.
 */
const LONGER = 40;
/** A caption's separator read before the value. */
const SEPARATOR = /^[:：]\s*/u;
/** A box's edge reads as an opening bracket; a value that opens one closes it too. */
const OPENERS = '[({|';
const CLOSERS = '])}|';

/** Around the value, how much more is read (tesseract wants a margin round the text). */
const PAD = 5;

/**
 * The field whose value gave way in a change: exactly one line in `region` read as a caption
 * and a value before, and as the caption alone after, in its place. Its caption (the field's
 * name), old value, and where to read the new one in the frame after.
 */
export function valueGoneAt(
  before: OcrLine[],
  after: OcrLine[],
  region: Rect,
  margin = 8,
): { caption: string; old: string; area: Rect } | undefined {
  const found = linesIn(after, region, margin).flatMap((now) => {
    const was = before.find(
      (b) =>
        samePlace(b.box, now.box) &&
        Math.abs(b.box.x - now.box.x) <= SAME_START &&
        b.text.startsWith(`${now.text} `) &&
        // The value left the place: no other line reads there after.
        !after.some((a) => a !== now && a.text === b.text),
    );
    if (!was || !/\p{L}{2}/u.test(now.text)) return [];
    const old = was.text.slice(now.text.length + 1).trim();
    if (alphanumerics(old) < 1) return [];
    const from = now.box.x + now.box.width;
    const area = {
      x: from,
      y: was.box.y - PAD,
      width: Math.max(was.box.x + was.box.width - from, LONGER) + LONGER,
      height: was.box.height + 2 * PAD,
    };
    // Unless something else was read there after (a value read apart from its caption is
    // `typedOverInLine`'s), nothing there was read at all.
    if (after.some((a) => a !== now && contains(area, center(a.box)))) return [];
    return [{ caption: now.text, old, area }];
  });
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The value read again where the old one was: new text, not the old value read again. Read
 * from the caption's end, it may start with the separator (":") and the highlight's left edge
 * read as a bracket (":[150"): neither is typed.
 */
export function valueReadApart(old: string, lines: OcrLine[]): string | undefined {
  let value = lines
    .map((l) => l.text)
    .join(' ')
    .trim()
    .replace(SEPARATOR, '');
  const edge = OPENERS.indexOf(value[0] ?? '');
  if (edge >= 0 && !value.slice(1).includes(CLOSERS[edge]!)) value = value.slice(1);
  return alphanumerics(value) >= 1 && !sameReading(value, old) && value !== old ? value : undefined;
}
