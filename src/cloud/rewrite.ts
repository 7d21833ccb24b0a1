/**
 * A recording's steps and a cloud model: which backend the strategy picks for
 * them (a cloud model is only ever offered, with what would be sent), and, once
 * the person agrees, the request in parts, the answers merged into the local
 * steps, and a valid suggested name and description taken for the skill.
 */
import type { OcrPool } from '../analyze/ocr/pool';
import type { Analysis, AnalysisProgress } from '../analyze/types';
import { describeError } from '../shared/format';
import { hasWebGpu } from '../shared/webgpu';
import { descriptionProblems, nameProblems } from '../skill/validate';
import { loadCloudSettings } from '../storage/settings';
import { askCloud } from './ask';
import { mergeCloud } from './merge';
import { chunkSteps } from './prompt';
import { buildCloudRequest, previewRequest } from './request';
import { chooseBackend, PROVIDER_NAMES } from './strategy';
import type { CloudProvider, CloudResult } from './types';

/** A cloud model the person may send a recording to, and what it would receive. */
export interface CloudOffer {
  provider: CloudProvider;
  name: string;
  model: string;
  images: number;
  estimatedTokens: number;
}

export interface BackendChoice {
  /** Which backend made (or would make) the steps, and why: said in the UI. */
  backend: { name: string; reason: string };
  offer: CloudOffer | null;
}

/** Decides between this device and a cloud model; nothing is sent. */
export async function chooseCloud(analysis: Analysis): Promise<BackendChoice> {
  const settings = await loadCloudSettings();
  const device = { webgpu: await hasWebGpu() };
  // The request's size (events read, frames looked at) matters only once a cloud model is in play.
  let choice = chooseBackend(settings, device);
  const preview = choice.backend === 'local' ? null : await previewRequest(analysis);
  if (preview) choice = chooseBackend(settings, device, preview);
  if (choice.backend === 'local' || !preview)
    return { backend: { name: 'this device', reason: choice.reason }, offer: null };
  const provider = choice.backend;
  const backend = { name: PROVIDER_NAMES[provider], reason: choice.reason };
  // Already rewritten by this provider, or nothing to rewrite: no offer.
  if (analysis.cloud?.provider === provider || analysis.steps.length === 0) return { backend, offer: null };
  return {
    backend,
    offer: { provider, name: PROVIDER_NAMES[provider], model: settings.providers[provider].model, ...preview },
  };
}

export interface RewriteOptions {
  signal: AbortSignal;
  onProgress: (progress: AnalysisProgress) => void;
}

/**
 * Sends the redacted screenshots and the event log, part by part, and merges
 * the answer. A provider that fails leaves the local steps with a warning that
 * says so; an abort is thrown.
 */
export async function rewriteWithCloud(
  analysis: Analysis,
  offer: CloudOffer,
  ocr: OcrPool,
  { signal, onProgress }: RewriteOptions,
): Promise<{ analysis: Analysis; sent: boolean }> {
  const warnings = analysis.warnings.filter((w) => !w.includes('could not be used'));
  try {
    const settings = await loadCloudSettings();
    // A long recording goes in parts; each answer's step numbers are shifted back into place.
    const parts = chunkSteps(analysis);
    const answer: CloudResult = { steps: [], skillName: '', skillDescription: '' };
    for (const [n, { offset, part }] of parts.entries()) {
      const request = await buildCloudRequest(part, ocr, (done) => {
        onProgress({
          stage: 'Preparing screenshots for the model',
          done: offset + done,
          total: analysis.steps.length,
          unit: 'steps',
        });
      });
      signal.throwIfAborted();
      onProgress({ stage: 'Waiting for the model', done: n, total: parts.length, unit: 'parts' });
      const partAnswer = await askCloud(offer.provider, settings, request, part.steps.length, { signal });
      answer.steps.push(...partAnswer.steps.map((step) => ({ ...step, index: step.index + offset })));
      answer.skillName ||= partAnswer.skillName;
      answer.skillDescription ||= partAnswer.skillDescription;
    }
    const merged = mergeCloud({ ...analysis, warnings }, answer, offer.provider, offer.model);
    const suggested = { name: answer.skillName, description: answer.skillDescription };
    const valid = nameProblems(suggested.name).length === 0 && descriptionProblems(suggested.description).length === 0;
    // The person's own name and description are never replaced.
    return { analysis: !merged.review && valid ? { ...merged, review: suggested } : merged, sent: true };
  } catch (error) {
    if (signal.aborted) throw signal.reason;
    const warning = `${offer.name} could not be used: ${describeError(error)}. The steps found on this device are kept.`;
    return { analysis: { ...analysis, warnings: [...warnings, warning] }, sent: false };
  }
}
