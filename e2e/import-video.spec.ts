import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { sampleTimes } from '../src/import/video/frame-source';
import { validateSkill } from '../src/skill/validate';
import { APP_URL, launch, recordFixture } from './support/browser';
import { readStore } from './support/db';
import { encodeMp4InBrowser, mjpegAvi, remux, storedVideo } from './support/videos';
import { unzipDownload } from './support/zip';

/** How the import of the recording from `fileName` went (decoder, frames, times). */
async function importStats(app: Page, fileName: string) {
  const recordings = await readStore<{ sourceLabel: string; importStats?: { decoder: string; frames: number } }>(
    app,
    'recordings',
  );
  const recording = recordings.find((r) => r.sourceLabel.includes(fileName));
  if (!recording?.importStats) throw new Error(`no imported recording from ${fileName}`);
  return recording.importStats;
}

/** How many frames the import should sample from `video`: six a second, and its last frame. */
async function expectedSamples(video: Buffer): Promise<number> {
  const input = new Input({ source: new BufferSource(video), formats: ALL_FORMATS });
  try {
    const track = (await input.getPrimaryVideoTrack())!;
    const first = await track.getFirstTimestamp();
    const last = (await new EncodedPacketSink(track).getPacket(Infinity))!.timestamp;
    return sampleTimes(first, (await track.computeDuration()) - first, last).length;
  } finally {
    input.dispose();
  }
}

async function importVideo(app: Page, name: string, buffer: Buffer, mimeType = 'video/webm'): Promise<void> {
  const [chooser] = await Promise.all([
    app.waitForEvent('filechooser'),
    app.getByRole('button', { name: 'Import video' }).click(),
  ]);
  await chooser.setFiles({ name, mimeType, buffer });
}

/**
 * Records the tickets fixture (New ticket, then Save ticket), takes the WebM and
 * deletes the recording: the video of a workflow, as a user would bring one.
 */
async function recordTicketsVideo(context: BrowserContext) {
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
  // Deleting the recording shown closes its steps too.
  await expect(app.getByRole('heading', { name: /^Steps/ })).toHaveCount(0);
  return { fixture, app, video, clickAt, points, recordings };
}

test('Import video: a screen recording of a workflow becomes steps and a valid skill; a truncated file changes nothing', async () => {
  test.setTimeout(240_000);
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Tickets' });
  try {
    const { app, video, clickAt, points, recordings } = await recordTicketsVideo(context);

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
    // Chromium decodes VP8: the browser's own decoder read it, not ffmpeg.wasm.
    const stats = await importStats(app, 'helpdesk.webm');
    expect(stats.decoder).toBe('webcodecs');
    // Six samples a second and the video's last frame, which ends the WebM without a length
    // of its own: a change there (a last click just before Stop) is read too.
    expect(stats.frames).toBe(await expectedSamples(video));
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0, { timeout: 60_000 });
    // The file's name is the person's name for the workflow: the skill's too.
    await expect(app.getByRole('textbox', { name: 'Skill name' })).toHaveValue('helpdesk');
    const [download] = await Promise.all([
      app.waitForEvent('download'),
      app.getByRole('button', { name: 'Download skill (.zip)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('helpdesk.zip');
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
    const stored = await readStore<{ type: string; source: string; beforeFrameId?: string }>(app, 'events');
    const clicks = stored.filter((e) => e.type === 'click' && e.source === 'extension');
    expect(clicks).toHaveLength(2);
    // Each click keeps the frame it happened on, stored with the key frames: OCR reads it at the point.
    const frameIds = new Set((await readStore<{ id: string }>(app, 'frames')).map((f) => f.id));
    for (const click of clicks) expect(frameIds.has(click.beforeFrameId ?? '')).toBe(true);
    // The session's description becomes the skill's, with the "Use when" a skill needs.
    await expect(app.getByRole('textbox', { name: 'Skill description' })).toHaveValue(
      'Opens and saves a helpdesk ticket. Use when asked to do this task again.',
    );
    await expect(app.getByRole('textbox', { name: 'Skill name' })).toHaveValue('file-a-ticket-0-1');
  } finally {
    await browser.close();
  }
});

test('Import video: H.264 in MP4, MOV and MKV through the browser decoder, AVI and a forced ffmpeg.wasm through ffmpeg; Cancel adds nothing', async () => {
  test.setTimeout(300_000);
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Tickets' });
  try {
    const { fixture, app, video, recordings } = await recordTicketsVideo(context);
    // The recording played back and encoded as H.264 by the browser, then remuxed into three containers.
    const mp4 = await remux(await encodeMp4InBrowser(fixture, video), 'mp4');
    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    const expectTicketSteps = async () => {
      await expect(steps).toHaveCount(2, { timeout: 60_000 });
      const texts = await steps.locator('.what').allInnerTexts();
      expect(texts[0]).toMatch(/New ticket/);
      expect(texts[1]).toMatch(/Save ticket/);
      await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0, { timeout: 60_000 });
    };
    const cases: [string, Buffer, string][] = [
      ['helpdesk.mp4', mp4, 'video/mp4'],
      ['helpdesk.mov', await remux(mp4, 'mov'), 'video/quicktime'],
      ['helpdesk.mkv', await remux(mp4, 'mkv'), 'video/x-matroska'],
    ];
    for (const [index, [name, bytes, mimeType]] of cases.entries()) {
      await importVideo(app, name, bytes, mimeType);
      await expect(recordings).toHaveCount(index + 1, { timeout: 120_000 });
      await expectTicketSteps();
      expect((await importStats(app, name)).decoder).toBe('webcodecs');
    }

    // AVI (Motion JPEG, written by hand from screenshots): a container only ffmpeg.wasm reads.
    await fixture.bringToFront();
    await fixture.reload();
    const shots = [await fixture.screenshot({ type: 'jpeg' })];
    await fixture.click('#new');
    shots.push(await fixture.screenshot({ type: 'jpeg' }));
    await fixture.click('#save');
    shots.push(await fixture.screenshot({ type: 'jpeg' }));
    const frames = shots.flatMap((shot) => [shot, shot, shot, shot, shot, shot]);
    await app.bringToFront();
    // Segments of 4 s: the 9-second AVI is read in three execs, as a long video is in minutes.
    await app.goto(`${APP_URL}?ffmpeg-segment=4`);
    await importVideo(app, 'helpdesk.avi', mjpegAvi(frames, 1280, 720, 2), 'video/x-msvideo');
    await expect(recordings).toHaveCount(4, { timeout: 120_000 });
    await expect(steps).toHaveCount(2, { timeout: 60_000 });
    const avi = await importStats(app, 'helpdesk.avi');
    expect(avi.decoder).toMatch(/^ffmpeg-/);
    expect(avi.frames).toBe(54); // 9 s at 6 frames a second

    // Forced onto ffmpeg.wasm, the MP4 gives the same steps.
    await app.goto(`${APP_URL}?decoder=ffmpeg`);
    await importVideo(app, 'helpdesk-ffmpeg.mp4', mp4, 'video/mp4');
    await expect(recordings).toHaveCount(5, { timeout: 120_000 });
    await expectTicketSteps();
    expect((await importStats(app, 'helpdesk-ffmpeg.mp4')).decoder).toMatch(/^ffmpeg-/);

    // Cancel while ffmpeg.wasm loads: said so, and nothing is added.
    const storeSizes = async () => ({
      recordings: (await readStore(app, 'recordings')).length,
      frames: (await readStore(app, 'frames')).length,
      events: (await readStore(app, 'events')).length,
    });
    const before = await storeSizes();
    await importVideo(app, 'cancelled.mp4', mp4, 'video/mp4');
    await expect(app.getByRole('progressbar', { name: 'Import progress' })).toBeVisible();
    await app.getByRole('button', { name: 'Cancel import' }).click();
    await expect(
      app.getByRole('status').filter({ hasText: 'Import of cancelled.mp4 cancelled. Nothing was added.' }),
    ).toBeVisible();
    await expect(app.getByRole('progressbar', { name: 'Import progress' })).toHaveCount(0);
    await app.waitForTimeout(3000);
    expect(await storeSizes()).toEqual(before);
    await expect(recordings).toHaveCount(5);
  } finally {
    await browser.close();
  }
});
