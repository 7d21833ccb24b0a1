/**
 * What reading a frame gave (OCR lines, captions), kept so that each frame is
 * read once. Every row names its frame, so a recording's rows go with it.
 */
import { openDatabase } from './db';

export async function readCache(key: string): Promise<unknown> {
  return (await (await openDatabase()).get('cache', key))?.value;
}

export async function writeCache(key: string, frameId: string, value: unknown): Promise<void> {
  await (await openDatabase()).put('cache', { key, frameId, createdAt: Date.now(), value });
}
