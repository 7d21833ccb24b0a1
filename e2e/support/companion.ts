/** A browser with the built companion extension loaded, and the fixtures served from their own origin. */
import type { BrowserContext } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchWithCompanion } from '../../scripts/chromium.mjs';
import { FIXTURE_ORIGIN } from './browser';

export const EXTENSION = path.resolve(import.meta.dirname, '../../dist/extension');

/** A browser with the built companion extension loaded, the fixture served from its own origin. */
export async function launchWithExtension(
  captureTitle: string,
  alsoSecure: string[] = [],
): Promise<{ context: BrowserContext; done: () => Promise<void> }> {
  const { context, close } = await launchWithCompanion({
    extensionDir: EXTENSION,
    secureOrigin: [FIXTURE_ORIGIN, ...alsoSecure].join(','),
    captureTitle,
  });
  await context.route(`${FIXTURE_ORIGIN}/**`, async (route) => {
    const name = new URL(route.request().url()).pathname.replace(/^\//, '');
    await route.fulfill({
      body: await readFile(path.join(import.meta.dirname, '..', 'fixtures', name)),
      contentType: 'text/html',
    });
  });
  return { context, done: close };
}
