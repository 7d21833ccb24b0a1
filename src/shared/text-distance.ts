/**
 * How far apart two strings are, in single-character edits (insert, delete,
 * substitute): how OCR near-misses ("caf" for "cat", "l" for "I") are told from
 * different words. Pure.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitute, previous[j]! + 1, current[j - 1]! + 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Whether two readings are one text read twice, a letter or two apart
 * ("displayOutline", "displayOutine"): at least 4 characters, and at most one
 * edit in eight. Short texts ("1", "2") can differ by a letter and be different.
 */
export function sameReading(a: string, b: string): boolean {
  if (a === b) return true;
  const length = Math.min(a.length, b.length);
  return length >= 4 && editDistance(a, b) <= Math.max(1, length / 8);
}

/** At most this long, an indicator read as text beside a control ("v", "▸", "+"). */
const INDICATOR_CHARS = 2;

/** Whether two readings of one control differ only by an indicator at its start or end. */
export function indicatorChanged(was: string, now: string): boolean {
  const [short, long] = was.length <= now.length ? [was, now] : [now, was];
  if (short.length < 3 || short === long) return false;
  const extra = long.startsWith(short)
    ? long.slice(short.length)
    : long.endsWith(short)
      ? long.slice(0, -short.length)
      : null;
  return extra !== null && extra.trim().length > 0 && extra.trim().length <= INDICATOR_CHARS;
}

/**
 * A disclosure triangle as OCR reads it at a line's start: closed (▸ ›) or open (▾ v). (Not a
 * tree's + and -: OCR reads a frame's border before its caption as "-", "-Disabled".)
 */
const DISCLOSURE = /^[v>›»▸▾▶▼►]$/u;

/**
 * Whether two readings of one line differ only by a disclosure triangle at its start, gained or
 * lost ("job {3}", now "v job {3}"): a tree node or a section opened or closed. The reading with
 * the triangle may hold one word more between the other's words, read only that time (a video's
 * "job A", then "v job {3} A": the count read once the node opened).
 */
export function disclosureToggled(was: string, now: string): boolean {
  const [short, long] = was.length <= now.length ? [was.trim(), now.trim()] : [now.trim(), was.trim()];
  if (short.length < 3) return false;
  if (long.endsWith(short)) return DISCLOSURE.test(long.slice(0, -short.length).trim());
  const [words, [mark, ...rest]] = [short.split(/\s+/u), long.split(/\s+/u)];
  if (!DISCLOSURE.test(mark ?? '') || rest.length !== words.length + 1) return false;
  const joined = words.join(' ');
  return rest.some((_, i) => i > 0 && [...rest.slice(0, i), ...rest.slice(i + 1)].join(' ') === joined);
}

/** Letters and digits alone, in lower case: how two readings of one label are compared. */
export const lettersOf = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Whether `part` reads as a piece of `whole` (a word or more of it cut short), not all of it. */
export function pieceOf(part: string, whole: string): boolean {
  const [p, w] = [lettersOf(part), lettersOf(whole)];
  return p.length >= 2 && w.length > p.length && w.includes(p);
}

/** How many letters the edge of an area read may slice off a line's end and leave them unread. */
const SLICED_LETTERS = 2;

/**
 * Whether `part` reads as `whole` with a letter or two gone from its start or its end, as
 * where the edge of the area read sliced them ("ome Phone:" of "Home Phone:"); no more.
 */
export function slicedFrom(part: string, whole: string): boolean {
  const [p, w] = [lettersOf(part), lettersOf(whole)];
  return (
    p.length >= 3 && w.length > p.length && w.length - p.length <= SLICED_LETTERS && (w.startsWith(p) || w.endsWith(p))
  );
}

/** Words this long may be read a letter apart and still be the same word ("Ctrl+A", "ctri+A"). */
export const LONG_WORD = 4;

/**
 * Whether `part` is `whole` read again with words missing, and none of its own: a long word of
 * it at least ("Folder" of "Another Folder", the folder's new arrow spoiling the word beside it).
 */
export function readInPart(part: string, whole: string): boolean {
  const words = (text: string) => text.toLowerCase().split(/\s+/).filter(Boolean);
  const [some, all] = [words(part), words(whole)];
  return (
    some.length > 0 &&
    some.length < all.length &&
    some.some((word) => (word.match(/[\p{L}\p{N}]/gu) ?? []).length >= LONG_WORD) &&
    some.every((word) => all.includes(word))
  );
}
