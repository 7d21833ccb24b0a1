/**
 * Exports of a recording's reviewed steps, made in the page: each step's key
 * frame is read whole (OCR, cached) so that sensitive text anywhere on it is
 * blurred, then a generator writes the files. The skill is zipped only if it
 * passes the validator; the manual is zipped as it is.
 */
import type { OcrPool } from '../analyze/ocr/pool';
import { readFrameArea } from '../analyze/ocr/cache';
import type { OcrLine } from '../analyze/ocr/lines';
import type { Analysis, AnalyzedStep, SkillDraft } from '../analyze/types';
import { getFrame } from '../storage/recordings';
import { manualGenerator } from './manual';
import { markedBox, renderScreenshot, sensitiveBoxes } from './screenshot';
import { skillGenerator } from './skill';
import type { GeneratorInput, OutputGenerator } from './types';
import { toBytes, zipFiles, zipSkill } from './zip';

export interface ExportedZip {
  fileName: string;
  zip: Blob;
  /** The zip's files, checked. */
  files: Map<string, Uint8Array>;
}

type Progress = (done: number, total: number) => void;

function generatorInput(
  analysis: Analysis,
  draft: SkillDraft,
  recordedAt: number,
  ocr: OcrPool,
  onProgress?: Progress,
): GeneratorInput {
  let done = 0;
  const frameOf = (step: AnalyzedStep) => step.beforeFrameId ?? step.afterFrameId;
  // Every screenshot's frame is read whole at once, not as the generator comes to it: the
  // pool's workers then read them side by side (where the recording did not read them already).
  const readings = new Map<string, Promise<OcrLine[]>>();
  const linesOf = (frameId: string): Promise<OcrLine[]> => {
    let reading = readings.get(frameId);
    if (!reading) {
      reading = readFrameArea(ocr, frameId, null).then((r) => r.lines);
      readings.set(frameId, reading);
    }
    return reading;
  };
  for (const frameId of analysis.steps.map(frameOf)) {
    // Awaited (and its failure reported) when its step comes.
    if (frameId) linesOf(frameId).catch(() => undefined);
  }
  const screenshot = async (step: AnalyzedStep) => {
    onProgress?.(done++, analysis.steps.length);
    const frameId = frameOf(step);
    const frame = frameId ? await getFrame(frameId) : undefined;
    if (!frameId || !frame) return null;
    const lines = await linesOf(frameId);
    return renderScreenshot(frame.blob, markedBox(step), [...sensitiveBoxes(lines), ...(step.blur ?? [])]);
  };
  return { analysis, draft, recordedAt, screenshot };
}

/** A generator's output for the shown steps, checked (a skill must pass the validator) and zipped. */
function exporter(generator: OutputGenerator, fileName: (draft: SkillDraft) => string, validate: boolean) {
  return async (
    analysis: Analysis,
    draft: SkillDraft,
    recordedAt: number,
    ocr: OcrPool,
    onProgress?: Progress,
  ): Promise<ExportedZip> => {
    const input = generatorInput(analysis, draft, recordedAt, ocr, onProgress);
    const files = await toBytes(await generator.generate(input));
    return { fileName: fileName(draft), zip: validate ? await zipSkill(files) : await zipFiles(files), files };
  };
}

export const exportSkill = exporter(skillGenerator, (draft) => `${draft.name}.zip`, true);
export const exportManual = exporter(manualGenerator, (draft) => `${draft.name}-manual.zip`, false);
