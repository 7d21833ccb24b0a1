import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS } from '../shared/hostile-strings';
import { isUnsafeTarget, scanMarkdown } from './markdown-scan';
import { validateSkill } from './validate';

const md = new MarkdownIt({ html: true });

function rendered(markdown: string) {
  const tokens = md.parse(markdown, {}).flatMap((t) => [t, ...(t.children ?? [])]);
  return {
    html: tokens.some((t) => t.type === 'html_inline' || t.type === 'html_block'),
    links: tokens.filter((t) => t.type === 'link_open' || t.type === 'image').length,
  };
}

const skill = (body: string) =>
  new Map([
    ['s/SKILL.md', `---\nname: s\ndescription: "Does it. Use when asked."\n---\n${body}`],
    ['s/references/REFERENCE.md', '# Reference\n'],
  ]);

describe('markdown scan', () => {
  it('finds every raw HTML and link markdown-it renders, on hostile strings and their mixes', () => {
    const docs = [
      ...HOSTILE_STRINGS,
      ...HOSTILE_STRINGS.map((s) => `Some text ${s} and [a link](references/REFERENCE.md)`),
      '`<b>in code</b>` and <i>out</i>',
      '```\n<script>in a fence</script>\n```\n<div>\nafter\n</div>',
      '\\<b>escaped</b>',
      '<https://example.com> and <mailto:a@b.c>',
      '[x](<javascript:alert(1)>) ![y](data:text/html;base64,PHNjcmlwdD4=)',
      '[ref]: javascript:alert(1)\n\n[x][ref]',
    ];
    for (const doc of docs) {
      const scan = scanMarkdown(doc);
      const theirs = rendered(doc);
      if (theirs.html) expect(scan.html.length, JSON.stringify(doc)).toBeGreaterThan(0);
      expect(scan.links.length, JSON.stringify(doc)).toBeGreaterThanOrEqual(theirs.links);
    }
    expect(scanMarkdown('`<b>in code</b>`\n```\n<script>\n```\n\\<b>').html).toEqual([]);
  });

  it('refuses raw HTML and code-running links in a skill, naming the file and line', () => {
    const messages = validateSkill(
      skill(
        '# S\n\nText\n\n1. Click <img src=x onerror=alert(1)>\n2. [here](JaVa&#x53;cript:alert(1))\n3. [ok](references/REFERENCE.md)\n',
      ),
    ).map((issue) => `${issue.file}: ${issue.message}`);
    expect(messages).toEqual([
      's/SKILL.md: Line 10: the link "JaVa&#x53;cript:alert(1)" would run code or carry its own content; link only to the skill\'s files or to web pages.',
      's/SKILL.md: Line 9: raw HTML (<img…) is not allowed in a skill; write it as text (escape "<" as "\\<").',
    ]);
  });

  it('says a malformed address is one, instead of failing', () => {
    const messages = validateSkill(skill('[x](references/%E0%A4%A.md)\n')).map((issue) => issue.message);
    expect(messages).toEqual(['Line 5: the link "references/%E0%A4%A.md" is not a valid address.']);
  });

  it('tells unsafe targets through character references, case and spaces', () => {
    for (const target of [
      'javascript:x',
      'JAVASCRIPT:x',
      ' java\tscript:x',
      '&#106;avascript:x',
      'jav&#x61;script&colon;x',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
    ]) {
      expect(isUnsafeTarget(target), target).toBe(true);
    }
    for (const target of ['https://example.com', 'references/REFERENCE.md', '#top', 'mailto:a@b.c']) {
      expect(isUnsafeTarget(target), target).toBe(false);
    }
  });

  it('reads a megabyte of brackets, unclosed links, angle brackets or fences in one pass', { timeout: 10_000 }, () => {
    const size = 1_000_000;
    for (const unit of ['[', '[a](', '](<', '<', '```\n', '`', '[a]', '\\']) {
      const doc = unit.repeat(Math.ceil(size / unit.length));
      expect(() => scanMarkdown(doc)).not.toThrow();
    }
    expect(validateSkill(skill('['.repeat(40_000))).filter((i) => i.severity === 'error')).toEqual([]);
  });
});
