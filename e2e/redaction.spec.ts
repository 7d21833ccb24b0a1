import { expect, test, type Page } from '@playwright/test';
import { launch, recordFixture } from './support/browser';
import { readStore } from './support/db';
import { text, unzipDownload } from './support/zip';

const EMAIL = 'ada.lovelace@example.com';
const KEY = 'sk-live-4f9a8b7c6d5e4f3a2b1c9d8e';

type Box = { x: number; y: number; width: number; height: number };

/** Luma (0–255) of each pixel of an image inside `box`, decoded in the page. */
async function luma(page: Page, bytes: Uint8Array, box: Box): Promise<number[]> {
  return page.evaluate(
    async ({ bytes, box }) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)]));
      const canvas = new OffscreenCanvas(box.width, box.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, box.x, box.y, box.width, box.height, 0, 0, box.width, box.height);
      const data = ctx.getImageData(0, 0, box.width, box.height).data;
      const values: number[] = [];
      for (let i = 0; i < data.length; i += 4)
        values.push(0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!);
      return values;
    },
    { bytes: [...bytes], box },
  );
}

/** Share of pixels dark enough to be the ink of letters. */
const ink = (values: number[]) => values.filter((v) => v < 110).length / values.length;
const meanDifference = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + Math.abs(v - b[i]!), 0) / a.length;

test('an email address and an API key on screen are masked in the text and blurred in the images, and so is an area drawn by hand', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Account' });
  try {
    const { fixture, app } = await recordFixture(context, 'account.html');
    const boxes = {
      email: (await fixture.locator('#email').boundingBox())!,
      key: (await fixture.locator('#key').boundingBox())!,
      heading: (await fixture.locator('#heading').boundingBox())!,
      note: (await fixture.locator('#note').boundingBox())!,
    };
    await fixture.waitForTimeout(2500);
    await fixture.click('#copy');
    await fixture.waitForTimeout(2500);
    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();
    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(1, { timeout: 90_000 });
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0, { timeout: 60_000 });

    // Blur the note by hand: drag over it on the Before screenshot (which is the one exported).
    await app.getByRole('button', { name: 'Blur an area in step 1' }).click();
    const thumb = (await steps.first().getByRole('img', { name: 'Before screenshot' }).boundingBox())!;
    const at = (x: number, y: number) => ({
      x: thumb.x + (x / 1280) * thumb.width,
      y: thumb.y + (y / 720) * thumb.height,
    });
    const from = at(boxes.note.x - 4, boxes.note.y - 4);
    const to = at(boxes.note.x + boxes.note.width + 4, boxes.note.y + boxes.note.height + 4);
    await app.mouse.move(from.x, from.y);
    await app.mouse.down();
    await app.mouse.move(to.x, to.y, { steps: 5 });
    await app.mouse.up();
    await app.getByRole('button', { name: 'Done blurring step 1' }).click();
    await expect(app.getByRole('button', { name: 'Remove the blurs of step 1' })).toHaveText('Remove blurs (1)');

    const [download] = await Promise.all([
      app.waitForEvent('download'),
      app.getByRole('button', { name: 'Download skill (.zip)' }).click(),
    ]);
    const files = await unzipDownload(download);
    const folder = [...files.keys()][0]!.split('/')[0]!;
    const words = [...files.keys()]
      .filter((p) => p.endsWith('.md'))
      .map((p) => text(files, p))
      .join('\n');
    expect(words).not.toContain(EMAIL);
    expect(words).not.toContain(KEY);
    expect(words).not.toContain('4f9a8b7c6d5e');
    expect(words).toContain('••••'); // the key next to the button was read, and masked

    // The exported screenshot against the raw key frame: blurred where the secrets are, untouched elsewhere.
    const exported = files.get(`${folder}/assets/step-01.png`)!;
    const [analysis] = await readStore<{ data: { steps: { beforeFrameId: string }[] } }>(app, 'analyses');
    const frames = await readStore<{ id: string; width: number; blob: Blob }>(app, 'frames');
    const frameId = analysis!.data.steps[0]!.beforeFrameId;
    const raw = await app.evaluate(async (id) => {
      const frame = await new Promise<{ blob: Blob }>((resolve) => {
        const open = indexedDB.open('pack2skill');
        open.onsuccess = () => {
          const request = open.result.transaction('frames').objectStore('frames').get(id);
          request.onsuccess = () => resolve(request.result as { blob: Blob });
        };
      });
      return [...new Uint8Array(await frame.blob.arrayBuffer())];
    }, frameId);
    const scale = frames.find((f) => f.id === frameId)!.width / 1280;
    const inFrame = (b: { x: number; y: number; width: number; height: number }) => ({
      x: Math.round(b.x * scale),
      y: Math.round(b.y * scale),
      width: Math.round(b.width * scale),
      height: Math.round(b.height * scale),
    });
    const rawBytes = new Uint8Array(raw);
    // Where the secrets and the hand-drawn area are, the letters are gone: no ink left.
    for (const box of [boxes.email, boxes.key, boxes.note]) {
      expect(ink(await luma(app, rawBytes, inFrame(box)))).toBeGreaterThan(0.03);
      expect(ink(await luma(app, exported, inFrame(box)))).toBeLessThan(0.005);
    }
    // Elsewhere the screenshot is the frame as recorded.
    const heading = inFrame(boxes.heading);
    expect(meanDifference(await luma(app, exported, heading), await luma(app, rawBytes, heading))).toBeLessThan(2);
  } finally {
    await browser.close();
  }
});
