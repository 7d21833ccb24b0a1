// The "import" section: videos of the scripted workload recorded at 720p and
// 1080p (by the app itself), then imported with ffmpeg.wasm's multi-thread and
// single-thread cores: frames extracted per second, and the whole import's
// time as a share of the video's length. No WebCodecs path exists yet (null).
import { chromium } from '@playwright/test';
import { baseChromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
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
    const chunks = await readStore(app, 'chunks');
    const bytes = await app.evaluate(async () => {
      const db = await new Promise((resolve) => {
        const open = indexedDB.open('pack2skill');
        open.onsuccess = () => resolve(open.result);
      });
      const all = await new Promise((resolve) => {
        const request = db.transaction('chunks').objectStore('chunks').getAll();
        request.onsuccess = () => resolve(request.result);
      });
      const blob = new Blob(all.sort((a, b) => a.seq - b.seq).map((c) => c.blob));
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    return { bytes: Buffer.from(bytes), chunks: chunks.length };
  } finally {
    await browser.close();
  }
}

/** Imports `video` with one ffmpeg core; returns the recording's import stats and the wall time. */
async function importOnce(appUrl, video, name, core) {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: baseChromiumArgs });
  try {
    const app = await (await browser.newContext()).newPage();
    await app.goto(`${appUrl}?ffmpeg=${core}`);
    await app.getByRole('button', { name: 'Import video' }).waitFor();
    const started = Date.now();
    const [chooser] = await Promise.all([
      app.waitForEvent('filechooser'),
      app.getByRole('button', { name: 'Import video' }).click(),
    ]);
    await chooser.setFiles({ name, mimeType: 'video/webm', buffer: video });
    await app.getByRole('list', { name: 'Recordings' }).getByRole('listitem').first().waitFor({ timeout: 1_800_000 });
    const wallMs = Date.now() - started;
    const [recording] = await readStore(app, 'recordings');
    return { wallMs, stats: recording.importStats, durationMs: recording.durationMs };
  } finally {
    await browser.close();
  }
}

/**
 * @param {{ appUrl: string, minutes?: number, fixtures: { workload: Buffer } }} options
 */
export async function benchImport({ appUrl, minutes = 1, fixtures }) {
  const seconds = Math.round(minutes * 60);
  const extract_fps = {};
  let ratio = null;
  for (const [label, size] of Object.entries(SIZES)) {
    const { bytes } = await recordVideo(appUrl, fixtures, size, seconds);
    for (const core of ['st', 'mt']) {
      const result = await importOnce(appUrl, bytes, `workload-${label}.webm`, core);
      extract_fps[`ffmpeg_${core}_${label}`] = round(result.stats.frames / (result.stats.extractMs / 1000));
      if (label === '1080p' && core === 'mt') ratio = round(result.wallMs / result.durationMs);
    }
  }
  extract_fps.webcodecs_1080p = null; // not built yet
  return { video_s: seconds, sample_fps: 2, extract_fps, [`import_${minutes}min_1080p_ratio`]: ratio };
}
