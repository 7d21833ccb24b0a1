/**
 * Writes an imported recording — its record, video (if any), key frames and
 * events — in one transaction, so an import that fails half-way leaves nothing.
 */
import type { ChunkRecord, FrameRecord, RecordingRecord } from '../storage/db';
import { openDatabase } from '../storage/db';
import type { EventRecord } from '../capture/events';

export async function storeImported(
  recording: RecordingRecord,
  frames: readonly FrameRecord[],
  events: readonly EventRecord[],
  video?: ChunkRecord,
): Promise<RecordingRecord> {
  // A row whose time is not a finite number is left out of the by-recording index, so it
  // would never be found, shown or deleted: such an import is refused whole.
  const badEvent = events.findIndex((event) => !Number.isFinite(event.t));
  const badFrame = frames.findIndex((frame) => !Number.isFinite(frame.t));
  if (badEvent >= 0 || badFrame >= 0) {
    throw new Error(
      badEvent >= 0 ? `event ${badEvent + 1} has no valid time` : `key frame ${badFrame + 1} has no valid time`,
    );
  }
  const db = await openDatabase();
  const tx = db.transaction(['recordings', 'chunks', 'frames', 'events'], 'readwrite');
  await Promise.all([
    tx.objectStore('recordings').put(recording),
    ...(video ? [tx.objectStore('chunks').put(video)] : []),
    ...frames.map((frame) => tx.objectStore('frames').put(frame)),
    ...events.map((event) => tx.objectStore('events').add(event)),
    tx.done,
  ]);
  return recording;
}
