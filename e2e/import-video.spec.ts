import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { validateSkill } from '../src/lib/skill/validate';
import { launch, recordFixture } from './support/browser';
import { readStore } from './support/db';
import { unzipDownload } from './support/zip';

/** The stored video of the first recording, as bytes (read in the page). */
async function storedVideo(app: Page): Promise<Buffer> {
  const bytes = await app.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open('pack2skill');
      open.onsuccess = () => resolve(open.result);
    });
    const chunks = await new Promise<{ seq: number; blob: Blob }[]>((resolve) => {
      const request = db.transaction('chunks').objectStore('chunks').getAll();
      request.onsuccess = () => resolve(request.result as { seq: number; blob: Blob }[]);
    });
    db.close();
    const blob = new Blob(chunks.sort((a, b) => a.seq - b.seq).map((c) => c.blob));
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  return Buffer.from(bytes);
}

async function importVideo(app: Page, name: string, buffer: Buffer): Promise<void> {
  const [chooser] = await Promise.all([
    app.waitForEvent('filechooser'),
    app.getByRole('button', { name: 'Import video' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType: 'video/webm', buffer });
}

test('Import video: a screen recording of a workflow becomes steps and a valid skill; a truncated file changes nothing', async () => {
  test.setTimeout(240_000);
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Tickets' });
  try {
    // Make the video: record the fixture, take the WebM, then delete the recording.
    const { fixture, app } = await recordFixture(context, 'tickets.html');
    await fixture.waitForTimeout(2000);
    await fixture.click('#new');
    await fixture.waitForTimeout(2500);
    await fixture.click('#save');
    await fixture.waitForTimeout(2500);
    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();
    await expect(app.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveCount(2, { timeout: 60_000 });
    const video = await storedVideo(app);
    // When the clicks happened, on the video's clock: the changes they made, less a little.
    const changes = (await readStore<{ t: number; type: string }>(app, 'events')).filter((e) => e.type === 'visual');
    const clickAt = changes.map((e) => Math.max(0, e.t - 150) / 1000);
    const centre = async (selector: string) => {
      const box = (await fixture.locator(selector).boundingBox())!;
      return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
    };
    const points = [await centre('#new'), await centre('#save')];
    const recordings = app.getByRole('list', { name: 'Recordings' }).getByRole('listitem');
    await recordings.first().getByRole('button', { name: 'Delete' }).click();
    await recordings.first().getByRole('button', { name: 'Delete for good' }).click();
    await expect(recordings).toHaveCount(0);
    await app.getByRole('button', { name: 'Close' }).click();

    // A truncated file: a clear message, nothing added.
    await importVideo(app, 'broken.webm', video.subarray(0, 1500));
    await expect(app.getByRole('alert')).toContainText('broken.webm could not be imported', { timeout: 60_000 });
    await expect(recordings).toHaveCount(0);

    await importVideo(app, 'helpdesk.webm', video);
    await expect(recordings).toHaveCount(1, { timeout: 120_000 });
    await expect(recordings.first()).toContainText('video file (helpdesk.webm)');
    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(2, { timeout: 60_000 });
    const texts = await steps.locator('.what').allInnerTexts();
    expect(texts[0]).toMatch(/New ticket/);
    expect(texts[1]).toMatch(/Save ticket/);
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0, { timeout: 60_000 });
    const [download] = await Promise.all([
      app.waitForEvent('download'),
      app.getByRole('button', { name: 'Download skill (.zip)' }).click(),
    ]);
    expect(validateSkill(await unzipDownload(download)).filter((i) => i.severity === 'error')).toEqual([]);

    // The same workflow as a pack2skill 0.1 session: session file, video, events in seconds.
    const session = new JSZip();
    session.file(
      'session-0.1/session.json',
      JSON.stringify({
        name: 'File a ticket (0.1)',
        description: 'Opens and saves a helpdesk ticket',
        start_time: '2025-01-02T10:00:00',
        end_time: '2025-01-02T10:00:12',
        video_path: '/home/me/.pack2skill/sessions/s1/recording.webm',
        events_path: 'events.json',
        framerate: 30,
        resolution: [1280, 720],
      }),
    );
    session.file('session-0.1/recording.webm', video);
    session.file(
      'session-0.1/events.json',
      JSON.stringify(
        clickAt.slice(0, 2).map((t, i) => ({ t, type: 'click', x: points[i]!.x, y: points[i]!.y, button: 'left' })),
      ),
    );
    await app.getByLabel('Import session (.zip)').setInputFiles({
      name: 'session-0.1.zip',
      mimeType: 'application/zip',
      buffer: await session.generateAsync({ type: 'nodebuffer' }),
    });
    await expect(recordings).toHaveCount(2, { timeout: 120_000 });
    await expect(app.getByRole('heading', { name: /Steps/ })).toContainText('File a ticket (0.1)');
    await expect(steps).toHaveCount(2, { timeout: 60_000 });
    const sessionTexts = await steps.locator('.what').allInnerTexts();
    expect(sessionTexts[0]).toMatch(/New ticket/);
    expect(sessionTexts[1]).toMatch(/Save ticket/);
    const stored = await readStore<{ type: string; source: string }>(app, 'events');
    expect(stored.filter((e) => e.type === 'click' && e.source === 'extension')).toHaveLength(2);
  } finally {
    await browser.close();
  }
});
