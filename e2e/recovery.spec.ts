import { expect, test } from '@playwright/test';
import { launch, openApp, playAndSeek, recordFixture } from './support/browser';
import { readStore, type StoredRecording } from './support/db';

test('a recording interrupted by a closed tab is offered on the next visit, recovered, and plays', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Form' });
  try {
    const { fixture, app: recordingTab } = await recordFixture(context);
    for (let i = 0; i < 3; i++) {
      await fixture.waitForTimeout(900);
      await fixture.click('#add');
    }
    // Wait until a few seconds are on disk (a loaded 2-core machine can be slow to
    // deliver chunks), then the tab goes away mid-recording, without a chance to stop.
    let saved = 0;
    await expect
      .poll(async () => (saved = (await readStore<StoredRecording>(recordingTab, 'recordings'))[0]?.chunkCount ?? 0), {
        timeout: 20_000,
      })
      .toBeGreaterThanOrEqual(3);
    await recordingTab.close({ runBeforeUnload: false });

    const app = await openApp(context);
    const offer = app.getByRole('region', { name: /Interrupted recording/ });
    await expect(offer).toBeVisible();
    const [stored] = await readStore<StoredRecording>(app, 'recordings');
    expect(stored!.status).toBe('recording');
    // Nothing that was on disk when the tab closed is lost.
    expect(stored!.chunkCount).toBeGreaterThanOrEqual(saved);

    await offer.getByRole('button', { name: 'Recover recording' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'was recovered' })).toBeVisible();
    await expect(offer).toBeHidden();
    const [recovered] = await readStore<StoredRecording>(app, 'recordings');
    expect(recovered!.status).toBe('complete');
    expect(recovered!.stopReason).toBe('recovered');
    expect(recovered!.durationWritten).toBe(true);
    expect(recovered!.keyframeCount).toBeGreaterThanOrEqual(2);

    await expect(app.getByRole('list', { name: 'Recordings' }).getByRole('listitem')).toHaveCount(1);
    const { duration, seeked } = await playAndSeek(app);
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
