import { expect, test } from '@playwright/test';
import { launch, recordFixture } from './support/browser';
import { readStore } from './support/db';

test('after Stop, the Steps list shows one step per action, with screenshots and labels read by OCR', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Tickets' });
  try {
    const { fixture, app } = await recordFixture(context, 'tickets.html');
    const pause = () => fixture.waitForTimeout(2500); // a person's pace between actions
    await pause();
    await fixture.click('#new');
    await pause();
    await fixture.locator('#summary').pressSequentially('Printer jam', { delay: 60 });
    await pause();
    await fixture.click('#urgent');
    await pause();
    await fixture.click('#assign');
    await pause();
    await fixture.click('#save');
    await pause();
    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();

    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toBeVisible();
    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(5, { timeout: 90_000 });
    // The first screen's heading is not taken for the app's name (pixels alone do not know the page).
    await expect(app.getByRole('heading', { name: /Steps/ })).not.toContainText('Helpdesk');
    const texts = await steps.locator('.what').allInnerTexts();
    expect(texts[0]).toMatch(/New ticket/);
    expect(texts[1]).toMatch(/Type Printer jam into Summary/);
    expect(texts[2]).toMatch(/Urgent/);
    expect(texts[3]).toMatch(/Assign to me/);
    expect(texts[4]).toMatch(/Save ticket/);
    // Each label read from pixels says what on the screen named it.
    for (const meta of await steps.locator('.meta').allInnerTexts()) {
      expect(meta).toMatch(
        /label read from the screen \((its own pixels|it stayed|a mark|a box|the item|text there before|only the text)/,
      );
    }
    // Most of the reading happened while recording: the changes before the last were read then.
    const [analysis] = await readStore<{
      data: {
        ocr: { reads: number; cachedReads: number; cachedScreenReads: number };
        screens: { title?: string; lines: { text: string }[] }[];
      };
    }>(app, 'analyses');
    expect(analysis!.data.ocr.cachedReads).toBeGreaterThanOrEqual(6);
    // The first screen was read whole while recording; its text is kept with the analysis.
    expect(analysis!.data.ocr.cachedScreenReads).toBeGreaterThanOrEqual(1);
    expect(analysis!.data.screens[0]!.title).toBe('Helpdesk');
    expect(analysis!.data.screens[0]!.lines.map((line) => line.text).join(' ')).toMatch(/New ticket/);
    for (let i = 0; i < 5; i++) {
      const images = steps.nth(i).getByRole('img');
      await expect(images.first()).toBeVisible();
      expect(await images.first().evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(100);
    }
  } finally {
    await browser.close();
  }
});

test('when the OCR engine cannot load, analysis still lists the steps and says why labels are missing', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Tickets' });
  try {
    // The OCR worker, cores and data cannot be fetched (as on a first visit that went offline).
    await context.route('**/vendor/**', (route) => route.abort('internetdisconnected'));
    const { fixture, app } = await recordFixture(context, 'tickets.html');
    await fixture.waitForTimeout(2000);
    await fixture.click('#new');
    await fixture.waitForTimeout(2500);
    await fixture.click('#assign');
    await fixture.waitForTimeout(2500);
    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();

    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(2, { timeout: 60_000 });
    await expect(app.getByRole('status').filter({ hasText: 'The screen could not be read' })).toBeVisible();
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0);
    // The recording itself is untouched.
    await expect(app.getByRole('list', { name: 'Recordings' }).getByRole('listitem')).toHaveCount(1);
  } finally {
    await browser.close();
  }
});
