/**
 * What is shown belongs to the recording shown, and deleting a recording
 * leaves nothing of it: not its review, not its rows in any store.
 */
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { FIXTURE_ORIGIN, launch, openApp } from './support/browser';
import { countRows } from './support/db';

/** A pack session of one shortcut on the page as it is: one step, "Press Control+S". */
async function shortcutSession(fixture: Page): Promise<Buffer> {
  const zip = new JSZip();
  const at = (s: number) => `2025-07-17_11-00-0${s}-000000`;
  zip.file('shortcut/screenshots/a.jpg', await fixture.screenshot({ type: 'jpeg' }));
  zip.file('shortcut/screenshots/b.jpg', await fixture.screenshot({ type: 'jpeg' }));
  const line = (s: number, type: string, key: string, shot: string | null) =>
    `{'timestamp': '${at(s)}', 'event_type': '${type}', 'details': {'key': '${key}'}, 'cursor_pos': (10, 10), 'screenshot_path': ${shot ? `'/x/screenshots/${shot}'` : 'None'}}`;
  zip.file(
    'shortcut/events.jsonl',
    [
      line(1, 'keyboard_press', 'Key.ctrl_l', 'a.jpg'),
      line(1, 'keyboard_press', 's', null),
      line(2, 'keyboard_release', 'Key.ctrl_l', 'b.jpg'),
    ].join('\n') + '\n',
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A pack session of three actions on the tickets page, each with its screenshot: a few seconds of OCR. */
async function ticketsSession(fixture: Page): Promise<Buffer> {
  const zip = new JSZip();
  const lines: string[] = [];
  const at = (s: number) => `2025-07-17_10-06-${String(s).padStart(2, '0')}-000000`;
  const shot = async (name: string) => {
    zip.file(`tickets/screenshots/${name}`, await fixture.screenshot({ type: 'jpeg', quality: 90 }));
    return `'/x/screenshots/${name}'`;
  };
  for (const [s, selector] of [
    [2, '#new'],
    [6, '#save'],
  ] as const) {
    const box = (await fixture.locator(selector).boundingBox())!;
    const pos = `(${Math.round(box.x + box.width / 2)}, ${Math.round(box.y + box.height / 2)})`;
    lines.push(
      `{'timestamp': '${at(s)}', 'event_type': 'mouse_down', 'details': {'button': 'Button.left'}, 'cursor_pos': ${pos}, 'screenshot_path': ${await shot(`${s}a.jpg`)}}`,
    );
    await fixture.click(selector);
    lines.push(
      `{'timestamp': '${at(s + 1)}', 'event_type': 'poll', 'details': {}, 'cursor_pos': ${pos}, 'screenshot_path': ${await shot(`${s}b.jpg`)}}`,
    );
  }
  zip.file('tickets/events.jsonl', lines.join('\n') + '\n');
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function importSession(app: Page, name: string, buffer: Buffer): Promise<void> {
  await app.getByLabel('Import session (.zip)').setInputFiles({ name, mimeType: 'application/zip', buffer });
}

const STORES = ['recordings', 'chunks', 'frames', 'events', 'analyses', 'cache'];

test('showing another recording while one is analysed shows only its own steps, then and later', async () => {
  const { browser, context } = await launch();
  try {
    const fixture = await context.newPage();
    await fixture.goto(`${FIXTURE_ORIGIN}/tickets.html`);
    const shortcut = await shortcutSession(fixture);
    const tickets = await ticketsSession(fixture);
    const app = await openApp(context);
    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    const progress = app.getByRole('progressbar', { name: 'Analysis progress' });
    const recordings = app.getByRole('list', { name: 'Recordings' }).getByRole('listitem');

    await importSession(app, 'shortcut.zip', shortcut);
    await expect(steps).toHaveCount(1, { timeout: 60_000 });
    await expect(progress).toHaveCount(0, { timeout: 60_000 });

    // The tickets session starts analysing; the person goes back to the shortcut recording meanwhile.
    await importSession(app, 'tickets.zip', tickets);
    await expect(progress).toBeVisible();
    await recordings.filter({ hasText: 'shortcut.zip' }).getByRole('button', { name: 'Show steps' }).click();
    await expect(app.getByRole('heading', { name: /Steps · pack session, 2025-07-17 11:00/ })).toBeVisible();
    await expect(steps).toHaveCount(1);
    await expect(steps.first()).toContainText('Control+S');

    // Long after the tickets analysis would have finished, nothing of it has been written here,
    // and no "cancelled" message was shown for a switch the person made.
    await app.waitForTimeout(12_000);
    await expect(app.getByRole('heading', { name: /Steps · pack session, 2025-07-17 11:00/ })).toBeVisible();
    await expect(steps).toHaveCount(1);
    await expect(steps.first()).toContainText('Control+S');
    await expect(app.getByText('Analysis cancelled')).toHaveCount(0);

    // And the tickets recording, shown again, is analysed into its own steps.
    await recordings.filter({ hasText: 'tickets.zip' }).getByRole('button', { name: 'Show steps' }).click();
    await expect(steps).toHaveCount(2, { timeout: 60_000 });
    await expect(steps.nth(1)).toContainText('Save ticket');
  } finally {
    await browser.close();
  }
});

test('deleting a recording, even while it is analysed, closes its review and leaves no row in any store', async () => {
  const { browser, context } = await launch();
  try {
    const fixture = await context.newPage();
    await fixture.goto(`${FIXTURE_ORIGIN}/tickets.html`);
    const tickets = await ticketsSession(fixture);
    const app = await openApp(context);
    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    const progress = app.getByRole('progressbar', { name: 'Analysis progress' });
    const recordings = app.getByRole('list', { name: 'Recordings' }).getByRole('listitem');
    const before = await countRows(app, STORES);
    expect(before.recordings).toBe(0);

    // Analysed to the end: frames, events, the analysis and the OCR readings are stored.
    await importSession(app, 'tickets.zip', tickets);
    await expect(steps).toHaveCount(2, { timeout: 60_000 });
    await expect(progress).toHaveCount(0, { timeout: 60_000 });
    const stored = await countRows(app, STORES);
    for (const store of ['recordings', 'frames', 'events', 'analyses', 'cache'])
      expect(stored[store]).toBeGreaterThan(0);

    await recordings.first().getByRole('button', { name: 'Delete' }).click();
    await recordings.first().getByRole('button', { name: 'Delete for good' }).click();
    await expect(recordings).toHaveCount(0);
    await expect(app.getByRole('heading', { name: /^Steps/ })).toHaveCount(0);
    expect(await countRows(app, STORES)).toEqual(before);

    // Again, deleted while its analysis runs: what the analysis finishes later stores nothing.
    await importSession(app, 'tickets-again.zip', tickets);
    await expect(progress).toBeVisible();
    await recordings.first().getByRole('button', { name: 'Delete' }).click();
    await recordings.first().getByRole('button', { name: 'Delete for good' }).click();
    await expect(recordings).toHaveCount(0);
    await expect(app.getByRole('heading', { name: /^Steps/ })).toHaveCount(0);
    await app.waitForTimeout(12_000);
    expect(await countRows(app, STORES)).toEqual(before);
  } finally {
    await browser.close();
  }
});
