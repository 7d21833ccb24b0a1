// @ts-check
// A recording as the app keeps it in IndexedDB (the recording, its video chunks, key frames,
// events and the OCR readings cached for its frames), written to a file and put back into a
// fresh app: `npm run bench -- quality --again <dump folder>` analyses the recordings of a
// dumped run again with the code as it is now, without recording them again. The same
// recording each time, so two versions of the analysis are compared on the same pixels.
import { readFile, writeFile } from 'node:fs/promises';

/** The stores a recording lives in. Analyses are left out: the point is to make them again. */
const STORES = ['recordings', 'chunks', 'frames', 'events', 'cache'];

/** Where the app's page fetches a stored recording from (a Playwright route: no server). */
const STORED_URL = '/__p2s-bench-stored-recording.json';

/**
 * Writes every record of the recording stores of `app`'s database to `file` (Blobs as base64).
 * @param {import('@playwright/test').Page} app @param {string} file
 */
export async function saveStores(app, file) {
  const stores = await app.evaluate(async (names) => {
    /** @type {IDBDatabase} */
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('pack2skill');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = (/** @type {Blob} */ blob) =>
      new Promise((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result).split(',')[1] ?? '');
        reader.readAsDataURL(blob);
      });
    /** @param {unknown} value @returns {Promise<unknown>} */
    const encode = async (value) => {
      if (value instanceof Blob) return { __blob: await read(value), type: value.type };
      if (Array.isArray(value)) return Promise.all(value.map(encode));
      if (value && typeof value === 'object') {
        const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await encode(v)]));
        return Object.fromEntries(entries);
      }
      return value;
    };
    /** @type {Record<string, unknown[]>} */
    const out = {};
    for (const name of names) {
      /** @type {unknown[]} */
      const records = await new Promise((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      out[name] = /** @type {unknown[]} */ (await encode(records));
    }
    db.close();
    return out;
  }, STORES);
  await writeFile(file, JSON.stringify(stores));
}

/**
 * Puts the records `saveStores` wrote into `app`'s database (opened by the app first, so that
 * its stores exist). Reload the page afterwards for the app to list them.
 * @param {import('@playwright/test').Page} app @param {string} file
 */
export async function restoreStores(app, file) {
  const body = await readFile(file);
  await app.route(`**${STORED_URL}`, (route) => route.fulfill({ body, contentType: 'application/json' }));
  await app.evaluate(async (url) => {
    /** @type {Record<string, unknown[]>} */
    const stores = await (await fetch(url)).json();
    /** @param {unknown} value @returns {unknown} */
    const decode = (value) => {
      if (Array.isArray(value)) return value.map(decode);
      if (value && typeof value === 'object') {
        const record = /** @type {Record<string, unknown>} */ (value);
        if (typeof record.__blob === 'string') {
          const bytes = Uint8Array.from(atob(record.__blob), (c) => c.charCodeAt(0));
          return new Blob([bytes], { type: String(record.type ?? '') });
        }
        return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decode(v)]));
      }
      return value;
    };
    /** @type {IDBDatabase} */
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('pack2skill');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const names = Object.keys(stores);
    const tx = db.transaction(names, 'readwrite');
    for (const name of names) for (const record of stores[name] ?? []) tx.objectStore(name).put(decode(record));
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, STORED_URL);
  await app.unroute(`**${STORED_URL}`);
}
