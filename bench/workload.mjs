// Shared by the benchmark sections: a browser recording the scripted workload
// page through the app, and small helpers.
import { chromium } from '@playwright/test';
import { baseChromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const WORKLOAD_TITLE = 'P2S Bench Workload';
export const MB = 1024 * 1024;

/** @param {number} x @param {number} [digits] */
export const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * Launches Chromium, opens the workload (one action every `everyMs`) and the
 * app, and starts recording the workload tab, which is left in front.
 * @param {{ appUrl: string, fixtures: { workload: Buffer }, everyMs: number }} options
 */
export async function startWorkloadRecording({ appUrl, fixtures, everyMs }) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      ...baseChromiumArgs,
      `--auto-select-tab-capture-source-by-title=${WORKLOAD_TITLE}`,
      // measureUserAgentSpecificMemory() answers at once instead of at the next GC.
      '--enable-blink-features=ForceEagerMeasureMemory',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.route('http://workload.test/**', (route) =>
    route.fulfill({ body: fixtures.workload, contentType: 'text/html' }),
  );
  const workload = await context.newPage();
  await workload.goto(`http://workload.test/?every=${everyMs}`);
  const app = await context.newPage();
  await app.goto(appUrl);
  await app.getByRole('button', { name: 'Start recording' }).click();
  await app.getByRole('button', { name: 'Stop recording' }).waitFor();
  await workload.bringToFront();
  return { browser, context, workload, app };
}

/**
 * Every record of an IndexedDB store of the app, read in the page.
 * @param {import('@playwright/test').Page} app
 * @param {string} store
 */
export function readStore(app, store) {
  return app.evaluate(async (name) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('pack2skill');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    return new Promise((resolve) => {
      const request = db.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result);
    });
  }, store);
}

/**
 * Total size of the key frames stored (Blobs do not cross to Node, so it is summed in the page).
 * @param {import('@playwright/test').Page} app
 */
export function keyframeBytes(app) {
  return app.evaluate(async () => {
    const db = await new Promise((resolve) => {
      const open = indexedDB.open('pack2skill');
      open.onsuccess = () => resolve(open.result);
    });
    return new Promise((resolve) => {
      const request = db.transaction('frames').objectStore('frames').getAll();
      request.onsuccess = () => resolve(request.result.reduce((n, frame) => n + frame.blob.size, 0));
    });
  });
}
