import { expect, test } from '@playwright/test';
import { launch, playAndSeek, recordFixture } from './support/browser';
import { frameDifference, overlaps, readStore, type StoredEvent, type StoredRecording } from './support/db';

const FIXTURE_TITLE = 'P2S Fixture Form';

test('records another tab: a playable WebM, visual changes on each element acted on, key frames', async () => {
  const { browser, context } = await launch({ captureTitle: FIXTURE_TITLE });
  try {
    const { fixture, app } = await recordFixture(context);
    const startedAt = Date.now();
    await fixture.waitForTimeout(1500);
    const targets: { name: string; box: { x: number; y: number; width: number; height: number } }[] = [];
    const act = async (name: string, selector: string, action: () => Promise<void>) => {
      const box = await fixture.locator(selector).boundingBox();
      if (!box) throw new Error(`${selector} is not visible`);
      targets.push({ name, box });
      await action();
      await fixture.waitForTimeout(1500);
    };
    await act('Add item', '#add', () => fixture.click('#add'));
    await act('Summary', '#summary', () =>
      fixture.locator('#summary').pressSequentially('Quarterly report', { delay: 40 }),
    );
    await act('Urgent', '#urgent', () => fixture.click('#urgent'));
    await act('Open panel', '#toggle', () => fixture.click('#toggle'));

    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();
    const wallMs = Date.now() - startedAt;
    await expect(app.getByRole('status').filter({ hasText: 'Recording saved.' })).toBeVisible();

    const [recording] = await readStore<StoredRecording>(app, 'recordings');
    expect(recording).toBeDefined();
    expect(recording!.status).toBe('complete');
    expect(recording!.durationWritten).toBe(true);

    const { duration, seeked } = await playAndSeek(app);
    expect(Number.isFinite(duration)).toBe(true);
    expect(Math.abs(duration * 1000 - wallMs) / wallMs).toBeLessThan(0.1);
    expect(seeked).toBe(true);

    // Boxes are in the video's pixels; the fixture's are in CSS pixels.
    const viewport = await fixture.evaluate(() => innerWidth);
    const scale = recording!.width / viewport;
    const events = await readStore<StoredEvent>(app, 'events');
    const visual = events.filter((e) => e.type === 'visual');
    expect(visual.length).toBeGreaterThanOrEqual(targets.length);
    for (const target of targets) {
      const box = {
        x: target.box.x * scale,
        y: target.box.y * scale,
        width: target.box.width * scale,
        height: target.box.height * scale,
      };
      const hits = visual.filter((e) => e.box && overlaps(e.box, box));
      expect(hits, `a visual change over ${target.name}`).not.toHaveLength(0);
      const hit = hits[0]!;
      expect(hit.beforeFrameId && hit.afterFrameId).toBeTruthy();
      const diff = await frameDifference(app, hit.beforeFrameId!, hit.afterFrameId!, hit.box!);
      expect(diff, `before and after differ over ${target.name}`).toBeGreaterThan(1);
    }
  } finally {
    await browser.close();
  }
});
