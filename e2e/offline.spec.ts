import { expect, test } from '@playwright/test';
import { APP_URL, launch, openApp } from './support/browser';
import { readStore, type StoredEvent, type StoredRecording } from './support/db';

test('after one online visit the app opens and records offline', async () => {
  // The app records its own tab (its title is "pack2skill"), so its DOM events are logged too.
  const { browser, context } = await launch({ captureTitle: 'pack2skill' });
  try {
    const app = await openApp(context);
    await expect(app.getByText('Works offline')).toBeVisible({ timeout: 30_000 });
    await app.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });

    await context.setOffline(true);
    await app.reload();
    await expect(app.getByRole('button', { name: 'Start recording' })).toBeVisible();
    // The network really is off for this page: anything not cached fails.
    const probe = await app.evaluate(() =>
      fetch(`/not-cached-${Date.now()}.json`).then(
        () => 'reached the network',
        () => 'failed',
      ),
    );
    expect(probe).toBe('failed');
    expect(await app.evaluate(() => crossOriginIsolated)).toBe(true);

    await app.getByRole('button', { name: 'Start recording' }).click();
    await expect(app.getByRole('button', { name: 'Stop recording' })).toBeVisible();
    const startedAt = Date.now();
    await app.waitForTimeout(1200);
    await app.getByRole('button', { name: 'Add marker' }).click();
    await app.waitForTimeout(600);
    await app.keyboard.press('Alt+Shift+M');
    await app.getByText('Everything stays in this browser').click();
    await app.waitForTimeout(1200);
    await app.getByRole('button', { name: 'Pause recording' }).click();
    const pausedAt = Date.now();
    await expect(app.getByRole('button', { name: 'Resume recording' })).toBeVisible();
    await app.waitForTimeout(3000);
    await app.getByRole('button', { name: 'Resume recording' }).click();
    const pausedMs = Date.now() - pausedAt;
    await app.waitForTimeout(800);
    await app.getByRole('button', { name: 'Stop recording' }).click();
    const recordedMs = Date.now() - startedAt - pausedMs;
    await expect(app.getByRole('status').filter({ hasText: 'Recording saved.' })).toBeVisible();
    await expect(app.getByRole('list', { name: 'Recordings' }).getByRole('listitem')).toHaveCount(1);

    const [recording] = await readStore<StoredRecording & { selfCapture: boolean }>(app, 'recordings');
    expect(recording!.selfCapture).toBe(true);
    // Paused time is not part of the video.
    expect(recording!.durationMs).toBeGreaterThan(recordedMs - 1000);
    expect(recording!.durationMs).toBeLessThan(recordedMs + 1000);
    const events = await readStore<StoredEvent & { target?: { text?: string } }>(app, 'events');
    const markers = events.filter((e) => e.type === 'marker');
    expect(markers.map((m) => m.label)).toEqual(['Marker 1', 'Marker 2']);
    // The recorder's own buttons are not part of the workflow; the page's content is.
    const clicks = events.filter((e) => e.type === 'click');
    expect(clicks).toHaveLength(1);
    expect(clicks[0]!.target?.text).toContain('Everything stays in this browser');
  } finally {
    await browser.close();
  }
});

test('a denied screen-share says what happened and stores nothing', async () => {
  // Chromium's fake permission UI answers "deny", as a person pressing Cancel does.
  const { browser, context } = await launch({ args: ['--use-fake-ui-for-media-stream=deny'] });
  try {
    const app = await context.newPage();
    await app.goto(APP_URL);
    await app.getByRole('button', { name: 'Start recording' }).click();
    const alert = app.getByRole('alert');
    await expect(alert).toContainText('Screen sharing was cancelled or blocked');
    await expect(alert).toContainText('Press Start recording');
    await expect(app.getByRole('button', { name: 'Start recording' })).toBeEnabled();
    expect(await readStore(app, 'recordings')).toEqual([]);
    await expect(app.getByText('No recordings yet')).toBeVisible();
  } finally {
    await browser.close();
  }
});
