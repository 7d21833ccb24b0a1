/** Reading the app's IndexedDB from a test, through the page (as the app itself stores it). */
import type { Page } from '@playwright/test';

export interface StoredRecording {
  id: string;
  status: string;
  stopReason?: string;
  durationMs: number;
  chunkCount: number;
  width: number;
  height: number;
  keyframeCount: number;
  eventCount: number;
  durationWritten: boolean;
}

export interface StoredEvent {
  t: number;
  type: string;
  source: string;
  box?: { x: number; y: number; width: number; height: number };
  fraction?: number;
  beforeFrameId?: string;
  afterFrameId?: string;
  label?: string;
}

export async function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('pack2skill');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

/**
 * Mean absolute difference (0–255) of two stored key frames inside a box,
 * decoded in the page.
 */
export async function frameDifference(
  page: Page,
  beforeId: string,
  afterId: string,
  box: { x: number; y: number; width: number; height: number },
): Promise<number> {
  return page.evaluate(
    async ({ beforeId, afterId, box }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('pack2skill');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const get = (id: string) =>
        new Promise<{ blob: Blob }>((resolve, reject) => {
          const request = db.transaction('frames').objectStore('frames').get(id);
          request.onsuccess = () => resolve(request.result as { blob: Blob });
          request.onerror = () => reject(request.error);
        });
      const pixels = async (id: string) => {
        const bitmap = await createImageBitmap((await get(id)).blob);
        const canvas = new OffscreenCanvas(box.width, box.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, box.x, box.y, box.width, box.height, 0, 0, box.width, box.height);
        return ctx.getImageData(0, 0, box.width, box.height).data;
      };
      const [a, b] = await Promise.all([pixels(beforeId), pixels(afterId)]);
      db.close();
      let sum = 0;
      for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
      return sum / a.length;
    },
    { beforeId, afterId, box },
  );
}

export function overlaps(
  a: { x: number; y: number; width: number; height: number },
  b: { x: number; y: number; width: number; height: number },
): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Stores a setting as the app's Settings would (the `settings` store, one record per key). */
export async function writeSetting(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    ({ key, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('pack2skill');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const transaction = db.transaction('settings', 'readwrite');
          transaction.objectStore('settings').put({ key, value });
          transaction.oncomplete = () => {
            db.close();
            resolve();
          };
          transaction.onerror = () => reject(transaction.error);
        };
      }),
    { key, value },
  );
}

/** The number of rows in each named store. */
export async function countRows(page: Page, stores: string[]): Promise<Record<string, number>> {
  return page.evaluate(
    (names) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('pack2skill');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(names);
          const counts: Record<string, number> = {};
          for (const name of names) {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => (counts[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(counts);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    stores,
  );
}
