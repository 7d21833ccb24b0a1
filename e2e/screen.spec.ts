/**
 * Recording the whole screen, as a person recording a desktop program does: a real X
 * screen (Xvfb) with headed Chromium on it. The app's own windows are in the picture
 * there (its floating controls tick every second), and must not be recorded as changes.
 */
import { chromium, expect, test, type Page } from '@playwright/test';
import { baseChromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { startScreen } from '../scripts/xvfb.mjs';
import { APP_URL, startRecording } from './support/browser';
import { readStore } from './support/db';

const SCREEN = { width: 1280, height: 800 };

/** Where on the screen a page's heading is: somewhere to click that does nothing but focus its window. */
const headingOf = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector('h1')!.getBoundingClientRect();
    return {
      x: Math.round(screenX + box.x + box.width / 2),
      y: Math.round(screenY + outerHeight - innerHeight + box.y + box.height / 2),
    };
  });

/** Where a page's window is on the screen. */
const windowOf = (page: Page) =>
  page.evaluate(() => ({ x: screenX, y: screenY, width: outerWidth, height: outerHeight }));

test("sharing the whole screen records the other window's change, not the recorder's ticking windows", async () => {
  const screen = await startScreen(SCREEN);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: false,
    env: screen.env,
    args: [
      ...baseChromiumArgs,
      '--auto-select-desktop-capture-source=Entire screen',
      '--window-position=0,0',
      `--window-size=${SCREEN.width / 2},${SCREEN.height}`,
    ],
  });
  try {
    const context = await browser.newContext({ viewport: null });
    const app = await context.newPage();
    await app.goto(APP_URL);
    // Playwright tells every page it has the focus; here the focus is the window system's.
    await (await context.newCDPSession(app)).send('Emulation.setFocusEmulationEnabled', { enabled: false });
    // The workflow's window, beside the app's, open before the recording starts.
    const [other] = await Promise.all([
      context.waitForEvent('page'),
      app.evaluate(() => void window.open('about:blank', 'other', 'popup,width=500,height=400')),
    ]);
    const cdp = await context.newCDPSession(other);
    await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
    const { windowId } = await cdp.send('Browser.getWindowForTarget');
    await cdp.send('Browser.setWindowBounds', { windowId, bounds: { left: 700, top: 100, width: 500, height: 400 } });
    await other.setContent(
      '<title>P2S other window</title><body style="margin:0;background:#fff"><p id="p" style="font:40px sans-serif"></p></body>',
    );
    const place = await windowOf(other);
    expect(place.x, 'the other page is a window of its own, beside the app').toBeGreaterThanOrEqual(660);

    // The person clicks Start in the app's window (first its heading: the focus is theirs).
    const heading = await headingOf(app);
    await screen.click(heading.x, heading.y);
    const pipOpened = context.waitForEvent('page', { timeout: 5000 }).catch(() => null);
    await startRecording(app);
    let pip = await pipOpened;
    if (!pip) {
      // Start's activation may be spent before the window opens; the button floats it then.
      const opened = context.waitForEvent('page', { timeout: 5000 }).catch(() => null);
      await app.getByRole('button', { name: 'Float controls over other windows' }).click();
      pip = await opened;
    }
    expect(pip, 'the floating controls window').toBeTruthy();
    await (await context.newCDPSession(pip!)).send('Emulation.setFocusEmulationEnabled', { enabled: false });
    await expect(pip!.getByRole('timer', { name: 'Elapsed time' })).toHaveText(/0:0[2-5]/);
    // While the app is in use its page ticks too; both are on the shared screen.
    await app.waitForTimeout(1500);

    // The person turns to the other window: the app's page holds still, the floating one ticks on.
    await screen.click(place.x + 250, place.y + 250);
    await other.waitForTimeout(2500);
    expect(await app.evaluate(() => document.hasFocus())).toBe(false);
    const held = await app.getByRole('timer', { name: 'Elapsed time' }).textContent();
    await other.locator('#p').evaluate((p) => (p.textContent = 'Quarterly report'));
    await other.waitForTimeout(2500);
    await expect(app.getByRole('timer', { name: 'Elapsed time' })).toHaveText(held ?? '');
    await expect(pip!.getByRole('timer', { name: 'Elapsed time' })).not.toHaveText(held ?? '');
    // The app's page changes while it is out of use (a notice comes up): its own change, not
    // the workflow's, though the page lost the focus long ago.
    await app.evaluate(() => {
      const notice = document.createElement('p');
      notice.textContent = 'A notice from the app';
      notice.style.cssText = 'font:40px sans-serif;background:#fc0;margin:0';
      document.body.prepend(notice);
    });
    await other.waitForTimeout(2000);

    // Back to the app to stop: it has the focus again before its page changes.
    await screen.click(heading.x, heading.y);
    await app.waitForTimeout(300);
    await app.getByRole('button', { name: 'Stop recording' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Recording saved.' })).toBeVisible();

    const changes = (await readStore<{ type: string; box: { x: number; y: number; width: number } }>(app, 'events'))
      .filter((e) => e.type === 'visual')
      .map((e) => e.box);
    // The frame is the screen, pixel for pixel: every change lies in the other window.
    expect(changes.length, 'the text that appeared in the other window').toBeGreaterThanOrEqual(1);
    for (const box of changes) expect(box.x, JSON.stringify(box)).toBeGreaterThanOrEqual(place.x - 8);
  } finally {
    await browser.close();
    screen.stop();
  }
});
