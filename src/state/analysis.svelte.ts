/** The analysis shown on screen: one recording's steps, or the progress towards them. */
import { describeError } from '../lib/format';
import type { OcrPool } from '../../workers/ocr/client';
import { analyzeRecording, loadAnalysis } from '../lib/analysis/analyze';
import type { Analysis, AnalysisProgress } from '../lib/analysis/types';
import { loadBurstSettings } from '../lib/settings';
import type { NoticeState } from './notice.svelte';

export class AnalysisState {
  recordingId = $state<string | null>(null);
  title = $state('');
  running = $state(false);
  progress = $state<AnalysisProgress | null>(null);
  result = $state.raw<Analysis | null>(null);
  error = $state('');

  readonly #notice: NoticeState;
  #controller: AbortController | null = null;
  readonly #ocr: OcrPool;

  /** `ocr` is the page's one pool: tesseract's workers load once, then stay warm. */
  constructor(notice: NoticeState, ocr: OcrPool) {
    this.#notice = notice;
    this.#ocr = ocr;
  }

  /** Shows a recording's steps: the stored analysis, or a fresh one. */
  async show(recordingId: string, title: string): Promise<void> {
    this.recordingId = recordingId;
    this.title = title;
    this.error = '';
    const stored = await loadAnalysis(recordingId);
    if (stored?.status === 'complete') this.result = stored;
    else await this.run(recordingId, title);
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
    this.progress = { stage: 'Finding steps', done: 0, total: 0 };
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
      this.result = analysis;
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
  }
}
