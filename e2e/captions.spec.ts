import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { clickThenStop, launch, recordFixture } from './support/browser';
import { readStore, writeSetting } from './support/db';

interface StoredAnalysis {
  data: {
    steps: { caption?: string; text: { text: string }[] }[];
    warnings: string[];
    captions?: { state: string; model?: string; runtime?: string; captioned: number; cached: number };
  };
}

/** Two clicks in the tickets fixture, then Stop. */
const recordTwoClicks = (fixture: Page, app: Page) => clickThenStop(fixture, app, ['#new', '#assign']);

/**
 * Stands in for the Hugging Face Hub: serves the tiny model's files for the
 * default model's repository (every precision variant of an ONNX file gets the
 * tiny fp32 file), so the real download, progress and cache path runs offline.
 */
async function fakeHub(context: BrowserContext): Promise<{ requests: string[]; goOffline: () => void }> {
  const requests: string[] = [];
  let online = true;
  await context.route('https://huggingface.co/**', async (route) => {
    const url = route.request().url();
    requests.push(url);
    const match = /\/onnx-community\/Florence-2-base-ft\/resolve\/main\/(.+)$/.exec(new URL(url).pathname);
    if (!online || !match) return route.abort('internetdisconnected');
    const file = match[1]!.replace(/_(quantized|fp16|q4|q4f16|int8|uint8)\.onnx$/, '.onnx');
    const body = await readFile(new URL(`../models/tiny-florence2/${file}`, import.meta.url)).catch(() => null);
    if (!body) return route.fulfill({ status: 404, body: 'Not found' });
    return route.fulfill({
      body,
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(body.length) },
    });
  });
  return { requests, goOffline: () => (online = false) };
}

test('the tiny local model captions each step on wasm, and analysing again reuses the captions', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Tickets' });
  try {
    const { fixture, app } = await recordFixture(context, 'tickets.html');
    await writeSetting(app, 'caption-settings', { model: 'tiny-florence2', device: 'auto' });
    await recordTwoClicks(fixture, app);

    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(2, { timeout: 60_000 });
    await expect(steps.locator('.caption')).toHaveCount(2, { timeout: 60_000 });
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0);
    const [first] = await readStore<StoredAnalysis>(app, 'analyses');
    const captions = first!.data.steps.map((step) => step.caption ?? '');
    // The random test model writes lowercase letters and spaces (its output bias allows no others).
    for (const caption of captions) expect(caption).toMatch(/^[a-z ]+$/);
    expect(first!.data.captions).toMatchObject({ state: 'done', model: 'tiny-florence2', captioned: 2, cached: 0 });
    // No GPU adapter without --enable-unsafe-webgpu: the CPU runs it.
    expect(first!.data.captions!.runtime).toBe('wasm');

    await app.getByRole('button', { name: 'Analyse again' }).click();
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0, { timeout: 60_000 });
    const [again] = await readStore<StoredAnalysis>(app, 'analyses');
    expect(again!.data.captions).toMatchObject({ state: 'done', captioned: 2, cached: 2 });
    expect(again!.data.steps.map((step) => step.caption)).toEqual(captions);
  } finally {
    await browser.close();
  }
});

test('the Hub model is downloaded only when asked and never under Local only; a failed download leaves the steps and says so', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Tickets' });
  try {
    const hubRequests: string[] = [];
    await context.route('https://huggingface.co/**', (route) => {
      hubRequests.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    const { fixture, app } = await recordFixture(context, 'tickets.html');
    await recordTwoClicks(fixture, app);

    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(2, { timeout: 60_000 });
    const offer = app.getByRole('region', { name: 'Captions' });
    await expect(offer).toContainText('Florence-2 base');
    // Local only (the default): no download is offered, and nothing is fetched.
    await expect(offer).toContainText('Local only is on, so nothing is downloaded');
    await expect(offer.getByRole('button', { name: 'Download caption model' })).toHaveCount(0);
    expect(hubRequests).toEqual([]);

    // Local only off: the download is offered, and made only when asked.
    await app.getByRole('button', { name: 'Settings' }).click();
    const dialog = app.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('checkbox', { name: /Local only/ }).uncheck();
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await app.getByRole('button', { name: 'Analyse again' }).click();
    await expect(offer.getByRole('button', { name: 'Download caption model' })).toBeVisible({ timeout: 60_000 });
    expect(hubRequests).toEqual([]);

    await offer.getByRole('button', { name: 'Download caption model' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Captions are missing' })).toBeVisible({ timeout: 60_000 });
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0);
    expect(hubRequests.length).toBeGreaterThan(0);
    await expect(steps).toHaveCount(2);
    const [stored] = await readStore<StoredAnalysis>(app, 'analyses');
    expect(stored!.data.captions?.state).toBe('failed');
  } finally {
    await browser.close();
  }
});

test('with a WebGPU adapter (software, no shader-f16) the tiny model captions on WebGPU', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Tickets', args: ['--enable-unsafe-webgpu'] });
  try {
    const { fixture, app } = await recordFixture(context, 'tickets.html');
    await writeSetting(app, 'caption-settings', { model: 'tiny-florence2', device: 'auto' });
    await recordTwoClicks(fixture, app);

    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps.locator('.caption')).toHaveCount(2, { timeout: 120_000 });
    const [stored] = await readStore<StoredAnalysis>(app, 'analyses');
    expect(stored!.data.captions).toMatchObject({ state: 'done', runtime: 'webgpu', captioned: 2 });
  } finally {
    await browser.close();
  }
});

test('the Hub model downloads when asked, with progress, and then captions from the browser cache under Local only', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Tickets' });
  try {
    const hub = await fakeHub(context);
    const { fixture, app } = await recordFixture(context, 'tickets.html');
    await writeSetting(app, 'caption-settings', { model: 'florence-2-base-ft', device: 'cpu' });
    // Downloading is a request beyond the app: Local only is off for it.
    await writeSetting(app, 'cloud-settings', { localOnly: false });
    await recordTwoClicks(fixture, app);
    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(2, { timeout: 60_000 });
    expect(hub.requests).toEqual([]);

    await app.getByRole('button', { name: 'Download caption model' }).click();
    await expect(app.getByText(/Loading the caption model/)).toBeVisible();
    await expect(steps.locator('.caption')).toHaveCount(2, { timeout: 60_000 });
    // The wasm plan's 8-bit files were the ones asked for.
    expect(hub.requests.some((url) => url.endsWith('onnx/decoder_model_merged_quantized.onnx'))).toBe(true);
    const [stored] = await readStore<StoredAnalysis>(app, 'analyses');
    expect(stored!.data.captions).toMatchObject({ state: 'done', model: 'florence-2-base-ft', runtime: 'wasm' });

    // Offline and Local only from now on: a new visit captions from the browser's cache,
    // without asking again and without a request to the Hub.
    hub.goOffline();
    await writeSetting(app, 'cloud-settings', { localOnly: true });
    const asked = hub.requests.length;
    await app.reload();
    await app.getByRole('button', { name: 'Show steps' }).click();
    await app.getByRole('button', { name: 'Analyse again' }).click();
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0, { timeout: 60_000 });
    await expect(steps.locator('.caption')).toHaveCount(2);
    await expect(app.getByRole('region', { name: 'Captions' })).toHaveCount(0);
    const [again] = await readStore<StoredAnalysis>(app, 'analyses');
    expect(again!.data.captions).toMatchObject({ state: 'done', captioned: 2 });
    expect(again!.data.warnings.filter((w) => w.startsWith('Captions'))).toEqual([]);
    expect(hub.requests.length).toBe(asked);
  } finally {
    await browser.close();
  }
});
