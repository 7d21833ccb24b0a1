/**
 * What a skill's Markdown would make a renderer do beyond showing text: the
 * links and images it holds (their targets), raw HTML, and autolinks. One pass
 * over the text, so a file of a million brackets is read as fast as any other
 * (the validator runs on every keystroke of the SKILL.md editor). Fenced code
 * blocks and code spans are skipped, backslash escapes honoured: the scan
 * finds what CommonMark renderers (markdown-it, GitHub's) would render; where it
 * is unsure it reports rather than passes.
 */
import { codeSpans } from '../shared/code-spans';

export interface Found {
  /** 1-based line. */
  line: number;
  /** The link target, or the start of the HTML. */
  text: string;
}

export interface MarkdownScan {
  links: Found[];
  html: Found[];
}

/** The text with fenced code blocks blanked (same length, newlines kept), so indexes and lines still match. */
function withoutFences(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | null = null;
  return lines
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (
        fence === null &&
        marker &&
        !(marker[0] === '`' && line.slice(line.indexOf(marker) + marker.length).includes('`'))
      ) {
        fence = marker;
        return ' '.repeat(line.length);
      }
      if (fence !== null) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
        return ' '.repeat(line.length);
      }
      return line;
    })
    .join('\n');
}

/** Read where the scan stands (sticky), never past a bounded length: no text makes them slow. */
const TAG = /<(?:[A-Za-z][A-Za-z0-9-]{0,63}(?=[\s/>])|\/[A-Za-z]|!--|![A-Za-z]|\?|!\[CDATA\[)/y;
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]{0,2048})>/y;
const REFERENCE = /^ {0,3}\[[^\]\n]{1,999}\]:[ \t]*<?([^\s>]+)/gm;

export function scanMarkdown(markdown: string): MarkdownScan {
  const text = withoutFences(markdown);
  // Code spans blanked the same way: what is inside them is not Markdown.
  let plain = '';
  let at = 0;
  for (const span of codeSpans(text)) {
    plain += text.slice(at, span.start) + text.slice(span.start, span.end).replace(/[^\n]/g, ' ');
    at = span.end;
  }
  plain += text.slice(at);

  const lineStarts = [0];
  for (let i = 0; i < plain.length; i++) if (plain[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (index: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  const links: Found[] = [];
  const html: Found[] = [];
  let open = 0; // unescaped "[" not yet closed, in this paragraph
  // Where the last link's destination ended: a "](" inside it is part of that address, not a link
  // (and reading each one again would make a line of "[a](" slow).
  let destinationEnd = 0;
  for (let i = 0; i < plain.length; i++) {
    const char = plain[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '\n' && plain[i + 1] === '\n') open = 0;
    else if (char === '[') open++;
    else if (char === ']' && open > 0) {
      open--;
      if (plain[i + 1] === '(' && i >= destinationEnd) {
        const found = destination(plain, i + 2);
        if (found) {
          links.push({ line: lineOf(i), text: found.target });
          destinationEnd = found.end;
        }
      }
    } else if (char === '<') {
      AUTOLINK.lastIndex = i;
      const auto = AUTOLINK.exec(plain);
      TAG.lastIndex = i;
      if (auto) links.push({ line: lineOf(i), text: auto[1]! });
      else if (TAG.test(plain)) html.push({ line: lineOf(i), text: plain.slice(i, i + 64).split(/[\s>]/)[0]! });
    }
  }
  for (const match of plain.matchAll(REFERENCE)) links.push({ line: lineOf(match.index), text: match[1]! });
  return { links, html };
}

/**
 * How far a link destination is read: enough for any real one and for its scheme,
 * and it keeps a line of unclosed "[a](" from being read once per bracket to its end.
 */
const MAX_DESTINATION = 2048;

/**
 * A link destination starting at `from` (after "("): `<…>` or a run without spaces,
 * parentheses balanced; and where it ends.
 */
function destination(text: string, from: number): { target: string; end: number } | null {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n') i++;
  if (text[i] === '<') {
    const window = text.slice(i + 1, i + 1 + MAX_DESTINATION);
    const end = window.search(/[>\n]/);
    return end >= 0 && window[end] === '>' ? { target: window.slice(0, end), end: i + 1 + end } : null;
  }
  let depth = 0;
  const start = i;
  const limit = Math.min(text.length, start + MAX_DESTINATION);
  for (; i < limit; i++) {
    const char = text[i]!;
    if (char === '\\') i++;
    else if (char === '(') depth++;
    else if (char === ')') {
      if (depth === 0) break;
      depth--;
    } else if (/\s/.test(char)) break;
  }
  return { target: text.slice(start, i), end: i };
}

/**
 * A link target that would run code or carry its own content (`javascript:`,
 * `vbscript:`, `data:`, `file:`), with character references and the spaces and
 * controls a browser ignores taken out first.
 */
export function isUnsafeTarget(target: string): boolean {
  const decoded = target
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) || 32))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec) || 32))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '');
  // eslint-disable-next-line no-control-regex
  const squeezed = decoded.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  return /^(javascript|vbscript|data|file):/.test(squeezed);
}
