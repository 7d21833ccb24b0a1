// @ts-check
// Where Debian's Chromium lives, and the flags every headless run here needs (DESIGN.md §7).
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const baseChromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/**
 * Launches Chromium with the companion extension (an unpacked folder) in a fresh
 * profile, a 1280×720 viewport, and waits for its service worker. Capture handles,
 * which tell the app which tab the extension logs, exist only in secure contexts:
 * `secureOrigin`, test sites served over http (comma-separated), are treated as https ones.
 * `close` also deletes the profile.
 * @param {{ extensionDir: string, secureOrigin: string, captureTitle: string }} options
 */
export async function launchWithCompanion({ extensionDir, secureOrigin, captureTitle }) {
  const { chromium } = await import('@playwright/test');
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const profile = await mkdtemp(path.join(tmpdir(), 'p2s-companion-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 720 },
    acceptDownloads: true,
    args: [
      ...baseChromiumArgs,
      `--unsafely-treat-insecure-origin-as-secure=${secureOrigin}`,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--auto-select-tab-capture-source-by-title=${captureTitle}`,
    ],
  });
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
