/**
 * Video files made by the tests themselves, in the containers people bring:
 * the app's own WebM, H.264 in MP4, MOV and Matroska (scripts/test-videos.mjs,
 * shared with the benchmark) and a Motion-JPEG AVI written by hand from screenshots (a
 * container the browser's own decoder path cannot read).
 */
export { encodeMp4InBrowser, remux, storedVideo } from '../../scripts/test-videos.mjs';

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
