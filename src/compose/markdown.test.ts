import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from '../shared/hostile-strings';
import { codeSpans } from '../shared/code-spans';
import { inlineMarkdownToHtml } from '../export/inline-markdown';
import { markdownCode, markdownLine, markdownStrong, markdownText, oneLine, personMarkdown } from './markdown';
import { toMarkdown } from './step-text';

/** A CommonMark renderer that lets raw HTML through, as many Markdown viewers do. */
const md = new MarkdownIt({ html: true, linkify: true });

/** The tokens of `markdown` rendered as a list item's line, all levels flattened. */
function tokens(markdown: string): Token[] {
  const flat: Token[] = [];
  const walk = (list: Token[]) => {
    for (const token of list) {
      flat.push(token);
      if (token.children) walk(token.children);
    }
  };
  walk(md.parse(`1. ${markdown}\n`, {}));
  return flat;
}

/** Links other than web and mail ones (a bare URL in screen text may be linked by a viewer). */
const badLinks = (list: Token[]) =>
  list.filter((t) => t.type === 'link_open' && !/^(https?:|mailto:)/.test(t.attrGet('href') ?? ''));

const FORBIDDEN = [
  'html_inline',
  'html_block',
  'image',
  'heading_open',
  'hr',
  'blockquote_open',
  'table_open',
  'fence',
  'code_block',
];

/** The text a reader sees: what the renderer made of `markdown`, tags dropped, entities decoded. */
function shownText(markdown: string): string {
  return tokens(markdown)
    .filter((t) => t.type === 'text' || t.type === 'code_inline')
    .map((t) => t.content)
    .join('');
}

describe('text written into Markdown stays text', () => {
  it.each(HOSTILE_STRINGS.map((s) => [s.slice(0, 40), s]))('as text: %j', (_, s) => {
    const written = markdownLine(s);
    expect(written).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
    const types = tokens(written).map((t) => t.type);
    for (const type of FORBIDDEN) expect(types).not.toContain(type);
    expect(badLinks(tokens(written))).toEqual([]);
    // One list item, one paragraph: nothing started a new block.
    expect(types.filter((t) => t === 'list_item_open')).toHaveLength(1);
    expect(types.filter((t) => t === 'paragraph_open')).toHaveLength(1);
    expect(shownText(written)).toBe(oneLine(s).trim());
  });

  it.each(HOSTILE_STRINGS.map((s) => [s.slice(0, 40), s]))('as code: %j', (_, s) => {
    const written = markdownCode(s);
    const inline = tokens(written).filter((t) => t.type !== 'list_item_open' && t.type !== 'list_item_close');
    const code = inline.filter((t) => t.type === 'code_inline');
    expect(code).toHaveLength(1);
    expect(code[0]!.content).toBe(oneLine(s, '⏎'));
    for (const type of FORBIDDEN) expect(inline.map((t) => t.type)).not.toContain(type);
  });

  it.each(HOSTILE_STRINGS.map((s) => [s.slice(0, 40), s]))('in bold: %j', (_, s) => {
    const types = tokens(markdownStrong(s)).map((t) => t.type);
    for (const type of FORBIDDEN) expect(types).not.toContain(type);
    expect(badLinks(tokens(markdownStrong(s)))).toEqual([]);
    if (oneLine(s).trim()) expect(types).toContain('strong_open');
  });

  it.each(HOSTILE_STRINGS.map((s) => [s.slice(0, 40), s]))(
    "a person's step text keeps bold and code but no HTML or link: %j",
    (_, s) => {
      const types = tokens(personMarkdown(s)).map((t) => t.type);
      for (const type of FORBIDDEN) expect(types).not.toContain(type);
    },
  );

  it('a step with a hostile typed value and label renders as the words it says', () => {
    const value = '``a``b <img src=x onerror=alert(1)> ``c``';
    const markdown = toMarkdown([
      { text: 'Type ' },
      { text: value, style: 'code' },
      { text: ' into ' },
      { text: '<b>Name</b>\n# h', style: 'strong' },
    ]);
    expect(shownText(markdown)).toBe(`Type ${value} into <b>Name</b> # h`);
  });
});

describe('underscores inside words are left as they are', () => {
  it('writes {{full_name}} as the agent types it', () => {
    expect(markdownText('Shows {{full_name}} and snake_case_name')).toBe('Shows {{full_name}} and snake_case_name');
  });

  it('and random lines of underscores, stars and letters still render as their own text', () => {
    const alphabet = ['_', '__', 'a', 'é', '1', ' ', '*', '{', '}'];
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 2000; i++) {
      const line = Array.from(
        { length: 1 + Math.floor(random() * 12) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      const types = tokens(markdownLine(line)).map((t) => t.type);
      expect(types, JSON.stringify(line)).not.toContain('em_open');
      expect(types, JSON.stringify(line)).not.toContain('strong_open');
      expect(shownText(markdownLine(line)), JSON.stringify(line)).toBe(line.trim());
    }
  });
});

describe('code spans are found as CommonMark finds them', () => {
  // Random lines of backticks, backslashes, spaces and letters: the spans markdown-it sees.
  const alphabet = ['`', '`', '``', '\\', 'a', ' ', 'b'];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const lines = Array.from({ length: 2000 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 14) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(
      '',
    ),
  );

  it('on 2 000 random lines', () => {
    for (const line of lines) {
      const expected = md
        .parseInline(`x${line}x`, {})[0]!
        .children!.filter((t) => t.type === 'code_inline')
        .map((t) => t.content);
      const found = codeSpans(`x${line}x`).map((span) => {
        const inner = span.inner;
        return /^ (.+) $/s.test(inner) ? inner.slice(1, -1) : inner;
      });
      expect(found, JSON.stringify(line)).toEqual(expected);
    }
  });

  it('the manual renders step Markdown as markdown-it does', () => {
    for (const s of HOSTILE_STRINGS.slice(0, 36)) {
      const markdown = toMarkdown([
        { text: 'Type ' },
        { text: s, style: 'code' },
        { text: ' into ' },
        { text: s, style: 'strong' },
      ]);
      const ours = inlineMarkdownToHtml(markdown).replaceAll('&#39;', "'");
      const theirs = new MarkdownIt({ html: true }).renderInline(markdown); // the manual links nothing
      expect(ours, JSON.stringify(s)).toBe(theirs);
    }
  });

  it('takes one pass, whatever the text', { timeout: 5000 }, () => {
    // Runs of every length from 1 to 600, none with a partner: a search per opener would be quadratic.
    const unmatched = Array.from({ length: 600 }, (_, i) => '`'.repeat(i + 1)).join(' ');
    expect(codeSpans(unmatched)).toEqual([]);
    expect(codeSpans(' ``'.repeat(200_001))).toHaveLength(100_000);
    expect(codeSpans('\\`'.repeat(200_000))).toEqual([]);
  });
});
