/** Stored recordings, the interrupted ones offered for recovery, and storage use. */
import { describeError } from '../lib/format';
import type { RecordingRecord } from '../lib/db';
import { findInterrupted, recoverRecording } from '../lib/recovery';
import { deleteRecording, listRecordings, storageUsage, type StorageUsage } from '../lib/recordings';
import type { NoticeState } from './notice.svelte';

export class LibraryState {
  recordings = $state.raw<RecordingRecord[]>([]);
  interrupted = $state.raw<RecordingRecord[]>([]);
  storage = $state.raw<StorageUsage | null>(null);
  loaded = $state(false);
  readonly #notice: NoticeState;

  constructor(notice: NoticeState) {
    this.#notice = notice;
  }

  /** First load: also looks for recordings a closed tab left behind. */
  async load(): Promise<void> {
    try {
      this.interrupted = await findInterrupted();
    } catch (error) {
      this.#notice.show('error', `Stored recordings could not be read: ${describeError(error)}. Reload to try again.`);
    }
    await this.refresh();
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
    await this.refresh();
  }

  async remove(id: string): Promise<void> {
    try {
      await deleteRecording(id);
      this.interrupted = this.interrupted.filter((r) => r.id !== id);
    } catch (error) {
      this.#notice.show('error', `The recording could not be deleted: ${describeError(error)}.`);
    }
    await this.refresh();
  }
}
