/** Finding and recovering recordings left behind by a closed or crashed tab. */
import type { RecordingRecord } from '../storage/db';
import { recordingsInProgress } from './recording-lock';
import { deleteRecording, finishRecording, listRecordings } from '../storage/recordings';

/**
 * Recordings still marked as in progress that no open tab is recording.
 * Those that never saved a chunk hold nothing to recover and are removed.
 */
export async function findInterrupted(): Promise<RecordingRecord[]> {
  const [all, live] = await Promise.all([listRecordings(), recordingsInProgress()]);
  const orphans = all.filter((r) => r.status === 'recording' && !live.has(r.id));
  const empty = orphans.filter((r) => r.chunkCount === 0);
  await Promise.all(empty.map((r) => deleteRecording(r.id)));
  return orphans.filter((r) => r.chunkCount > 0);
}

/** Finishes an interrupted recording: its saved chunks become a seekable WebM. */
export function recoverRecording(id: string): Promise<RecordingRecord> {
  return finishRecording(id, 'recovered');
}
