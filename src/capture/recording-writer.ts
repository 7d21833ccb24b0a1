/**
 * Writes one recording to IndexedDB while it is captured: chunks, events and
 * key frames, each in its own transaction as it arrives, so a crash loses at
 * most the last second. Writes run one after another, in arrival order.
 *
 * When the disk is full the first failing write trips `onStorageFull` and every
 * later write is skipped, so what is stored stays a consistent prefix.
 */
import { isQuotaError, openDatabase, type RecordingRecord } from '../storage/db';
import type { NewEvent } from './events';

export interface WriterCallbacks {
  onStorageFull(error: unknown): void;
  onError(error: unknown): void;
}

export interface KeyframePair {
  before: Blob;
  after: Blob;
  width: number;
  height: number;
}

export class RecordingWriter {
  readonly recordingId: string;
  #queue: Promise<void> = Promise.resolve();
  #seq = 0;
  #stopped = false;
  readonly #callbacks: WriterCallbacks;

  constructor(recordingId: string, callbacks: WriterCallbacks) {
    this.recordingId = recordingId;
    this.#callbacks = callbacks;
  }

  /** True once a write failed for lack of space; nothing more is written. */
  get stopped(): boolean {
    return this.#stopped;
  }

  appendChunk(blob: Blob, t: number): void {
    const seq = this.#seq++;
    this.#enqueue(async () => {
      const db = await openDatabase();
      const tx = db.transaction(['chunks', 'recordings'], 'readwrite');
      await tx.objectStore('chunks').add({ recordingId: this.recordingId, seq, t, blob });
      await this.#update(tx.objectStore('recordings'), (r) => ({
        durationMs: Math.max(r.durationMs, t),
        chunkCount: r.chunkCount + 1,
        bytes: r.bytes + blob.size,
      }));
      await tx.done;
    });
  }

  addEvent(event: NewEvent): void {
    this.#enqueue(async () => {
      const db = await openDatabase();
      const tx = db.transaction(['events', 'recordings'], 'readwrite');
      await tx.objectStore('events').add({ ...event, recordingId: this.recordingId });
      await this.#update(tx.objectStore('recordings'), (r) => ({ eventCount: r.eventCount + 1 }));
      await tx.done;
    });
  }

  /**
   * A visual change: its event and both key frames land together or not at all.
   * Resolves with the stored event once written, or null if it was not.
   */
  addVisualChange(event: NewEvent, frames: KeyframePair): Promise<NewEvent | null> {
    const beforeFrameId = crypto.randomUUID();
    const afterFrameId = crypto.randomUUID();
    const stored: NewEvent = { ...event, beforeFrameId, afterFrameId };
    let written = false;
    this.#enqueue(async () => {
      const db = await openDatabase();
      const tx = db.transaction(['events', 'frames', 'recordings'], 'readwrite');
      const common = { recordingId: this.recordingId, width: frames.width, height: frames.height };
      const store = tx.objectStore('frames');
      await store.add({ ...common, id: beforeFrameId, t: event.t, role: 'before', blob: frames.before });
      await store.add({ ...common, id: afterFrameId, t: event.endT ?? event.t, role: 'after', blob: frames.after });
      await tx.objectStore('events').add({ ...stored, recordingId: this.recordingId });
      await this.#update(tx.objectStore('recordings'), (r) => ({
        eventCount: r.eventCount + 1,
        keyframeCount: r.keyframeCount + 2,
      }));
      await tx.done;
      written = true;
    });
    return this.#queue.then(() => (written ? stored : null));
  }

  /** Resolves once every write queued so far has finished (or been skipped). */
  flush(): Promise<void> {
    return this.#queue;
  }

  async #update(
    store: { get(key: string): Promise<RecordingRecord | undefined>; put(value: RecordingRecord): Promise<unknown> },
    change: (recording: RecordingRecord) => Partial<RecordingRecord>,
  ): Promise<void> {
    const recording = await store.get(this.recordingId);
    if (!recording) throw new Error('The recording was deleted while it was being written.');
    await store.put({ ...recording, ...change(recording), updatedAt: Date.now() });
  }

  #enqueue(write: () => Promise<void>): void {
    this.#queue = this.#queue.then(async () => {
      if (this.#stopped) return;
      try {
        await write();
      } catch (error) {
        if (isQuotaError(error)) {
          this.#stopped = true;
          this.#callbacks.onStorageFull(error);
        } else {
          this.#callbacks.onError(error);
        }
      }
    });
  }
}
