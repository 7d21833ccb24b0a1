/**
 * Exporting a recording's reviewed steps as an Agent Skill zip, in the page:
 * each step's key frame is read whole (OCR, cached) so that sensitive text
 * anywhere on it is blurred, then the generator writes the files and the zip
 * is made only if they pass the validator.
 */
import type { OcrPool } from '../../../workers/ocr/client';
import { readFrameArea } from '../analysis/ocr-cache';
import type { Analysis, AnalyzedStep, SkillDraft } from '../analysis/types';
import { getFrame } from '../recordings';
import { renderScreenshot, sensitiveBoxes } from './screenshot';
import { skillGenerator } from './skill';
import { zipSkill } from './zip';

export interface SkillExport {
  fileName: string;
  zip: Blob;
}

export async function exportSkill(
  analysis: Analysis,
  draft: SkillDraft,
  recordedAt: number,
  ocr: OcrPool,
  onProgress?: (done: number, total: number) => void,
): Promise<SkillExport> {
  let done = 0;
  const screenshot = async (step: AnalyzedStep) => {
    onProgress?.(done++, analysis.steps.length);
    const frameId = step.beforeFrameId ?? step.afterFrameId;
    const frame = frameId ? await getFrame(frameId) : undefined;
    if (!frameId || !frame) return null;
    const { lines } = await readFrameArea(ocr, frameId, null);
    return renderScreenshot(frame.blob, step.region, sensitiveBoxes(lines));
  };
  const files = await skillGenerator.generate({ analysis, draft, recordedAt, screenshot });
  onProgress?.(analysis.steps.length, analysis.steps.length);
  return { fileName: `${draft.name}.zip`, zip: await zipSkill(files) };
}
