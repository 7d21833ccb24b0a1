import { describe, expect, it } from 'vitest';
import { testAnalysis } from '../analyze/testing';
import type { Analysis, AnalyzedStep } from '../analyze/types';
import { stepText, type StepFacts } from '../compose/step-text';
import {
  deleteStep,
  editStepText,
  hasEdits,
  mergeWithNext,
  moveStep,
  parameterName,
  remember,
  restore,
  setDraft,
  setParameter,
  setSection,
} from './edits';
import { sectionedSteps } from '../analyze/context';

const step = (n: number, facts: StepFacts, extra: Partial<AnalyzedStep> = {}): AnalyzedStep => ({
  id: `step-${n}`,
  start: n * 1000,
  end: n * 1000 + 300,
  kind: facts.kind,
  text: stepText(facts),
  facts,
  eventCount: 1,
  beforeFrameId: `b${n}`,
  afterFrameId: `a${n}`,
  region: { x: n * 10, y: n * 10, width: 10, height: 10 },
  ...(facts.label ? { label: facts.label } : {}),
  ...(facts.value ? { value: facts.value } : {}),
  ...extra,
});

const base: Analysis = testAnalysis({
  steps: [
    step(1, { kind: 'click', label: 'New ticket' }),
    step(2, { kind: 'type', label: 'Summary', value: 'Printer jam' }),
    step(3, { kind: 'click', label: 'Save' }),
  ],
});
const ids = (a: Analysis) => a.steps.map((s) => s.id);

describe('review edits', () => {
  it('edits, deletes and moves without touching the original', () => {
    expect(editStepText(base, 'step-2', 'Write the summary').steps[1]!.editedText).toBe('Write the summary');
    expect(ids(deleteStep(base, 'step-2'))).toEqual(['step-1', 'step-3']);
    expect(ids(moveStep(base, 'step-3', 0))).toEqual(['step-3', 'step-1', 'step-2']);
    expect(ids(moveStep(base, 'step-1', 99))).toEqual(['step-2', 'step-3', 'step-1']);
    expect(ids(base)).toEqual(['step-1', 'step-2', 'step-3']);
    expect(hasEdits(base)).toBe(false);
    expect(hasEdits(deleteStep(base, 'step-3'))).toBe(true);
  });

  it('merges a step with the next: both texts, frames and regions spanning both', () => {
    const merged = mergeWithNext(base, 'step-1').steps;
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({
      editedText: 'Click **New ticket**, then type `Printer jam` into **Summary**',
      beforeFrameId: 'b1',
      afterFrameId: 'a2',
      end: 2300,
      eventCount: 2,
      region: { x: 10, y: 10, width: 20, height: 20 },
    });
    expect(mergeWithNext(base, 'step-3')).toBe(base); // nothing after the last
  });

  it('makes a typed value an input with a clean name, and back', () => {
    const withInput = setParameter(base, 'step-2', 'Ticket Summary!');
    expect(withInput.steps[1]!.parameter).toBe('ticket_summary');
    expect(setParameter(withInput, 'step-2', null).steps[1]!.parameter).toBeUndefined();
    expect(parameterName('***')).toBe('value');
  });
});

describe('sections and undo kept with the steps', () => {
  it("a marker's section moves with its step; the review adds, renames and removes them", () => {
    const marked = { ...base, sections: [{ t: 1500, title: 'Fill in' }] };
    expect(sectionedSteps(marked).map((s) => s.section)).toEqual([undefined, 'Fill in', undefined]);
    const moved = moveStep(setSection(marked, 'step-3', 'Save it'), 'step-2', 0);
    expect(moved.sections).toBeUndefined();
    expect(moved.steps.map((s) => [s.id, s.section])).toEqual([
      ['step-2', 'Fill in'],
      ['step-1', undefined],
      ['step-3', 'Save it'],
    ]);
    const renamed = setSection(moved, 'step-3', '  Send\nit ');
    expect(renamed.steps[2]!.section).toBe('Send it');
    const removed = setSection(renamed, 'step-2', null);
    expect(sectionedSteps(removed).map((s) => s.section)).toEqual([undefined, undefined, 'Send it']);
    // With every section removed, the markers' sections do not come back.
    expect(sectionedSteps(setSection(removed, 'step-3', null)).every((s) => !s.section)).toBe(true);
  });

  it('remembers what each edit replaced, and restores it, in the analysis itself', () => {
    const deleted = remember(deleteStep(base, 'step-2'), base, 'delete step 2', 2);
    const renamed = remember(setDraft(deleted, { name: 'x', description: 'y' }), deleted, 'name', 2);
    const sectioned = remember(setSection(renamed, 'step-1', 'A'), renamed, 'section at step 1', 2);
    expect(sectioned.undo?.map((u) => u.what)).toEqual(['name', 'section at step 1']);
    // Stored and read back (as after a reload), it still undoes.
    const reloaded = JSON.parse(JSON.stringify(sectioned)) as Analysis;
    const back = restore(reloaded, reloaded.undo!.at(-1)!);
    expect(back.steps.some((s) => s.section)).toBe(false);
    const first = restore(back, back.undo!.at(-1)!);
    // The name given after the step was deleted stays: Undo takes back steps, not the draft.
    expect(first.review).toEqual({ name: 'x', description: 'y' });
    expect(ids(first)).toEqual(['step-1', 'step-3']);
    expect(first.undo).toEqual([]);
  });
});
