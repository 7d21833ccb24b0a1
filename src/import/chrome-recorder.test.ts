import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecorderRecording, RecorderImportError } from './chrome-recorder';

const handWritten = readFileSync(new URL('../../e2e/fixtures/recorder-expenses.json', import.meta.url), 'utf8');

describe('parseRecorderRecording', () => {
  it('reads a recording in the documented shape: the start page, actions with names from aria/ selectors, key combos', () => {
    const { title, events, used, skipped } = parseRecorderRecording(handWritten, 'expenses.json');
    expect(title).toBe('File an expense report');
    expect([used, skipped]).toEqual([13, 2]);
    expect(events[0]).toMatchObject({
      type: 'navigate',
      url: 'http://fixture.test/expenses.html',
      title: 'P2S Fixture Expenses',
    });
    expect(events.map((e) => [e.type, e.target?.name ?? e.key ?? e.url, e.value])).toEqual([
      ['navigate', 'http://fixture.test/expenses.html', undefined],
      ['input', 'Date', '2026-11-24'],
      ['click', 'Amount', undefined],
      ['input', 'Amount', '42.00'],
      ['input', 'Category', 'travel'],
      ['click', 'Description', undefined],
      ['input', 'Description', 'Lunch with a client'],
      ['click', 'I have a receipt', undefined],
      ['click', 'Submit report', undefined],
      ['key', 'Ctrl+S', undefined],
    ]);
    const submit = events.find((e) => e.target?.name === 'Submit report')!;
    expect(submit.target).toMatchObject({
      role: 'button',
      text: 'Submit report',
      selector: '[data-testid="submit-report"]',
    });
    expect(submit.target?.selectors).toEqual([
      ['aria/Submit report[role="button"]'],
      ['[data-testid="submit-report"]'],
      ['text/Submit report'],
    ]);
    // Times in order, a second apart.
    expect(events.every((e, i) => i === 0 || e.t > events[i - 1]!.t)).toBe(true);
  });

  it.each([
    ['not json', 'x.json is not JSON'],
    ['{"title":"t"}', 'needs a "steps" list'],
    [
      '{"steps":[{"type":"click","selectors":[["#a"]]},{"type":"change","selectors":[["#b"]]}]}',
      'Step 2 (change) needs a "value"',
    ],
    [
      '{"steps":[{"type":"navigate","url":"javascript:alert(1)"}]}',
      'Step 1 (navigate) needs a "url" starting with http',
    ],
    ['{"steps":[{"type":"click","selectors":[]}]}', 'Step 1 (click) has no "selectors"'],
    ['{"steps":[{"type":"click","selectors":[["#a"],[1]]}]}', 'Step 1 (click): selector 2 is not a selector'],
    ['{"steps":[{"type":"teleport"}]}', 'Step 1 has a type this app does not know: "teleport"'],
    ['{"steps":[{"type":"setViewport","width":1,"height":1}]}', 'has no clicks, changes or key presses'],
  ])('refuses %s, naming the step and the problem', (text, message) => {
    expect(() => parseRecorderRecording(text, 'x.json')).toThrow(RecorderImportError);
    expect(() => parseRecorderRecording(text, 'x.json')).toThrow(message);
  });
});
