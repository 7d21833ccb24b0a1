import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { APP_URL, FIXTURE_ORIGIN, launch, startRecording } from './support/browser';
import { readStore } from './support/db';
import { launchWithExtension } from './support/companion';
import { unzipDownload } from './support/zip';

/**
 * Stops the extension's service worker as Chrome does when it idles (DevTools'
 * ServiceWorker.stopWorker) and waits until it has stopped. Its ports close;
 * the next message from a page starts it again.
 */
async function stopCompanionWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  // Every status each version went through: a stopped worker restarts within milliseconds when a page calls it.
  const seen: { versionId: string; runningStatus: string }[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) if (v.scriptURL.startsWith('chrome-extension://')) seen.push(v);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => seen.some((v) => v.runningStatus === 'running')).toBe(true);
  const versionId = seen.findLast((v) => v.runningStatus === 'running')!.versionId;
  const from = seen.length;
  await cdp.send('ServiceWorker.stopWorker', { versionId });
  await expect.poll(() => seen.slice(from).some((v) => v.runningStatus === 'stopped')).toBe(true);
  await cdp.detach();
}

/** Opens the signup fixture and the app, which sees the extension, and records the fixture's tab. */
async function recordSignup(context: BrowserContext): Promise<{ fixture: Page; app: Page }> {
  const fixture = await context.newPage();
  await fixture.goto(`${FIXTURE_ORIGIN}/signup.html`);
  const app = await context.newPage();
  await app.goto(APP_URL);
  await expect(app.getByTestId('companion-status')).toContainText('Companion extension 0.2.0 is on');
  await startRecording(app);
  await expect(app.getByText(/page events from the companion extension/)).toBeVisible();
  await fixture.bringToFront();
  await fixture.waitForTimeout(800);
  return { fixture, app };
}

test('the app offers the companion extension as a zip that loads as it is: MV3, storage only, relay on the app origins', async () => {
  const { browser, context } = await launch();
  try {
    const app = await context.newPage();
    await app.goto(APP_URL);
    const details = app.getByText(/add the companion extension/);
    await details.click();
    const [download] = await Promise.all([
      app.waitForEvent('download'),
      app.getByRole('link', { name: 'Download pack2skill-companion.zip' }).click(),
    ]);
    const files = await unzipDownload(download);
    expect([...files.keys()].sort()).toEqual([
      'pack2skill-companion/background.js',
      'pack2skill-companion/logger.js',
      'pack2skill-companion/manifest.json',
      'pack2skill-companion/options.html',
      'pack2skill-companion/options.js',
      'pack2skill-companion/relay.js',
    ]);
    const manifest = JSON.parse(new TextDecoder().decode(files.get('pack2skill-companion/manifest.json'))) as {
      manifest_version: number;
      permissions: string[];
      host_permissions?: string[];
      content_scripts: { matches: string[]; js: string[] }[];
    };
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_scripts.find((c) => c.js.includes('relay.js'))!.matches).toEqual([
      'http://localhost/*',
      'http://127.0.0.1/*',
    ]);
  } finally {
    await browser.close();
  }
});

test('with the companion extension, a workflow in another tab gives steps named from the page: fields, a select, shadow DOM and a frame; no password kept', async () => {
  test.setTimeout(180_000);
  const { context, done } = await launchWithExtension('P2S Fixture Signup');
  try {
    const { fixture, app } = await recordSignup(context);
    await fixture.click('#name');
    await fixture.keyboard.type('Dana Scully', { delay: 60 });
    await fixture.click('#password');
    await fixture.keyboard.type('hunter2-secret', { delay: 60 });
    await fixture.selectOption('#plan', 'Team');
    await fixture.waitForTimeout(600);
    await fixture.locator('terms-box').getByRole('button', { name: 'Accept terms' }).click();
    await fixture.waitForTimeout(600);
    await fixture.frameLocator('iframe').getByRole('button', { name: 'Confirm' }).click();
    await fixture.waitForTimeout(600);
    await fixture.click('#create');
    await expect(fixture.locator('#done')).toHaveText('Account created for Dana Scully on Team');
    await fixture.waitForTimeout(1800);
    // A new page in the same tab, opened from the address bar well after the last click: its
    // logger has a new handle, the tab is still the recorded one, and the page loading is no step.
    await fixture.goto(`${FIXTURE_ORIGIN}/account.html`);
    await fixture.waitForTimeout(800);
    await fixture.click('#copy');
    await fixture.waitForTimeout(1200);
    // Another page posting events into the app's window with a guessed nonce is ignored.
    await app.evaluate(() =>
      window.postMessage(
        {
          channel: 'pack2skill-companion',
          type: 'events',
          nonce: 'guessed',
          events: [
            {
              seq: 99,
              at: Date.now(),
              type: 'click',
              viewport: { width: 1, height: 1 },
              devicePixelRatio: 1,
              target: { name: 'Forged' },
            },
          ],
        },
        location.origin,
      ),
    );
    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();

    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps.first()).toBeVisible({ timeout: 60_000 });
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0, { timeout: 60_000 });
    const texts = (await steps.locator('.what').allInnerTexts()).map((t) => t.trim());
    expect(texts).toEqual([
      'Type Dana Scully into Full name',
      'Type the secret value into Password',
      'Choose Team in Plan (a dropdown: Free, Team, Enterprise)',
      'Click the Accept terms button',
      'Click the Confirm button',
      'Click the Create account button',
      'Click the Copy key button',
    ]);

    // The review says where each name came from.
    await expect(steps.first().locator('.meta')).toContainText('label from the page');

    const events = await readStore<{ source: string; type: string; value?: string; target?: { name?: string } }>(
      app,
      'events',
    );
    const fromPage = events.filter((e) => e.source === 'extension');
    expect(fromPage.length).toBeGreaterThanOrEqual(7);
    // Where the person was: the start page and the page loaded during the recording.
    const pages = await readStore<{ type: string; url?: string }>(app, 'events');
    expect(pages.filter((e) => e.type === 'navigate').map((e) => e.url)).toEqual([
      `${FIXTURE_ORIGIN}/signup.html`,
      `${FIXTURE_ORIGIN}/account.html`,
    ]);
    expect(events.some((e) => e.target?.name === 'Forged')).toBe(false);
    expect(JSON.stringify(events)).not.toContain('hunter2');

    const [download] = await Promise.all([
      app.waitForEvent('download'),
      app.getByRole('button', { name: 'Download skill (.zip)' }).click(),
    ]);
    const files = await unzipDownload(download);
    const decoder = new TextDecoder();
    const all = [...files.values()].map((bytes) => decoder.decode(bytes)).join('\n');
    const skill = [...files].find(([name]) => name.endsWith('SKILL.md'))?.[1];
    expect(decoder.decode(skill)).toContain('into **Full name**');
    // Page events name the start page.
    expect(decoder.decode(skill)).toContain(
      `- Go to \`${FIXTURE_ORIGIN}/signup.html\` (the page titled **P2S Fixture Signup**)`,
    );
    expect(all).not.toContain('hunter2');
  } finally {
    await done();
  }
});

test('the extension worker stopped mid-recording loses no event and repeats none', async () => {
  test.setTimeout(180_000);
  const { context, done } = await launchWithExtension('P2S Fixture Signup');
  try {
    const { fixture, app } = await recordSignup(context);
    await fixture.click('#name');
    await fixture.keyboard.type('Dana Scully', { delay: 60 });
    // Stopped while the typing is still open in the page: it is sent when the next click closes it.
    await stopCompanionWorker(fixture);
    await fixture.selectOption('#plan', 'Team');
    await fixture.waitForTimeout(600);
    await stopCompanionWorker(fixture);
    await fixture.locator('terms-box').getByRole('button', { name: 'Accept terms' }).click();
    await fixture.waitForTimeout(600);
    await fixture.click('#create');
    // Stopped right after the last click, before the app has acknowledged it.
    await stopCompanionWorker(fixture);
    await fixture.waitForTimeout(1200);
    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();

    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps.first()).toBeVisible({ timeout: 60_000 });
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0, { timeout: 60_000 });
    expect((await steps.locator('.what').allInnerTexts()).map((t) => t.trim())).toEqual([
      'Type Dana Scully into Full name',
      'Choose Team in Plan (a dropdown: Free, Team, Enterprise)',
      'Click the Accept terms button',
      'Click the Create account button',
    ]);
    const events = await readStore<{ source: string; type: string; target?: { name?: string } }>(app, 'events');
    // Each page event once, in order: none lost while the worker was down, none stored twice when sent again.
    const fromPage = events.filter((e) => e.source === 'extension').map((e) => `${e.type} ${e.target?.name ?? ''}`);
    expect(fromPage).toEqual([
      'navigate ',
      'focus Full name',
      'click Full name',
      'input Plan',
      'input Full name',
      'focus Accept terms',
      'click Accept terms',
      'focus Create account',
      'click Create account',
    ]);
  } finally {
    await done();
  }
});

test('a self-hosted app added in the options page finds the extension; another origin still does not', async () => {
  test.setTimeout(120_000);
  const selfHosted = 'http://pack2skill.example';
  // Treated as https, as a real self-hosted app would be served.
  const { context, done } = await launchWithExtension('unused', [selfHosted]);
  try {
    // The built app, served from an address the build does not know.
    await context.route(`${selfHosted}/**`, async (route) => {
      const url = new URL(route.request().url());
      const response = await route.fetch({ url: new URL(url.pathname + url.search, APP_URL).href });
      await route.fulfill({ response });
    });
    const app = await context.newPage();
    await app.goto(selfHosted);
    await expect(app.getByText(/add the companion extension/)).toBeVisible();

    const id = new URL(context.serviceWorkers()[0]!.url()).host;
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await expect(options.getByRole('list', { name: 'Built-in app addresses' })).toContainText('http://localhost/*');
    await options.getByLabel('Address of your pack2skill app').fill('javascript:alert(1)');
    await options.getByRole('button', { name: 'Add' }).click();
    await expect(options.getByRole('alert')).toContainText('cannot be the app');
    await options.getByLabel('Address of your pack2skill app').fill(`${selfHosted}/some/page?x=1`);
    await options.getByRole('button', { name: 'Add' }).click();
    await expect(options.getByRole('alert')).toContainText(`Added ${selfHosted}`);
    await expect(options.getByRole('list', { name: 'Added app addresses' })).toHaveText(`${selfHosted} Remove`);

    await app.reload();
    await expect(app.getByTestId('companion-status')).toContainText('is on');
    // A page elsewhere gets no relay: nobody answers its hello.
    const other = await context.newPage();
    await other.goto(`${FIXTURE_ORIGIN}/signup.html`);
    const answered = await other.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          window.addEventListener('message', (e) => {
            if ((e.data as { type?: string }).type === 'ready') resolve(true);
          });
          window.postMessage({ channel: 'pack2skill-companion', type: 'hello' }, location.origin);
          setTimeout(() => resolve(false), 1000);
        }),
    );
    expect(answered).toBe(false);

    // Removed, the address is not trusted any more.
    await options.getByRole('button', { name: `Remove ${selfHosted}` }).click();
    await expect(options.getByRole('list', { name: 'Added app addresses' })).toHaveText('');
    await app.reload();
    await expect(app.getByText(/add the companion extension/)).toBeVisible();
  } finally {
    await done();
  }
});
