/**
 * Where a Markdown line's code spans are, by CommonMark's rule: a run of n
 * backticks opens a span that the next run of exactly n backticks closes; a run
 * with no such partner is literal text. Outside spans a backslash escapes the
 * next character (an escaped backtick cannot open a span); inside them it is
 * literal. One pass over the text: each length's runs are looked up through a
 * pointer that only moves forward, so no text makes it slow.
 */
export interface CodeSpan {
  /** Index of the opening fence, and just past the closing one. */
  start: number;
  end: number;
  /** The content between the fences, as written (not stripped). */
  inner: string;
}

export function codeSpans(text: string): CodeSpan[] {
  // Every maximal run of backticks, by length.
  const byLength = new Map<number, number[]>();
  for (let i = 0; i < text.length;) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (text[j] === '`') j++;
    const list = byLength.get(j - i) ?? [];
    list.push(i);
    byLength.set(j - i, list);
    i = j;
  }
  const pointer = new Map<number, number>();
  /** The first run of exactly `length` backticks starting at `from` or later. */
  const closing = (length: number, from: number): number | undefined => {
    const list = byLength.get(length);
    if (!list) return undefined;
    let k = pointer.get(length) ?? 0;
    while (k < list.length && list[k]! < from) k++;
    pointer.set(length, k);
    return list[k];
  };

  const spans: CodeSpan[] = [];
  let p = 0;
  while (p < text.length) {
    const char = text[p];
    let open: number;
    if (char === '\\' && text[p + 1] === '`')
      open = p + 2; // the rest of the run after an escaped backtick
    else if (char === '\\') {
      p += 2;
      continue;
    } else if (char === '`') open = p;
    else {
      p++;
      continue;
    }
    let length = 0;
    while (text[open + length] === '`') length++;
    if (length === 0) {
      p = open;
      continue;
    }
    const close = closing(length, open + length);
    if (close === undefined) {
      p = open + length;
      continue;
    }
    spans.push({ start: open, end: close + length, inner: text.slice(open + length, close) });
    p = close + length;
  }
  return spans;
}
