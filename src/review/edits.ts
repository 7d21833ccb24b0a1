/**
 * The person's edits to a recording's steps, as pure functions from one
 * analysis to the next (the review state keeps the previous ones for undo).
 */
import { union, type Rect } from '../shared/geometry';
import type { Analysis, AnalyzedStep, ReviewSnapshot, SkillDraft } from '../analyze/types';
import { sectionedSteps } from '../analyze/context';
import { stepMarkdown } from '../compose/draft';
import { slugify } from '../compose/draft';

const replaceSteps = (analysis: Analysis, steps: AnalyzedStep[]): Analysis => ({
  ...analysis,
  steps,
  edited: true,
  updatedAt: Date.now(),
});

export function editStepText(analysis: Analysis, stepId: string, markdown: string): Analysis {
  return replaceSteps(
    analysis,
    analysis.steps.map((step) => (step.id === stepId ? { ...step, editedText: markdown } : step)),
  );
}

export function deleteStep(analysis: Analysis, stepId: string): Analysis {
  return replaceSteps(
    analysis,
    analysis.steps.filter((step) => step.id !== stepId),
  );
}

/** Moves a step to `toIndex` (clamped), keeping the others in order. */
export function moveStep(analysis: Analysis, stepId: string, toIndex: number): Analysis {
  const from = analysis.steps.findIndex((step) => step.id === stepId);
  if (from < 0) return analysis;
  const steps = [...analysis.steps];
  const [moved] = steps.splice(from, 1);
  steps.splice(Math.max(0, Math.min(steps.length, toIndex)), 0, moved!);
  return replaceSteps(analysis, steps);
}

/** One step from a step and the one after it: its text says both, its frames span both. */
export function mergeWithNext(analysis: Analysis, stepId: string): Analysis {
  const index = analysis.steps.findIndex((step) => step.id === stepId);
  const first = analysis.steps[index];
  const second = analysis.steps[index + 1];
  if (!first || !second) return analysis;
  const secondText = stepMarkdown(second);
  const merged: AnalyzedStep = {
    ...first,
    end: Math.max(first.end, second.end),
    editedText: `${stepMarkdown(first)}, then ${secondText.charAt(0).toLowerCase()}${secondText.slice(1)}`,
    eventCount: first.eventCount + second.eventCount,
  };
  // What the second step did is still done, after the first: a replay performs both.
  const { then: secondThen, ...secondAlone } = second;
  merged.then = [...(first.then ?? []), secondAlone, ...(secondThen ?? [])];
  const after = second.afterFrameId ?? first.afterFrameId;
  if (after) merged.afterFrameId = after;
  if (first.region && second.region) merged.region = union([first.region, second.region]);
  if (second.caption) merged.caption = second.caption;
  // An input of either step stays an input.
  if (!first.parameter && second.parameter && second.value) {
    merged.parameter = second.parameter;
    merged.value = second.value;
  }
  const steps = [...analysis.steps];
  steps.splice(index, 2, merged);
  return replaceSteps(analysis, steps);
}

/** Makes a step's typed value an input named `name` (null: back to the recorded value). */
export function setParameter(analysis: Analysis, stepId: string, name: string | null): Analysis {
  return replaceSteps(
    analysis,
    analysis.steps.map((step) => {
      if (step.id !== stepId) return step;
      const rest = { ...step };
      delete rest.parameter;
      return name ? { ...rest, parameter: parameterName(name) } : rest;
    }),
  );
}

/** An input's name as written in `{{…}}`: lowercase words joined by underscores. */
export function parameterName(text: string): string {
  return slugify(text, 40).replace(/-/g, '_') || 'value';
}

/** The person's box for what the step acts on (outlined in its screenshots). */
export function markBox(analysis: Analysis, stepId: string, box: Rect): Analysis {
  return replaceSteps(
    analysis,
    analysis.steps.map((step) => (step.id === stepId ? { ...step, marked: box } : step)),
  );
}

/** Adds an area to blur in a step's exported screenshot. */
export function addBlur(analysis: Analysis, stepId: string, box: Rect): Analysis {
  return replaceSteps(
    analysis,
    analysis.steps.map((step) => (step.id === stepId ? { ...step, blur: [...(step.blur ?? []), box] } : step)),
  );
}

export function clearBlurs(analysis: Analysis, stepId: string): Analysis {
  return replaceSteps(
    analysis,
    analysis.steps.map((step) => {
      if (step.id !== stepId) return step;
      const rest = { ...step };
      delete rest.blur;
      return rest;
    }),
  );
}

export function setDraft(analysis: Analysis, draft: SkillDraft): Analysis {
  return { ...analysis, review: draft, edited: true, updatedAt: Date.now() };
}

/** Whether the person has changed anything ("Analyse again" would discard it). */
export function hasEdits(analysis: Analysis): boolean {
  return analysis.edited === true;
}

/** Starts a section titled `title` at the step (renames the one there), or ends it with `null`. */
export function setSection(analysis: Analysis, stepId: string, title: string | null): Analysis {
  const text = title?.replace(/\s+/g, ' ').trim();
  const steps = sectionedSteps(analysis).map((step) => {
    if (step.id !== stepId) return step;
    const rest = { ...step };
    delete rest.section;
    return text ? { ...rest, section: text } : rest;
  });
  // The markers' sections now live in the steps.
  const rest = { ...analysis };
  delete rest.sections;
  return replaceSteps(rest, steps);
}

/** `next` with what `before` was kept for Undo (at most `limit` edits back). */
export function remember(next: Analysis, before: Analysis, what: string, limit: number): Analysis {
  // Steps only: the name, description and start page are not undone (a later change to them stays).
  const snapshot: ReviewSnapshot = { what, steps: before.steps };
  if (before.sections) snapshot.sections = before.sections;
  if (before.edited) snapshot.edited = true;
  return { ...next, undo: [...(before.undo ?? []), snapshot].slice(-limit) };
}

/** The analysis as it was before its last remembered edit. */
export function restore(analysis: Analysis, snapshot: ReviewSnapshot): Analysis {
  const rest = { ...analysis };
  for (const key of ['sections', 'edited'] as const) delete rest[key];
  const undo = analysis.undo;
  return {
    ...rest,
    steps: snapshot.steps,
    ...(snapshot.sections ? { sections: snapshot.sections } : {}),
    ...(snapshot.edited ? { edited: true } : {}),
    undo: (undo ?? []).slice(0, -1),
    updatedAt: Date.now(),
  };
}
