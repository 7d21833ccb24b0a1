import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../capture/events';
import type { Rect } from '../shared/geometry';
import { toLines, type OcrWord } from './ocr/lines';
import type { StepDraft } from './segment/steps';
import type { AnalyzedStep } from './types';
import {
  choiceMade,
  clickedIntoField,
  echoOf,
  frameAfterPointer,
  frameBeforeGlide,
  frameBeforePointer,
  markOfClick,
  onlyOwnControls,
  pointerLeftValue,
  valueReadAgain,
  ownControlsIn,
  panelOfTyping,
  readAsTyped,
  typingGoneOn,
  fieldNamedWhole,
  tickedInSubmit,
  restingPointer,
  glideCutShort,
  restedElsewhere,
  submittedBy,
  wentOnFrom,
  restedOnAfter,
  settledAfter,
  withTypedStart,
} from './inferences';

let lineId = 0;
const line = (text: string, x: number, y: number): OcrWord[] => {
  const id = lineId++;
  let cursor = x;
  return text.split(' ').map((word) => {
    const box = { x: cursor, y, width: word.length * 10, height: 16 };
    cursor += box.width + 8;
    return { text: word, confidence: 90, box, line: id };
  });
};

const change = (box = { x: 190, y: 95, width: 120, height: 26 }, fraction = 0.005): EventRecord => ({
  recordingId: 'r',
  t: 1000,
  endT: 1200,
  type: 'visual',
  source: 'visual',
  box,
  fraction,
});
const draftOf = (kind: StepDraft<EventRecord>['kind'], visual: EventRecord[], value?: string) =>
  ({ start: 1000, end: 1200, kind, events: [], visual, ...(value ? { value } : {}) }) as StepDraft<EventRecord>;

describe('choiceMade', () => {
  const before = toLines([...line('speed', 20, 100), ...line('Fast', 200, 100)]);
  const after = toLines([...line('speed', 20, 100), ...line('Slow', 200, 100)]);
  const lines = { before, after };

  it('reads a quick swap at one control as a choice, and typed first letters of the new value too', () => {
    expect(choiceMade(draftOf('visual', [change()]), lines, 200)).toMatchObject({ label: 'speed', value: 'Slow' });
    expect(choiceMade(draftOf('type', [change()], 'Sl'), lines, 900)).toMatchObject({ label: 'speed', value: 'Slow' });
    // A logged click on the control, the list open a while before the value changed.
    expect(choiceMade(draftOf('click', [change()]), lines, 1500)).toMatchObject({ label: 'speed', value: 'Slow' });
  });

  it('is no choice for slow changes, typing that is not the value, or a change over much of the screen', () => {
    expect(choiceMade(draftOf('visual', [change()]), lines, 1200)).toBeUndefined();
    expect(choiceMade(draftOf('type', [change()], 'ow'), lines, 900)).toBeUndefined();
    expect(choiceMade(draftOf('visual', [change(undefined, 0.3)]), lines, 200)).toBeUndefined();
    expect(choiceMade(draftOf('visual', []), lines, 200)).toBeUndefined();
  });

  it("is no choice where the click was on a heading that stayed, above what swapped (a section's list opened)", () => {
    const heading = {
      before: toLines([...line('COMPONENTS', 39, 493), ...line('UTILITIES', 39, 535)]),
      after: toLines([...line('COMPONENTS', 39, 493), ...line('Accordions', 58, 531)]),
    };
    const clicked = (point: { x: number; y: number }) => ({
      ...draftOf('click', [change({ x: 32, y: 528, width: 132, height: 152 })]),
      events: [{ recordingId: 'r', t: 900, type: 'click', source: 'page', point } as EventRecord],
    });
    expect(choiceMade(clicked({ x: 120, y: 497 }), heading, 100)).toBeUndefined();
    // A click on the value itself (a select under its caption) is the choice it was.
    expect(choiceMade(clicked({ x: 70, y: 537 }), heading, 100)).toMatchObject({ value: 'Accordions' });
  });

  it('puts the option read right by the letters typed to choose it', () => {
    const misread = { before, after: toLines([...line('speed', 20, 100), ...line('Siow', 200, 100)]) };
    expect(choiceMade(draftOf('type', [change()], 'sl'), misread, 900)).toMatchObject({
      label: 'speed',
      value: 'Slow',
    });
  });

  it('reads the choice on the clicked row where a select just above it was read differently each time', () => {
    // dat.GUI: "type" and its "three" just over "speed"; OCR read the "three" as garbage, differently each time.
    const column = (above: string, value: string) =>
      toLines([...line('type', 20, 76), ...line(above, 200, 76), ...line('speed', 20, 100), ...line(value, 200, 100)]);
    const lines = { before: column('Chee dd', 'Fast'), after: column('Ehree', 'Slow') };
    const typed = (point: { x: number; y: number }) => ({
      ...draftOf('type', [change({ x: 190, y: 80, width: 120, height: 40 })], 'Sl'),
      events: [{ recordingId: 'r', t: 900, type: 'click', source: 'extension', point } as EventRecord],
    });
    expect(choiceMade(typed({ x: 210, y: 108 }), lines, 900)).toMatchObject({ label: 'speed', value: 'Slow' });
    // Not from pixels alone, where nothing tells which row the keys went to.
    expect(choiceMade(draftOf('type', [change({ x: 190, y: 80, width: 120, height: 40 })], 'Sl'), lines, 900)).toBe(
      undefined,
    );
  });
});

describe('withTypedStart', () => {
  it('takes the typed letters where OCR read a lookalike or missed a thin one, and keeps its case', () => {
    expect(withTypedStart('Siow', 'Sl')).toBe('Slow');
    expect(withTypedStart('Sow', 'sl')).toBe('Slow');
    expect(withTypedStart('G0ld', 'go')).toBe('Gold');
    expect(withTypedStart('Slow', 'sl')).toBe('Slow');
  });

  it("drops a quote-like glyph read at the option's left edge, unless it was typed", () => {
    expect(withTypedStart('‘Slow', 'sl')).toBe('Slow');
    expect(withTypedStart("'Siow", 'sl')).toBe('Slow');
    expect(withTypedStart('"Quoted"', '"q')).toBe('"Quoted"');
    expect(withTypedStart('‘Fast', 'sl')).toBeUndefined();
  });

  it('is nothing where the reading starts otherwise', () => {
    expect(withTypedStart('Fast', 'sl')).toBeUndefined();
    expect(withTypedStart('Sow', 'so')).toBe('Sow');
    expect(withTypedStart('Sw', 'slo')).toBeUndefined(); // two letters missing
    expect(withTypedStart('Xow', 'sl')).toBeUndefined();
  });
});

describe('submittedBy', () => {
  const typed = { value: 'Buy milk', facts: { kind: 'visual' } } as AnalyzedStep;
  const result = { facts: { kind: 'visual' } } as AnalyzedStep;
  const typing = draftOf('visual', [{ ...change(), moved: true }]);

  it('reads typing followed at once by a change that is not typing as submitted with Enter', () => {
    expect(submittedBy(typing, draftOf('visual', [change(undefined, 0.2)]), typed, result)).toBe(true);
  });

  it('keeps typing into the next field, and typing that settled first, apart', () => {
    const next = { ...result, value: 'Walk the dog' } as AnalyzedStep;
    expect(submittedBy(typing, draftOf('visual', [change()]), typed, next)).toBe(false);
    const settled = draftOf('visual', [change()]);
    expect(submittedBy(settled, draftOf('visual', [change(undefined, 0.2)]), typed, result)).toBe(false);
  });
});

describe('restedElsewhere', () => {
  // Tk's rolodex: "555-0100" typed into Home Phone, then the pointer glided to Search below.
  const value = { text: '555-0100', confidence: 95, box: { x: 835, y: 185, width: 66, height: 11 } };
  const typed = { value: '555-0100', ocr: { before: [], after: [value] } } as unknown as AnalyzedStep;

  it("takes a pointer come to rest off the typed field's row for a click elsewhere", () => {
    expect(restedElsewhere(typed, { x: 994, y: 278 })).toBe(true);
  });

  it('keeps a pointer resting in the field, or a field not read, for what Enter did', () => {
    expect(restedElsewhere(typed, { x: 992, y: 192 })).toBe(false);
    expect(restedElsewhere({ ...typed, ocr: { before: [], after: [] } }, { x: 994, y: 278 })).toBe(false);
  });
});

describe('clickedIntoField', () => {
  // The text-beam pointer gliding down into Home Phone, cut when the typing there began at once.
  const path = { x: 984, y: 124, width: 16, height: 84 };
  // Drafts as `buildSteps` gives them: with the region of their changes.
  const withRegion = (draft: StepDraft<EventRecord>, region: Rect) => ({ ...draft, region });
  const glide = withRegion(draftOf('visual', [{ ...change(path), moved: true }]), path);
  const typing = (t: number, box = { x: 824, y: 172, width: 332, height: 36 }) =>
    withRegion(draftOf('visual', [{ ...change(box), t, endT: t + 1200 }]), box);
  const click = { kind: 'visual', facts: { kind: 'visual' } } as AnalyzedStep;
  const typed = { ...click, value: '555-0100' } as AnalyzedStep;

  it('takes a click cut short by typing begun at once in the field it lies in for part of the typing', () => {
    expect(clickedIntoField(glide, typing(1200), click, typed)).toBe(true);
  });

  it('keeps a click apart from the field, one that settled first, and any step that is not a click then typing', () => {
    expect(clickedIntoField(glide, typing(1200, { x: 300, y: 400, width: 200, height: 30 }), click, typed)).toBe(false);
    expect(clickedIntoField(glide, typing(1600), click, typed)).toBe(false);
    expect(clickedIntoField(withRegion(draftOf('visual', [change(path)]), path), typing(1200), click, typed)).toBe(
      false,
    );
    expect(clickedIntoField(glide, typing(1200), click, click)).toBe(false);
    expect(clickedIntoField(glide, typing(1200), { ...click, kind: 'toggle' } as AnalyzedStep, typed)).toBe(false);
  });
});

describe('panelOfTyping', () => {
  // A ttk notebook: its "Text Editor" tab clicked, then typing in the text area below the tab row.
  const row = toLines(
    [...line('Description', 698, 309), ...line('Text Editor', 865, 309)].map((w) => ({ ...w, line: 990 })),
  )[0]!;
  const click = {
    kind: 'visual',
    label: 'Text Editor',
    facts: { kind: 'visual', label: 'Text Editor' },
  } as AnalyzedStep;
  const typed = (label: string, lines = [row]) =>
    ({
      kind: 'visual',
      label,
      value: 'Meeting at noon',
      facts: { kind: 'visual', label },
      ocr: { before: [], after: lines },
    }) as unknown as AnalyzedStep;

  it("names a field by the tab just clicked where the line naming it is that tab's row", () => {
    expect(panelOfTyping(click, typed('Description Text Editor'))).toBe('Text Editor');
  });

  it('leaves a field named by its own caption, a row the click was not on, or after a step that was no click', () => {
    const caption = toLines(line('Notes', 700, 300))[0]!;
    expect(panelOfTyping(click, typed('Notes', [caption]))).toBeUndefined();
    expect(panelOfTyping({ ...click, label: 'Settings' }, typed('Description Text Editor'))).toBeUndefined();
    expect(panelOfTyping({ ...click, value: 'x' }, typed('Description Text Editor'))).toBeUndefined();
    expect(panelOfTyping(click, { ...typed('Description Text Editor'), value: undefined })).toBeUndefined();
    expect(panelOfTyping(click, { ...typed('Description Text Editor'), labelSource: 'page' })).toBeUndefined();
  });

  it('names a field typed into at a click where only a glyph was read (the I-beam read "Fo") by the click before', () => {
    const keyed = { ...typed('Fo', []), kind: 'type', labelSource: 'ocr' } as AnalyzedStep;
    expect(panelOfTyping(click, keyed)).toBe('Text Editor');
    expect(panelOfTyping(click, { ...keyed, label: undefined, labelSource: undefined })).toBe('Text Editor');
    // (A name of three letters or more is the field's own; a click named by a glyph names nothing.)
    expect(panelOfTyping(click, { ...keyed, label: 'Notes' })).toBeUndefined();
    expect(panelOfTyping({ ...click, label: 'x' }, keyed)).toBeUndefined();
  });
});

describe('fieldNamedWhole', () => {
  const typed = (label: string, x = 782, kind = 'type', seen = 'point') =>
    ({ kind, seen, label, region: { x, y: 171, width: 16, height: 16 }, facts: { kind, label } }) as AnalyzedStep;

  it('names a field typed into twice at one point by the reading that did not lose its first or last words', () => {
    const [first, second] = [typed('needs to be done?'), typed('What needs to be done?', 786)];
    expect(fieldNamedWhole(first, [first, second])).toBe('What needs to be done?');
    expect(fieldNamedWhole(second, [first, second])).toBeUndefined();
    expect(fieldNamedWhole(typed('What needs to'), [typed('What needs to'), second])).toBe('What needs to be done?');
  });

  it('leaves a field elsewhere, a word cut mid-way, another name, and steps not typed or not named at their point', () => {
    const whole = typed('What needs to be done?');
    expect(fieldNamedWhole(typed('needs to be done?', 700), [whole])).toBeUndefined();
    expect(fieldNamedWhole(typed('eds to be done?'), [whole])).toBeUndefined();
    expect(fieldNamedWhole(typed('Search'), [whole])).toBeUndefined();
    expect(fieldNamedWhole(typed('needs to be done?', 782, 'click'), [whole])).toBeUndefined();
    expect(fieldNamedWhole(typed('needs to be done?', 782, 'type', 'nearby'), [whole])).toBeUndefined();
    expect(fieldNamedWhole(typed('needs to be done?'), [{ ...whole, seen: 'nearby' }])).toBeUndefined();
  });
});

describe('tickedInSubmit', () => {
  it('keeps a box ticked in the change Enter brought as a step of its own, and nothing else that change did', () => {
    const row = toLines(line('Buy milk', 577, 233))[0]!;
    const tick = {
      kind: 'toggle',
      seen: 'tick',
      label: 'Buy milk',
      facts: { kind: 'toggle' },
      ocr: { before: [row], after: [] },
    } as unknown as AnalyzedStep;
    expect(tickedInSubmit(tick)).toBe(true);
    // Not a label read nowhere over the change (a mark seemed to come beside the sharing bar).
    expect(tickedInSubmit({ ...tick, label: 'ring your screen. Stop sharing Hide' })).toBe(false);
    expect(tickedInSubmit({ ...tick, ocr: undefined })).toBe(false);
    expect(tickedInSubmit({ ...tick, kind: 'visual', seen: 'mark' })).toBe(false);
    expect(tickedInSubmit({ ...tick, kind: 'visual', seen: 'gone' })).toBe(false);
    expect(tickedInSubmit({ ...tick, seen: 'point' })).toBe(false);
  });
});

describe('typingGoneOn', () => {
  // TodoMVC: "Feed the cat" typed and Enter pressed; "Water" typed before the list settled, so
  // the next step found it in the field and saw only "plants" typed after it.
  const read = (text: string, x: number) => toLines(line(text, x, 170))[0]!;
  const typed = {
    label: 'What needs to be done?',
    value: 'Feed the cat',
    seen: 'gone',
    facts: { kind: 'visual', label: 'What needs to be done?', thenKey: 'Enter' },
    ocr: { before: [read('What needs to be done?', 577)], after: [read('Feed the cat', 577)] },
  } as unknown as AnalyzedStep;
  const next = (found: string, x = 575, whole = `${found} plants`) =>
    ({
      label: found,
      value: 'plants',
      seen: 'gone',
      facts: { kind: 'visual', label: found, appeared: 'plants' },
      ocr: { before: [read(found, x)], after: [read(whole, x)] },
    }) as unknown as AnalyzedStep;

  it('names typing that went on from text the Enter change brought by the field typed in before, with the whole line', () => {
    expect(typingGoneOn(typed, next('Water'))).toEqual({ label: 'What needs to be done?', value: 'Water plants' });
  });

  it("leaves a field's caption left of its text, a line not read again with the typing after it, and typing not ended by Enter", () => {
    expect(typingGoneOn(typed, next('Name:', 520))).toBeUndefined();
    expect(typingGoneOn(typed, next('Water', 575, 'Water'))).toBeUndefined();
    expect(typingGoneOn({ ...typed, facts: { ...typed.facts, thenKey: undefined } }, next('Water'))).toBeUndefined();
    expect(typingGoneOn(typed, { ...next('Water'), seen: 'point' })).toBeUndefined();
  });
});

describe('wentOnFrom', () => {
  const clicked = { facts: { kind: 'visual' } } as AnalyzedStep;
  // The pointer's glide to Cancel and the button pressed, cut when the dialog closed at once.
  const press = draftOf('visual', [{ ...change(), moved: true }]);
  const closed = (t: number) => draftOf('visual', [{ ...change(undefined, 0.17), t, endT: t + 180 }]);

  const result = { facts: { kind: 'visual' } } as AnalyzedStep;

  it('takes the change that went on at once from a click cut short as what the click did', () => {
    expect(wentOnFrom(press, closed(1200), clicked, result)).toBe(true);
  });

  it('keeps typing (before or begun at once), a change after a still moment, and a click that settled apart', () => {
    const typed = { ...clicked, value: 'Ada' } as AnalyzedStep;
    expect(wentOnFrom(press, closed(1200), typed, result)).toBe(false);
    expect(wentOnFrom(press, closed(1200), clicked, typed)).toBe(false);
    expect(wentOnFrom(press, closed(1600), clicked, result)).toBe(false);
    expect(wentOnFrom(draftOf('visual', [change()]), closed(1200), clicked, result)).toBe(false);
    expect(wentOnFrom(undefined, closed(1200), clicked, result)).toBe(false);
  });

  it('takes a change named by the same control, begun soon after the click settled, as its answer', () => {
    // Tk's rolodex: Search lit up under the pointer and pressed; 350 ms later the form filled.
    const search = { kind: 'visual', label: 'Search', facts: { kind: 'visual', label: 'Search' } } as AnalyzedStep;
    const lit = { ...draftOf('visual', [change()]), start: 8130, end: 8336 };
    const filled = (start: number) => ({
      ...draftOf('visual', [{ ...change(), t: start, endT: start }]),
      start,
      end: start,
    });
    expect(wentOnFrom(lit, filled(8684), search, search)).toBe(true);
    // Clicked again at a person's pace, or another control: a step of its own.
    expect(wentOnFrom(lit, filled(9300), search, search)).toBe(false);
    expect(wentOnFrom(lit, filled(8684), search, { ...search, label: 'Delete...' } as AnalyzedStep)).toBe(false);
  });
});

describe('restedOnAfter', () => {
  const named = (label: string, seen: AnalyzedStep['seen'], value?: string) =>
    ({ kind: 'visual', label, seen, ...(value ? { value } : {}), facts: { kind: 'visual', label } }) as AnalyzedStep;

  it('names a click read only round its change by where the pointer rested as the change went on', () => {
    // Tk's rolodex in a video: the pointer's glide over the row of buttons, then Search pressed under it.
    const glide = named('rl+C Add ctri+A Search Ctrl+S Delete...', 'gone');
    expect(restedOnAfter(glide, named('Search', 'point'))).toBe('Search');
    expect(restedOnAfter(named('Search', 'stayed'), named('Search', 'point'))).toBe('Search');
  });

  it("keeps a click's own name read at a point, a mark or a title, a value set, and one the pointer did not name", () => {
    expect(restedOnAfter(named('Save', 'point'), named('Search', 'point'))).toBeUndefined();
    expect(restedOnAfter(named('Name', 'mark'), named('Search', 'point'))).toBeUndefined();
    expect(restedOnAfter(named('Modals', 'title'), named('Search', 'point'))).toBeUndefined();
    expect(restedOnAfter(named('Name', 'gone', 'Ada'), named('Search', 'point'))).toBeUndefined();
    expect(restedOnAfter(named('Buttons', 'gone'), named('Search', 'gone'))).toBeUndefined();
  });
});

describe('settledAfter', () => {
  // JSONEditor: "female" chosen in gender; half a second later the warning beside it cleared.
  const chose = { ...draftOf('visual', [change()]), start: 3074, end: 3376 };
  const chosen = { kind: 'choose', label: 'gender', value: 'female', facts: { kind: 'choose' } } as AnalyzedStep;
  const cleared = (start: number) => ({ ...draftOf('visual', [change()]), start, end: start });
  const named = (label: string) => ({ kind: 'visual', label, facts: { kind: 'visual', label } }) as AnalyzedStep;

  it("takes a change named by the field and its value, soon after, as the value's result", () => {
    expect(settledAfter(chose, cleared(3863), chosen, named('gender female'))).toBe(true);
    expect(
      settledAfter(chose, cleared(3863), { ...chosen, kind: 'type' } as AnalyzedStep, named('Gender  Female')),
    ).toBe(true);
  });

  it("keeps a change named otherwise, one at a person's pace after, and one after a click", () => {
    expect(settledAfter(chose, cleared(3863), chosen, named('availableToHire'))).toBe(false);
    expect(settledAfter(chose, cleared(4600), chosen, named('gender female'))).toBe(false);
    const clicked = { kind: 'visual', label: 'gender', facts: { kind: 'visual' } } as AnalyzedStep;
    expect(settledAfter(chose, cleared(3863), clicked, named('gender female'))).toBe(false);
  });
});

describe('submittedBy, the last word typed with Enter at once', () => {
  // "Walk the" typed and paused; then "dog" and Enter made one change with the row Enter added.
  const field = { x: 572, y: 160, width: 268, height: 36 };
  const typing = { ...draftOf('visual', [change(field, 0.004)]), region: field, end: 4000 };
  const typed = { value: 'Walk the', facts: { kind: 'visual' } } as AnalyzedStep;
  const page = { x: 508, y: 160, width: 564, height: 320 };
  const entered = (afterLines: OcrWord[], start = 4800): [StepDraft<EventRecord>, AnalyzedStep] => [
    { ...draftOf('visual', [change(page, 0.06)]), region: page, start, end: start + 600 },
    {
      facts: { kind: 'visual' },
      value: '2 items left',
      ocr: { before: [], after: toLines(afterLines) },
    } as unknown as AnalyzedStep,
  ];

  it('reads it as the typing submitted: the field emptied and a row added that goes on from the typed text', () => {
    const [draft, step] = entered([...line('What needs to be done?', 577, 169), ...line('Walk the dog', 577, 292)]);
    expect(submittedBy(typing, draft, typed, step)).toBe(true);
  });

  it('is not where the field still shows the text, no line goes on from it, or the change came after the pause', () => {
    // A list of suggestions under a search field that still holds what was typed.
    const [kept, keptStep] = entered([...line('Walk the dog', 577, 169), ...line('Walk the dog park', 577, 220)]);
    expect(submittedBy(typing, kept, typed, keptStep)).toBe(false);
    const [other, otherStep] = entered([
      ...line('What needs to be done?', 577, 169),
      ...line('Nothing here', 577, 292),
    ]);
    expect(submittedBy(typing, other, typed, otherStep)).toBe(false);
    const [late, lateStep] = entered([...line('Walk the dog', 577, 292)], 6100);
    expect(submittedBy(typing, late, typed, lateStep)).toBe(false);
  });
});

describe('echoOf', () => {
  it('completes typed text the last frame cut short from the line the page added', () => {
    const after = toLines([...line('Buy milk', 60, 200), ...line('1 item left', 60, 260)]);
    expect(echoOf('Buy mil', after)).toBe('Buy milk');
    expect(echoOf('Buy milk', after)).toBe('Buy milk');
    expect(echoOf('Bu', after)).toBeUndefined();
    expect(echoOf('Sell', after)).toBeUndefined();
  });

  it('corrects a letter misread and a caret read as text, never a different line', () => {
    const after = toLines([...line('Feed the cat', 60, 200), ...line('Water plants', 60, 240)]);
    expect(echoOf('Feed the caf', after)).toBe('Feed the cat');
    expect(echoOf('Water plan|', after)).toBe('Water plants');
    expect(echoOf('Feed the dog', after)).toBeUndefined();
    expect(echoOf('Water', after)).toBeUndefined();
  });

  it('takes a last letter that a caret may be (l, I, 1) for the caret, where the text as read has no echo', () => {
    const after = toLines([...line('Book flights', 580, 250), ...line('Pack bags', 580, 310)]);
    expect(echoOf('Pack bal', after)).toBe('Pack bags');
    // A name that ends in that letter is read as it is, where the page shows it.
    const names = toLines([...line('Paul', 60, 200), ...line('Paula', 60, 240)]);
    expect(echoOf('Paul', names)).toBe('Paul');
    expect(echoOf('Pack bax', after)).toBeUndefined(); // any other letter is a misread, too many here
  });

  it('completes a word the typing missed where a video was sampled less often, not most of the text', () => {
    const after = toLines([...line('Walk the dog', 60, 200)]);
    expect(echoOf('Walk the', after)).toBe('Walk the dog');
    expect(echoOf('Walk', after)).toBeUndefined();
  });

  it('completes the one word OCR dropped against the caret, from a line Enter added, not one already there', () => {
    const field = line('Pack', 580, 170);
    const before = toLines([...field, ...line('Book flights', 580, 250)]);
    const added = toLines([...line('Book flights', 580, 250), ...line('Pack bags', 580, 310)]);
    expect(echoOf('Pack', added)).toBeUndefined(); // without the screen before, most of it is missing
    expect(echoOf('Pack', added, before)).toBe('Pack bags');
    // The same line in its place before Enter was no line Enter added.
    const there = toLines([...field, ...line('Pack bags', 580, 310)]);
    expect(echoOf('Pack', added, there)).toBeUndefined();
    // Nor two words more.
    expect(echoOf('Walk', toLines(line('Walk the dog', 580, 310)), before)).toBeUndefined();
  });
});

describe('restingPointer', () => {
  const change = (t: number, endT: number, pointerFrom?: EventRecord['pointerFrom']) =>
    ({ t, endT, type: 'visual', source: 'visual', ...(pointerFrom ? { pointerFrom } : {}) }) as EventRecord;
  const draft = (start: number, end: number) =>
    ({
      start,
      end,
      kind: 'visual',
      events: [],
      visual: [],
      region: { x: 920, y: 260, width: 144, height: 32 },
    }) as StepDraft<EventRecord>;

  it('is where the next change saw the pointer leave, when that is on this change (the button clicked)', () => {
    const events = [change(1000, 1400), change(2600, 3000, { x: 980, y: 264, width: 24, height: 32 })];
    expect(restingPointer(draft(1000, 1400), events)).toEqual({ x: 992, y: 280 });
  });

  it('is nothing where the pointer left from elsewhere, or only a later change saw it leave', () => {
    const far = [change(1000, 1400), change(2600, 3000, { x: 200, y: 600, width: 24, height: 32 })];
    expect(restingPointer(draft(1000, 1400), far)).toBeUndefined();
    // Asked for wherever it rested (a window that a link elsewhere opened): there.
    expect(restingPointer(draft(1000, 1400), far, () => false, true)).toEqual({ x: 212, y: 616 });
    const later = [
      change(1000, 1400),
      change(1400, 1600),
      change(2600, 3000, { x: 980, y: 264, width: 24, height: 32 }),
    ];
    expect(restingPointer(draft(1000, 1400), later)).toBeUndefined();
  });

  it('looks past what went on at once from the change (the dialog a button opened) for where the pointer left', () => {
    // Tk's Delete pressed (closed as `moved`), its dialog at once, the pointer seen leaving only after.
    const pressed = { ...change(1000, 1400), moved: true } as EventRecord;
    const leaving = change(2600, 3000, { x: 980, y: 264, width: 24, height: 32 });
    const pressedDraft = { ...draft(1000, 1400), visual: [pressed] };
    expect(restingPointer(pressedDraft, [pressed, change(1400, 1600), leaving])).toEqual({ x: 992, y: 280 });
    // Not where the change closed as still (the pointer may have moved unseen in the next),
    // nor where the next began later on.
    expect(
      restingPointer({ ...draft(1000, 1400), visual: [change(1000, 1400)] }, [
        change(1000, 1400),
        change(1400, 1600),
        leaving,
      ]),
    ).toBeUndefined();
    expect(restingPointer(pressedDraft, [pressed, change(1900, 2100), leaving])).toBeUndefined();
  });

  it('looks past a small place far off that changed as the change went on at once (a title dimming)', () => {
    // A link clicked (closed as `moved`), the window it opened at once, taking the focus from a
    // window whose title dimmed far off; the pointer seen leaving the link only after.
    const clicked = { ...change(1000, 1400), moved: true } as EventRecord;
    const opened = change(1400, 1900, { x: 120, y: 8, width: 12, height: 12 });
    const leaving = change(2600, 3000, { x: 980, y: 264, width: 24, height: 32 });
    const clickedDraft = { ...draft(1000, 1400), visual: [clicked] };
    expect(restingPointer(clickedDraft, [clicked, opened, leaving], () => false, true)).toEqual({ x: 992, y: 280 });
    // Where the window that opened saw the pointer leave the link, that is where it rested.
    const left = change(1400, 1900, { x: 980, y: 264, width: 24, height: 32 });
    expect(
      restingPointer(clickedDraft, [clicked, left, change(2600, 3000, { x: 120, y: 8, width: 12, height: 12 })]),
    ).toEqual({
      x: 992,
      y: 280,
    });
  });

  it('is where a pointer move cut short by the change took it, when no later change saw it leave', () => {
    // Tk's Cancel: the pointer came to it (a move, cut when the dialog closed at once), the last step.
    const came = {
      ...change(1000, 1400),
      moved: true,
      box: { x: 1000, y: 270, width: 24, height: 24 },
      pointerFrom: { x: 600, y: 100, width: 24, height: 24 },
    } as EventRecord;
    const closed = change(1400, 1600);
    const closing = { ...draft(1400, 1600), visual: [closed] };
    const pointerMove = (e: EventRecord) => e === came;
    expect(restingPointer(closing, [came, closed], pointerMove)).toEqual({ x: 1012, y: 282 });
    // Not a change that only began with the pointer (a button lit as it came).
    expect(restingPointer(closing, [came, closed], () => false)).toBeUndefined();
  });

  it('is where a pointer move that came to rest just before the change took it, with nothing between', () => {
    // Tk's Dismiss: the glide settled on the button 0.37 s before the window closed, the last step.
    const settled = {
      ...change(7031, 7237),
      box: { x: 1024, y: 624, width: 20, height: 20 },
      pointerFrom: { x: 752, y: 584, width: 24, height: 24 },
    } as EventRecord;
    const closed = change(7604, 7604);
    const closing = { ...draft(7604, 7604), region: { x: 684, y: 356, width: 416, height: 296 }, visual: [closed] };
    const pointerMove = (e: EventRecord) => e === settled;
    expect(restingPointer(closing, [settled, closed], pointerMove)).toEqual({ x: 1034, y: 634 });
    // Not one that rested longer than a second first, nor one with another change between.
    const longBefore = { ...settled, t: 5800, endT: 6000 };
    expect(restingPointer(closing, [longBefore, closed], (e) => e === longBefore)).toBeUndefined();
    expect(restingPointer(closing, [settled, change(7400, 7500), closed], pointerMove)).toBeUndefined();
  });
});

describe('glideCutShort', () => {
  const change = (t: number, endT: number, more: Partial<EventRecord> = {}) =>
    ({ t, endT, type: 'visual', source: 'visual', ...more }) as EventRecord;
  // Tk's checkbuttons demo: the pointer caught over "See Code" on its way from "Driver Sober" to
  // "Dismiss", the demo's window closed in the next frame (the last step).
  const glide = change(7489, 7898, {
    moved: true,
    box: { x: 920, y: 608, width: 24, height: 24 },
    pointerFrom: { x: 752, y: 584, width: 24, height: 24 },
  });
  const closed = change(7898, 8229);
  const closing = {
    start: 7898,
    end: 8229,
    kind: 'visual',
    events: [],
    visual: [closed],
    region: { x: 684, y: 356, width: 416, height: 296 },
  } as StepDraft<EventRecord>;
  const pointerMove = (e: EventRecord) => e === glide;
  /** As the analysis asks it: where `restingPointer` put the pointer, where it did. */
  const cutShort = (events: EventRecord[], move: (e: EventRecord) => boolean) => {
    const resting = restingPointer(closing, events, move);
    return resting && glideCutShort(closing, events, resting);
  };

  it('is where a pointer move cut short by the change came from and was seen at', () => {
    expect(cutShort([glide, closed], pointerMove)).toEqual({
      from: { x: 764, y: 596 },
      to: { x: 932, y: 620 },
    });
  });

  it('is nothing where the pointer came to rest first, or a later change saw where it rested', () => {
    const settled = { ...glide, endT: 7600, moved: undefined } as EventRecord;
    expect(cutShort([settled, closed], (e) => e === settled)).toBeUndefined();
    const leaving = change(9000, 9200, { pointerFrom: { x: 1024, y: 624, width: 20, height: 20 } });
    expect(cutShort([glide, closed, leaving], pointerMove)).toBeUndefined();
    // Nor a change that was no pointer move.
    expect(cutShort([glide, closed], () => false)).toBeUndefined();
  });
});

describe('frameAfterPointer', () => {
  // Tk's radio button "Bottom" pressed, the X pointer resting on it until it moved on to "Dismiss".
  const draft = { start: 7318, end: 8152, kind: 'visual', events: [], visual: [] } as unknown as StepDraft<EventRecord>;
  const point = { x: 1122, y: 596 };
  const leaving = (fraction: number, pointerFrom = { x: 1108, y: 584, width: 28, height: 24 }) =>
    ({
      t: 9199,
      endT: 9637,
      type: 'visual',
      source: 'visual',
      fraction,
      pointerFrom,
      afterFrameId: 'left',
    }) as EventRecord;

  it('is the after frame of the next change, where it saw the pointer leave the point', () => {
    expect(frameAfterPointer(draft, [leaving(0.0008)], point)).toBe('left');
  });

  it('is nothing where that change was more than the pointer moving on, or saw it leave elsewhere', () => {
    expect(frameAfterPointer(draft, [leaving(0.2)], point)).toBeUndefined();
    expect(
      frameAfterPointer(draft, [leaving(0.0008, { x: 600, y: 300, width: 24, height: 24 })], point),
    ).toBeUndefined();
    // Only the very next change: one between could have changed the point.
    const between = { t: 8500, endT: 8700, type: 'visual', source: 'visual', fraction: 0.001 } as EventRecord;
    expect(frameAfterPointer(draft, [between, leaving(0.0008)], point)).toBeUndefined();
  });
});

describe('frameBeforeGlide', () => {
  const change = (t: number, endT: number, id: string, pointerFrom?: EventRecord['pointerFrom']) =>
    ({
      t,
      endT,
      type: 'visual',
      source: 'visual',
      beforeFrameId: `${id}-before`,
      afterFrameId: `${id}-after`,
      ...(pointerFrom ? { pointerFrom } : {}),
    }) as EventRecord;
  const left = { x: 760, y: 300, width: 24, height: 24 };

  it('is the last key frame from before the pointer set off for the action, within two seconds', () => {
    // (Whether or not a change saw the pointer leave: a key logger's click points say where it was.)
    const events = [change(1667, 2500, 'window'), change(3333, 3700, 'wide', left), change(3800, 3900, 'glide')];
    // A click at 4005: the glide began some 600 ms before it; 3333's before frame is the last before that.
    expect(frameBeforeGlide(events, 4005)).toBe('wide-before');
    // At 5200 the change that ended at 3900 had left its after frame; 2500 is too long before 5000.
    expect(frameBeforeGlide(events, 5200)).toBe('glide-after');
    expect(frameBeforeGlide(events, 6500)).toBeUndefined();
  });

  it('is one from less than 600 ms before, where none is from before that: a pointer a program moved at once', () => {
    // Tk's demo: the pointer put on a link at 1833 (the window answering in the same change), the click at 2330.
    const events = [change(1833, 3000, 'link')];
    expect(frameBeforeGlide(events, 2330)).toBe('link-before');
    // Not a frame from the action's own moments (its result, a logger's clock apart).
    expect(frameBeforeGlide([change(2100, 3000, 'result')], 2330)).toBeUndefined();
  });
});

describe('frameBeforePointer', () => {
  const at = (t: number, box: EventRecord['box'], beforeFrameId: string, pointerFrom?: EventRecord['pointerFrom']) =>
    ({
      t,
      endT: t + 300,
      type: 'visual',
      source: 'visual',
      box,
      beforeFrameId,
      ...(pointerFrom ? { pointerFrom } : {}),
    }) as EventRecord;
  const cancel = { x: 640, y: 425 };
  const button = { x: 600, y: 408, width: 80, height: 32 };
  // The pointer seen leaving the recorder's corner: this recording shows a pointer.
  const elsewhere = { x: 168, y: 48, width: 24, height: 24 };
  const dialog = at(9667, { x: 156, y: 48, width: 1064, height: 408 }, 'dialog-before');

  it("is the frame before the last change at the point before the action (the pointer's arrival)", () => {
    const events = [dialog, at(11000, button, 'arrival-before', elsewhere)];
    expect(frameBeforePointer(events, cancel, 11568)).toBe('arrival-before');
  });

  it("skips the action's own result, a change the pointer left the point in, and older changes", () => {
    // The dialog opening 160 ms before the logged click (the clocks differ): the click's result.
    expect(frameBeforePointer([at(10000, button, 'arrival', elsewhere), at(11408, button, 'own')], cancel, 11568)).toBe(
      'arrival',
    );
    const leaving = at(11000, button, 'leaving', { x: 630, y: 415, width: 20, height: 20 });
    expect(frameBeforePointer([at(10000, button, 'arrival', elsewhere), leaving], cancel, 11568)).toBe('arrival');
    expect(frameBeforePointer([at(9000, button, 'old', elsewhere)], cancel, 11568)).toBeUndefined();
    // A long change (typing elsewhere, then the pointer gliding over) that went on until just before.
    const long = { ...at(8000, { x: 560, y: 64, width: 332, height: 400 }, 'long', elsewhere), endT: 11300 };
    expect(frameBeforePointer([long], cancel, 11568)).toBe('long');
    // Half the screen changing (the recorder's page giving way to the program) is no arrival.
    const start = {
      ...at(167, { x: 0, y: 0, width: 1156, height: 800 }, 'start', elsewhere),
      endT: 11000,
      fraction: 0.5,
    };
    expect(frameBeforePointer([start], cancel, 11568)).toBeUndefined();
    expect(
      frameBeforePointer([at(11000, { x: 900, y: 408, width: 80, height: 32 }, 'far', elsewhere)], cancel, 11568),
    ).toBeUndefined();
  });

  it("is nothing in a recording that shows no pointer (a tab capture: changes there are the page's own)", () => {
    expect(frameBeforePointer([dialog, at(11000, button, 'arrival-before')], cancel, 11568)).toBeUndefined();
  });
});

describe('onlyOwnControls', () => {
  const region = { x: 160, y: 40, width: 40, height: 30 };
  it("is a change that shows only this app's floating controls (its timer ticking)", () => {
    const before = toLines([
      ...line('Recording 0:07', 30, 50),
      ...line('Pause recording Add marker Stop recording', 20, 100),
    ]);
    const after = toLines([...line('Recording 0:08', 30, 50)]);
    expect(onlyOwnControls({ before, after }, { x: 20, y: 40, width: 460, height: 80 })).toBe(true);
    expect(onlyOwnControls({ before, after }, region)).toBe(true);
  });

  it('is not a change with any other text, nor one with no text at all', () => {
    const before = toLines([...line('Recording 0:07', 30, 50), ...line('Save', 120, 52)]);
    expect(onlyOwnControls({ before, after: [] }, { x: 20, y: 40, width: 200, height: 30 })).toBe(false);
    expect(onlyOwnControls({ before: [], after: [] }, region)).toBe(false);
    const recordingTitle = toLines(line('Recording studio', 30, 50));
    expect(onlyOwnControls({ before: recordingTitle, after: [] }, region)).toBe(false);
  });
});

describe('ownControlsIn', () => {
  it("is the box around this app's own controls in a change that shows more than them", () => {
    const before = toLines([
      ...line('Recording 0:01', 30, 50),
      ...line('Pause recording Add marker Stop recording', 20, 100),
      ...line('Check-buttons (select any of a group)', 400, 300),
    ]);
    const after = toLines([
      ...line('Recording 0:02', 30, 50),
      ...line('Four checkbuttons are displayed below', 400, 360),
    ]);
    const region = { x: 10, y: 40, width: 700, height: 400 };
    const box = ownControlsIn({ before, after }, region);
    expect(box).toMatchObject({ x: 20, y: 50 });
    expect(box!.y + box!.height).toBeLessThan(300);
  });

  it('is nothing where the change shows only them, or none of them', () => {
    const before = toLines([...line('Recording 0:07', 30, 50)]);
    const after = toLines([...line('Recording 0:08', 30, 50)]);
    expect(ownControlsIn({ before, after }, { x: 20, y: 40, width: 200, height: 40 })).toBeUndefined();
    const other = toLines([...line('Save', 120, 52)]);
    expect(ownControlsIn({ before: other, after: [] }, { x: 100, y: 40, width: 200, height: 40 })).toBeUndefined();
  });
});

describe('markOfClick', () => {
  const tick = { label: 'Buy milk', box: { x: 528, y: 236, width: 16, height: 12 }, checkbox: true };
  const arrow = { label: 'Price', box: { x: 300, y: 40, width: 10, height: 10 }, checkbox: false };

  it('names a click by the mark it drew, but not typing, which draws none', () => {
    expect(markOfClick(arrow, false)).toBe(arrow);
    expect(markOfClick(arrow, true)).toBeUndefined();
    expect(markOfClick(undefined, false)).toBeUndefined();
  });

  it('takes a tick in a box for a toggle even where the change left new text a while (a counter, a fade)', () => {
    // TodoMVC: ticking "Buy milk" fades its row for 0.4 s and "2 items left" becomes "1 item left".
    expect(markOfClick(tick, true)).toBe(tick);
  });

  it("keeps the control the pointer rested on where the mark lies off the pointer's row", () => {
    // Tk's demo: the link "5. Combo-boxes" clicked at (764, 578); an X pointer's old place over a
    // window's edge 180 px above, beside "1. The 50 states", looked like a mark.
    const stray = { label: '1. The 50 states', box: { x: 632, y: 391, width: 20, height: 20 }, checkbox: false };
    const pointed = { label: '5. Combo-boxes', point: { x: 764, y: 578 } };
    expect(markOfClick(stray, false, pointed)).toBeUndefined();
    // A mark on the pointer's row (a sort arrow beside the header clicked) still names it, and
    // so does one beside the very line the pointer named, wherever the pointer was on it.
    expect(markOfClick(arrow, false, { label: 'Pric', point: { x: 260, y: 46 } })).toBe(arrow);
    expect(markOfClick(tick, false, { label: 'Buy milk', point: { x: 700, y: 300 } })).toBe(tick);
  });

  it('keeps the control the pointer rested on where the mark is the pointer itself, over the next line', () => {
    // Tk's demo in a video: a hand glided onto "5. Radio-buttons" as it was clicked; its palm,
    // new in the after frame over "6. A 15-puzzle game", looked like a mark beside that line.
    const hand = { label: 'A 15-puzzle game', box: { x: 734, y: 327, width: 82, height: 23 }, checkbox: false };
    expect(markOfClick(hand, false, { label: 'Radio-buttons', point: { x: 774, y: 330 } })).toBeUndefined();
    // A tick under the pointer that names the line the pointer named is the click's.
    const ticked = { ...tick, box: { x: 690, y: 290, width: 16, height: 16 } };
    expect(markOfClick(ticked, false, { label: 'Buy milk', point: { x: 698, y: 298 } })).toBe(ticked);
  });
});

describe('pointerLeftValue and valueReadAgain', () => {
  // Tk's demo: "Grace Hopper" typed into a combo box clicked at its right, the I-beam left over the "r".
  const value = { text: 'Grace Hoppel', confidence: 90, box: { x: 842, y: 487, width: 98, height: 14 } };
  const visual = (t: number, box: Rect, pointerFrom?: Rect, afterFrameId = `after-${t}`) =>
    ({
      t,
      endT: t + 300,
      type: 'visual',
      source: 'visual',
      box,
      afterFrameId,
      ...(pointerFrom ? { pointerFrom } : {}),
    }) as EventRecord;
  const noMoves = () => false;

  it('finds the change that saw the pointer leave the value, however much later', () => {
    const left = visual(7292, { x: 928, y: 608, width: 28, height: 24 }, { x: 932, y: 480, width: 16, height: 32 });
    const events = [visual(3516, { x: 840, y: 480, width: 108, height: 32 }), left];
    expect(pointerLeftValue(events, 6015, value.box, noMoves)).toBe(left);
  });

  it('is nothing where the pointer left elsewhere, or the line changed before it left', () => {
    const elsewhere = visual(
      7292,
      { x: 928, y: 608, width: 28, height: 24 },
      { x: 600, y: 300, width: 16, height: 32 },
    );
    expect(pointerLeftValue([elsewhere], 6015, value.box, noMoves)).toBeUndefined();
    // The field cleared (TodoMVC's new-todo after Enter) before the pointer went.
    const cleared = visual(6500, { x: 840, y: 480, width: 108, height: 32 });
    const left = visual(7292, { x: 928, y: 608, width: 28, height: 24 }, { x: 932, y: 480, width: 16, height: 32 });
    expect(pointerLeftValue([cleared, left], 6015, value.box, noMoves)).toBeUndefined();
    // Only the pointer gliding over it, seen as a change of its own, does not count.
    expect(pointerLeftValue([cleared, left], 6015, value.box, (e) => e === cleared)).toBe(left);
  });

  it('takes the reading without the pointer where it reads the same text a letter apart', () => {
    const again = (text: string, y = 487) => [{ text, confidence: 95, box: { x: 842, y, width: 100, height: 14 } }];
    expect(valueReadAgain(value, again('Grace Hopper'))).toBe('Grace Hopper');
    expect(valueReadAgain(value, again('Grace Hoppel'))).toBeUndefined();
    // Other text in its place (a field's placeholder back), or the same text elsewhere: not the value.
    expect(valueReadAgain(value, again('Type a name'))).toBeUndefined();
    expect(valueReadAgain(value, again('Grace Hopper', 540))).toBeUndefined();
  });
});

describe('readAsTyped', () => {
  it('names a control by a value typed before it that its text reads as', () => {
    // TodoMVC: "Email Sam" added, ticked, then clicked struck through.
    expect(readAsTyped('Emait-Sam', ['Email Sam', 'Fix the sink'])).toBe('Email Sam');
    expect(readAsTyped('EmailSam', ['Email Sam'])).toBe('Email Sam');
  });

  it('keeps a label read as typed, unlike any value, too short to tell, or like two', () => {
    expect(readAsTyped('Email Sam', ['Email Sam'])).toBeUndefined();
    expect(readAsTyped('Active', ['Email Sam', 'Fix the sink'])).toBeUndefined();
    // (Three letters: one apart is another word.)
    expect(readAsTyped('Same', ['Sam'])).toBeUndefined();
    expect(readAsTyped('Emait Sam', ['Email Sam', 'Emait Sum'])).toBeUndefined();
    expect(readAsTyped('Emait Sam', [])).toBeUndefined();
  });
});
