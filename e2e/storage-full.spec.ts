import { expect, test } from '@playwright/test';
import { FIXTURE_ORIGIN, launch, openApp, playAndSeek, startRecording } from './support/browser';
import { readStore, type StoredRecording } from './support/db';
import { STORAGE_RESERVE_BYTES } from '../src/storage/storage-guard';

test('a full disk stops the recording cleanly, keeps what was saved and says so', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Form' });
  try {
    // Leave the origin about 600 KB beyond what it already uses and the reserve the app keeps free.
    const app = await openApp(context);
    // The service worker's precache (the app shell, the caption worker) is written first: it uses storage too.
    await app.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const usage = await app.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    const cdp = await context.newCDPSession(app);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: new URL(app.url()).origin,
      quotaSize: usage + STORAGE_RESERVE_BYTES + 600 * 1024,
    });

    const fixture = await context.newPage();
    await fixture.goto(`${FIXTURE_ORIGIN}/form.html`);
    await startRecording(app);
    await fixture.bringToFront();
    const alert = app.getByRole('alert');
    // Every click adds a list item: a visual change with two full-size key frames.
    for (let i = 0; i < 60 && !(await alert.isVisible()); i++) {
      await fixture.click('#add');
      await fixture.waitForTimeout(700);
    }
    await expect(alert).toContainText('Storage is full, so the recording stopped at');
    await expect(alert).toContainText('Everything up to that moment is saved');
    await app.bringToFront();
    await expect(app.getByRole('button', { name: 'Start recording' })).toBeVisible();

    const [recording] = await readStore<StoredRecording>(app, 'recordings');
    expect(recording!.status).toBe('complete');
    expect(recording!.stopReason).toBe('storage-full');
    expect(recording!.chunkCount).toBeGreaterThan(0);
    const item = app.getByRole('list', { name: 'Recordings' }).getByRole('listitem');
    await expect(item).toContainText('stopped: storage full');

    // What was saved plays, with the length that was saved.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(app.url()).origin });
    const { duration } = await playAndSeek(app);
    expect(Number.isFinite(duration)).toBe(true);
    expect(Math.abs(duration * 1000 - recording!.durationMs)).toBeLessThan(1500);
  } finally {
    await browser.close();
  }
});
