/**
 * Text from screens, keyboards, files and models, written into Markdown as
 * text: the one place exports encode it. Nothing it returns can open HTML, a
 * link, an image, a heading, a list or a code span that was not meant; and it
 * stays on one line, so it cannot end the paragraph or list item it sits in.
 */
import { codeSpans } from '../shared/code-spans';

/** A piece of a step's words as shown and exported: plain, bold (a label) or code (a typed value). */
export type TextPart = {
  text: string;
  style?: 'strong' | 'code';
  /** Text the page itself shows (a field's example, a dropdown's options): never replaced by an input's name. */
  page?: true;
};

/**
 * Line breaks of every kind (CR, LF, NEL, LS, PS, VT, FF): a renderer may start a
 * new line, a new block or a new list item at any of them.
 */
const LINE_BREAKS = /\r\n|[\n\r\u0085\u2028\u2029\v\f]/g;
/**
 * Other control characters, and the bidirectional overrides and isolates that make text
 * display in another order than it reads (U+202A–U+202E, U+2066–U+2069): dropped.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
/** Characters with a meaning anywhere in a line (CommonMark and GitHub's extensions). */
const INLINE_SPECIALS = /[\\`*_[\]<>#|~!&]/g;
/** A line that starts with these would be a list item, quote, heading underline or break. */
const BLOCK_START = /^(\s*)([-+=>]|\d{1,9}(?=[.)]))/;

/**
 * Whether the `_` at `at` sits in a run of them between a letter or digit on each side
 * (`full_name`): CommonMark never opens or closes emphasis there, so it needs no escape
 * (and `{{full_name}}` reads as the agent will type it).
 */
function insideWord(line: string, at: number): boolean {
  let start = at;
  while (line[start - 1] === '_') start--;
  let end = at;
  while (line[end + 1] === '_') end++;
  const word = /[\p{L}\p{N}]/u;
  return word.test(line[start - 1] ?? '') && word.test(line[end + 1] ?? '');
}

/** One line of plain text: line breaks become spaces, invisible controls go. */
export function oneLine(text: string, lineBreak = ' '): string {
  return text.replace(INVISIBLE, '').replace(LINE_BREAKS, lineBreak);
}

/** `text` as Markdown text that renders as exactly those characters, on one line. */
export function markdownText(text: string): string {
  return oneLine(text)
    .replace(INLINE_SPECIALS, (char: string, at: number, line: string) =>
      char === '_' && insideWord(line, at) ? char : `\\${char}`,
    )
    .replace(BLOCK_START, (_, space: string, marker: string) =>
      /\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
    );
}

/**
 * A whole line (a paragraph, a heading's text) of `text`: as `markdownText`, spaces at
 * either end dropped (four at the start would make a code block).
 */
export function markdownLine(text: string): string {
  return markdownText(oneLine(text).trim());
}

/** `text` in bold (spaces at either end would keep it from being bold). */
export function markdownStrong(text: string): string {
  return `**${markdownLine(text)}**`;
}

/**
 * `text` as a code span that holds it whole: the fence is one backtick longer than
 * the longest run of backticks in it, and it is padded with a space where it begins
 * or ends with a backtick, or with spaces on both sides (CommonMark strips one).
 * A line break in a typed value is shown as ⏎ (a code span cannot hold one).
 */
export function markdownCode(text: string): string {
  const value = oneLine(text, '⏎');
  let longest = 0;
  for (const run of value.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const pad =
    value.startsWith('`') ||
    value.endsWith('`') ||
    (value.length > 1 && value.startsWith(' ') && value.endsWith(' ') && value.trim() !== '')
      ? ' '
      : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * What would open a block at the start of a list item's text: a heading, a quote, a
 * bullet, a number, a code fence, a thematic break (`---`, `***`, `___`).
 */
const PERSON_BLOCK_START =
  /^(#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}(?=[.)](?:\s|$))|`{3,}|~{3,}|([-*_])(?=(?:\s*\2){2,}\s*$))/;

/**
 * A person's own step text (they may use **bold** and `code`), made safe: one line,
 * no HTML, link or image (angle and square brackets are escaped), and nothing at its
 * start that would open a block inside the step's list item.
 */
export function personMarkdown(text: string): string {
  return oneLine(text)
    .trim()
    .replace(/[<>[\]]/g, '\\$&')
    .replace(PERSON_BLOCK_START, (marker: string) => (/^\d/.test(marker) ? marker : `\\${marker}`))
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

/**
 * The parts of a step's Markdown as the review shows them (bold, code, text),
 * read as `personMarkdown` and `toMarkdown` write it: code spans, `**`, backslash
 * escapes. The inverse of `toMarkdown` for what it writes; anything else is text.
 */
export function markdownToParts(markdown: string): TextPart[] {
  const parts: TextPart[] = [];
  const push = (text: string, style?: TextPart['style']) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.style === style) last.text += text;
    else parts.push(style ? { text, style } : { text });
  };
  const spans = codeSpans(markdown);
  let next = 0;
  let bold = false;
  for (let i = 0; i < markdown.length;) {
    const span = spans[next];
    if (span && i === span.start) {
      // One space is stripped from each side when both have one (as markdown-it does).
      push(/^ (.+) $/s.test(span.inner) ? span.inner.slice(1, -1) : span.inner, 'code');
      i = span.end;
      next++;
    } else if (markdown[i] === '\\' && i + 1 < markdown.length && !(span && i + 1 === span.start)) {
      push(markdown[i + 1]!, bold ? 'strong' : undefined);
      i += 2;
    } else if (markdown.startsWith('**', i) && !(span && i + 1 === span.start)) {
      bold = !bold;
      i += 2;
    } else {
      push(markdown[i]!, bold ? 'strong' : undefined);
      i++;
    }
  }
  return parts;
}
