/**
 * A skill recorded with page events replays: its `scripts/replay.mjs` (run with
 * Node and Playwright, as an agent would) fills a fresh copy of the page with
 * other values, survives a changed layout and a renamed button, and fails loudly,
 * naming the step, at a surprise dialog or a missing control. Its
 * `references/recording.json` replays with @puppeteer/replay, the Chrome
 * Recorder format's own runner.
 */
import { expect, test, type Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { createRunner, parse, PuppeteerRunnerExtension } from '@puppeteer/replay';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer';
import { baseChromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { APP_URL, FIXTURE_ORIGIN, startRecording } from './support/browser';
import { launchWithExtension } from './support/companion';
import { text, unzipDownload } from './support/zip';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'expenses.html');

/** The fixture, changed as an app changes between the recording and the replay. */
const VARIANTS: Record<string, (html: string) => string> = {
  same: (html) => html,
  // The buttons swap places and the receipt box moves to the top of the form.
  moved: (html) => {
    const receipt =
      '      <span></span>\n      <label><input id="receipt" type="checkbox" /> I have a receipt</label>\n';
    const buttons = html.match(/ {8}<button type="button" id="cancel">Cancel<\/button>\n {8}<button[^\n]*\n/)![0];
    const [cancel, submit] = buttons.split('\n');
    return html
      .replace(receipt, '')
      .replace('<form id="report">\n', `<form id="report">\n${receipt}`)
      .replace(buttons, `${submit}\n${cancel}\n`);
  },
  // The button is renamed; its id and test id stay.
  renamed: (html) => html.replace('>Submit report</button>', '>Send report</button>'),
  // A dialog the recording never saw covers the page.
  dialog: (html) =>
    html.replace(
      '</body>',
      '<div role="dialog" aria-modal="true" aria-label="Session" style="position:fixed;inset:0;background:rgb(0 0 0 / 0.5)"><p style="background:#fff;padding:2em">Your session expires in 5 minutes. <button>Stay signed in</button></p></div></body>',
    ),
  // The description field is gone.
  removed: (html) =>
    html.replace('<label for="description">Description</label>\n      <input id="description" required />', ''),
};

function serveVariants(): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const variant = VARIANTS[url.searchParams.get('variant') ?? 'same'];
    if (url.pathname !== '/expenses.html' || !variant) {
      response.writeHead(404).end();
      return;
    }
    void readFile(FIXTURE, 'utf8').then((html) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end(variant(html));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/** Runs the skill's script as an agent would, from the repository (where Playwright is installed). */
function replay(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, ...args], { cwd: process.cwd(), timeout: 90_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

const pause = (page: Page) => page.waitForTimeout(700);

test('a skill recorded with page events replays with other values, through drift, and fails loudly where it must', async () => {
  test.setTimeout(300_000);
  const { server, origin } = await serveVariants();
  const { context, done } = await launchWithExtension('P2S Fixture Expenses');
  const work = await mkdtemp(path.join(tmpdir(), 'p2s-replay-e2e-'));
  try {
    // Record the workflow in another tab, at a person's pace.
    const fixture = await context.newPage();
    await fixture.goto(`${FIXTURE_ORIGIN}/expenses.html`);
    const app = await context.newPage();
    await app.goto(APP_URL);
    await expect(app.getByTestId('companion-status')).toContainText('Companion extension');
    await startRecording(app);
    await fixture.bringToFront();
    await pause(fixture);
    await fixture.locator('#date').fill('2026-11-24');
    await pause(fixture);
    await fixture.click('#amount');
    await fixture.keyboard.type('42.00', { delay: 60 });
    await pause(fixture);
    await fixture.selectOption('#category', 'travel');
    await pause(fixture);
    await fixture.click('#description');
    await fixture.keyboard.type('Lunch with a client', { delay: 60 });
    await pause(fixture);
    await fixture.check('#receipt');
    await pause(fixture);
    await fixture.click('#submit');
    await expect(fixture.getByRole('status')).toContainText('Report submitted');
    await pause(fixture);
    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();
    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(6, { timeout: 90_000 });
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0, { timeout: 60_000 });
    expect((await steps.locator('.what').allInnerTexts()).map((t) => t.trim())).toEqual([
      'Type 2026-11-24 into Date (a date field, yyyy-mm-dd)',
      'Type 42.00 into Amount',
      'Choose Travel in Category (a dropdown: Meals, Travel, Office)',
      'Type Lunch with a client into Description',
      'Check the I have a receipt checkbox',
      'Click the Submit report button',
    ]);
    // The date, the amount and the description become inputs, named from their labels.
    for (const [number, name] of [
      [1, 'date'],
      [2, 'amount'],
      [4, 'description'],
    ] as const) {
      await app.getByRole('button', { name: `Make step ${number}'s value an input` }).click();
      await expect(app.getByRole('textbox', { name: `Input name for step ${number}` })).toHaveValue(name);
      await app.keyboard.press('Enter');
    }
    const [download] = await Promise.all([
      app.waitForEvent('download'),
      app.getByRole('button', { name: 'Download skill (.zip)' }).click(),
    ]);
    const files = await unzipDownload(download);
    const root = [...files.keys()].find((name) => name.endsWith('/SKILL.md'))!.split('/')[0]!;
    const skill = text(files, `${root}/SKILL.md`);
    // Kept beside the test's results, to be read as an agent reads it.
    await writeFile(test.info().outputPath('SKILL.md'), skill);
    expect(skill).toContain('node scripts/replay.mjs --help');
    expect(skill).toContain('First ask the user to confirm');
    expect(skill).toContain('get it from the user before you run the script');
    for (const [name, bytes] of files) {
      await mkdir(path.dirname(path.join(work, name)), { recursive: true });
      await writeFile(path.join(work, name), bytes);
    }
    const script = path.join(work, root, 'scripts', 'replay.mjs');
    const help = await replay(script, ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--date <value> \(typed into "Date"\): default "2026-11-24"/);
    expect(help.stdout).toMatch(/--description <value>/);

    // A browser of the test's own, that the script drives over CDP: its page shows what the script did.
    const port = 9500 + Math.floor(Math.random() * 400);
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [...baseChromiumArgs, `--remote-debugging-port=${port}`],
    });
    try {
      const page = await (await browser.newContext()).newPage();
      const values = ['--date', '2027-01-05', '--amount', '13.50', '--description', 'Taxi to the airport'];
      const run = (variant: string) =>
        replay(script, [
          '--cdp',
          `http://127.0.0.1:${port}`,
          '--url',
          `${origin}/expenses.html?variant=${variant}`,
          '--timeout',
          '4000',
          ...values,
        ]);
      const filed = () => page.evaluate(() => (window as unknown as { filed?: unknown }).filed);
      const expected = {
        date: '2027-01-05',
        amount: '13.50',
        category: 'Travel',
        description: 'Taxi to the airport',
        receipt: true,
      };
      const table: string[] = [];

      const same = await run('same');
      table.push(`same page, new values: exit ${same.code}`);
      expect(same.code, same.stderr).toBe(0);
      expect(same.stdout).toContain('ok   6 ');
      expect(await filed()).toEqual(expected);

      const moved = await run('moved');
      table.push(`buttons and a field moved: exit ${moved.code}`);
      expect(moved.code, moved.stderr).toBe(0);
      expect(await filed()).toEqual(expected);

      const renamed = await run('renamed');
      table.push(
        `button renamed: exit ${renamed.code}, step 6 ${renamed.stdout.match(/ok {3}6 .*(found by fallback [^)]*)/)?.[1]}`,
      );
      // Only the renamed button needed a fallback.
      expect(renamed.stdout.match(/found by fallback/g)).toHaveLength(1);
      expect(renamed.code, renamed.stderr).toBe(0);
      expect(renamed.stdout).toMatch(/ok {3}6 .*\(found by fallback selector "#submit"\)/);
      expect(await filed()).toEqual(expected);

      const dialog = await run('dialog');
      table.push(`surprise dialog: exit ${dialog.code}, ${dialog.stderr.split('\n')[0]}`);
      expect(dialog.code).toBe(1);
      expect(dialog.stderr).toMatch(
        /^FAIL Step 1 \(Type \{\{date\}\} into Date.*\): a dialog is in the way: "Your session expires/,
      );
      expect(await filed()).toBeUndefined();

      const removed = await run('removed');
      table.push(`control removed: exit ${removed.code}, ${removed.stderr.split('\n')[0]}`);
      expect(removed.code).toBe(1);
      expect(removed.stderr).toMatch(
        /^FAIL Step 4 \(Type \{\{description\}\} into Description\): could not find the element\./,
      );
      expect(removed.stderr).toContain('Looked for: role textbox named "Description": 0 found');
      expect(removed.stderr).toContain('Nothing was clicked.');
      expect(await filed()).toBeUndefined();
      // A Chrome Recorder file imported into the app gives a skill whose script replays it too
      // (its select change holds the option's value; the Recorder file says no tag).
      await app
        .getByLabel('Import Chrome Recorder (.json)')
        .setInputFiles(path.join(import.meta.dirname, 'fixtures', 'recorder-expenses.json'));
      await expect(steps).toHaveCount(7, { timeout: 60_000 });
      await expect(steps.nth(1)).toContainText('Type 42.00 into Amount');
      const [imported] = await Promise.all([
        app.waitForEvent('download'),
        app.getByRole('button', { name: 'Download skill (.zip)' }).click(),
      ]);
      const importedFiles = await unzipDownload(imported);
      const importedRoot = [...importedFiles.keys()].find((name) => name.endsWith('/SKILL.md'))!.split('/')[0]!;
      const importedScript = path.join(work, 'from-recorder', 'replay.mjs');
      await mkdir(path.dirname(importedScript), { recursive: true });
      await writeFile(importedScript, importedFiles.get(`${importedRoot}/scripts/replay.mjs`)!);
      const fromRecorder = await replay(importedScript, [
        '--cdp',
        `http://127.0.0.1:${port}`,
        '--url',
        `${origin}/expenses.html`,
        '--timeout',
        '4000',
      ]);
      table.push(`from a Chrome Recorder file: exit ${fromRecorder.code}`);
      expect(fromRecorder.code, fromRecorder.stderr).toBe(0);
      expect(await filed()).toEqual({
        date: '2026-11-24',
        amount: '42.00',
        category: 'Travel',
        description: 'Lunch with a client',
        receipt: true,
      });
      await test.info().attach('drift.txt', { body: table.join('\n') });
      console.log(`replay drift cases:\n${table.join('\n')}`);
    } finally {
      await browser.close();
    }

    // The Chrome Recorder recording replays with @puppeteer/replay against the page it was recorded on.
    const recording = parse(JSON.parse(text(files, `${root}/references/recording.json`)));
    const html = await readFile(FIXTURE, 'utf8');
    const puppet = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: baseChromiumArgs });
    try {
      const page = await puppet.newPage();
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.url().startsWith(`${FIXTURE_ORIGIN}/`)) {
          void request.respond({ status: 200, contentType: 'text/html', body: html });
        } else void request.continue();
      });
      const runner = await createRunner(recording, new PuppeteerRunnerExtension(puppet, page, { timeout: 10_000 }));
      await runner.run();
      expect(await page.evaluate(() => (window as unknown as { filed?: unknown }).filed)).toEqual({
        date: '2026-11-24',
        amount: '42.00',
        category: 'Travel',
        description: 'Lunch with a client',
        receipt: true,
      });
    } finally {
      await puppet.close();
    }
  } finally {
    await done();
    server.close();
    await rm(work, { recursive: true, force: true });
  }
});
