// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DomEventLogger, keyCombo } from './dom-events';
import type { NewEvent } from './events';
import { isHotkey } from './recording-session';

// jsdom has no CSS.escape (every browser does): a minimal stand-in for identifiers.
vi.stubGlobal('CSS', { escape: (s: string) => s.replace(/[^\w-]/g, '\\$&') });

describe('DomEventLogger', () => {
  let events: NewEvent[];
  let logger: DomEventLogger;
  let now = 0;

  beforeEach(() => {
    vi.useFakeTimers();
    events = [];
    now = 0;
    document.body.innerHTML = `
      <div data-recorder-controls><button id="stop">Stop recording</button></div>
      <label for="summary">Summary</label><input id="summary" type="text" />
      <input id="pw" type="password" aria-label="Password" />
      <input id="otp" name="otp" autocomplete="one-time-code" aria-label="Code" />
      <button id="create"><span>Create ticket</span></button>
      <select id="priority" aria-label="Priority"><option>Low</option><option>High</option></select>
      <input id="urgent" type="checkbox" aria-label="Urgent" />`;
    logger = new DomEventLogger(document, {
      scale: 2,
      now: () => now,
      emit: (event) => events.push(event),
      ignoreSelector: '[data-recorder-controls]',
      isHotkey: (event) => isHotkey(event),
    });
  });

  afterEach(() => {
    logger.detach();
    vi.useRealTimers();
  });

  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

  function type(el: HTMLInputElement, text: string) {
    for (const ch of text) {
      el.dispatchEvent(new KeyboardEvent('keydown', { key: ch, bubbles: true }));
      el.value += ch;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      now += 50;
      vi.advanceTimersByTime(50);
    }
  }

  it('names a box or field with no name of its own by its row, and a shared name by its row too', () => {
    const list = document.createElement('ul');
    list.innerHTML = ['Buy milk', 'Walk the dog']
      .map(
        (todo) => `<li><div><input type="checkbox"><label>${todo}</label><button title="Delete"></button></div></li>`,
      )
      .join('');
    const row = document.createElement('div');
    row.innerHTML = '<span>speed</span><div><select><option>Fast</option><option>Slow</option></select></div>';
    document.body.append(list, row);
    const box = list.querySelector('input')!;
    box.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
    list.querySelectorAll('button')[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const select = row.querySelector('select')!;
    select.value = 'Slow';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(events.map((e) => [e.type, e.target?.name, e.target?.context, e.value])).toEqual([
      ['input', 'Buy milk', undefined, 'checked'],
      ['click', 'Delete', 'Walk the dog', undefined],
      ['input', 'speed', undefined, 'Slow'],
    ]);
  });

  it.each([
    ['aria-labelledby', '<span id="cap">Remove this</span><button aria-labelledby="cap">✕</button>'],
    ['a title written over two lines', '<button title="Remove\n  this"></button>'],
    ['its text', '<button>Remove <b>this</b></button>'],
  ])('sees a name shared with a control named by %s, and a unique one as unique', (_, other) => {
    const panel = document.createElement('div');
    panel.innerHTML = `<p>Row A ${other}</p><p>Row B <button title="Remove this"></button></p><p>Row C <button>Archive</button></p>`;
    document.body.append(panel);
    const [b, c] = Array.from(panel.querySelectorAll('p'))
      .slice(1)
      .map((p) => p.querySelector('button')!);
    b!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    c!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(events.map((e) => [e.target?.name, e.target?.context])).toEqual([
      ['Remove this', 'Row B'],
      ['Archive', undefined],
    ]);
  });

  it('names a bare box with no role or text by the caption beside it, not a box with text of its own', () => {
    const gui = document.createElement('ul');
    gui.innerHTML =
      '<li><div><span>Button with a long description</span><div class="c"><div class="button"></div></div></div></li>' +
      '<li><div><span>Other</span><div class="c">Has text</div></div></li>';
    document.body.append(gui);
    gui.querySelectorAll('.c')[0]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    gui.querySelectorAll('.c')[1]!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(events.map((e) => [e.target?.name, e.target?.text])).toEqual([
      ['Button with a long description', undefined],
      [undefined, 'Has text'],
    ]);
  });

  it("takes a field's value at Enter, before the page clears it", () => {
    const summary = byId<HTMLInputElement>('summary');
    // The page adds the item on Enter and empties the field, as a todo list does.
    summary.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') summary.value = '';
    });
    type(summary, 'Buy milk');
    summary.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    vi.advanceTimersByTime(1000);
    expect(events.filter((e) => e.type !== 'focus').map((e) => [e.type, e.value ?? e.key])).toEqual([
      ['input', 'Buy milk'],
      ['key', 'Enter'],
    ]);
  });

  it('names controls inside shadow roots, and gives Recorder selectors through them', () => {
    const host = document.createElement('x-panel');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<span id="caption">Archive</span><button aria-labelledby="caption" id="go">⟶</button>';
    root.getElementById('go')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(events).toHaveLength(1);
    expect(events[0]!.target).toMatchObject({ role: 'button', name: 'Archive', tag: 'button' });
    expect(events[0]!.target!.selectors).toEqual([
      ['aria/Archive[role="button"]'],
      ['html > body > x-panel', '#go'],
      ['text/⟶'],
    ]);
  });

  it('gives the accessible name a label, aria-labelledby or contents give, and XPath and text selectors', () => {
    byId('create').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    type(byId<HTMLInputElement>('summary'), 'Hi');
    vi.advanceTimersByTime(1000);
    const [click, input] = events;
    expect(click!.target!.selectors).toEqual([
      ['aria/Create ticket[role="button"]'],
      ['#create'],
      ['xpath///*[@id="create"]'],
      ['text/Create ticket'],
    ]);
    expect(input!.target).toMatchObject({ name: 'Summary', role: 'textbox' });
  });

  it('logs a click with the element acted on, not the inner span, in video pixels', () => {
    byId('create')
      .querySelector('span')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 10, clientY: 20 }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'click',
      source: 'page',
      point: { x: 20, y: 40 },
      target: { role: 'button', name: 'Create ticket', selector: '#create' },
    });
  });

  it('coalesces typing into one input event with the whole value', () => {
    const summary = byId<HTMLInputElement>('summary');
    now = 1000;
    type(summary, 'Printer jam');
    vi.advanceTimersByTime(1000);
    const inputs = events.filter((e) => e.type === 'input');
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({ t: 1000, value: 'Printer jam', target: { name: 'Summary', role: 'textbox' } });
    // Plain characters typed into a field are not logged as keys.
    expect(events.filter((e) => e.type === 'key')).toHaveLength(0);
  });

  it('never stores what was typed into a password or one-time-code field', () => {
    for (const id of ['pw', 'otp']) {
      const field = byId<HTMLInputElement>(id);
      type(field, 'hunter2');
      field.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    }
    const inputs = events.filter((e) => e.type === 'input');
    expect(inputs).toHaveLength(2);
    for (const input of inputs) {
      expect(input.redacted).toBe(true);
      expect(input).not.toHaveProperty('value');
    }
    expect(JSON.stringify(events)).not.toContain('hunter2');
    expect(JSON.stringify(events)).not.toMatch(/"key":"[a-z0-9]"/);
  });

  it('logs named keys and shortcuts, but not the recorder hotkeys', () => {
    const summary = byId<HTMLInputElement>('summary');
    summary.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    summary.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true }));
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'M', code: 'KeyM', altKey: true, shiftKey: true, bubbles: true }),
    );
    expect(events.map((e) => e.key)).toEqual(['Enter', 'Ctrl+S']);
  });

  it('logs choices in selects and checkboxes at once', () => {
    const priority = byId<HTMLSelectElement>('priority');
    priority.selectedIndex = 1;
    priority.dispatchEvent(new Event('change', { bubbles: true }));
    const urgent = byId<HTMLInputElement>('urgent');
    urgent.checked = true;
    urgent.dispatchEvent(new Event('change', { bubbles: true }));
    expect(events.map((e) => [e.type, e.value, e.target?.name])).toEqual([
      ['input', 'High', 'Priority'],
      ['input', 'checked', 'Urgent'],
    ]);
  });

  it('ignores the recorder’s own controls', () => {
    byId('stop').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    byId('stop').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(events).toEqual([]);
  });

  it('flushes pending typing on detach', () => {
    type(byId<HTMLInputElement>('summary'), 'abc');
    logger.detach();
    expect(events.filter((e) => e.type === 'input').map((e) => e.value)).toEqual(['abc']);
  });
});

describe('keyCombo', () => {
  it('names modifiers and keeps plain characters as typed', () => {
    expect(keyCombo({ key: 's', ctrlKey: true, metaKey: false, altKey: false, shiftKey: false })).toBe('Ctrl+S');
    expect(keyCombo({ key: 'Tab', ctrlKey: false, metaKey: false, altKey: false, shiftKey: true })).toBe('Shift+Tab');
    expect(keyCombo({ key: 'j', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false })).toBe('j');
  });
});
