import { describe, expect, it } from 'vitest';
import { burstSettingsFor, defaultBurstSettings, detectBursts } from './bursts';
import { buildSteps, type StepEvent } from './steps';

const summary = { selector: '#summary', name: 'Summary', role: 'textbox', tag: 'input', inputType: 'text' };
const priority = { selector: '#priority', name: 'Priority', role: 'combobox', tag: 'select' };
const create = { selector: '#create', name: 'Create ticket', role: 'button', tag: 'button' };

const click = (s: number, target: StepEvent['target'] = create, point = { x: 100, y: 100 }): StepEvent => ({
  t: s * 1000,
  type: 'click',
  target,
  point,
  box: { x: point.x - 40, y: point.y - 15, width: 80, height: 30 },
});
const input = (s: number, value: string, target: StepEvent['target'] = summary, endS = s): StepEvent => ({
  t: s * 1000,
  endT: endS * 1000,
  type: 'input',
  value,
  target,
  box: { x: 50, y: 200, width: 300, height: 40 },
});
const visual = (s: number, id: string, box = { x: 0, y: 0, width: 100, height: 50 }): StepEvent => ({
  t: s * 1000,
  endT: s * 1000 + 300,
  type: 'visual',
  box,
  beforeFrameId: `${id}-before`,
  afterFrameId: `${id}-after`,
});

const steps = (events: StepEvent[], mode: 'accurate' | 'rough' | 'simple' = 'accurate') =>
  buildSteps(detectBursts(events, burstSettingsFor(mode)));

describe('buildSteps', () => {
  it('makes typing into one field one step carrying the typed text', () => {
    // pack-style: one input event per keystroke, pauses up to 0.4 s.
    const events = ['P', 'Pr', 'Pri', 'Prin', 'Print'].map((v, i) => input(i * 0.4, v));
    const result = steps(events);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ kind: 'type', value: 'Print', target: { name: 'Summary' } });
  });

  it('turns a click followed by typing in the same field into one "type into" step', () => {
    const events = [click(0, summary, { x: 100, y: 220 }), input(0.8, 'Printer jam', summary, 2.5)];
    const result = steps(events);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ kind: 'type', value: 'Printer jam', start: 0 });
    expect(result[0]!.events.map((e) => e.type)).toEqual(['click', 'input']);
  });

  it('folds select-all before typing and Enter after it into the typing step, keeping other keys', () => {
    const key = (sec: number, name: string): StepEvent => ({ t: sec * 1000, type: 'key', key: name, target: summary });
    const events = [
      click(0, summary, { x: 100, y: 220 }),
      key(0.6, 'Ctrl+A'),
      input(1, 'Printer jam', summary, 2.5),
      key(2.7, 'Enter'),
      key(2.8, 'Tab'),
    ];
    const result = steps(events);
    expect(result.map((s) => s.kind)).toEqual(['type', 'key']);
    expect(result[0]).toMatchObject({ value: 'Printer jam', replaces: true, thenKey: 'Enter', start: 0 });
    expect(result[1]).toMatchObject({ key: 'Tab' });
    // Tab right after typing moves on from the field: part of the typing step too.
    const tabbed = steps([click(0, summary, { x: 100, y: 220 }), input(1, 'Ada', summary, 2), key(2.3, 'Tab')]);
    expect(tabbed.map((s) => s.kind)).toEqual(['type']);
    expect(tabbed[0]).toMatchObject({ value: 'Ada', thenKey: 'Tab' });
    // A shortcut long after the typing, or one that is not select-all, stays a step.
    const apart = steps([key(0, 'Ctrl+S'), input(0.6, 'x'), key(6, 'Enter')]);
    expect(apart.map((s) => s.kind)).toEqual(['key', 'type', 'key']);
  });

  it("puts a key logger's typing (no field known) into what was clicked just before, with the click's frame", () => {
    const logged: StepEvent[] = [
      { t: 0, type: 'click', point: { x: 300, y: 120 }, beforeFrameId: 'at-click' },
      { t: 700, type: 'input', value: 'Buy milk' },
      visual(1.2, 'typed'),
    ];
    const [step, ...rest] = steps(logged);
    expect(rest).toEqual([]);
    expect(step).toMatchObject({
      kind: 'type',
      value: 'Buy milk',
      beforeFrameId: 'at-click',
      afterFrameId: 'typed-after',
    });
    expect(step!.region).toEqual({ x: 292, y: 112, width: 16, height: 16 });
  });

  it('parts a run of screen changes after typing that went on elsewhere at once (Enter)', () => {
    const typing = { ...visual(1, 'typing'), endT: 2000, moved: true as const };
    const result = visual(2, 'result', { x: 0, y: 300, width: 600, height: 80 });
    const later = visual(2.5, 'later');
    const parts = steps([typing, result, later]);
    expect(parts.map((s) => [s.kind, s.beforeFrameId, s.afterFrameId])).toEqual([
      ['visual', 'typing-before', 'typing-after'],
      ['visual', 'result-before', 'later-after'],
    ]);
  });

  it('makes a double click one step that says so', () => {
    const result = steps([click(0), { ...click(0.15), clickCount: 2 }]);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ kind: 'click', double: true });
    expect(steps([click(0)])[0]!.double).toBeUndefined();
  });

  it('keeps a click and typing elsewhere as two steps', () => {
    const events = [click(0), input(1, 'x', summary)];
    expect(steps(events).map((s) => s.kind)).toEqual(['click', 'type']);
  });

  it('makes one step per field when typing moves from field to field', () => {
    const other = { ...summary, selector: '#title', name: 'Title' };
    const events = [input(0, 'a'), input(0.3, 'ab'), input(0.6, 'T', other), input(0.9, 'Ti', other)];
    expect(steps(events).map((s) => [s.kind, s.value, s.target?.name])).toEqual([
      ['type', 'ab', 'Summary'],
      ['type', 'Ti', 'Title'],
    ]);
  });

  it('makes a select a "choose" step and a shortcut a "key" step', () => {
    const events: StepEvent[] = [input(0, 'High', priority), { t: 3000, type: 'key', key: 'Ctrl+S' }];
    expect(steps(events).map((s) => [s.kind, s.value ?? s.key])).toEqual([
      ['choose', 'High'],
      ['key', 'Ctrl+S'],
    ]);
  });

  it('never keeps a typed value that was redacted', () => {
    const events: StepEvent[] = [
      { t: 0, type: 'input', redacted: true, target: { selector: '#pw', name: 'Password' } },
    ];
    const [step] = steps(events);
    expect(step).toMatchObject({ kind: 'type', redacted: true });
    expect(step).not.toHaveProperty('value');
  });

  it('attaches the screen change an action caused, with its before and after frames', () => {
    const events = [click(0), visual(0.4, 'a'), visual(0.9, 'b'), click(5), visual(5.3, 'c')];
    const result = steps(events);
    expect(result).toHaveLength(2);
    expect(result[0]).toMatchObject({ kind: 'click', beforeFrameId: 'a-before', afterFrameId: 'b-after' });
    expect(result[1]).toMatchObject({ kind: 'click', beforeFrameId: 'c-before', afterFrameId: 'c-after' });
  });

  it('keeps a lone click and a lone screen change as steps of their own', () => {
    const events = [click(0), visual(10, 'x', { x: 5, y: 6, width: 7, height: 8 })];
    const result = steps(events);
    expect(result.map((s) => s.kind)).toEqual(['click', 'visual']);
    expect(result[1]).toMatchObject({ region: { x: 5, y: 6, width: 7, height: 8 }, afterFrameId: 'x-after' });
  });

  it('makes no step of the screen changing before the first logged action (the recorder starting)', () => {
    const events = [visual(0.2, 'start', { x: 0, y: 0, width: 1280, height: 800 }), click(3), visual(3.3, 'a')];
    const result = steps(events);
    expect(result.map((s) => s.kind)).toEqual(['click']);
    expect(result[0]).toMatchObject({ beforeFrameId: 'a-before' });
    // Nor when that change went on into the first action (a whole screen settling as recording began).
    const settling = { ...visual(0.6, 'start', { x: 0, y: 0, width: 1280, height: 800 }), endT: 3600 };
    expect(steps([settling, click(2.7), visual(3.8, 'a')]).map((s) => s.kind)).toEqual(['click']);
  });

  it('gives a change that came late to the click made where it happened, not to the next one begun meanwhile', () => {
    // A logger's clock ahead of the video's: the box ticked at 2.7 s shows at 3.7 s, as the next
    // click (on a select far below) begins.
    const box = { x: 1068, y: 4, width: 76, height: 76 };
    const events = [
      click(2.7, undefined, { x: 1132, y: 69 }),
      { ...visual(3.7, 'tick', box), endT: 3700 },
      click(3.8, undefined, { x: 1157, y: 210 }),
      visual(4.2, 'select', { x: 1116, y: 192, width: 84, height: 32 }),
    ];
    const result = steps(events);
    expect(result.map((s) => s.visual.map((v) => v.beforeFrameId))).toEqual([['tick-before'], ['select-before']]);
    // Where neither click was made there (a dialog opening elsewhere), the last one before it owns it.
    const elsewhere = steps([click(2.7, undefined, { x: 500, y: 500 }), visual(3.7, 'd', box), click(3.8)]);
    expect(elsewhere.map((s) => s.visual.length)).toEqual([0, 1]);
  });

  it('gives a change to the click logged while it went on, where it happened, not to the action before', () => {
    // A whole screen's video: the pointer's glide to a check box began the change 0.8 s before
    // the click; the tick ended it. The link clicked before opened the window (the first change).
    const window = { x: 660, y: 300, width: 240, height: 364 };
    const events = [
      click(2.25, undefined, { x: 773, y: 305 }),
      { ...visual(2.4, 'opened', window), endT: 2500 },
      { ...visual(3.17, 'ticked', window), endT: 4000 },
      click(3.98, undefined, { x: 756, y: 541 }),
      { ...visual(5.17, 'next', { x: 704, y: 580, width: 120, height: 28 }), endT: 6000 },
      click(5.71, undefined, { x: 764, y: 595 }),
    ];
    const result = steps(events);
    expect(result.map((s) => s.visual.map((v) => v.beforeFrameId))).toEqual([
      ['opened-before'],
      ['ticked-before'],
      ['next-before'],
    ]);
    // A click made elsewhere while a change went on leaves it to the action before.
    const elsewhere = steps([click(2.25), { ...visual(3.17, 'a', window), endT: 4000 }, click(3.98)]);
    expect(elsewhere.map((s) => s.visual.length)).toEqual([1, 0]);
  });

  it('makes no step of a page loading that was logged as a navigation; the action that led there keeps it', () => {
    const page = { x: 0, y: 0, width: 1280, height: 800 };
    const withPages = (events: StepEvent[], navigations: number[]) =>
      buildSteps(detectBursts(events, burstSettingsFor('accurate')), undefined, navigations);
    // An address typed in the browser's bar: the page paints 0.3 s before its logger reports
    // it, 6.1 s after the last click; nothing the person did in the page.
    const typedAddress = [click(0), visual(0.3, 'a'), visual(6.1, 'load', page), click(9)];
    expect(steps(typedAddress).map((s) => s.kind)).toEqual(['click', 'visual', 'click']);
    const typed = withPages(typedAddress, [6400]);
    expect(typed.map((s) => s.kind)).toEqual(['click', 'click']);
    expect(typed[0]).toMatchObject({ afterFrameId: 'a-after' });
    // A link clicked: the page took 2 s to load, past the usual reach of a click's result.
    const link = [click(0), visual(2.2, 'load', page), click(5)];
    const linked = withPages(link, [2500]);
    expect(linked.map((s) => s.kind)).toEqual(['click', 'click']);
    expect(linked[0]).toMatchObject({ afterFrameId: 'load-after' });
    // A click after the page loaded owns the change that follows it, as any other.
    const after = withPages([click(0), click(3), visual(3.3, 'b')], [2500]);
    expect(after.map((s) => s.visual.map((v) => v.beforeFrameId))).toEqual([[], ['b-before']]);
  });

  it('makes one step per screen change when only pixels are known (another tab)', () => {
    const events = [visual(1, 'a'), visual(4, 'b'), visual(7, 'c')];
    expect(steps(events).map((s) => s.kind)).toEqual(['visual', 'visual', 'visual']);
  });

  describe('typing seen only as pixels that paused', () => {
    // One row of a field at y 212: each change begins where the caret was at the end of the one before.
    const row = (s: number, id: string, x: number, width: number, extra: Partial<StepEvent> = {}): StepEvent => ({
      ...visual(s, id, { x, y: 212, width, height: 28 }),
      endT: s * 1000 + 400,
      fraction: 0.003,
      ...extra,
    });

    it('goes on in the same step where the text grows from where it stopped', () => {
      // "Prin" (the placeholder going too), a pause, "ter", a pause, " jam".
      const result = steps([row(6, 'a', 56, 96), row(7, 'b', 88, 32), row(8.2, 'c', 108, 28), row(9.5, 'd', 124, 24)]);
      expect(result).toHaveLength(1);
      expect(result[0]).toMatchObject({
        kind: 'visual',
        start: 6000,
        end: 9900,
        beforeFrameId: 'a-before',
        afterFrameId: 'd-after',
        region: { x: 56, y: 212, width: 96, height: 28 },
        pausedMs: 600 + 800 + 900,
      });
      expect(result[0]!.visual).toHaveLength(4);
    });

    it('goes on after a change the detector took for typing moving elsewhere (typing to the right)', () => {
      const result = steps([row(4.3, 'a', 572, 268), row(5.6, 'b', 668, 24, { moved: true }), row(6, 'c', 680, 40)]);
      expect(result.map((s) => [s.beforeFrameId, s.afterFrameId])).toEqual([['a-before', 'c-after']]);
    });

    it('is two steps for controls side by side, a hover leaving, a long pause, another row, a panel or a large change', () => {
      const twoSteps = (b: StepEvent, a = row(6, 'a', 56, 96)) => expect(steps([a, b])).toHaveLength(2);
      twoSteps(row(7, 'b', 156, 60)); // the next button, beginning past the first one's right edge
      twoSteps(row(7, 'b', 56, 160)); // the pointer left the first one's hover look: begins at its left edge
      twoSteps(row(8.5, 'b', 88, 32)); // 2.1 s later
      twoSteps({ ...row(7, 'b', 88, 32), box: { x: 88, y: 250, width: 32, height: 28 } }); // the row below
      // A tree node expanding, then a menu opening over it: neither is a row.
      const panel = (s: number, id: string, x: number, height: number) => ({
        ...row(s, id, x, 260),
        box: { x, y: 132, width: 260, height },
      });
      twoSteps(panel(7, 'b', 68, 184), panel(6, 'a', 12, 64));
      twoSteps(row(7, 'b', 88, 32, { fraction: 0.1 })); // much of the screen
    });
  });

  it('makes a change that moved the page as one picture a scroll step, apart from what came just after it', () => {
    const page = { x: 320, y: 20, width: 800, height: 700 };
    const scrolled = { ...visual(4, 'scroll', page), endT: 5500, fraction: 0.2, scrollDelta: { x: 0, y: 1700 } };
    const radio = { ...visual(6.5, 'radio', { x: 324, y: 200, width: 24, height: 56 }), fraction: 0.001 };
    const result = steps([visual(1, 'name', { x: 324, y: 468, width: 392, height: 48 }), scrolled, radio]);
    expect(result.map((s) => s.kind)).toEqual(['visual', 'scroll', 'visual']);
    expect(result[1]!.scrollDelta).toEqual({ x: 0, y: 1700 });
    expect(result[2]!.visual.map((e) => e.afterFrameId)).toEqual(['radio-after']);
  });

  it('never gives a scroll to the typing just before it, but gives it to the click that did it (a link in the page)', () => {
    const scrolled = (s: number) => ({
      ...visual(s, 'scroll', { x: 0, y: 0, width: 1000, height: 700 }),
      fraction: 0.3,
      scrollDelta: { x: 0, y: 400 },
    });
    const typed = steps([click(0, summary, { x: 100, y: 220 }), input(0.5, 'Ada', summary, 1.5), scrolled(2.2)]);
    expect(typed.map((s) => s.kind)).toEqual(['type', 'scroll']);
    const link = { selector: 'a[href="#radio"]', name: 'Form radio', role: 'link', tag: 'a' };
    const clicked = steps([click(0, link), scrolled(0.3)]);
    expect(clicked.map((s) => s.kind)).toEqual(['click']);
    expect(clicked[0]!.visual).toHaveLength(1);
  });

  it('never makes a step of focus or pointer moves alone', () => {
    const events: StepEvent[] = [{ t: 0, type: 'focus', target: summary }, input(0.3, 'x'), { t: 5000, type: 'move' }];
    const result = steps(events);
    expect(result).toHaveLength(1);
    expect(result[0]!.events.map((e) => e.type)).toEqual(['focus', 'input', 'move']);
  });

  it('builds the same actions in simple mode', () => {
    const events = [click(0), visual(0.3, 'a'), input(0.5, 'abc', summary), click(5), click(5.1), visual(5.4, 'b')];
    const result = steps(events, 'simple');
    expect(result.map((s) => s.kind)).toEqual(['click', 'type', 'click']);
    expect(result.flatMap((s) => s.visual)).toHaveLength(2);
  });

  it('uses the default settings when none are given', () => {
    expect(buildSteps(detectBursts([click(0)], defaultBurstSettings))).toHaveLength(1);
  });
});
