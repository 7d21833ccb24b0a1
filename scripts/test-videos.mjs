/**
 * Videos made by the tests and the benchmark themselves: the app's own
 * recording read back from its IndexedDB, a recording played
 * back in the browser and encoded as H.264 (Chromium's MediaRecorder writes
 * fragmented MP4), and the same packets remuxed into MP4, MOV or Matroska with
 * mediabunny in Node (packets are copied, nothing is decoded, so no codec is
 * needed here).
 */

/**
 * The video of the recording stored in the app's IndexedDB (the first one, or
 * the only one), its chunks joined in order, read through the app's page.
 * @param {import('@playwright/test').Page} app
 * @returns {Promise<Buffer>}
 */
export async function storedVideo(app) {
  const bytes = await app.evaluate(async () => {
    const db = await new Promise((resolve) => {
      const open = indexedDB.open('pack2skill');
      open.onsuccess = () => resolve(open.result);
    });
    /** @type {{ seq: number, blob: Blob }[]} */
    const chunks = await new Promise((resolve) => {
      const request = db.transaction('chunks').objectStore('chunks').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    const blob = new Blob(chunks.sort((a, b) => a.seq - b.seq).map((c) => c.blob));
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  return Buffer.from(bytes);
}

/**
 * Plays `webm` in `page` and records the playback as H.264 in MP4. Takes as long as the video.
 * @param {import('@playwright/test').Page} page
 * @param {Buffer} webm
 * @returns {Promise<Buffer>}
 */
export async function encodeMp4InBrowser(page, webm) {
  const base64 = await page.evaluate(async (input) => {
    const bytes = Uint8Array.from(atob(input), (c) => c.charCodeAt(0));
    const video = document.createElement('video');
    video.muted = true;
    video.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
    document.body.append(video);
    await new Promise((resolve) => video.addEventListener('canplay', resolve, { once: true }));
    const stream = video.captureStream();
    const recorder = new MediaRecorder(stream, { mimeType: 'video/mp4;codecs=avc1', videoBitsPerSecond: 4_000_000 });
    /** @type {Blob[]} */
    const chunks = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const ended = new Promise((resolve) => video.addEventListener('ended', resolve, { once: true }));
    recorder.start(1000);
    await video.play();
    await ended;
    await new Promise((resolve) => {
      recorder.onstop = resolve;
      recorder.stop();
    });
    video.remove();
    const out = new Uint8Array(await new Blob(chunks).arrayBuffer());
    let binary = '';
    for (let i = 0; i < out.length; i += 0x8000) binary += String.fromCharCode(...out.subarray(i, i + 0x8000));
    return btoa(binary);
  }, webm.toString('base64'));
  return Buffer.from(base64, 'base64');
}

/**
 * The same encoded video in another container (packets copied, nothing re-encoded).
 * @param {Buffer} video
 * @param {'mp4' | 'mov' | 'mkv'} container
 * @returns {Promise<Buffer>}
 */
export async function remux(video, container) {
  const mb = await import('mediabunny');
  const input = new mb.Input({ source: new mb.BufferSource(video), formats: mb.ALL_FORMATS });
  const format = { mp4: new mb.Mp4OutputFormat(), mov: new mb.MovOutputFormat(), mkv: new mb.MkvOutputFormat() }[
    container
  ];
  const target = new mb.BufferTarget();
  const output = new mb.Output({ format, target });
  const conversion = await mb.Conversion.init({ input, output });
  if (!conversion.isValid) throw new Error(`cannot remux into ${container}`);
  await conversion.execute();
  if (!target.buffer) throw new Error(`remuxing into ${container} wrote nothing`);
  return Buffer.from(target.buffer);
}
