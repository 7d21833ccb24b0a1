/**
 * The request for a cloud model, built in the page: the prompt (events, OCR),
 * and one image per step — its key frame with the control outlined, every
 * sensitive line and hand-drawn box pixelated, downscaled to 1024 px — plus
 * the last screen. The same redaction as exports: nothing private is sent.
 */
import type { OcrPool } from '../analyze/ocr/pool';
import { blobToBase64 } from '../shared/base64';
import { readFrameArea } from '../analyze/ocr/cache';
import type { Analysis } from '../analyze/types';
import { downscaleToJpeg, markedBox, renderScreenshot, sensitiveBoxes } from '../export/screenshot';
import { getFrame, listEvents } from '../storage/recordings';
import { buildPrompt, estimateTokens } from './prompt';
import { SYSTEM_PROMPT } from './schema';
import type { CloudImage, CloudRequest } from './types';

export const MAX_IMAGE_WIDTH = 1024;

interface Planned {
  frameId: string;
  label: string;
  step: Analysis['steps'][number];
}

function plan(analysis: Analysis): Planned[] {
  const planned: Planned[] = [];
  for (const [i, step] of analysis.steps.entries()) {
    const frameId = step.beforeFrameId ?? step.afterFrameId;
    if (frameId) planned.push({ frameId, label: `Step ${i + 1}: the screen before the action.`, step });
  }
  const last = analysis.steps.at(-1);
  if (last?.afterFrameId) {
    planned.push({ frameId: last.afterFrameId, label: 'The last screen, after the last step.', step: last });
  }
  return planned;
}

/** What would be sent, without rendering: the number of images and the tokens, for the person to decide. */
export async function previewRequest(analysis: Analysis): Promise<{ images: number; estimatedTokens: number }> {
  const planned = plan(analysis);
  const first = planned[0] ? await getFrame(planned[0].frameId) : undefined;
  const size = first ? { width: first.width, height: first.height } : { width: 1280, height: 720 };
  const scale = Math.min(1, MAX_IMAGE_WIDTH / size.width);
  const events = await listEvents(analysis.recordingId);
  const text = SYSTEM_PROMPT + buildPrompt(analysis, events, size);
  const images = planned.map(() => ({ width: size.width * scale, height: size.height * scale }));
  return { images: planned.length, estimatedTokens: estimateTokens(text, images) };
}

export async function buildCloudRequest(
  analysis: Analysis,
  ocr: OcrPool,
  onProgress?: (done: number, total: number) => void,
): Promise<CloudRequest> {
  const planned = plan(analysis);
  const images: CloudImage[] = [];
  let size = { width: 1280, height: 720 };
  for (const [i, item] of planned.entries()) {
    onProgress?.(i, planned.length);
    const frame = await getFrame(item.frameId);
    if (!frame) continue;
    size = { width: frame.width, height: frame.height };
    const { lines } = await readFrameArea(ocr, item.frameId, null);
    const redacted = await renderScreenshot(frame.blob, markedBox(item.step), [
      ...sensitiveBoxes(lines),
      ...(item.step.blur ?? []),
    ]);
    const small = await downscaleToJpeg(redacted, MAX_IMAGE_WIDTH);
    images.push({
      mimeType: 'image/jpeg',
      data: await blobToBase64(small.blob),
      label: item.label,
      width: small.width,
      height: small.height,
    });
  }
  onProgress?.(planned.length, planned.length);
  const prompt = buildPrompt(analysis, await listEvents(analysis.recordingId), size);
  return { system: SYSTEM_PROMPT, prompt, images, estimatedTokens: estimateTokens(SYSTEM_PROMPT + prompt, images) };
}
