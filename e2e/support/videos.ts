/**
 * Video files made by the tests themselves, in the containers people bring:
 * an H.264 MP4 encoded in the browser (MediaRecorder playing back a recording),
 * the same packets remuxed into MP4, MOV and Matroska (mediabunny in Node: no
 * decoding, so no codec is needed here), and a Motion-JPEG AVI written by hand
 * from screenshots (a container the browser's own decoder path cannot read).
 */
import type { Page } from '@playwright/test';

/**
 * Plays `webm` in `page` and records the playback as H.264 in MP4 (Chromium's
 * MediaRecorder writes fragmented MP4). Takes as long as the video.
 */
export async function encodeMp4InBrowser(page: Page, webm: Buffer): Promise<Buffer> {
  const base64 = await page.evaluate(async (input: string) => {
    const bytes = Uint8Array.from(atob(input), (c) => c.charCodeAt(0));
    const video = document.createElement('video');
    video.muted = true;
    video.src = URL.createObjectURL(new Blob([bytes], { type: 'video/webm' }));
    document.body.append(video);
    await new Promise((resolve) => video.addEventListener('canplay', resolve, { once: true }));
    const stream = (video as HTMLVideoElement & { captureStream(): MediaStream }).captureStream();
    const recorder = new MediaRecorder(stream, { mimeType: 'video/mp4;codecs=avc1', videoBitsPerSecond: 4_000_000 });
    const chunks: Blob[] = [];
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

/** The same encoded video in another container (packets copied, nothing re-encoded). */
export async function remux(video: Buffer, container: 'mp4' | 'mov' | 'mkv'): Promise<Buffer> {
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
  return Buffer.from(target.buffer!);
}

/**
 * A Motion-JPEG AVI (RIFF: hdrl with avih/strh/strf, movi with one `00dc` chunk
 * per frame, idx1), `fps` frames per second, every frame a key frame.
 */
export function mjpegAvi(jpegs: Buffer[], width: number, height: number, fps: number): Buffer {
  const fourcc = (text: string) => Buffer.from(text, 'latin1');
  const u32 = (...values: number[]) => {
    const buffer = Buffer.alloc(values.length * 4);
    values.forEach((value, i) => buffer.writeInt32LE(value, i * 4));
    return buffer;
  };
  const u16 = (...values: number[]) => {
    const buffer = Buffer.alloc(values.length * 2);
    values.forEach((value, i) => buffer.writeUInt16LE(value, i * 2));
    return buffer;
  };
  const chunk = (id: string, data: Buffer) =>
    Buffer.concat([fourcc(id), u32(data.length), data, Buffer.alloc(data.length % 2)]);
  const list = (type: string, ...parts: Buffer[]) => chunk('LIST', Buffer.concat([fourcc(type), ...parts]));
  const biggest = Math.max(...jpegs.map((j) => j.length));

  const avih = chunk(
    'avih',
    u32(Math.round(1_000_000 / fps), biggest * fps, 0, 0x10, jpegs.length, 0, 1, biggest, width, height, 0, 0, 0, 0),
  );
  const strh = chunk(
    'strh',
    Buffer.concat([
      fourcc('vids'),
      fourcc('MJPG'),
      u32(0),
      u16(0, 0),
      u32(0, 1, fps, 0, jpegs.length, biggest, -1, 0),
      u16(0, 0, width, height),
    ]),
  );
  const strf = chunk(
    'strf',
    Buffer.concat([u32(40, width, height), u16(1, 24), fourcc('MJPG'), u32(width * height * 3, 0, 0, 0, 0)]),
  );
  const frames = jpegs.map((jpeg) => chunk('00dc', jpeg));
  // idx1 offsets count from the `movi` four-character code.
  let offset = 4;
  const index = frames.map((frame, i) => {
    const entry = Buffer.concat([fourcc('00dc'), u32(0x10, offset, jpegs[i]!.length)]);
    offset += frame.length;
    return entry;
  });
  const body = Buffer.concat([
    fourcc('AVI '),
    list('hdrl', avih, list('strl', strh, strf)),
    list('movi', ...frames),
    chunk('idx1', Buffer.concat(index)),
  ]);
  return Buffer.concat([fourcc('RIFF'), u32(body.length), body]);
}
