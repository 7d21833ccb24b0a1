/** Reading, finishing and deleting stored recordings. Writes during capture go through RecordingWriter. */
import {
  isQuotaError,
  openDatabase,
  recordingRange,
  type FrameRecord,
  type RecordingRecord,
  type StopReason,
} from './db';
import type { EventRecord } from '../capture/events';
import { withWebmDurationAcross } from './webm-duration';

export type NewRecording = Pick<
  RecordingRecord,
  'title' | 'mimeType' | 'surface' | 'sourceLabel' | 'width' | 'height' | 'selfCapture'
>;

/** `id`: made and locked by the caller first, so no other tab's recovery can take the new row for an orphan. */
export async function createRecording(init: NewRecording, id: string = crypto.randomUUID()): Promise<RecordingRecord> {
  const now = Date.now();
  const record: RecordingRecord = {
    ...init,
    id,
    createdAt: now,
    updatedAt: now,
    status: 'recording',
    durationMs: 0,
    chunkCount: 0,
    bytes: 0,
    keyframeCount: 0,
    eventCount: 0,
    durationWritten: false,
  };
  const db = await openDatabase();
  await db.add('recordings', record);
  return record;
}

/** Newest first. */
export async function listRecordings(): Promise<RecordingRecord[]> {
  const db = await openDatabase();
  return (await db.getAllFromIndex('recordings', 'by-created')).reverse();
}

export async function getRecording(id: string): Promise<RecordingRecord | undefined> {
  return (await openDatabase()).get('recordings', id);
}

export async function listEvents(recordingId: string): Promise<EventRecord[]> {
  return (await openDatabase()).getAllFromIndex('events', 'by-recording', recordingRange(recordingId));
}

export async function getFrame(id: string): Promise<FrameRecord | undefined> {
  return (await openDatabase()).get('frames', id);
}

/**
 * The whole video as one Blob; the chunks stay on disk, nothing is copied into
 * memory. If the duration could not be written to disk (a full disk at Stop),
 * the first chunk is patched on the fly instead.
 */
export async function recordingBlob(recording: RecordingRecord): Promise<Blob> {
  const db = await openDatabase();
  const blobs = (await db.getAll('chunks', recordingRange(recording.id))).map((chunk) => chunk.blob);
  if (blobs.length > 0 && !recording.durationWritten && recording.durationMs > 0) {
    const head = await patchedHead(blobs, recording.durationMs);
    if (head) blobs.splice(0, head.chunks, head.blob);
  }
  return new Blob(blobs, { type: recording.mimeType.split(';')[0] || 'video/webm' });
}

/** The WebM header is read from at most this many leading chunks. */
const HEAD_CHUNKS = 8;

/** The file's head with the duration written in, and how many leading chunks it replaces. */
async function patchedHead(blobs: Blob[], durationMs: number): Promise<{ blob: Blob; chunks: number } | null> {
  const leading = await Promise.all(
    blobs.slice(0, HEAD_CHUNKS).map(async (b) => new Uint8Array(await b.arrayBuffer())),
  );
  const patched = withWebmDurationAcross(leading, durationMs);
  if (!patched) return null;
  return { blob: new Blob([patched.head.buffer as ArrayBuffer], { type: blobs[0]!.type }), chunks: patched.chunks };
}

/**
 * Marks a recording complete and writes its duration into the WebM, so the
 * file reports its length and seeks. Used on Stop and on recovery alike.
 */
export async function finishRecording(
  id: string,
  reason: StopReason,
  durationMs?: number,
  details: Pick<RecordingRecord, 'sampler'> = {},
): Promise<RecordingRecord> {
  const db = await openDatabase();
  const recording = await db.get('recordings', id);
  if (!recording) throw new Error('This recording no longer exists.');
  const duration = durationMs ?? recording.durationMs;
  const leading = await db.getAll('chunks', recordingRange(id), HEAD_CHUNKS);
  let durationWritten = false;
  if (leading.length > 0 && duration > 0) {
    const head = await patchedHead(
      leading.map((chunk) => chunk.blob),
      duration,
    );
    if (head) {
      try {
        // The patched head goes in the first chunk; the chunks it took in stay, empty, so
        // the sequence and each chunk's time are kept.
        const tx = db.transaction('chunks', 'readwrite');
        for (const [index, chunk] of leading.slice(0, head.chunks).entries()) {
          const blob = index === 0 ? head.blob : new Blob([], { type: chunk.blob.type });
          void tx.store.put({ ...chunk, blob });
        }
        await tx.done;
        durationWritten = true;
      } catch (error) {
        // A full disk: the duration is then patched in when the video is read.
        if (!isQuotaError(error)) throw error;
      }
    }
  }
  const tx = db.transaction('recordings', 'readwrite');
  const latest = (await tx.store.get(id)) ?? recording;
  const finished: RecordingRecord = {
    ...latest,
    ...details,
    status: 'complete',
    stopReason: reason,
    durationMs: Math.max(duration, latest.durationMs),
    durationWritten,
    updatedAt: Date.now(),
  };
  await tx.store.put(finished);
  await tx.done;
  return finished;
}

/**
 * Deletes a recording and everything made from it, in one transaction: its
 * video, key frames, events, analysis, and what was read from its screens
 * (OCR text and captions in the cache, which can hold what the screens showed).
 */
export async function deleteRecording(id: string): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction(['recordings', 'chunks', 'frames', 'events', 'analyses', 'cache'], 'readwrite');
  const range = recordingRange(id);
  const frameKeys = await tx.objectStore('frames').index('by-recording').getAllKeys(range);
  const eventKeys = await tx.objectStore('events').index('by-recording').getAllKeys(range);
  const cached = tx.objectStore('cache').index('by-frame');
  const cacheKeys = (await Promise.all(frameKeys.map((frameId) => cached.getAllKeys(frameId)))).flat();
  await Promise.all([
    tx.objectStore('chunks').delete(range),
    ...frameKeys.map((key) => tx.objectStore('frames').delete(key)),
    ...eventKeys.map((key) => tx.objectStore('events').delete(key)),
    ...cacheKeys.map((key) => tx.objectStore('cache').delete(key)),
    tx.objectStore('analyses').delete(id),
    tx.objectStore('recordings').delete(id),
  ]);
  await tx.done;
}

export interface StorageUsage {
  usage: number;
  quota: number;
  persisted: boolean;
}

export async function storageUsage(): Promise<StorageUsage | null> {
  if (!navigator.storage?.estimate) return null;
  const [{ usage = 0, quota = 0 }, persisted] = await Promise.all([
    navigator.storage.estimate(),
    navigator.storage.persisted?.() ?? Promise.resolve(false),
  ]);
  return { usage, quota, persisted };
}

/** Said when the browser keeps the data only as long as it has room. */
export const NOT_PERSISTENT_MESSAGE =
  'This browser may delete stored recordings when the disk runs low (it did not grant persistent storage). Install pack2skill as an app, or download the skills you need.';

/** Asks the browser not to evict our data under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
