/**
 * The analysis shown on screen: one recording's steps, or the progress towards
 * them. Every long task (analysing, captioning, a cloud request, even loading
 * a stored analysis) runs through one TaskRunner, so showing another recording
 * or starting again makes the earlier task stale and it writes nothing more.
 */
import type { CaptionClient } from '../../workers/caption/client';
import { analyzeRecording } from '../analyze/analyze';
import { captionAnalysis } from '../analyze/caption/captions';
import type { OcrPool } from '../analyze/ocr/pool';
import type { Analysis, AnalysisProgress } from '../analyze/types';
import { chooseCloud, rewriteWithCloud, type BackendChoice, type CloudOffer } from '../cloud/rewrite';
import { describeError } from '../shared/format';
import { loadAnalysis, saveAnalysis } from '../storage/analyses';
import { loadBurstSettings, loadCloudSettings, SETTINGS_CHANNEL } from '../storage/settings';
import type { NoticeState } from './notice.svelte';
import { TaskRunner, type Task } from './task-runner';

export class AnalysisState {
  #recordingId = $state<string | null>(null);
  #title = $state('');
  #running = $state(false);
  #progress = $state<AnalysisProgress | null>(null);
  #result = $state.raw<Analysis | null>(null);
  #error = $state('');
  #backend = $state.raw<BackendChoice['backend'] | null>(null);
  #cloudOffer = $state.raw<CloudOffer | null>(null);

  readonly #tasks = new TaskRunner();
  readonly #notice: NoticeState;
  readonly #ocr: OcrPool;
  readonly #captions: CaptionClient;

  /** `ocr` and `captions` are the page's own: their workers load once, then stay warm. */
  constructor(notice: NoticeState, ocr: OcrPool, captions: CaptionClient) {
    this.#notice = notice;
    this.#ocr = ocr;
    this.#captions = captions;
    // Settings saved here or in another tab: an offer made under the old ones is weighed again.
    if (typeof BroadcastChannel !== 'undefined') {
      new BroadcastChannel(SETTINGS_CHANNEL).onmessage = () => void this.#reconsiderCloudOffer();
    }
  }

  async #reconsiderCloudOffer(): Promise<void> {
    const analysis = this.#result;
    if (!analysis || this.#running) return;
    const choice = await chooseCloud(analysis);
    if (this.#result !== analysis || this.#running) return;
    this.#backend = choice.backend;
    this.#cloudOffer = choice.offer;
  }

  get recordingId(): string | null {
    return this.#recordingId;
  }
  get title(): string {
    return this.#title;
  }
  /** An analysis, caption run or cloud request is in flight (edits wait for it). */
  get running(): boolean {
    return this.#running;
  }
  get progress(): AnalysisProgress | null {
    return this.#progress;
  }
  get result(): Analysis | null {
    return this.#result;
  }
  get error(): string {
    return this.#error;
  }
  /** Which backend made the shown steps, and why (said in the UI). */
  get backend(): BackendChoice['backend'] | null {
    return this.#backend;
  }
  /** A cloud model the person may send this recording to: what would be sent. */
  get cloudOffer(): CloudOffer | null {
    return this.#cloudOffer;
  }

  /** Shows a recording's steps: the stored analysis, or a fresh one. */
  async show(recordingId: string, title: string): Promise<void> {
    const task = this.#open(recordingId, title);
    try {
      const stored = await loadAnalysis(recordingId);
      if (task.stale) return;
      if (!stored) return await this.#analyse(task, recordingId);
      this.#result = stored;
      this.#tasks.finish(task);
      await this.#chooseBackend(task, stored);
    } catch (error) {
      if (task.stale) return;
      this.#error = `The steps could not be read: ${describeError(error)}. The recording is still stored; try again.`;
    }
  }

  /** Analyses a recording afresh (after Stop, or "Analyse again"); any task in flight ends quietly. */
  run(recordingId: string, title: string): Promise<void> {
    return this.#analyse(this.#open(recordingId, title), recordingId);
  }

  /** The person asked for the caption model: download it (once) and caption the steps shown. */
  async downloadCaptionModel(): Promise<void> {
    const analysis = this.#result;
    if (!analysis || this.#running) return;
    const task = this.#begin({ stage: 'Loading the caption model', done: 0, total: 0, unit: 'MB' });
    try {
      await this.#caption(task, analysis, true);
    } catch (error) {
      if (task.stale) return;
      this.#notice.show('error', `Captions could not be made: ${describeError(error)}. The steps are kept.`);
    } finally {
      this.#end(task);
    }
  }

  /** The person agreed: send the redacted screenshots and the event log, merge the answer. */
  async sendToCloud(): Promise<void> {
    const offer = this.#cloudOffer;
    const analysis = this.#result;
    if (!offer || !analysis || this.#running) return;
    this.#cloudOffer = null;
    // The offer may predate Local only (another tab, a missed message): the saved settings decide.
    if ((await loadCloudSettings()).localOnly) {
      this.#notice.show('info', 'Local only is on: nothing was sent. Switch it off in Settings to use a cloud model.');
      return;
    }
    const task = this.#begin({ stage: 'Preparing screenshots for the model', done: 0, total: 0, unit: 'steps' });
    try {
      const rewritten = await rewriteWithCloud(analysis, offer, this.#ocr, {
        signal: task.signal,
        onProgress: (progress) => this.#report(task, progress),
      });
      if (task.stale) return;
      await this.update(rewritten.analysis);
      if (rewritten.sent) {
        this.#backend = { name: `${offer.name} (${offer.model})`, reason: `You sent this recording to ${offer.name}.` };
      }
    } catch (error) {
      if (task.stale) return;
      this.#notice.show('error', `The model's steps could not be kept: ${describeError(error)}.`);
    } finally {
      this.#end(task);
    }
  }

  /**
   * Replaces the shown analysis with an edited one and stores it. Throws when
   * it cannot be stored; a recording deleted meanwhile closes the review.
   */
  async update(next: Analysis): Promise<void> {
    if (next.recordingId !== this.#recordingId) return;
    this.#result = next;
    if (!(await saveAnalysis(next)) && next.recordingId === this.#recordingId) {
      this.close();
      this.#notice.show('info', 'That recording was deleted, so its steps are closed.');
    }
  }

  dismissCloudOffer(): void {
    this.#cloudOffer = null;
  }

  /** The person's Cancel. */
  cancel(): void {
    if (!this.#tasks.cancel()) return;
    this.#running = false;
    this.#progress = null;
    this.#notice.show('info', 'Analysis cancelled. The recording is kept; analyse it again from the list.');
  }

  close(): void {
    this.#tasks.cancel(); // quietly: nothing started before writes here any more
    this.#reset(null, '');
  }

  /** A recording was deleted: if it is the one shown, its review goes too. */
  forget(recordingId: string): void {
    if (this.#recordingId === recordingId) this.close();
  }

  /** Shows `recordingId` with nothing on it yet, superseding any task. */
  #open(recordingId: string, title: string): Task {
    const task = this.#tasks.start();
    this.#reset(recordingId, title);
    return task;
  }

  #reset(recordingId: string | null, title: string): void {
    this.#recordingId = recordingId;
    this.#title = title;
    this.#running = false;
    this.#progress = null;
    this.#result = null;
    this.#error = '';
    this.#backend = null;
    this.#cloudOffer = null;
  }

  /** Starts a long task on the shown recording, with its first progress line. */
  #begin(progress: AnalysisProgress): Task {
    const task = this.#tasks.start();
    this.#running = true;
    this.#progress = progress;
    return task;
  }

  #end(task: Task): void {
    if (!this.#tasks.finish(task)) return;
    this.#running = false;
    this.#progress = null;
  }

  #report(task: Task, progress: AnalysisProgress): void {
    if (!task.stale) this.#progress = progress;
  }

  async #analyse(task: Task, recordingId: string): Promise<void> {
    this.#running = true;
    this.#progress = { stage: 'Finding steps', done: 0, total: 0, unit: 'steps' };
    try {
      const analysis = await analyzeRecording(recordingId, {
        burst: await loadBurstSettings(),
        signal: task.signal,
        ocr: this.#ocr,
        onProgress: (progress) => this.#report(task, progress),
      });
      if (task.stale) return;
      // The steps are shown now; captions fill in after.
      this.#result = analysis;
      await this.#caption(task, analysis, false);
      if (!task.stale && this.#result) await this.#chooseBackend(task, this.#result);
    } catch (error) {
      if (task.stale) return;
      this.#error = `The recording could not be analysed: ${describeError(error)}. It is still stored; try again.`;
      this.#notice.show('error', this.#error);
    } finally {
      this.#end(task);
    }
  }

  async #caption(task: Task, analysis: Analysis, mayDownload: boolean): Promise<void> {
    const captioned = await captionAnalysis(analysis, {
      client: this.#captions,
      mayDownload,
      signal: task.signal,
      onProgress: (progress) => this.#report(task, progress),
      onStep: (index, step) => {
        if (task.stale || !this.#result) return;
        this.#result = { ...this.#result, steps: this.#result.steps.with(index, step) };
      },
    });
    if (!task.stale) await this.update(captioned);
  }

  async #chooseBackend(task: Task, analysis: Analysis): Promise<void> {
    const choice = await chooseCloud(analysis);
    if (task.stale) return;
    this.#backend = choice.backend;
    this.#cloudOffer = choice.offer;
  }
}
