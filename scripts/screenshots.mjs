// Takes the README's screenshots from the built app (`npm run build` first, then
// `node scripts/screenshots.mjs` while `npm run preview` serves it).
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { baseChromiumArgs, chromiumPath } from './chromium.mjs';

const out = (name) => new URL(`../docs/screenshots/${name}`, import.meta.url).pathname;
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: [...baseChromiumArgs, '--auto-select-tab-capture-source-by-title=P2S Fixture Tickets'],
});
const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
const fixtureHtml = await readFile(new URL('../e2e/fixtures/tickets.html', import.meta.url));
await context.route('http://fixture.test/**', (route) =>
  route.fulfill({ body: fixtureHtml, contentType: 'text/html' }),
);
const fixture = await context.newPage();
await fixture.goto('http://fixture.test/tickets.html');
const app = await context.newPage();
await app.goto('http://localhost:4173/');
await app.getByRole('button', { name: 'Start recording' }).click();
await app.getByRole('button', { name: 'Stop recording' }).waitFor();
await fixture.bringToFront();
await fixture.waitForTimeout(2000);
await fixture.click('#new');
await fixture.waitForTimeout(2500);
await fixture.locator('#summary').pressSequentially('Printer jam', { delay: 60 });
await fixture.waitForTimeout(2500);
await fixture.click('#urgent');
await fixture.waitForTimeout(2500);
await fixture.click('#save');
await fixture.waitForTimeout(2500);
await app.bringToFront();
await app.getByRole('button', { name: 'Add marker' }).click();
await app.waitForTimeout(400);
await app.screenshot({ path: out('recording.png') });
await app.getByRole('button', { name: 'Stop recording' }).click();
await app.getByRole('status').filter({ hasText: 'Recording saved.' }).waitFor();
await app.getByRole('list', { name: 'Steps' }).waitFor({ timeout: 60_000 });
await app.getByRole('button', { name: 'Dismiss message' }).click();
await app.waitForTimeout(500);
await app.screenshot({ path: out('steps.png'), fullPage: true });
await browser.close();
console.log('Screenshots written to docs/screenshots/');
