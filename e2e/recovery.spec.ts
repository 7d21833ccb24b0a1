import { expect, test } from '@playwright/test';
import { FIXTURE_ORIGIN, launch, openApp } from './support/browser';
import { readStore, type StoredRecording } from './support/db';

test('a recording interrupted by a closed tab is offered on the next visit, recovered, and plays', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Form' });
  try {
    const fixture = await context.newPage();
    await fixture.goto(`${FIXTURE_ORIGIN}/form.html`);
    let app = await openApp(context);
    await app.getByRole('button', { name: 'Start recording' }).click();
    await expect(app.getByRole('button', { name: 'Stop recording' })).toBeVisible();
    await fixture.bringToFront();
    for (let i = 0; i < 3; i++) {
      await fixture.waitForTimeout(900);
      await fixture.click('#add');
    }
    await fixture.waitForTimeout(1200);
    // The tab goes away mid-recording, without a chance to stop.
    await app.close({ runBeforeUnload: false });

    app = await openApp(context);
    const offer = app.getByRole('region', { name: /Interrupted recording/ });
    await expect(offer).toBeVisible();
    const [stored] = await readStore<StoredRecording>(app, 'recordings');
    expect(stored!.status).toBe('recording');
    expect(stored!.chunkCount).toBeGreaterThanOrEqual(3);

    await offer.getByRole('button', { name: 'Recover recording' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'was recovered' })).toBeVisible();
    await expect(offer).toBeHidden();
    const [recovered] = await readStore<StoredRecording>(app, 'recordings');
    expect(recovered!.status).toBe('complete');
    expect(recovered!.stopReason).toBe('recovered');
    expect(recovered!.durationWritten).toBe(true);
    expect(recovered!.keyframeCount).toBeGreaterThanOrEqual(2);

    const list = app.getByRole('list', { name: 'Recordings' });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await list.getByRole('button', { name: 'Play video' }).click();
    const { duration, seeked } = await app.locator('video').evaluate(async (el: HTMLVideoElement) => {
      if (el.readyState < 1) await new Promise((r) => el.addEventListener('loadedmetadata', r, { once: true }));
      const seeked = await new Promise<boolean>((resolve) => {
        el.addEventListener('seeked', () => resolve(true), { once: true });
        el.currentTime = el.duration / 2;
        setTimeout(() => resolve(false), 10_000);
      });
      return { duration: el.duration, seeked };
    });
    expect(Number.isFinite(duration)).toBe(true);
    // About 4 s were recorded before the tab closed; the last second may be lost.
    expect(duration).toBeGreaterThan(2.5);
    expect(Math.abs(duration * 1000 - recovered!.durationMs)).toBeLessThan(1500);
    expect(seeked).toBe(true);

    // Reopening again offers nothing: the recording is complete now.
    await app.reload();
    await app.getByRole('button', { name: 'Start recording' }).waitFor();
    await expect(app.getByRole('region', { name: /Interrupted recording/ })).toHaveCount(0);
  } finally {
    await browser.close();
  }
});
