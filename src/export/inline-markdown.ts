/**
 * The Markdown that step texts use (bold, code spans, backslash escapes) as
 * safe HTML: everything is escaped first, so screen text or a person's edit
 * can never become markup.
 */
import { codeSpans } from '../shared/code-spans';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

export function inlineMarkdownToHtml(markdown: string): string {
  let html = '';
  let bold = false;
  const spans = codeSpans(markdown);
  let next = 0; // the next code span
  let i = 0;
  while (i < markdown.length) {
    const span = spans[next];
    if (span && i === span.start) {
      // One space is stripped from each side when both have one (as markdown-it does).
      const inner = /^ (.+) $/s.test(span.inner) ? span.inner.slice(1, -1) : span.inner;
      html += `<code>${escapeHtml(inner)}</code>`;
      i = span.end;
      next++;
      continue;
    }
    const char = markdown[i]!;
    if (char === '\\' && i + 1 < markdown.length && !(span && i + 1 === span.start)) {
      html += escapeHtml(markdown[i + 1]!);
      i += 2;
    } else if (markdown.startsWith('**', i) && !(span && i + 1 === span.start)) {
      html += bold ? '</strong>' : '<strong>';
      bold = !bold;
      i += 2;
    } else {
      html += escapeHtml(char);
      i++;
    }
  }
  return bold ? `${html}</strong>` : html;
}
