import { expect, test } from '@playwright/test';
import { FIXTURE_ORIGIN, launch, openApp, recordFixture } from './support/browser';
import { readStore, type StoredRecording } from './support/db';

test('ending the share from the browser (the shared tab goes away) stops and saves the recording', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Form' });
  try {
    const { fixture, app } = await recordFixture(context);
    await fixture.waitForTimeout(1500);
    await fixture.click('#add');
    await fixture.waitForTimeout(1500);
    await fixture.close();

    await expect(app.getByRole('status').filter({ hasText: 'Sharing ended, so the recording stopped' })).toBeVisible();
    await expect(app.getByRole('button', { name: 'Start recording' })).toBeVisible();
    const [recording] = await readStore<StoredRecording>(app, 'recordings');
    expect(recording!.status).toBe('complete');
    expect(recording!.stopReason).toBe('sharing-ended');
    expect(recording!.durationWritten).toBe(true);
    await expect(app.getByRole('list', { name: 'Recordings' }).getByRole('listitem')).toContainText('sharing ended');
  } finally {
    await browser.close();
  }
});

test('the controls float in a Picture-in-Picture window that can mark and stop', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Form' });
  try {
    const fixture = await context.newPage();
    await fixture.goto(`${FIXTURE_ORIGIN}/form.html`);
    const app = await openApp(context);
    test.skip(!(await app.evaluate(() => 'documentPictureInPicture' in window)), 'no Document Picture-in-Picture');

    // Start's click opens the window while its activation lasts; else the button does.
    let pipOpened = context.waitForEvent('page', { timeout: 5000 }).catch(() => null);
    await app.getByRole('button', { name: 'Start recording' }).click();
    await expect(app.getByRole('button', { name: 'Stop recording' })).toBeVisible();
    let pip = await pipOpened;
    if (!pip) {
      pipOpened = context.waitForEvent('page', { timeout: 5000 }).catch(() => null);
      await app.getByRole('button', { name: 'Float controls over other windows' }).click();
      pip = await pipOpened;
    }
    expect(pip, 'a floating controls window').toBeTruthy();
    await expect(pip!.getByRole('timer', { name: 'Elapsed time' })).toBeVisible();
    await pip!.getByRole('button', { name: 'Add marker' }).click();
    await pip!.getByRole('button', { name: 'Stop recording' }).click();

    await expect(app.getByRole('status').filter({ hasText: 'Recording saved.' })).toBeVisible();
    const events = await readStore<{ type: string }>(app, 'events');
    expect(events.filter((e) => e.type === 'marker')).toHaveLength(1);
    const [recording] = await readStore<StoredRecording>(app, 'recordings');
    expect(recording!.status).toBe('complete');
  } finally {
    await browser.close();
  }
});
