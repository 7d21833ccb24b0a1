/**
 * A cloud answer merged into the local steps. Step boundaries stay the ones the
 * bursts gave; the model rewrites each step's words. A step whose named target
 * was not read by OCR on its own frames is kept with lower confidence and a
 * warning: the model may have read it elsewhere, or made it up.
 */
import type { Analysis, AnalyzedStep } from '../analyze/types';
import type { CloudProvider, CloudResult, CloudStep, CloudStepInfo } from './types';

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether OCR read `target` on the step's frames (or the page named it). */
export function targetSeen(step: AnalyzedStep, target: string): boolean {
  const wanted = normalise(target);
  if (!wanted) return true; // nothing named, nothing to check
  const texts = [
    step.label ?? '',
    ...(step.ocr?.before ?? []).map((l) => l.text),
    ...(step.ocr?.after ?? []).map((l) => l.text),
  ];
  return texts.some((text) => {
    const seen = normalise(text);
    return seen.length > 0 && (seen.includes(wanted) || wanted.includes(seen));
  });
}

export function mergeCloud(analysis: Analysis, result: CloudResult, provider: CloudProvider, model: string): Analysis {
  const byIndex = new Map<number, CloudStep>(result.steps.map((step) => [step.index, step]));
  const steps = analysis.steps.map((step, i) => {
    const cloud = byIndex.get(i + 1);
    if (!cloud) return step;
    const info: CloudStepInfo = {
      provider,
      model,
      title: cloud.title,
      instruction: cloud.instruction,
      target: cloud.target,
      value: cloud.value,
      parameters: cloud.parameters,
      seen: targetSeen(step, cloud.target),
    };
    return { ...step, cloud: info, text: [{ text: cloud.instruction }] };
  });
  return {
    ...analysis,
    steps,
    updatedAt: Date.now(),
    cloud: {
      provider,
      model,
      steps: result.steps.length,
      ...(result.skillName ? { skillName: result.skillName } : {}),
      ...(result.skillDescription ? { skillDescription: result.skillDescription } : {}),
    },
  };
}
