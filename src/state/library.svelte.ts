/** Stored recordings, the interrupted ones offered for recovery, and storage use. */
import { describeError } from '../shared/format';
import type { RecordingRecord } from '../storage/db';
import { findInterrupted, recoverRecording } from '../capture/recovery';
import {
  deleteRecording,
  listRecordings,
  NOT_PERSISTENT_MESSAGE,
  recordingBlob,
  requestPersistentStorage,
  storageUsage,
  type StorageUsage,
} from '../storage/recordings';
import { importPackSession } from '../import/import-pack';
import { findSessionFile, importPack2SkillSession } from '../import/import-0.1';
import { importVideo, type VideoImportOptions } from '../import/video/import-video';
import { importRecorderFile } from '../import/import-recorder';
import { sessionFiles } from '../import/session-files';
import type { NoticeState } from './notice.svelte';

/** Tabs tell each other that the stored recordings changed. */
const LIBRARY_CHANNEL = 'pack2skill-library';

export class LibraryState {
  recordings = $state.raw<RecordingRecord[]>([]);
  interrupted = $state.raw<RecordingRecord[]>([]);
  storage = $state.raw<StorageUsage | null>(null);
  loaded = $state(false);
  readonly #notice: NoticeState;
  readonly #onRemoved: (id: string) => void;

  /** `onRemoved` hears of each deleted recording, so what shows it can let it go. */
  constructor(notice: NoticeState, onRemoved: (id: string) => void = () => {}) {
    this.#notice = notice;
    this.#onRemoved = onRemoved;
    // Another tab recorded, imported or deleted: show the same list here.
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(LIBRARY_CHANNEL);
      this.#channel.onmessage = () => void this.refresh();
    }
  }

  #channel: BroadcastChannel | null = null;

  /** Reads the list again here and tells the other tabs to. */
  async #changed(): Promise<void> {
    this.#channel?.postMessage({ type: 'changed' });
    await this.refresh();
  }

  /** First load: also looks for recordings a closed tab left behind. */
  async load(): Promise<void> {
    try {
      this.interrupted = await findInterrupted();
    } catch (error) {
      this.#notice.show('error', `Stored recordings could not be read: ${describeError(error)}. Reload to try again.`);
    }
    await this.#changed();
    this.loaded = true;
  }

  async refresh(): Promise<void> {
    try {
      const all = await listRecordings();
      this.recordings = all.filter((r) => r.status === 'complete');
      this.storage = await storageUsage();
    } catch (error) {
      this.#notice.show('error', `Stored recordings could not be read: ${describeError(error)}. Reload to try again.`);
    }
  }

  async recover(id: string): Promise<void> {
    try {
      const recording = await recoverRecording(id);
      this.interrupted = this.interrupted.filter((r) => r.id !== id);
      this.#notice.show('success', `“${recording.title}” was recovered and is listed below.`);
    } catch (error) {
      this.#notice.show(
        'error',
        `The recording could not be recovered: ${describeError(error)}. It stays stored; try again later.`,
      );
    }
    await this.#changed();
  }

  /** Imports a pack or pack2skill 0.1 session (a folder's files or a zip); returns the new recording, or null. */
  /** Asks for persistent storage before an import stores anything; says once when it is not granted. */
  async #askToPersist(): Promise<void> {
    if (await requestPersistentStorage()) return;
    if (this.#toldNotPersistent) return;
    this.#toldNotPersistent = true;
    this.#notice.show('warning', NOT_PERSISTENT_MESSAGE);
  }

  #toldNotPersistent = false;

  async importSession(picked: File[]): Promise<RecordingRecord | null> {
    const label = picked.length === 1 ? picked[0]!.name : (picked[0]?.webkitRelativePath.split('/')[0] ?? 'the folder');
    await this.#askToPersist();
    try {
      const files = await sessionFiles(picked);
      const isPack = [...files.keys()].some((path) => /(^|\/)events\.jsonl$/.test(path));
      const session01 = isPack ? null : await findSessionFile(files);
      const recording = session01
        ? await this.#withProgress(label, (options) => importPack2SkillSession(files, session01, label, options))
        : await importPackSession(files, label);
      if (!recording) return null;
      this.#notice.show(
        'success',
        `Imported ${label}: ${recording.eventCount} events, ${recording.keyframeCount} key frames.`,
      );
      await this.#changed();
      return recording;
    } catch (error) {
      this.#notice.show('error', `${label} could not be imported: ${describeError(error)}. Nothing was added.`);
      return null;
    }
  }

  /** A dropped file that is neither a video nor a Recorder recording. */
  refuseDrop(name: string): void {
    this.#notice.show(
      'error',
      `${name} is not a video or a Chrome Recorder recording (.json). For a session, use Import session; for a skill, Import skill.`,
    );
  }

  /** Imports a Chrome DevTools Recorder recording (JSON): its steps, without screenshots. */
  async importRecorder(file: File): Promise<RecordingRecord | null> {
    await this.#askToPersist();
    try {
      const recording = await importRecorderFile(file);
      this.#notice.show(
        'success',
        `Imported ${file.name}: ${recording.eventCount} events from Chrome Recorder. It has no screenshots: record the run once more for them.`,
      );
      await this.#changed();
      return recording;
    } catch (error) {
      this.#notice.show('error', `${file.name} could not be imported: ${describeError(error)}. Nothing was added.`);
      return null;
    }
  }

  /** A video import in progress: what it is doing, how many frames of how many, and about how long is left. */
  importing = $state<{ label: string; stage: string; done: number; total: number; leftS: number | null } | null>(null);
  #importController: AbortController | null = null;

  async importVideoFile(file: File): Promise<RecordingRecord | null> {
    await this.#askToPersist();
    try {
      const recording = await this.#withProgress(file.name, (options) => importVideo(file, options));
      if (!recording) return null;
      this.#notice.show('success', `Imported ${file.name}: ${recording.eventCount} screen changes found.`);
      await this.#changed();
      return recording;
    } catch (error) {
      this.#notice.show('error', `${file.name} could not be imported: ${describeError(error)}. Nothing was added.`);
      return null;
    }
  }

  /** Runs a video import with the progress line and Cancel; null when cancelled (and said so). */
  async #withProgress(
    label: string,
    run: (options: Pick<VideoImportOptions, 'signal' | 'onProgress'>) => Promise<RecordingRecord>,
  ): Promise<RecordingRecord | null> {
    if (this.importing) throw new Error('another import is running; wait for it or cancel it');
    const controller = new AbortController();
    this.#importController = controller;
    this.importing = { label, stage: 'Starting', done: 0, total: 0, leftS: null };
    // Time left is this stage's pace so far applied to what is left of it.
    let stage = { name: '', started: performance.now() };
    try {
      return await run({
        signal: controller.signal,
        onProgress: (progress) => {
          const sameStage = progress.stage === stage.name;
          if (!sameStage) stage = { name: progress.stage, started: performance.now() };
          const elapsedS = (performance.now() - stage.started) / 1000;
          const { total } = progress;
          // ffmpeg.wasm reports how far it has decoded, then the frames are read: never count backwards.
          const done = sameStage ? Math.max(this.importing?.done ?? 0, progress.done) : progress.done;
          const leftS = done > 0 && total > done && elapsedS > 1 ? (elapsedS / done) * (total - done) : null;
          this.importing = { label, stage: progress.stage, done, total, leftS };
        },
      });
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      this.#notice.show('info', `Import of ${label} cancelled. Nothing was added.`);
      return null;
    } finally {
      this.importing = null;
      this.#importController = null;
    }
  }

  cancelImport(): void {
    this.#importController?.abort(new DOMException('Import cancelled', 'AbortError'));
  }

  /** A stored recording's video, to play or download. */
  video(recording: RecordingRecord): Promise<Blob> {
    return recordingBlob(recording);
  }

  async remove(id: string): Promise<void> {
    try {
      await deleteRecording(id);
      this.interrupted = this.interrupted.filter((r) => r.id !== id);
      this.#onRemoved(id);
    } catch (error) {
      this.#notice.show('error', `The recording could not be deleted: ${describeError(error)}.`);
    }
    await this.#changed();
  }
}
