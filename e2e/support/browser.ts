/**
 * Launching Debian's Chromium for a test, with the capture flags of DESIGN.md §7.
 */
import { chromium, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { baseChromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';

export const APP_URL = 'http://localhost:4173/';
export const FIXTURE_ORIGIN = 'http://fixture.test';

export interface LaunchOptions {
  /** Title of the tab that getDisplayMedia picks without a picker. */
  captureTitle?: string;
  /** Extra flags, e.g. a fake screen. */
  args?: string[];
}

export async function launch(options: LaunchOptions = {}): Promise<{ browser: Browser; context: BrowserContext }> {
  const args = [...baseChromiumArgs, ...(options.args ?? [])];
  if (options.captureTitle) args.push(`--auto-select-tab-capture-source-by-title=${options.captureTitle}`);
  const browser = await chromium.launch({ executablePath: chromiumPath, args });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  // Fixture pages are served from their own origin, as a real site would be.
  await context.route(`${FIXTURE_ORIGIN}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\//, '');
    const body = await readFile(new URL(`../fixtures/${name}`, import.meta.url));
    await route.fulfill({ body, contentType: name.endsWith('.html') ? 'text/html' : 'application/octet-stream' });
  });
  return { browser, context };
}

export async function openApp(context: BrowserContext): Promise<Page> {
  const app = await context.newPage();
  await app.goto(APP_URL);
  await app.getByRole('button', { name: 'Start recording' }).waitFor();
  return app;
}

/** Presses Start recording and waits until the recorder runs. */
export async function startRecording(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'Start recording' }).click();
  await expect(app.getByRole('button', { name: 'Stop recording' })).toBeVisible();
}

/**
 * Opens a fixture page (the tab to be captured, by its title) and the app, and
 * starts recording the fixture. The fixture is brought to the front.
 */
export async function recordFixture(
  context: BrowserContext,
  page = 'form.html',
): Promise<{ fixture: Page; app: Page }> {
  const fixture = await context.newPage();
  await fixture.goto(`${FIXTURE_ORIGIN}/${page}`);
  const app = await openApp(context);
  await startRecording(app);
  await fixture.bringToFront();
  return { fixture, app };
}

/**
 * Opens the player of a recording in the list (the first one by default),
 * waits for its metadata and seeks to the middle.
 */
export async function playAndSeek(app: Page, index = 0): Promise<{ duration: number; seeked: boolean }> {
  const item = app.getByRole('list', { name: 'Recordings' }).getByRole('listitem').nth(index);
  await item.getByRole('button', { name: 'Play video' }).click();
  return item.locator('video').evaluate(async (el: HTMLVideoElement) => {
    if (el.readyState < 1) await new Promise((r) => el.addEventListener('loadedmetadata', r, { once: true }));
    const duration = el.duration;
    const seeked = await new Promise<boolean>((resolve) => {
      el.addEventListener('seeked', () => resolve(true), { once: true });
      el.addEventListener('error', () => resolve(false), { once: true });
      el.currentTime = duration / 2;
      setTimeout(() => resolve(false), 10_000);
    });
    return { duration, seeked };
  });
}

/** Clicks each selector in the fixture at a person's pace (2.5 s apart), then stops the recording in the app. */
export async function clickThenStop(fixture: Page, app: Page, selectors: string[]): Promise<void> {
  await fixture.waitForTimeout(2000);
  for (const selector of selectors) {
    await fixture.click(selector);
    await fixture.waitForTimeout(2500);
  }
  await app.bringToFront();
  await app.getByRole('button', { name: 'Stop recording' }).click();
}
