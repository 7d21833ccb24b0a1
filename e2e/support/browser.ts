/**
 * Launching Debian's Chromium for a test, with the capture flags of DESIGN.md §7.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
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
