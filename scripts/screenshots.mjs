// Takes the README's screenshots from the built app (`npm run build` first, then
// `node scripts/screenshots.mjs` while `npm run preview` serves it).
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { baseChromiumArgs, chromiumPath } from './chromium.mjs';

const out = (name) => new URL(`../docs/screenshots/${name}`, import.meta.url).pathname;
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: [...baseChromiumArgs, '--auto-select-tab-capture-source-by-title=P2S Fixture Form'],
});
const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
const fixtureHtml = await readFile(new URL('../e2e/fixtures/form.html', import.meta.url));
await context.route('http://fixture.test/**', (route) =>
  route.fulfill({ body: fixtureHtml, contentType: 'text/html' }),
);
const fixture = await context.newPage();
await fixture.goto('http://fixture.test/form.html');
const app = await context.newPage();
await app.goto('http://localhost:4173/');
await app.getByRole('button', { name: 'Start recording' }).click();
await app.getByRole('button', { name: 'Stop recording' }).waitFor();
await fixture.bringToFront();
for (const selector of ['#add', '#urgent', '#toggle']) {
  await fixture.waitForTimeout(900);
  await fixture.click(selector);
}
await fixture.waitForTimeout(1500);
await app.bringToFront();
await app.getByRole('button', { name: 'Add marker' }).click();
await app.waitForTimeout(400);
await app.screenshot({ path: out('recording.png') });
await app.getByRole('button', { name: 'Stop recording' }).click();
await app.getByRole('status').filter({ hasText: 'Recording saved.' }).waitFor();
await app.getByRole('button', { name: 'Play video' }).click();
await app.locator('video').evaluate(async (el) => {
  if (el.readyState < 2) await new Promise((r) => el.addEventListener('loadeddata', r, { once: true }));
  el.currentTime = el.duration * 0.8;
  await new Promise((r) => el.addEventListener('seeked', r, { once: true }));
});
await app.screenshot({ path: out('home.png'), fullPage: true });
await browser.close();
console.log('Screenshots written to docs/screenshots/');
