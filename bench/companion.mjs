// @ts-check
// The "companion" section (DESIGN.md §8): what the companion extension costs a
// page and how well its events line up with the video.
//
// - clock: a page turns black or white at each click; the recording's video is
//   played back frame by frame in the app's page and, for each click the
//   extension logged, the first frame showing the new colour is found. The
//   difference (frame time − event time) is the clock offset plus the time the
//   browser takes to paint and capture: what analysis must allow for.
// - load: on a page of 2 000 rows (each with a button and a field: the worst case
//   for naming a control among many alike), clicks and typing at a fast pace, with
//   the extension logging and without; the page's own Event Timing entries give how
//   long each input's handlers ran (the logger's included), and long tasks are counted.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchWithCompanion } from '../scripts/chromium.mjs';
import { readStore, round } from './workload.mjs';

const EXTENSION_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/extension');
const ORIGIN = 'http://companion-bench.test';
const FLASH_TITLE = 'P2S Bench Flash';
const ROWS_TITLE = 'P2S Bench Rows';
const CLICKS = 12;
const PACE_MS = 1000;

const FLASH_PAGE = `<!doctype html><title>${FLASH_TITLE}</title>
<style>html,body{margin:0;height:100%;background:#fff}button{position:fixed;left:600px;top:340px;font:20px sans-serif}</style>
<button id="flip">Flip</button>
<script>
  document.getElementById('flip').addEventListener('click', () => {
    document.body.style.background = document.body.style.background === 'rgb(0, 0, 0)' ? '#fff' : 'rgb(0, 0, 0)';
  });
</script>`;

const ROWS_PAGE = `<!doctype html><title>${ROWS_TITLE}</title>
<style>body{font:14px sans-serif;margin:8px} td{padding:1px 4px}</style>
<table><tbody id="rows"></tbody></table>
<script>
  const rows = document.getElementById('rows');
  for (let i = 0; i < 2000; i++) {
    const tr = document.createElement('tr');
    tr.innerHTML = '<td>Row ' + i + '</td><td><button>Edit</button></td><td><input aria-label="Note"></td>';
    rows.append(tr);
  }
  window.__timings = [];
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__timings.push({ name: e.name, processing: e.processingEnd - e.processingStart });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
</script>`;

/** @param {{ appUrl: string }} options */
export async function benchCompanion({ appUrl }) {
  return { clock: await measureClock(appUrl), load: await measureLoad(appUrl) };
}

/**
 * @param {string} captureTitle
 */
async function open(captureTitle) {
  const launched = await launchWithCompanion({ extensionDir: EXTENSION_DIR, secureOrigin: ORIGIN, captureTitle });
  await launched.context.route(`${ORIGIN}/**`, (route) =>
    route.fulfill({
      body: new URL(route.request().url()).pathname === '/rows.html' ? ROWS_PAGE : FLASH_PAGE,
      contentType: 'text/html',
    }),
  );
  return launched;
}

/** @param {import('@playwright/test').Page} app */
async function startRecording(app) {
  await app.getByText(/Companion extension .* is on/).waitFor();
  await app.getByRole('button', { name: 'Start recording' }).click();
  await app.getByText(/page events from the companion extension/).waitFor();
}

/** @param {string} appUrl */
async function measureClock(appUrl) {
  const { context, close } = await open(FLASH_TITLE);
  try {
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/flash.html`);
    const app = await context.newPage();
    await app.goto(appUrl);
    await startRecording(app);
    await page.bringToFront();
    await page.waitForTimeout(PACE_MS);
    for (let i = 0; i < CLICKS; i++) {
      await page.mouse.click(640, 352);
      await page.waitForTimeout(PACE_MS);
    }
    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();
    await app.getByRole('list', { name: 'Recordings' }).getByRole('listitem').first().waitFor();
    /** @type {{ type: string, t: number, source?: string }[]} */
    const events = await readStore(app, 'events');
    const clicks = events.filter((e) => e.type === 'click' && e.source === 'extension').map((e) => e.t);
    const video = await colourChanges(app);
    const offsets = clicks.flatMap((t) => {
      const frame = video.changes.find((ms) => ms >= t - 200);
      return frame === undefined || frame > t + 500 ? [] : [round(frame - t, 0)];
    });
    const sorted = [...offsets].sort((a, b) => a - b);
    return {
      clicks: clicks.length,
      clicks_matched_to_a_frame: offsets.length,
      frames_played: video.frames,
      video_fps: round(video.fps, 1),
      offset_ms: {
        min: sorted[0] ?? null,
        median: sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null,
        max: sorted.at(-1) ?? null,
      },
      offsets_ms: offsets,
    };
  } finally {
    await close();
  }
}

/**
 * Plays the newest recording's video in the app's page and returns the media
 * time (ms) of each frame whose colour flipped, read away from the button.
 * @param {import('@playwright/test').Page} app
 */
function colourChanges(app) {
  return app.evaluate(async () => {
    const db = /** @type {IDBDatabase} */ (
      await new Promise((resolve, reject) => {
        const request = indexedDB.open('pack2skill');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      })
    );
    /** @type {<T>(store: string) => Promise<T[]>} */
    const all = (store) =>
      new Promise((resolve) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result);
      });
    /** @type {{ id: string, createdAt: number }[]} */
    const recordings = await all('recordings');
    const newest = recordings.sort((a, b) => b.createdAt - a.createdAt)[0];
    /** @type {{ recordingId: string, seq: number, blob: Blob }[]} */
    const chunks = await all('chunks');
    const parts = chunks
      .filter((c) => c.recordingId === newest?.id)
      .sort((a, b) => a.seq - b.seq)
      .map((c) => c.blob);
    const video = document.createElement('video');
    video.muted = true;
    video.src = URL.createObjectURL(new Blob(parts, { type: 'video/webm' }));
    const canvas = new OffscreenCanvas(4, 4);
    const context = /** @type {OffscreenCanvasRenderingContext2D} */ (
      canvas.getContext('2d', { willReadFrequently: true })
    );
    /** @type {number[]} */
    const changes = [];
    let frames = 0;
    let last = /** @type {boolean | null} */ (null);
    let lastTime = 0;
    await new Promise((resolve) => {
      /** @type {VideoFrameRequestCallback} */
      const onFrame = (_now, meta) => {
        frames++;
        lastTime = meta.mediaTime;
        // A 40 × 40 patch in the top-left quarter, far from the button.
        context.drawImage(video, video.videoWidth * 0.1, video.videoHeight * 0.1, 40, 40, 0, 0, 4, 4);
        const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
        const dark = r + g + b < 384;
        if (last !== null && dark !== last) changes.push(meta.mediaTime * 1000);
        last = dark;
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
      video.addEventListener('ended', resolve, { once: true });
      void video.play();
    });
    return { changes, frames, fps: lastTime > 0 ? frames / lastTime : 0 };
  });
}

/** @param {string} appUrl */
async function measureLoad(appUrl) {
  const { context, close } = await open(ROWS_TITLE);
  try {
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/rows.html`);
    const app = await context.newPage();
    await app.goto(appUrl);
    await page.bringToFront(); // a tab behind another has its timers slowed
    const idle = await drive(page);
    await startRecording(app);
    await page.bringToFront();
    const logging = await drive(page);
    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();
    await app.getByRole('list', { name: 'Recordings' }).getByRole('listitem').first().waitFor();
    /** @type {{ type: string, source?: string }[]} */
    const events = await readStore(app, 'events');
    const fromPage = events.filter((e) => e.source === 'extension');
    return {
      rows: 2000,
      without_logging: idle,
      logging: {
        ...logging,
        page_events_stored: fromPage.length,
        clicks_stored: fromPage.filter((e) => e.type === 'click').length,
      },
    };
  } finally {
    await close();
  }
}

/**
 * Clicks 40 buttons and fields down the table and types into fields, as fast as
 * the driver goes; returns the input handlers' processing times and long tasks.
 * @param {import('@playwright/test').Page} page
 */
async function drive(page) {
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__timings = [];
    w.__longTasks = [];
  });
  // The logger's own time: CPU profile samples with a frame of the logger script on the stack.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const started = Date.now();
  let inputs = 0;
  for (let i = 0; i < 40; i++) {
    const row = page.locator('#rows tr').nth(i * 45);
    await row.getByRole('button', { name: 'Edit' }).click();
    await row.getByRole('textbox').click();
    await page.keyboard.type('note ' + i, { delay: 10 });
    inputs += 2 + `note ${i}`.length;
  }
  const seconds = (Date.now() - started) / 1000;
  await page.waitForTimeout(500);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();
  /** @type {{ timings: { name: string, processing: number }[], longTasks: number[] }} */
  const seen = await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    return { timings: w.__timings, longTasks: w.__longTasks };
  });
  const processing = seen.timings.map((t) => t.processing).sort((a, b) => a - b);
  const at = (/** @type {number} */ q) =>
    processing.length ? round(processing[Math.floor(q * (processing.length - 1))] ?? 0, 1) : 0;
  return {
    inputs,
    inputs_per_second: round(inputs / seconds, 1),
    // Event Timing lists each DOM event of an input (pointerdown, click, keydown, input…) whose
    // time to the next paint was 16 ms or more; `handler_ms` is the time its handlers ran.
    event_entries: processing.length,
    handler_ms: { median: at(0.5), p95: at(0.95), max: at(1) },
    logger_ms: round(timeIn(profile, 'logger.js'), 0),
    long_tasks: seen.longTasks.length,
    long_task_ms: round(
      seen.longTasks.reduce((a, b) => a + b, 0),
      0,
    ),
  };
}

/**
 * Milliseconds of a CPU profile spent with a function of `script` on the stack.
 * @param {{ nodes: { id: number, callFrame: { url: string }, children?: number[] }[], samples?: number[], timeDeltas?: number[] }} profile
 * @param {string} script
 */
function timeIn(profile, script) {
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, boolean>} */
  const inScript = new Map();
  /** @param {number} id @returns {boolean} */
  const within = (id) => {
    const known = inScript.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const result = Boolean(byId.get(id)?.callFrame.url.endsWith(script)) || (up !== undefined && within(up));
    inScript.set(id, result);
    return result;
  };
  let us = 0;
  (profile.samples ?? []).forEach((id, i) => {
    if (within(id)) us += profile.timeDeltas?.[i] ?? 0;
  });
  return us / 1000;
}
