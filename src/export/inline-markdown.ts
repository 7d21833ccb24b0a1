/**
 * The Markdown that step texts use (bold, code spans, backslash escapes) as
 * safe HTML: everything is escaped first, so screen text or a person's edit
 * can never become markup.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

export function inlineMarkdownToHtml(markdown: string): string {
  let html = '';
  let i = 0;
  let bold = false;
  while (i < markdown.length) {
    const char = markdown[i]!;
    if (char === '\\' && i + 1 < markdown.length) {
      html += escapeHtml(markdown[i + 1]!);
      i += 2;
    } else if (char === '`') {
      const fence = markdown.startsWith('``', i) ? '``' : '`';
      const end = markdown.indexOf(fence, i + fence.length);
      if (end < 0) {
        html += escapeHtml(markdown.slice(i));
        break;
      }
      html += `<code>${escapeHtml(markdown.slice(i + fence.length, end))}</code>`;
      i = end + fence.length;
    } else if (markdown.startsWith('**', i)) {
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
