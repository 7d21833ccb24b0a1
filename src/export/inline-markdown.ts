/**
 * The Markdown that step texts use (bold, code spans, backslash escapes) as
 * safe HTML: everything is escaped first, so screen text or a person's edit
 * can never become markup.
 */
import { markdownToParts } from '../compose/markdown';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

export function inlineMarkdownToHtml(markdown: string): string {
  return markdownToParts(markdown)
    .map((part) =>
      part.style === 'strong'
        ? `<strong>${escapeHtml(part.text)}</strong>`
        : part.style === 'code'
          ? `<code>${escapeHtml(part.text)}</code>`
          : escapeHtml(part.text),
    )
    .join('');
}
