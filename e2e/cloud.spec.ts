import { expect, test, type Page, type Request } from '@playwright/test';
import { APP_URL, clickThenStop, FIXTURE_ORIGIN, launch, recordFixture } from './support/browser';
import { text, unzipDownload } from './support/zip';

/** Two clicks in the tickets fixture, then Stop; waits for the steps and the end of analysis. */
async function recordTwoClicks(fixture: Page, app: Page): Promise<void> {
  await clickThenStop(fixture, app, ['#new', '#assign']);
  await expect(app.getByRole('list', { name: 'Steps' }).getByRole('listitem')).toHaveCount(2, { timeout: 60_000 });
  await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0, { timeout: 60_000 });
}

test('with Local only (the default) no request leaves the app while recording and analysing', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Tickets' });
  try {
    const requests: Request[] = [];
    context.on('request', (request) => requests.push(request));
    const { fixture, app } = await recordFixture(context, 'tickets.html');
    await recordTwoClicks(fixture, app);
    await expect(app.getByText('Local only is on: nothing leaves this device.')).toBeVisible();
    await expect(app.getByRole('region', { name: 'Cloud model' })).toHaveCount(0);
    const allowed = new Set([new URL(APP_URL).origin, FIXTURE_ORIGIN]);
    const outside = requests
      .map((r) => r.url())
      .filter((url) => /^https?:/.test(url) && !allowed.has(new URL(url).origin));
    expect(outside).toEqual([]);
    expect(requests.length).toBeGreaterThan(5); // the app's own files and OCR engine were seen
  } finally {
    await browser.close();
  }
});

test('with a Gemini key, the steps shown and exported are the model’s, after the person agrees to send', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Tickets' });
  try {
    const KEY = 'AIza-test-key-0000000000';
    const sent: { headers: Record<string, string>; body: { contents: { parts: Record<string, unknown>[] }[] } }[] = [];
    let answerBadlyFirst = true;
    await context.route('https://generativelanguage.googleapis.com/**', async (route) => {
      const body = route.request().postDataJSON() as (typeof sent)[number]['body'];
      sent.push({ headers: route.request().headers(), body });
      const prompt = JSON.stringify(body);
      if (!prompt.includes('connection') && answerBadlyFirst) {
        answerBadlyFirst = false;
        const text = 'Sure! 1. Click New ticket 2. Click Assign';
        return route.fulfill({
          contentType: 'application/json',
          body: JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ text }] } }] }),
        });
      }
      const answer = prompt.includes('connection')
        ? { steps: [], skill_name: 'ok', skill_description: 'ok' }
        : {
            steps: [
              {
                index: 1,
                start: '00:02',
                end: '00:02',
                title: 'New',
                instruction: 'Open a draft with "New ticket".',
                target: 'New ticket',
                value: '',
                parameters: [],
              },
              {
                index: 2,
                start: '00:04',
                end: '00:04',
                title: 'Assign',
                instruction: 'Take the ticket with "Assign to me".',
                target: 'Assign to me',
                value: '',
                parameters: [],
              },
            ],
            skill_name: 'take-a-printer-ticket',
            skill_description: 'Opens and takes a helpdesk ticket. Use when a printer problem comes in.',
          };
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({
          candidates: [{ content: { role: 'model', parts: [{ text: JSON.stringify(answer) }] } }],
        }),
      });
    });
    const { fixture, app } = await recordFixture(context, 'tickets.html');

    // Settings: allow cloud models, choose Gemini, add the key, test it.
    await app.bringToFront();
    await app.getByRole('button', { name: 'Settings' }).click();
    const dialog = app.getByRole('dialog', { name: 'Settings' });
    await dialog.getByRole('checkbox', { name: /Local only/ }).uncheck();
    await dialog.getByRole('combobox', { name: 'Analysis backend' }).selectOption('gemini');
    await dialog.getByLabel('Gemini API key').fill(KEY);
    await expect(dialog.getByLabel('Gemini API key')).toHaveAttribute('type', 'password');
    await dialog.getByRole('button', { name: 'Test Gemini connection' }).click();
    await expect(dialog.getByText('Gemini answered: the connection works.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await fixture.bringToFront();
    await recordTwoClicks(fixture, app);

    // Offered, with what would be sent; nothing is sent before the click.
    const offer = app.getByRole('region', { name: 'Cloud model' });
    await expect(offer).toContainText('3 screenshots');
    expect(sent).toHaveLength(1); // the connection test only
    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');

    // Local only switched on while the offer is shown: the offer goes, and nothing can be sent.
    await app.getByRole('button', { name: 'Settings' }).click();
    await dialog.getByRole('checkbox', { name: /Local only/ }).check();
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await expect(offer).toHaveCount(0);
    await expect(app.getByText('Local only is on: nothing leaves this device.')).toBeVisible();
    expect(sent).toHaveLength(1);
    await app.getByRole('button', { name: 'Settings' }).click();
    await dialog.getByRole('checkbox', { name: /Local only/ }).uncheck();
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await expect(offer).toContainText('3 screenshots');

    // A reply that is not the JSON asked for: said plainly, the local steps kept.
    await offer.getByRole('button', { name: 'Send to Gemini' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Gemini could not be used' })).toContainText('not JSON');
    await expect(steps.first()).toContainText('Click New ticket');
    await app.getByRole('button', { name: 'Analyse again' }).click();

    const before = sent.length;
    await offer.getByRole('button', { name: 'Send to Gemini' }).click();
    await expect(steps.first()).toContainText('Open a draft with "New ticket".', { timeout: 60_000 });
    await expect(steps.nth(1)).toContainText('Take the ticket with "Assign to me".');
    await expect(app.getByText(/Steps by Gemini \(gemini-2\.5-flash\)/)).toBeVisible();
    await expect(app.getByRole('textbox', { name: 'Skill name' })).toHaveValue('take-a-printer-ticket');

    const request = sent[before]!;
    expect(sent.length - before).toBe(1);
    expect(request.headers['x-goog-api-key']).toBe(KEY);
    const images = request.body.contents[0]!.parts.filter((part) => 'inlineData' in part);
    expect(images).toHaveLength(3);

    const [download] = await Promise.all([
      app.waitForEvent('download'),
      app.getByRole('button', { name: 'Download skill (.zip)' }).click(),
    ]);
    const files = await unzipDownload(download);
    const skill = text(files, 'take-a-printer-ticket/SKILL.md');
    expect(skill).toContain('1. Open a draft with "New ticket".');
    expect(skill).toContain('2. Take the ticket with "Assign to me".');
    for (const path of files.keys()) expect(text(files, path)).not.toContain(KEY);
  } finally {
    await browser.close();
  }
});
