/** The analysis shown on screen: one recording's steps, or the progress towards them. */
import { captionModel } from '../../models/registry';
import type { CaptionClient } from '../../workers/caption/client';
import type { OcrPool } from '../analyze/ocr/pool';
import { analyzeRecording, loadAnalysis, saveAnalysis } from '../analyze/analyze';
import { captionSteps } from '../analyze/caption/captions';
import type { Analysis, AnalysisProgress } from '../analyze/types';
import { describeError } from '../shared/format';
import { askCloud } from '../cloud/ask';
import { mergeCloud } from '../cloud/merge';
import { buildCloudRequest, previewRequest } from '../cloud/request';
import { chooseBackend, PROVIDER_NAMES } from '../cloud/strategy';
import { chunkSteps } from '../cloud/prompt';
import type { CloudProvider, CloudResult } from '../cloud/types';
import {
  loadBurstSettings,
  loadCaptionSettings,
  loadCloudSettings,
  markCaptionModelReady,
  readyCaptionModels,
} from '../storage/settings';
import { descriptionProblems, nameProblems } from '../skill/validate';
import { hasWebGpu } from '../shared/webgpu';
import type { NoticeState } from './notice.svelte';

export class AnalysisState {
  recordingId = $state<string | null>(null);
  title = $state('');
  running = $state(false);
  progress = $state<AnalysisProgress | null>(null);
  result = $state.raw<Analysis | null>(null);
  error = $state('');
  /** Which backend the strategy chose for the shown recording, and why (said in the UI). */
  backend = $state<{ name: string; reason: string } | null>(null);
  /** A cloud model the person may send this recording to: what would be sent. */
  cloudOffer = $state<{
    provider: CloudProvider;
    name: string;
    model: string;
    images: number;
    estimatedTokens: number;
  } | null>(null);

  readonly #notice: NoticeState;
  #controller: AbortController | null = null;
  readonly #ocr: OcrPool;
  readonly #captions: CaptionClient;

  /** `ocr` and `captions` are the page's own: their workers load once, then stay warm. */
  constructor(notice: NoticeState, ocr: OcrPool, captions: CaptionClient) {
    this.#notice = notice;
    this.#ocr = ocr;
    this.#captions = captions;
  }

  /** Shows a recording's steps: the stored analysis, or a fresh one. */
  async show(recordingId: string, title: string): Promise<void> {
    this.recordingId = recordingId;
    this.title = title;
    this.error = '';
    const stored = await loadAnalysis(recordingId);
    this.cloudOffer = null;
    this.backend = null;
    if (stored?.status === 'complete') {
      this.result = stored;
      await this.#chooseBackend(stored);
    } else await this.run(recordingId, title);
  }

  async run(recordingId: string, title: string): Promise<void> {
    this.cancel();
    const controller = new AbortController();
    this.#controller = controller;
    this.recordingId = recordingId;
    this.title = title;
    this.result = null;
    this.error = '';
    this.running = true;
    this.progress = { stage: 'Finding steps', done: 0, total: 0, unit: 'steps' };
    try {
      const analysis = await analyzeRecording(recordingId, {
        burst: await loadBurstSettings(),
        signal: controller.signal,
        ocr: this.#ocr,
        onProgress: (progress) => {
          if (!controller.signal.aborted) this.progress = progress;
        },
      });
      if (controller.signal.aborted) return;
      // The steps are shown now; captions fill in after.
      this.result = analysis;
      await this.#caption(analysis, controller, false);
      if (!controller.signal.aborted && this.result) await this.#chooseBackend(this.result);
    } catch (error) {
      if (controller.signal.aborted) return;
      this.error = `The recording could not be analysed: ${describeError(error)}. It is still stored; try again.`;
      this.#notice.show('error', this.error);
    } finally {
      if (this.#controller === controller) {
        this.running = false;
        this.#controller = null;
      }
    }
  }

  /** The person asked for the caption model: download it (once) and caption the steps shown. */
  async downloadCaptionModel(): Promise<void> {
    const analysis = this.result;
    if (!analysis || this.running) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.running = true;
    this.progress = { stage: 'Loading the caption model', done: 0, total: 0, unit: 'MB' };
    try {
      await this.#caption(analysis, controller, true);
    } catch (error) {
      this.#notice.show('error', `Captions could not be made: ${describeError(error)}. The steps are kept.`);
    } finally {
      if (this.#controller === controller) {
        this.running = false;
        this.#controller = null;
      }
    }
  }

  async #caption(analysis: Analysis, controller: AbortController, mayDownload: boolean): Promise<void> {
    const settings = await loadCaptionSettings();
    const model = settings.model === 'off' ? undefined : captionModel(settings.model);
    const save = async (next: Analysis) => {
      if (controller.signal.aborted) return;
      this.result = next;
      await saveAnalysis(next);
    };
    if (!model) return save({ ...analysis, captions: { state: 'off', captioned: 0, cached: 0, ms: 0 } });
    const ready = model.source === 'app' || (await readyCaptionModels()).includes(model.key);
    if (!ready && !mayDownload) {
      return save({
        ...analysis,
        captions: { state: 'needs-download', model: model.key, captioned: 0, cached: 0, ms: 0 },
      });
    }
    const warnings = analysis.warnings.filter((warning) => !warning.startsWith('Captions '));
    try {
      const stage = await captionSteps(analysis.steps, {
        client: this.#captions,
        model,
        preferCpu: settings.device === 'cpu',
        signal: controller.signal,
        onProgress: (progress) => {
          if (!controller.signal.aborted) this.progress = progress;
        },
        onStep: (index, step) => {
          if (controller.signal.aborted || !this.result) return;
          this.result = { ...this.result, steps: this.result.steps.with(index, step) };
        },
      });
      if (stage.summary.state === 'done') await markCaptionModelReady(model.key);
      await save({
        ...analysis,
        updatedAt: Date.now(),
        steps: stage.steps,
        captions: stage.summary,
        warnings: stage.warning ? [...warnings, stage.warning] : warnings,
      });
    } catch (error) {
      if (controller.signal.aborted) return;
      throw error;
    }
  }

  /** Decides between local and a cloud model for the shown steps; a cloud model is only offered, never called. */
  async #chooseBackend(analysis: Analysis): Promise<void> {
    this.cloudOffer = null;
    const settings = await loadCloudSettings();
    const device = { webgpu: await hasWebGpu() };
    // The request's size (events read, frames looked at) matters only once a cloud model is in play.
    let choice = chooseBackend(settings, device);
    const preview = choice.backend === 'local' ? null : await previewRequest(analysis);
    if (preview) choice = chooseBackend(settings, device, preview);
    if (choice.backend === 'local' || !preview) {
      this.backend = { name: 'this device', reason: choice.reason };
      return;
    }
    const provider = choice.backend;
    this.backend = { name: PROVIDER_NAMES[provider], reason: choice.reason };
    if (analysis.cloud?.provider === provider || analysis.steps.length === 0) return; // already rewritten
    this.cloudOffer = {
      provider,
      name: PROVIDER_NAMES[provider],
      model: settings.providers[provider].model,
      ...preview,
    };
  }

  /** The person agreed: send the redacted screenshots and the event log, merge the answer. */
  async sendToCloud(): Promise<void> {
    const offer = this.cloudOffer;
    const analysis = this.result;
    if (!offer || !analysis || this.running) return;
    const controller = new AbortController();
    this.#controller = controller;
    this.running = true;
    this.cloudOffer = null;
    const warnings = analysis.warnings.filter((w) => !w.includes('could not be used'));
    try {
      const settings = await loadCloudSettings();
      // A long recording goes in parts; each answer's step numbers are shifted back into place.
      const parts = chunkSteps(analysis);
      const answer: CloudResult = { steps: [], skillName: '', skillDescription: '' };
      for (const [n, { offset, part }] of parts.entries()) {
        const request = await buildCloudRequest(part, this.#ocr, (done) => {
          this.progress = {
            stage: 'Preparing screenshots for the model',
            done: offset + done,
            total: analysis.steps.length,
            unit: 'steps',
          };
        });
        this.progress = { stage: 'Waiting for the model', done: n, total: parts.length, unit: 'steps' };
        const partAnswer = await askCloud(offer.provider, settings, request, part.steps.length, {
          signal: controller.signal,
        });
        answer.steps.push(...partAnswer.steps.map((step) => ({ ...step, index: step.index + offset })));
        answer.skillName ||= partAnswer.skillName;
        answer.skillDescription ||= partAnswer.skillDescription;
      }
      let merged = mergeCloud({ ...analysis, warnings }, answer, offer.provider, offer.model);
      const suggested = { name: answer.skillName, description: answer.skillDescription };
      if (
        !merged.review &&
        nameProblems(suggested.name).length === 0 &&
        descriptionProblems(suggested.description).length === 0
      ) {
        merged = { ...merged, review: suggested };
      }
      this.result = merged;
      await saveAnalysis(merged);
      this.backend = { name: `${offer.name} (${offer.model})`, reason: `You sent this recording to ${offer.name}.` };
    } catch (error) {
      if (controller.signal.aborted) return;
      const kept = {
        ...analysis,
        warnings: [
          ...warnings,
          `${offer.name} could not be used: ${describeError(error)}. The steps found on this device are kept.`,
        ],
      };
      this.result = kept;
      await saveAnalysis(kept);
    } finally {
      if (this.#controller === controller) {
        this.running = false;
        this.#controller = null;
        this.progress = null;
      }
    }
  }

  dismissCloudOffer(): void {
    this.cloudOffer = null;
  }

  cancel(): void {
    if (!this.#controller) return;
    this.#controller.abort();
    this.#controller = null;
    this.running = false;
    this.progress = null;
    this.#notice.show('info', 'Analysis cancelled. The recording is kept; analyse it again from the list.');
  }

  close(): void {
    this.cancel();
    this.recordingId = null;
    this.result = null;
    this.cloudOffer = null;
    this.backend = null;
  }
}
