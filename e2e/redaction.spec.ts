import { expect, test, type Page } from '@playwright/test';
import { launch, recordFixture } from './support/browser';
import { readStore } from './support/db';
import { text, unzipDownload } from './support/zip';

const EMAIL = 'ada.lovelace@example.com';
const KEY = 'sk-live-4f9a8b7c6d5e4f3a2b1c9d8e';

/** Mean luma difference (0–255) of two images inside `box`, decoded in the page. */
async function difference(
  page: Page,
  a: Uint8Array,
  b: Uint8Array,
  box: { x: number; y: number; width: number; height: number },
): Promise<number> {
  return page.evaluate(
    async ({ a, b, box }) => {
      const decode = async (bytes: number[]) => {
        const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)]));
        const canvas = new OffscreenCanvas(box.width, box.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, box.x, box.y, box.width, box.height, 0, 0, box.width, box.height);
        return ctx.getImageData(0, 0, box.width, box.height).data;
      };
      const [pa, pb] = await Promise.all([decode(a), decode(b)]);
      let sum = 0;
      for (let i = 0; i < pa.length; i += 4) {
        const luma = (d: Uint8ClampedArray) => 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
        sum += Math.abs(luma(pa) - luma(pb));
      }
      return sum / (pa.length / 4);
    },
    { a: [...a], b: [...b], box },
  );
}

test('an email address and an API key on screen are masked in the text and blurred in the images', async () => {
  const { browser, context } = await launch({ captureTitle: 'P2S Fixture Account' });
  try {
    const { fixture, app } = await recordFixture(context, 'account.html');
    const boxes = {
      email: (await fixture.locator('#email').boundingBox())!,
      key: (await fixture.locator('#key').boundingBox())!,
      heading: (await fixture.locator('#heading').boundingBox())!,
    };
    await fixture.waitForTimeout(2500);
    await fixture.click('#copy');
    await fixture.waitForTimeout(2500);
    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();
    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(1, { timeout: 90_000 });
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0, { timeout: 60_000 });

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
    expect(await difference(app, exported, rawBytes, inFrame(boxes.email))).toBeGreaterThan(15);
    expect(await difference(app, exported, rawBytes, inFrame(boxes.key))).toBeGreaterThan(15);
    expect(await difference(app, exported, rawBytes, inFrame(boxes.heading))).toBeLessThan(2);
  } finally {
    await browser.close();
  }
});
