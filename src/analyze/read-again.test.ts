import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../capture/events';
import { stepText, type StepFacts } from '../compose/step-text';
import { contains, center, type Rect } from '../shared/geometry';
import type { OcrLine } from './ocr/lines';
import { typedWhereValueWas } from './read-again';
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
