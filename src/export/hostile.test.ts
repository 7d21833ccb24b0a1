/**
 * Hostile text from every source that reaches an export — typed values, labels
 * from the page or OCR, text read on screen, captions, a person's edits, the app
 * name, the description — rendered with a real CommonMark renderer that lets
 * HTML through (markdown-it, html: true): nothing but the generator's own
 * structure may come out, and the validator passes what the generator wrote.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { describe, expect, it } from 'vitest';
import { testAnalysis } from '../analyze/testing';
import type { AnalyzedStep } from '../analyze/types';
import { defaultDraft } from '../compose/draft';
import { stepText, type StepFacts } from '../compose/step-text';
import { HOSTILE_STRINGS } from '../shared/hostile-strings';
import { validateSkill } from '../skill/validate';
import { manualGenerator } from './manual';
import { skillGenerator } from './skill';
import { toBytes } from './zip';

const md = new MarkdownIt({ html: true });
const line = (text: string) => ({ text, confidence: 90, box: { x: 0, y: 0, width: 10, height: 10 } });

function flat(markdown: string): Token[] {
  const out: Token[] = [];
  const walk = (list: Token[]) => {
    for (const token of list) {
      out.push(token);
      if (token.children) walk(token.children);
    }
  };
  walk(md.parse(markdown, {}));
  return out;
}

function hostileSteps(s: string, i: number): AnalyzedStep[] {
  const make = (n: number, facts: StepFacts, extra: Partial<AnalyzedStep> = {}): AnalyzedStep => ({
    id: `s${i}-${n}`,
    start: n * 1000,
    end: n * 1000 + 400,
    kind: facts.kind,
    text: stepText(facts),
    facts,
    eventCount: 1,
    beforeFrameId: `f${n}`,
    ...(facts.label ? { label: facts.label, labelSource: 'page' as const } : {}),
    ...(facts.value ? { value: facts.value } : {}),
    ocr: { before: [line(s)], after: [line(`${s} after`)] },
    caption: s,
    ...extra,
  });
  return [
    make(1, { kind: 'click', label: s, context: s }),
    make(2, { kind: 'type', label: s, value: s, thenKey: 'Enter' }),
    make(3, { kind: 'type', label: 'Note', value: s }, { parameter: 'note' }),
    make(4, { kind: 'choose', label: s, value: s }),
    make(5, { kind: 'visual', appeared: s, durationMs: 800 }),
    make(6, { kind: 'click', label: 'Save' }, { editedText: s }),
    make(7, { kind: 'key', key: s }),
    // A cloud model's instruction replaces the generated words (cloud/merge.ts).
    make(8, { kind: 'click', label: 'Send' }, { text: [{ text: s }] }),
  ];
}

describe('hostile text in exports', () => {
  it.each(HOSTILE_STRINGS.map((s, i) => [s.slice(0, 30), s, i] as const))(
    'stays text in SKILL.md, the reference and the manual: %j',
    async (_, s, i) => {
      const analysis = testAnalysis({
        recordingId: `r${i}`,
        appName: s,
        givenDescription: s,
        steps: hostileSteps(s, i),
        screens: [{ frameId: 'f1', t: 0, title: s, lines: [line(s)] }],
        // A marker's title opens a section heading.
        sections: [{ t: 2500, title: s }],
        start: { url: `https://example.com/${encodeURIComponent(s.slice(0, 50))}`, title: s },
      });
      const draft = { ...defaultDraft(analysis, 'Recording'), description: `Files a ticket. ${s}`.slice(0, 1000) };
      const input = {
        analysis,
        draft,
        recordedAt: 0,
        screenshot: async () => new Blob([new Uint8Array([137, 80, 78, 71])]),
      };
      const skill = await toBytes(await skillGenerator.generate(input));
      const markdownErrors = validateSkill(skill).filter((issue) => issue.severity === 'error');
      // Only the description's own rules may object (a "<" in it); nothing in the body.
      expect(markdownErrors.filter((e) => !e.message.startsWith('The description'))).toEqual([]);

      const manual = await toBytes(await manualGenerator.generate(input));
      const texts = [...skill, ...manual]
        .filter(([path]) => path.endsWith('.md'))
        .map(([path, bytes]) => [path, new TextDecoder().decode(bytes)] as const);
      for (const [path, text] of texts) {
        const body = path.endsWith('SKILL.md') ? text.slice(text.indexOf('\n---', 3) + 4) : text;
        const tokens = flat(body);
        const types = tokens.map((t) => t.type);
        expect(types, path).not.toContain('html_inline');
        expect(types, path).not.toContain('html_block');
        expect(types, path).not.toContain('fence');
        expect(types, path).not.toContain('code_block');
        expect(types, path).not.toContain('hr');
        expect(types, path).not.toContain('blockquote_open');
        // Links and images: the generator's own, to files in the export.
        const targets = tokens
          .filter((t) => t.type === 'link_open' || t.type === 'image')
          .map((t) => t.attrGet(t.type === 'image' ? 'src' : 'href'));
        for (const target of targets)
          expect(target, path).toMatch(/^(assets|images)\/step-\d\d\.png$|^references\/REFERENCE\.md$/);
        // Headings: the generator's own, one line each.
        const headings = tokens.filter((t) => t.type === 'heading_open').length;
        expect(headings, path).toBe((body.match(/^#{1,6} /gm) ?? []).length);
      }
      // The manual's HTML: text is escaped, so every "<" left opens one of the page's own tags.
      const html = new TextDecoder().decode([...manual].find(([path]) => path.endsWith('index.html'))![1]);
      const body = html.slice(html.indexOf('</style>') + '</style>'.length);
      for (const [tag, name] of body.matchAll(/<\/?([a-z0-9!]+)[^>]*>/gi)) {
        expect([
          'head',
          'style',
          'body',
          'html',
          'main',
          'header',
          'h1',
          'h2',
          'h3',
          'p',
          'ol',
          'ul',
          'li',
          'code',
          'strong',
          'img',
          'em',
          'figure',
          'section',
          'div',
          'span',
        ]).toContain(name!.toLowerCase());
        expect(tag, tag).not.toMatch(/\son[a-z]+=|javascript:/i);
        if (name === 'img') expect(tag).toMatch(/^<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="[^"<>]*"/);
      }
    },
  );
});
