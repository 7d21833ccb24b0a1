import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../capture/events';
import { stepText, type StepFacts } from '../compose/step-text';
import { contains, center, type Rect } from '../shared/geometry';
import type { OcrLine } from './ocr/lines';
import { chosenInMenu, cutReadAlone, openedByButton, toggledLabelAlone, typedWhereValueWas } from './read-again';
import type { StepDraft } from './segment/steps';
import type { AnalyzedStep } from './types';

function line(text: string, x: number, y: number, width: number, height = 10): OcrLine {
  return { text, confidence: 90, box: { x, y, width, height } };
}

/** A reader of key frames' areas that reads what `shown` holds there in the frame after. */
function reader(shown: OcrLine[]) {
  const areas: Rect[] = [];
  return {
    areas,
    analyzeArea: (_frameId: string, area: Rect) => {
      areas.push(area);
      return Promise.resolve({ lines: shown.filter((l) => contains(area, center(l.box))), cached: false });
    },
  };
}

// dat.GUI in a video: "10" typed over with "25" in the height field; OCR of the whole change read
// neither, nor maxSize's "6" (whose pixels did not change).
const region = { x: 1068, y: 4, width: 196, height: 164 };
const before = [
  line('message', 1029, 38, 44),
  line('maxSize', 1029, 120, 42),
  line('6', 1150, 121, 6),
  line('height', 1029, 148, 30),
  line('10', 1119, 149, 13),
];
const after = before.filter((l) => l.text !== '6' && l.text !== '10');
const draft: StepDraft<EventRecord> = {
  start: 1833,
  end: 2000,
  kind: 'visual',
  events: [],
  visual: [],
  region,
  beforeFrameId: 'f:10',
  afterFrameId: 'f:12',
};

function clicked(): AnalyzedStep {
  const facts: StepFacts = { kind: 'visual', label: 'message' };
  return {
    id: 'step-1',
    start: 1833,
    end: 2000,
    kind: 'visual',
    text: stepText(facts),
    facts,
    label: 'message',
    eventCount: 1,
  };
}

describe('typedWhereValueWas', () => {
  it('names typing over the one field whose value read alone after is new', async () => {
    const step = clicked();
    const frame = reader([line('6', 1150, 121, 6), line('25', 1119, 149, 13)]);
    await typedWhereValueWas(step, draft, { before, after }, new Set(['10']), frame);
    expect(step).toMatchObject({ kind: 'type', label: 'height', value: '25', seen: 'changed' });
    expect(step.facts.replaces).toBe(true);
  });

  it('reads each field that lost its value, and names none where more than one reads new text', async () => {
    const changed = new Set(['6', '10']);
    const one = clicked();
    await typedWhereValueWas(
      one,
      draft,
      { before, after },
      changed,
      reader([line('6', 1150, 121, 6), line('25', 1119, 149, 13)]),
    );
    expect(one).toMatchObject({ kind: 'type', label: 'height', value: '25' });
    const both = clicked();
    const frame = reader([line('7', 1150, 121, 6), line('25', 1119, 149, 13)]);
    await typedWhereValueWas(both, draft, { before, after }, changed, frame);
    expect(frame.areas).toHaveLength(2);
    expect(both).toMatchObject({ kind: 'visual', label: 'message' });
  });

  it('leaves the step where the value read again is the old one (the field lit up, nothing typed)', async () => {
    const step = clicked();
    await typedWhereValueWas(step, draft, { before, after }, new Set(['10']), reader([line('10', 1119, 149, 13)]));
    expect(step).toMatchObject({ kind: 'visual', label: 'message' });
  });
});

describe('openedByButton', () => {
  // Spectre's modals page, a tab's capture: the white-on-blue "Open Modal" (read "Open"), and
  // the dialog it opened over the page.
  const open = line('Open', 338, 349, 42, 16);
  const page = [
    line('Q SPECTRE', 34, 21, 121, 32),
    line('Modals are flexible dialog prompts.', 329, 267, 279, 15),
    open,
  ];
  const dialog = [
    line('Modal title', 354, 113, 103, 15),
    line('This is the content inside the modal.', 352, 173, 291, 13),
    line('Share Close', 812, 589, 107, 13),
  ];
  const whole = { x: 28, y: 16, width: 1228, height: 704 };
  /** The before frame's luma: white, the button's fill blue (100) with its white text. */
  function luma() {
    const [width, height] = [1280, 720];
    const data = new Uint8Array(width * height).fill(255);
    for (let y = 343; y < 371; y++) for (let x = 330; x < 440; x++) data[y * width + x] = x % 3 === 0 ? 250 : 100;
    return { x: 0, y: 0, width, height, data };
  }
  const opened: StepDraft<EventRecord> = { ...draft, region: whole };
  const boxReader = (text: string | undefined) => ({
    analyzeBoxAt: () =>
      Promise.resolve(
        text
          ? { lines: [line(text, 338, 349, 100, 16)], cached: false, area: { x: 330, y: 343, width: 110, height: 28 } }
          : null,
      ),
  });

  it('names a click whose dialog covered the page by the filled button it covered, read again in its box', async () => {
    const step = clicked();
    await openedByButton(step, opened, { before: page, after: dialog }, luma(), boxReader('Open Modal'));
    expect(step).toMatchObject({
      kind: 'visual',
      label: 'Open Modal',
      seen: 'gone',
      text: [{ text: 'Click ' }, { text: 'Open Modal' }],
    });
    const unread = clicked();
    await openedByButton(unread, opened, { before: page, after: dialog }, luma(), boxReader(undefined));
    expect(unread).toMatchObject({ kind: 'visual', label: 'Open' });
  });

  it('names it by the button OCR boxed whole, its edges read as quotes, without them', async () => {
    // A video's frame: "“open Modal\"" boxed from the button's left edge to its right.
    const boxed = line('“open Modal"', 330, 343, 110, 28);
    const padded = luma();
    for (let y = 343; y < 371; y++)
      for (let x = 330; x < 440; x++)
        padded.data[y * padded.width + x] = x >= 340 && x < 430 && y >= 350 && y < 364 && x % 3 === 0 ? 250 : 100;
    const step = clicked();
    await openedByButton(
      step,
      opened,
      { before: [...page.slice(0, 2), boxed], after: dialog },
      padded,
      boxReader(undefined),
    );
    expect(step).toMatchObject({ kind: 'visual', label: 'open Modal', seen: 'gone' });
  });

  it('leaves a step named at its point, or one whose change left the button in view', async () => {
    const pointed = { ...clicked(), seen: 'point' as const };
    await openedByButton(pointed, opened, { before: page, after: dialog }, luma(), boxReader('Open Modal'));
    expect(pointed).toMatchObject({ kind: 'visual', label: 'message' });
    const dismissed = { ...clicked(), label: 'Close', seen: 'gone' as const };
    await openedByButton(dismissed, opened, { before: page, after: dialog }, luma(), boxReader('Open Modal'));
    expect(dismissed).toMatchObject({ kind: 'visual', label: 'Close' });
    const stayed = clicked();
    await openedByButton(stayed, opened, { before: page, after: [...dialog, open] }, luma(), boxReader('Open Modal'));
    expect(stayed).toMatchObject({ kind: 'visual', label: 'message' });
  });
});

describe('chosenInMenu', () => {
  // JSONEditor in a video: "Code" clicked in the "Tree ▾" mode menu; the tree became code, and the
  // wide reading after missed the white-on-blue "Code ▾" the button shows now.
  const menu = ['Code', 'Form', 'Text', 'Tree', 'View', 'Preview'].map((item, i) => line(item, 235, 132 + 24 * i, 30));
  const tree = [line('Tree v', 216, 105, 39), line('v object {6}', 65, 160, 102), line('v array [3]', 89, 185, 92)];
  const code = [line('"array": [', 82, 150, 62), line('"boolean": true,', 82, 239, 120)];
  const region = { x: 8, y: 92, width: 500, height: 500 };
  const switched: StepDraft<EventRecord> = { ...draft, region, beforeFrameId: 'f:31', afterFrameId: 'f:32' };
  const named = (label: string): AnalyzedStep => {
    const facts: StepFacts = { kind: 'visual', label };
    return {
      id: 'step-4',
      start: 5333,
      end: 5333,
      kind: 'visual',
      text: stepText(facts),
      facts,
      label,
      seen: 'stayed',
      eventCount: 1,
    };
  };

  it("names the click by the item the menu's button shows after, read alone in its place", async () => {
    const step = named('the console of your browser.');
    const frame = reader([line('Code v', 240, 103, 50)]);
    await chosenInMenu(step, switched, { before: [...tree, ...menu], after: code }, frame);
    expect(step).toMatchObject({ kind: 'visual', label: 'Code', seen: 'menu' });
    expect(frame.areas).toHaveLength(1);
  });

  it('names nothing where the button shows what it did, or no item, or no menu closed', async () => {
    for (const shown of [[line('Tree v', 216, 105, 39)], [], [line('Help', 240, 103, 30)]]) {
      const step = named('the console of your browser.');
      await chosenInMenu(step, switched, { before: [...tree, ...menu], after: code }, reader(shown));
      expect(step.label).toBe('the console of your browser.');
    }
    // The menu's items still read after (a list that stayed): no menu closed, nothing read.
    const stayed = reader([line('Code v', 240, 103, 50)]);
    const step = named('Tree v');
    await chosenInMenu(step, switched, { before: [...tree, ...menu], after: [...code, ...menu] }, stayed);
    expect(step.label).toBe('Tree v');
    expect(stayed.areas).toHaveLength(0);
  });

  it('leaves a step named by something sure as it was', async () => {
    const step = { ...named('Code'), seen: 'point' as const };
    const frame = reader([line('Form v', 240, 103, 50)]);
    await chosenInMenu(step, switched, { before: [...tree, ...menu], after: code }, frame);
    expect(step.label).toBe('Code');
  });
});

describe('toggledLabelAlone', () => {
  // dat.GUI in a video: "displayOutline" ticked; the wide reading ran its word into the box's glyph.
  const read = (text: string, confidence: number): OcrLine => ({
    text,
    confidence,
    box: { x: 1028, y: 62, width: 110, height: 13 },
  });
  const ticked: StepDraft<EventRecord> = { ...draft, region: { x: 1068, y: 62, width: 76, height: 13 } };
  const toggled = (label: string): AnalyzedStep => {
    const facts: StepFacts = { kind: 'toggle', label, control: { type: 'checkbox' } };
    return {
      id: 'step-1',
      start: 2000,
      end: 2000,
      kind: 'toggle',
      text: stepText(facts),
      facts,
      label,
      seen: 'tick',
      eventCount: 1,
    };
  };
  const alone = (text: string, confidence: number) => ({
    ...read(text, confidence),
    box: { x: 1028, y: 64, width: 69, height: 10 },
  });

  it('names the box by its label read again alone, a letter apart and surer', async () => {
    const step = toggled('displayOutine');
    const frame = reader([alone('displayOutline a', 82)]);
    await toggledLabelAlone(
      step,
      ticked,
      { before: [read('displayOutine ll', 67.5)], after: [read('displayOutine', 75)] },
      frame,
    );
    expect(step).toMatchObject({ kind: 'toggle', label: 'displayOutline', seen: 'tick' });
    expect(step.text.map((r) => r.text).join('')).toBe('Check the displayOutline checkbox');
    expect(frame.areas).toHaveLength(1);
  });

  it('keeps a label read surely, or read again as another word, or no surer', async () => {
    const sure = reader([alone('displayOutline', 92)]);
    const step = toggled('displayOutine');
    await toggledLabelAlone(step, ticked, { before: [read('displayOutine', 90)], after: [] }, sure);
    expect(step.label).toBe('displayOutine');
    expect(sure.areas).toHaveLength(0);
    for (const [text, confidence] of [
      ['explode', 90],
      ['displayOutline', 70],
    ] as const) {
      const other = toggled('displayOutine');
      await toggledLabelAlone(
        other,
        ticked,
        { before: [read('displayOutine', 75)], after: [] },
        reader([alone(text, confidence)]),
      );
      expect(other.label).toBe('displayOutine');
    }
  });
});

describe('cutReadAlone', () => {
  // Tk's demo link "5. Combo-boxes" clicked in a video of the screen: the hand over its "o", OCR read
  // "5.", "Comb" and "0-boxes" there, and no frame read it whole.
  const comb: OcrLine = { text: 'Comb', confidence: 69, box: { x: 727, y: 570, width: 41, height: 11 } };
  const lines = [
    { text: '5.', confidence: 93, box: { x: 710, y: 563, width: 12, height: 13 } },
    comb,
    { text: '0-boxes', confidence: 59, box: { x: 769, y: 570, width: 56, height: 13 } },
  ];
  const point = { x: 764, y: 577 };

  it('names the control by its place on the row read alone, in the frame from before the pointer came', async () => {
    const frame = reader([line('5. Combo-boxes', 710, 570, 115, 11)]);
    const whole = await cutReadAlone('Comb', { lines, pointer: false, point, frameId: 'f:10' }, frame);
    expect(whole).toBe('5. Combo-boxes');
    expect(frame.areas).toEqual([{ x: 706, y: 559, width: 123, height: 28 }]);
  });

  it('reads nothing where the label is not cut at the point, and names nothing the place reads otherwise', async () => {
    const frame = reader([line('5. Combo-boxes', 710, 570, 115, 11)]);
    expect(
      await cutReadAlone('Comb', { lines, pointer: false, point: { x: 700, y: 577 }, frameId: 'f:10' }, frame),
    ).toBeUndefined();
    expect(await cutReadAlone('Comb', { lines, pointer: false, point }, frame)).toBeUndefined();
    expect(frame.areas).toHaveLength(0);
    const other = reader([line('5. Jumbo-boxes', 710, 570, 115, 11)]);
    expect(await cutReadAlone('Comb', { lines, pointer: false, point, frameId: 'f:10' }, other)).toBeUndefined();
  });
});
