/**
 * The caption stage: after the steps are listed, the caption model describes
 * the screen around each step's region after the action. Captions are cached
 * per model, frame and area, so analysing again reuses them. A model that
 * cannot load or run leaves the steps as they are, with a warning.
 */
import { captionModel, type CaptionModel } from '../../../models/registry';
import { captionArea } from './area';
import type { CaptionClient } from '../../../workers/caption/client';
import { stepText } from '../../compose/step-text';
import { readCache, writeCache } from '../../storage/cache';
import { describeError } from '../../shared/format';
import { getFrame } from '../../storage/recordings';
import {
  loadCaptionSettings,
  loadCloudSettings,
  markCaptionModelReady,
  readyCaptionModels,
} from '../../storage/settings';
import type { Analysis, AnalysisProgress, AnalyzedStep, CaptionSummary } from '../types';

const CACHE_VERSION = 'caption:v1';
const MB = 1024 * 1024;

export interface CaptionStageOptions {
  client: CaptionClient;
  model: CaptionModel;
  preferCpu: boolean;
  /** Local only: a Hub model loads from this browser's cache or not at all. */
  offline?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: AnalysisProgress) => void;
  /** Each step as its caption arrives, so the list fills in while the rest are made. */
  onStep?: (index: number, step: AnalyzedStep) => void;
}

export interface CaptionStageResult {
  steps: AnalyzedStep[];
  summary: CaptionSummary;
  warning?: string;
}

export async function captionSteps(steps: AnalyzedStep[], options: CaptionStageOptions): Promise<CaptionStageResult> {
  const { client, model, signal, onProgress } = options;
  const started = performance.now();
  const summary: CaptionSummary = { state: 'done', model: model.key, captioned: 0, cached: 0, ms: 0 };
  try {
    const { runtime, loadMs } = await client.load(model, {
      preferCpu: options.preferCpu,
      offline: options.offline ?? false,
      ...(signal ? { signal } : {}),
      onProgress: (loaded, total) =>
        onProgress?.({
          stage: 'Loading the caption model',
          done: Math.round(loaded / MB),
          total: Math.round(total / MB),
          unit: 'MB',
        }),
    });
    summary.runtime = runtime;
    summary.loadMs = loadMs;
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    return {
      steps,
      summary: { ...summary, state: 'failed', ms: performance.now() - started },
      warning: options.offline
        ? `Captions are missing: Local only is on and the caption model (${model.name}) could not be read from this browser's cache (${describeError(error)}); it is not downloaded again while Local only is on. The steps are complete without them.`
        : `Captions are missing: the caption model (${model.name}) could not be loaded (${describeError(error)}). The steps are complete without them.`,
    };
  }

  const result = [...steps];
  const captionStarted = performance.now();
  for (const [index, step] of steps.entries()) {
    onProgress?.({ stage: 'Describing the screen', done: index, total: steps.length, unit: 'steps' });
    const frameId = step.afterFrameId ?? step.beforeFrameId;
    if (!frameId) continue;
    const frame = await getFrame(frameId);
    if (!frame) continue;
    const area = captionArea(step.region, frame);
    const key = `${CACHE_VERSION}:${model.key}:${frameId}:${area.x},${area.y},${area.width},${area.height}`;
    let caption: string;
    const hit = await readCache(key);
    if (typeof hit === 'string') {
      caption = hit;
      summary.cached++;
    } else {
      try {
        ({ text: caption } = await client.caption(frame.blob, step.region, signal));
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        summary.state = 'failed';
        summary.ms = performance.now() - captionStarted;
        return {
          steps: result,
          summary,
          warning: `Captions stopped at step ${index + 1}: ${describeError(error)}. The steps are complete without them.`,
        };
      }
      await writeCache(key, frameId, caption);
    }
    if (!caption) continue;
    summary.captioned++;
    const captioned = { ...step, caption, text: stepText({ ...step.facts, caption }) };
    result[index] = captioned;
    options.onStep?.(index, captioned);
  }
  summary.ms = performance.now() - captionStarted;
  onProgress?.({ stage: 'Done', done: steps.length, total: steps.length, unit: 'steps' });
  return { steps: result, summary };
}

export interface CaptionAnalysisOptions extends Pick<
  CaptionStageOptions,
  'client' | 'signal' | 'onProgress' | 'onStep'
> {
  /** The person asked for the model: a Hub model may be downloaded now. */
  mayDownload: boolean;
}

/**
 * Captions an analysis with the model chosen in Settings: none when captions
 * are off, an offer to download when a Hub model is not in this browser yet
 * (unless `mayDownload`), else the caption stage. Returns the analysis to
 * keep; a model that fails leaves a warning and the steps as they were.
 */
export async function captionAnalysis(analysis: Analysis, options: CaptionAnalysisOptions): Promise<Analysis> {
  const settings = await loadCaptionSettings();
  const model = settings.model === 'off' ? undefined : captionModel(settings.model);
  const empty = { captioned: 0, cached: 0, ms: 0 };
  if (!model) return { ...analysis, captions: { state: 'off', ...empty } };
  const ready = model.source === 'app' || (await readyCaptionModels()).includes(model.key);
  // Local only: no request leaves the app, a download from the Hub included.
  const offline = model.source === 'hub' && (await loadCloudSettings()).localOnly;
  if (!ready && (!options.mayDownload || offline)) {
    return {
      ...analysis,
      captions: { state: 'needs-download', model: model.key, ...(offline ? { localOnly: true } : {}), ...empty },
    };
  }
  const warnings = analysis.warnings.filter((warning) => !warning.startsWith('Captions '));
  const stage = await captionSteps(analysis.steps, {
    ...options,
    model,
    preferCpu: settings.device === 'cpu',
    offline,
  });
  if (stage.summary.state === 'done') await markCaptionModelReady(model.key);
  return {
    ...analysis,
    updatedAt: Date.now(),
    steps: stage.steps,
    captions: stage.summary,
    warnings: stage.warning ? [...warnings, stage.warning] : warnings,
  };
}
