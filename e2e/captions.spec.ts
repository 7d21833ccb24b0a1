import { expect, test, type Page } from '@playwright/test';
import { launch, recordFixture } from './support/browser';
import { readStore, writeSetting } from './support/db';

interface StoredAnalysis {
  data: {
    steps: { caption?: string; text: { text: string }[] }[];
    warnings: string[];
    captions?: { state: string; model?: string; runtime?: string; captioned: number; cached: number };
  };
}

/** Two clicks in the tickets fixture, then Stop. */
async function recordTwoClicks(fixture: Page, app: Page): Promise<void> {
  await fixture.waitForTimeout(2000);
  await fixture.click('#new');
  await fixture.waitForTimeout(2500);
  await fixture.click('#assign');
  await fixture.waitForTimeout(2500);
  await app.bringToFront();
  await app.getByRole('button', { name: 'Stop recording' }).click();
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

test('the Hub model is downloaded only when asked, and a failed download leaves the steps and says so', async () => {
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
    expect(hubRequests).toEqual([]); // nothing fetched before the person asks

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
