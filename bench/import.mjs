// The "import" section: videos of the scripted workload recorded at 720p and
// 1080p by the app itself (VP8 in WebM), imported with each decoder: ffmpeg.wasm
// single-thread and multi-thread, and WebCodecs. Frames extracted per second
// (sampled frames / time spent getting them, opening the decoder included),
// and the whole import's time as a share of the video's length. The 1080p
// video is also played back and encoded as H.264 MP4 (at most one minute of
// it: encoding runs in real time) and imported with ffmpeg mt and WebCodecs,
// so that the choice of decoder rests on both common codecs.
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { baseChromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { encodeMp4InBrowser, remux, storedVideo } from '../scripts/test-videos.mjs';
import { readStore, round } from './workload.mjs';

const SIZES = { '720p': { width: 1280, height: 720 }, '1080p': { width: 1920, height: 1080 } };

/** Records the workload page at `size` for `seconds` and returns the WebM's bytes. */
async function recordVideo(appUrl, fixtures, size, seconds) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...baseChromiumArgs, '--auto-select-tab-capture-source-by-title=P2S Bench Workload'],
  });
  try {
    const context = await browser.newContext({ viewport: size });
    await context.route('http://workload.test/**', (route) =>
      route.fulfill({ body: fixtures.workload, contentType: 'text/html' }),
    );
    const workload = await context.newPage();
    await workload.goto('http://workload.test/?every=5000');
    const app = await context.newPage();
    await app.goto(appUrl);
    await app.getByRole('button', { name: 'Start recording' }).click();
    await app.getByRole('button', { name: 'Stop recording' }).waitFor();
    await workload.bringToFront();
    await workload.waitForTimeout(seconds * 1000);
    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();
    await app.getByRole('button', { name: 'Start recording' }).waitFor();
    return await storedVideo(app);
  } finally {
    await browser.close();
  }
}

/** Plays `webm` back as H.264 in MP4, in real time (remuxed: not fragmented, as most MP4 files are). */
async function toH264(appUrl, webm) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: baseChromiumArgs });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(appUrl);
    return await remux(await encodeMp4InBrowser(page, webm), 'mp4');
  } finally {
    await browser.close();
  }
}

const DECODERS = {
  ffmpeg_st: '?decoder=ffmpeg&ffmpeg=st',
  ffmpeg_mt: '?decoder=ffmpeg',
  webcodecs: '?decoder=webcodecs',
};

/** Imports `video` with one decoder; returns the recording's import stats and the wall time. */
async function importOnce(appUrl, video, name, mimeType, decoder) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: baseChromiumArgs });
  try {
    const app = await (await browser.newContext()).newPage();
    await app.goto(`${appUrl}${DECODERS[decoder]}`);
    await app.getByRole('button', { name: 'Import video' }).waitFor();
    // The longest main-thread task while importing: how long the page could not answer a click.
    await app.evaluate(() => {
      window.longestTaskMs = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.longestTaskMs = Math.max(window.longestTaskMs, entry.duration);
      }).observe({ type: 'longtask' });
    });
    const started = Date.now();
    const [chooser] = await Promise.all([
      app.waitForEvent('filechooser'),
      app.getByRole('button', { name: 'Import video' }).click(),
    ]);
    await chooser.setFiles({ name, mimeType, buffer: video });
    await app.getByRole('list', { name: 'Recordings' }).getByRole('listitem').first().waitFor({ timeout: 1_800_000 });
    const wallMs = Date.now() - started;
    const longestTaskMs = await app.evaluate(() => window.longestTaskMs);
    const [recording] = await readStore(app, 'recordings');
    const stats = recording.importStats;
    // A forced decoder that could not take the file falls back: say so rather than mislabel the figure.
    if (!stats.decoder.startsWith(decoder.split('_')[0])) throw new Error(`${decoder} fell back to ${stats.decoder}`);
    return { wallMs, stats, durationMs: recording.durationMs, longestTaskMs };
  } finally {
    await browser.close();
  }
}

const fps = (stats) => round(stats.frames / (stats.decodeMs / 1000));

/**
 * @param {{ appUrl: string, minutes?: number, fixtures: { workload: Buffer } }} options
 */
/** The app's video sampling rate (`SAMPLE_FPS`), read from its source so that the figure never goes stale. */
async function sampleFps() {
  const source = await readFile(new URL('../src/import/video/frame-source.ts', import.meta.url), 'utf8');
  return Number(/export const SAMPLE_FPS = (\d+)/.exec(source)?.[1]);
}

export async function benchImport({ appUrl, minutes = 1, fixtures }) {
  const seconds = Math.round(minutes * 60);
  const extract_fps = {};
  const import_ratio = {};
  const longest_main_thread_task_ms = {};
  for (const [label, size] of Object.entries(SIZES)) {
    const bytes = await recordVideo(appUrl, fixtures, size, seconds);
    for (const decoder of Object.keys(DECODERS)) {
      const result = await importOnce(appUrl, bytes, `workload-${label}.webm`, 'video/webm', decoder);
      extract_fps[`${decoder}_${label}`] = fps(result.stats);
      longest_main_thread_task_ms[`${decoder}_${label}`] = Math.round(result.longestTaskMs);
      if (label === '1080p') import_ratio[decoder] = round(result.wallMs / result.durationMs);
    }
    if (label === '1080p') {
      const short = seconds > 60 ? await recordVideo(appUrl, fixtures, size, 60) : bytes;
      const h264 = await toH264(appUrl, short);
      for (const decoder of ['ffmpeg_mt', 'webcodecs']) {
        const result = await importOnce(appUrl, h264, 'workload-1080p.mp4', 'video/mp4', decoder);
        extract_fps[`${decoder}_h264_1080p`] = fps(result.stats);
      }
    }
  }
  return {
    video_s: seconds,
    sample_fps: await sampleFps(),
    extract_fps,
    // The decoder the app picks for this file (WebCodecs: Chromium decodes VP8).
    [`import_${minutes}min_1080p_ratio`]: import_ratio.webcodecs,
    [`import_${minutes}min_1080p_ratio_by_decoder`]: import_ratio,
    longest_main_thread_task_ms,
  };
}
