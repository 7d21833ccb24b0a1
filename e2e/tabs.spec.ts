/**
 * More than one tab, and an upgrade: two tabs recording at once keep their own
 * room on disk and hear each other's recordings; a newer version of the app opened
 * elsewhere waits for a recording to finish instead of breaking it; data written by
 * the first version of the database is all there after the upgrade.
 */
import { expect, test, type Page } from '@playwright/test';
import { APP_URL, FIXTURE_ORIGIN, launch, openApp, startRecording } from './support/browser';
import { readStore, type StoredRecording } from './support/db';

/** The disk ballasts in the origin's private file system. */
const reserves = (page: Page) =>
  page.evaluate(async () => {
    const dir = await navigator.storage.getDirectory();
    const names: string[] = [];
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
    return names.filter((n) => n.startsWith('storage-reserve')).sort();
  });

test('two tabs record at once: each keeps its own disk reserve, and each hears of the other’s recording', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Form' });
  try {
    const fixture = await context.newPage();
    await fixture.goto(`${FIXTURE_ORIGIN}/form.html`);
    const first = await openApp(context);
    const second = await openApp(context);
    await startRecording(first);
    await startRecording(second);
    expect(await reserves(first)).toHaveLength(2);
    await fixture.bringToFront();
    await fixture.click('#add');
    await fixture.waitForTimeout(1500);

    await first.bringToFront();
    await first.getByRole('button', { name: 'Stop recording' }).click();
    await expect(first.getByRole('button', { name: 'Start recording' })).toBeVisible();
    // The first to stop frees its own reserve only; the other recording keeps its room.
    expect(await reserves(first)).toHaveLength(1);
    // The second tab's list shows the first tab's recording without a reload.
    const listed = second.getByRole('list', { name: 'Recordings' }).getByRole('listitem');
    await expect(listed).toHaveCount(1);

    await second.bringToFront();
    await second.getByRole('button', { name: 'Stop recording' }).click();
    await expect(second.getByRole('button', { name: 'Start recording' })).toBeVisible();
    expect(await reserves(second)).toEqual([]);
    await expect(first.getByRole('list', { name: 'Recordings' }).getByRole('listitem')).toHaveCount(2);
    const stored = await readStore<StoredRecording>(first, 'recordings');
    expect(stored.map((r) => r.status)).toEqual(['complete', 'complete']);
  } finally {
    await browser.close();
  }
});

test('a newer version opened in another tab waits for the recording to finish, and the recording is whole', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Form' });
  try {
    const fixture = await context.newPage();
    await fixture.goto(`${FIXTURE_ORIGIN}/form.html`);
    const app = await openApp(context);
    await startRecording(app);
    await fixture.bringToFront();
    await fixture.click('#add');
    await fixture.waitForTimeout(1200);

    // Another tab opens the database at the next version, as a newer app would.
    const newer = await context.newPage();
    await newer.goto(`${APP_URL}manifest.webmanifest`);
    await newer.evaluate(() => {
      const w = window as unknown as { upgrade: string[] };
      w.upgrade = [];
      const request = indexedDB.open('pack2skill', 3);
      request.onblocked = () => w.upgrade.push('blocked');
      request.onsuccess = () => {
        w.upgrade.push('opened');
        request.result.close();
      };
      request.onerror = () => w.upgrade.push(`error ${request.error?.name}`);
    });
    const upgrade = () => newer.evaluate(() => (window as unknown as { upgrade: string[] }).upgrade);
    await expect.poll(upgrade).toEqual(['blocked']);

    // The recording goes on writing, and finishes.
    await fixture.bringToFront();
    await fixture.click('#add');
    await fixture.waitForTimeout(1500);
    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();
    await expect.poll(upgrade, { timeout: 30_000 }).toEqual(['blocked', 'opened']);
    const [recording] = await readStore<StoredRecording>(newer, 'recordings');
    expect(recording!.status).toBe('complete');
    expect(recording!.chunkCount).toBeGreaterThan(1);
    // The older tab, now behind, says what to do.
    await expect(app.getByText(/updated in another tab: reload this tab/).first()).toBeVisible({ timeout: 30_000 });
  } finally {
    await browser.close();
  }
});

test('data written by the first version of the database is all there after the upgrade', async () => {
  const { browser, context } = await launch();
  try {
    const page = await context.newPage();
    await page.goto(`${APP_URL}manifest.webmanifest`);
    // Version 1's schema and a row in each store, as the first release wrote them.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('pack2skill', 1);
          request.onupgradeneeded = () => {
            const db = request.result;
            db.createObjectStore('recordings', { keyPath: 'id' }).createIndex('by-created', 'createdAt');
            db.createObjectStore('chunks', { keyPath: ['recordingId', 'seq'] });
            db.createObjectStore('frames', { keyPath: 'id' }).createIndex('by-recording', ['recordingId', 't']);
            db.createObjectStore('events', { keyPath: 'id', autoIncrement: true }).createIndex('by-recording', [
              'recordingId',
              't',
            ]);
            db.createObjectStore('analyses', { keyPath: 'recordingId' });
            db.createObjectStore('skills', { keyPath: 'id' });
            db.createObjectStore('settings', { keyPath: 'key' });
            db.createObjectStore('cache', { keyPath: 'key' });
          };
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction(
              ['recordings', 'chunks', 'frames', 'events', 'analyses', 'skills', 'settings', 'cache'],
              'readwrite',
            );
            const now = Date.now();
            tx.objectStore('recordings').put({
              id: 'r1',
              title: 'Old recording',
              createdAt: now,
              updatedAt: now,
              status: 'complete',
              mimeType: 'video/webm',
              durationMs: 2000,
              chunkCount: 1,
              bytes: 3,
              keyframeCount: 1,
              eventCount: 1,
              durationWritten: true,
              surface: 'browser',
              sourceLabel: 'old',
              width: 1280,
              height: 720,
              selfCapture: false,
            });
            tx.objectStore('chunks').put({ recordingId: 'r1', seq: 0, t: 2000, blob: new Blob([new Uint8Array(3)]) });
            tx.objectStore('frames').put({ id: 'f1', recordingId: 'r1', t: 1000, blob: new Blob([new Uint8Array(2)]) });
            tx.objectStore('events').put({ recordingId: 'r1', t: 1000, type: 'click', source: 'page' });
            tx.objectStore('analyses').put({ recordingId: 'r1', data: { steps: [] } });
            tx.objectStore('skills').put({ id: 's1', name: 'old-skill', description: 'x', updatedAt: now, files: {} });
            tx.objectStore('settings').put({ key: 'burst-settings', value: { mode: 'accurate' } });
            tx.objectStore('cache').put({ key: 'ocr:v1:old', value: 'read before' });
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
          };
        }),
    );

    const app = await openApp(context);
    await expect(app.getByRole('list', { name: 'Recordings' }).getByRole('listitem')).toHaveCount(1);
    const count = async (store: string) => (await readStore(app, store)).length;
    expect({
      recordings: await count('recordings'),
      chunks: await count('chunks'),
      frames: await count('frames'),
      events: await count('events'),
      analyses: await count('analyses'),
      skills: await count('skills'),
      settings: await count('settings'),
    }).toEqual({ recordings: 1, chunks: 1, frames: 1, events: 1, analyses: 1, skills: 1, settings: 1 });
    // Version 2 drops the cache rows of version 1 (they name no frame, so could never be deleted).
    expect(await count('cache')).toBe(0);
    const version = await app.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const request = indexedDB.open('pack2skill');
          request.onsuccess = () => {
            resolve(request.result.version);
            request.result.close();
          };
        }),
    );
    expect(version).toBe(2);
  } finally {
    await browser.close();
  }
});
