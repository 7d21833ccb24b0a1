import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { launch, openApp } from './support/browser';
import { countRows } from './support/db';
import { text, unzipDownload } from './support/zip';

const RECORDING = new URL('./fixtures/recorder-expenses.json', import.meta.url).pathname;

test('a Chrome Recorder recording imports by file or by drop into steps named from its selectors; a bad one adds nothing and names the step', async () => {
  const { browser, context } = await launch();
  try {
    const app = await openApp(context);
    await app.getByLabel('Import Chrome Recorder (.json)').setInputFiles(RECORDING);
    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(7, { timeout: 60_000 });
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0, { timeout: 60_000 });
    expect((await steps.locator('.what').allInnerTexts()).map((t) => t.trim())).toEqual([
      'Type 2026-11-24 into Date',
      'Type 42.00 into Amount',
      'Type travel into Category',
      'Type Lunch with a client into Description',
      'Click I have a receipt',
      'Click the Submit report button',
      'Press Ctrl+S',
    ]);
    await expect(app.getByText(/It has no screenshots: record the run once more for them/)).toBeVisible();
    // Its selectors make a replay script, and the start page is the recording's.
    const [download] = await Promise.all([
      app.waitForEvent('download'),
      app.getByRole('button', { name: 'Download skill (.zip)' }).click(),
    ]);
    const files = await unzipDownload(download);
    const root = [...files.keys()].find((name) => name.endsWith('/SKILL.md'))!.split('/')[0]!;
    expect(text(files, `${root}/SKILL.md`)).toContain('- Go to `http://fixture.test/expenses.html`');
    expect(text(files, `${root}/scripts/replay.mjs`)).toContain('"name": "Submit report"');
    const recordings = app.getByRole('list', { name: 'Recordings' }).getByRole('listitem');
    await expect(recordings).toHaveCount(1);

    // A malformed one: the message says which step and what is wrong, in view; nothing is added.
    await app.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const broken = JSON.parse(await readFile(RECORDING, 'utf8')) as { steps: Record<string, unknown>[] };
    delete broken.steps[4]!['value'];
    await app.getByLabel('Import Chrome Recorder (.json)').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const message = app.getByText(
      'broken.json could not be imported: Step 5 (change) needs a "value" that is text. Nothing was added.',
    );
    await expect(message).toBeInViewport();
    await expect(recordings).toHaveCount(1);
    expect((await countRows(app, ['recordings', 'events']))['recordings']).toBe(1);

    // Dropped on the Recordings list, it imports too.
    const bytes = [...(await readFile(RECORDING))];
    const dataTransfer = await app.evaluateHandle((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'dropped.json', { type: 'application/json' }));
      return transfer;
    }, bytes);
    const list = app.getByRole('region', { name: 'Recordings' });
    await list.dispatchEvent('dragover', { dataTransfer });
    await list.dispatchEvent('drop', { dataTransfer });
    await expect(recordings).toHaveCount(2);
  } finally {
    await browser.close();
  }
});
