/**
 * What reading a frame gave (OCR lines, captions), kept so that each frame is
 * read once. Every row names its frame, so a recording's rows go with it.
 */
import { openDatabase } from './db';

export async function readCache(key: string): Promise<unknown> {
  return (await (await openDatabase()).get('cache', key))?.value;
}

/**
 * Keeps a reading while its frame exists, checked in the same transaction: a
 * reading that ends after its recording was deleted must not outlive it.
 */
export async function writeCache(key: string, frameId: string, value: unknown): Promise<void> {
  const db = await openDatabase();
  const tx = db.transaction(['frames', 'cache'], 'readwrite');
  if ((await tx.objectStore('frames').getKey(frameId)) !== undefined) {
    await tx.objectStore('cache').put({ key, frameId, createdAt: Date.now(), value });
  }
  await tx.done;
}
