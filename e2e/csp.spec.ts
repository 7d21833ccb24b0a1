/**
 * The app under its own Content-Security-Policy (build/security-headers.ts): the
 * preview server sends it (with a report-uri in tests) and keeps what the browser
 * reports, from pages and workers alike. A workflow that touches every engine —
 * recording, OCR, a caption model, a video read by ffmpeg.wasm, an export — must
 * report nothing.
 */
import { expect, test } from '@playwright/test';
import { CONTENT_SECURITY_POLICY, CSP_REPORT_PATH } from '../build/security-headers';
import { APP_URL, launch, recordFixture } from './support/browser';
import { writeSetting } from './support/db';
import { storedVideo } from './support/videos';
import { unzipDownload } from './support/zip';

const reports = () => fetch(new URL(CSP_REPORT_PATH, APP_URL)).then((r) => r.json() as Promise<unknown[]>);

test('recording, OCR, captions, an ffmpeg.wasm import and an export run under the policy with no violation', async () => {
  test.setTimeout(240_000);
  const response = await fetch(APP_URL);
  expect(response.headers.get('content-security-policy')).toContain(CONTENT_SECURITY_POLICY);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  await fetch(new URL(CSP_REPORT_PATH, APP_URL), { method: 'DELETE' });

  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Tickets' });
  try {
    const { fixture, app } = await recordFixture(context, 'tickets.html');
    await writeSetting(app, 'caption-settings', { model: 'tiny-florence2', device: 'cpu' });
    await fixture.waitForTimeout(1500);
    await fixture.click('#new');
    await fixture.waitForTimeout(2000);
    await fixture.click('#save');
    await fixture.waitForTimeout(2000);
    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();
    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps.locator('.caption')).toHaveCount(2, { timeout: 90_000 });

    // The same video imported through ffmpeg.wasm (its worker and core).
    const video = await storedVideo(app);
    await app.goto(`${APP_URL}?decoder=ffmpeg`);
    const [chooser] = await Promise.all([
      app.waitForEvent('filechooser'),
      app.getByRole('button', { name: 'Import video' }).click(),
    ]);
    await chooser.setFiles({ name: 'again.webm', mimeType: 'video/webm', buffer: video });
    await expect(app.getByRole('list', { name: 'Recordings' }).getByRole('listitem')).toHaveCount(2, {
      timeout: 120_000,
    });
    await expect(steps.first()).toBeVisible({ timeout: 60_000 });
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0, { timeout: 90_000 });

    const [download] = await Promise.all([
      app.waitForEvent('download'),
      app.getByRole('button', { name: 'Download skill (.zip)' }).click(),
    ]);
    expect((await unzipDownload(download)).size).toBeGreaterThan(1);
  } finally {
    await browser.close();
  }
  // The browser sends what it has not sent yet as it closes; a moment for it to arrive.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(await reports()).toEqual([]);
});
