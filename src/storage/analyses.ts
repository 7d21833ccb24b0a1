/** The stored analysis of each recording: its steps and the person's edits. */
import type { Analysis } from '../analyze/types';
import { openDatabase } from './db';

export async function loadAnalysis(recordingId: string): Promise<Analysis | undefined> {
  const record = await (await openDatabase()).get('analyses', recordingId);
  return record?.data;
}

/**
 * Saves an analysis while its recording exists, in one transaction with the
 * check: an edit or a late result for a recording deleted meanwhile must not
 * leave an analysis behind with nothing to belong to. False when it was gone.
 */
export async function saveAnalysis(analysis: Analysis): Promise<boolean> {
  const db = await openDatabase();
  const tx = db.transaction(['recordings', 'analyses'], 'readwrite');
  const exists = (await tx.objectStore('recordings').getKey(analysis.recordingId)) !== undefined;
  if (exists) {
    await tx
      .objectStore('analyses')
      .put({ recordingId: analysis.recordingId, updatedAt: analysis.updatedAt, data: analysis });
  }
  await tx.done;
  return exists;
}
