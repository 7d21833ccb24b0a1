import { describe, expect, it } from 'vitest';
import { testAnalysis } from '../analyze/testing';
import type { Analysis } from '../analyze/types';
import { stepText } from '../compose/step-text';
import { inlineMarkdownToHtml } from './inline-markdown';
import { manualGenerator } from './manual';

const analysis: Analysis = testAnalysis({
  appName: 'Helpdesk',
  steps: [
    {
      id: 'step-1',
      start: 2000,
      end: 2500,
      kind: 'type',
      text: stepText({ kind: 'type', label: 'Summary', value: 'Printer jam' }),
      facts: { kind: 'type', label: 'Summary', value: 'Printer jam' },
      label: 'Summary',
      value: 'Printer jam',
      parameter: 'summary',
      eventCount: 3,
      beforeFrameId: 'f1',
    },
    {
      id: 'step-2',
      start: 5000,
      end: 5200,
      kind: 'click',
      text: stepText({ kind: 'click', label: '<img src=x onerror=alert(1)>' }),
      facts: { kind: 'click', label: '<img src=x onerror=alert(1)>' },
      label: 'Delete <b>all</b>',
      eventCount: 1,
    },
  ],
});

describe('manual generator', () => {
  it('writes index.md, a self-contained index.html and the images', async () => {
    const png = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
    const files = await manualGenerator.generate({
      analysis,
      draft: { name: 'file-a-ticket', description: 'Files a ticket. Use when a printer jams.' },
      recordedAt: 0,
      screenshot: async (step) => (step.beforeFrameId ? png : null),
    });
    expect(files.map((f) => f.path)).toEqual([
      'file-a-ticket-manual/index.md',
      'file-a-ticket-manual/index.html',
      'file-a-ticket-manual/images/step-01.png',
    ]);
    const md = files[0]!.data as string;
    expect(md).toContain('1. Type `{{summary}}` into **Summary**');
    expect(md).toContain('![Step 1](images/step-01.png)');
    const html = files[1]!.data as string;
    expect(html).toContain('<img src="data:image/png;base64,iVBORw==" alt="Screenshot of step 1">');
    expect(html).toContain('<strong>Summary</strong>');
    // Screen text stays text.
    expect(html).toContain('Click <strong>&lt;img src=x onerror=alert(1)&gt;</strong>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('@media print');
    expect(html).toContain('This cannot be undone');
  });
});

describe('inlineMarkdownToHtml', () => {
  it('turns bold and code into tags and escapes everything else', () => {
    expect(inlineMarkdownToHtml('Click **Save** then type `a<b>` \\*not bold\\*')).toBe(
      'Click <strong>Save</strong> then type <code>a&lt;b&gt;</code> *not bold*',
    );
    expect(inlineMarkdownToHtml('**unclosed')).toBe('<strong>unclosed</strong>');
    expect(inlineMarkdownToHtml('<script>')).toBe('&lt;script&gt;');
  });
});

describe('markedBox', () => {
  it('outlines the label’s text when OCR found it, else the changed region', async () => {
    const { markedBox } = await import('./screenshot');
    const region = { x: 0, y: 0, width: 400, height: 200 };
    const line = (text: string, x: number) => ({ text, confidence: 90, box: { x, y: 100, width: 80, height: 20 } });
    expect(
      markedBox({ label: 'Save', region, ocr: { before: [line('Assign', 10), line('Save', 200)], after: [] } }),
    ).toEqual({
      x: 192,
      y: 92,
      width: 96,
      height: 36,
    });
    expect(markedBox({ label: 'Gone', region, ocr: { before: [line('Save', 200)], after: [] } })).toEqual(region);
    expect(markedBox({ region })).toEqual(region);
  });
});

describe('manual sections', () => {
  it('opens a section at each marker, in index.md and index.html, numbering on', async () => {
    const files = await manualGenerator.generate({
      analysis: { ...analysis, sections: [{ t: 4000, title: 'Clean up' }] },
      draft: { name: 'file-a-ticket', description: 'Files a ticket. Use when a printer jams.' },
      recordedAt: 0,
      screenshot: async () => null,
    });
    const file = (name: string) => String(files.find((f) => f.path.endsWith(name))!.data);
    expect(file('index.md')).toContain('1. Type `{{summary}}` into **Summary**\n\n### Clean up\n\n2. ');
    expect(file('index.html')).toContain('</ol><h3>Clean up</h3><ol start="2">');
  });
});
