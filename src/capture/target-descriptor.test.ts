// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { describeTarget } from './target-descriptor';
import { looksLikeFormat } from '../compose/control';

vi.stubGlobal('CSS', { escape: (s: string) => s.replace(/[^\w-]/g, '\\$&') });

function describe1(html: string, selector: string) {
  document.body.innerHTML = html;
  return describeTarget(document.querySelector(selector)!);
}

describe('describeTarget: what kind of control, and what it offers', () => {
  it('names a field by its caption, not by a format shown in it, and keeps the format', () => {
    const date = describe1(`<div><span>Date</span><input id="d" placeholder="mm/dd/yyyy"></div>`, '#d');
    expect(date.name).toBe('Date');
    expect(date.placeholder).toBe('mm/dd/yyyy');
    const amount = describe1(`<p>Amount <input id="a" placeholder="e.g. 42.00"></p>`, '#a');
    expect(amount.name).toBe('Amount');
  });

  it('names text edited in place by its row, not by the value typed into it', () => {
    // A JSON tree editor's row: the field's name, a colon, the value (contenteditable).
    const row =
      '<table><tr><td><div class="field">firstName</div></td><td>:</td>' +
      '<td><div id="v" contenteditable="true">Ada</div></td></tr></table>';
    const value = describe1(row, '#v');
    expect(value.name).toBe('firstName');
    expect(value.text).toBe('Ada');
    const labelled = describe1('<div id="v" contenteditable aria-label="Notes">Some text</div>', '#v');
    expect(labelled.name).toBe('Notes');
  });

  it('keeps a placeholder that is a name as the name', () => {
    const search = describe1(`<header>Logo <input id="q" placeholder="Search packages"></header>`, '#q');
    expect(search.name).toBe('Search packages');
    expect(search.placeholder).toBeUndefined();
  });

  it('a field with only a format is still named by it', () => {
    expect(describe1(`<input id="d" placeholder="dd.mm.yyyy">`, '#d').name).toBe('dd.mm.yyyy');
  });

  it("lists a select's options, the first twelve, and says how many there are", () => {
    const options = Array.from({ length: 15 }, (_, i) => `<option>Option ${i + 1}</option>`).join('');
    const select = describe1(`<label for="c">Category</label><select id="c">${options}</select>`, '#c');
    expect(select.name).toBe('Category');
    expect(select.options).toHaveLength(12);
    expect(select.options?.[0]).toBe('Option 1');
    expect(select.optionCount).toBe(15);
    const short = describe1(`<select id="s" aria-label="Size"><option>S</option><option>M</option></select>`, '#s');
    expect(short.options).toEqual(['S', 'M']);
    expect(short.optionValues).toEqual(['S', 'M']);
    const valued = describe1(`<select id="v" aria-label="Plan"><option value="t">Team</option></select>`, '#v');
    expect(valued.optionValues).toEqual(['t']);
    expect(short.optionCount).toBeUndefined();
  });

  it('says a text area is one, and an input its type', () => {
    expect(describe1(`<textarea id="t" aria-label="Notes"></textarea>`, '#t').inputType).toBe('textarea');
    expect(describe1(`<input id="d" type="date" aria-label="When">`, '#d').inputType).toBe('date');
  });
});

describe('looksLikeFormat', () => {
  it.each(['mm/dd/yyyy', 'DD.MM.YYYY', 'hh:mm', 'e.g. Lunch with a client', '0.00', 'yyyy-mm-dd'])(
    '%s is a format',
    (t) => expect(looksLikeFormat(t)).toBe(true),
  );
  it.each(['Search', 'Your name', 'Email address', 'Add a todo'])('%s is a name', (t) =>
    expect(looksLikeFormat(t)).toBe(false),
  );
});
