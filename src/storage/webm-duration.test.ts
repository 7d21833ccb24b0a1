import { describe, expect, it } from 'vitest';
import { readWebmDuration, withWebmDuration, withWebmDurationAcross } from './webm-duration';

/** A tiny EBML writer, enough to build the head of a WebM as Chrome writes it. */
function element(id: number[], data: Uint8Array | number[], sizeBytes = 0): Uint8Array {
  const payload = data instanceof Uint8Array ? data : Uint8Array.from(data);
  const length = sizeBytes || 8;
  const size = new Uint8Array(length);
  let rest = payload.length;
  for (let i = length - 1; i >= 0; i--) {
    size[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  size[0] = (size[0] ?? 0) | (0x80 >> (length - 1));
  return Uint8Array.from([...id, ...size, ...payload]);
}

const UNKNOWN_SIZE = [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

function chromeLikeHead(options: { segmentSize?: 'unknown' | 'known'; infoSizeBytes?: number } = {}) {
  const ebml = element(
    [0x1a, 0x45, 0xdf, 0xa3],
    element(
      [0x42, 0x82],
      [...'webm'].map((c) => c.charCodeAt(0)),
      1,
    ),
    1,
  );
  const info = element(
    [0x15, 0x49, 0xa9, 0x66],
    [
      ...element([0x2a, 0xd7, 0xb1], [0x0f, 0x42, 0x40], 1), // TimecodeScale 1e6
      ...element(
        [0x4d, 0x80],
        [...'Chrome'].map((c) => c.charCodeAt(0)),
        1,
      ),
    ],
    options.infoSizeBytes ?? 1,
  );
  const tracks = element([0x16, 0x54, 0xae, 0x6b], [0xae, 0x80], 1);
  const clusterStart = Uint8Array.from([0x1f, 0x43, 0xb6, 0x75, ...UNKNOWN_SIZE, 0xe7, 0x81, 0x00]);
  const children = Uint8Array.from([...info, ...tracks, ...clusterStart]);
  const segment =
    options.segmentSize === 'known'
      ? element([0x18, 0x53, 0x80, 0x67], children, 8)
      : Uint8Array.from([0x18, 0x53, 0x80, 0x67, ...UNKNOWN_SIZE, ...children]);
  return Uint8Array.from([...ebml, ...segment]);
}

describe('withWebmDuration', () => {
  it('adds a Duration to a head that has none', () => {
    const head = chromeLikeHead();
    expect(readWebmDuration(head)).toBeNull();
    const patched = withWebmDuration(head, 12_345);
    expect(patched).not.toBeNull();
    expect(readWebmDuration(patched!)).toBeCloseTo(12_345, 3);
    // Everything after Info (tracks, the first cluster) is carried over unchanged.
    expect(Array.from(patched!.slice(-22))).toEqual(Array.from(head.slice(-22)));
  });

  it('grows the Info size field when the new size no longer fits in it', () => {
    const head = chromeLikeHead();
    const padded = withWebmDuration(head, 1);
    expect(readWebmDuration(padded!)).toBeCloseTo(1, 6);
    const infoBig = chromeLikeHead({ infoSizeBytes: 8 });
    expect(readWebmDuration(withWebmDuration(infoBig, 99_000)!)).toBeCloseTo(99_000, 3);
  });

  it('rewrites an existing Duration in place', () => {
    const once = withWebmDuration(chromeLikeHead(), 1000)!;
    const twice = withWebmDuration(once, 2500)!;
    expect(twice.length).toBe(once.length);
    expect(readWebmDuration(twice)).toBeCloseTo(2500, 3);
  });

  it('keeps a known Segment size consistent', () => {
    const head = chromeLikeHead({ segmentSize: 'known' });
    const patched = withWebmDuration(head, 5000)!;
    expect(patched.length).toBe(head.length + 11);
    expect(readWebmDuration(patched)).toBeCloseTo(5000, 3);
  });

  it('returns null for bytes that are not a WebM head', () => {
    expect(withWebmDuration(new Uint8Array([1, 2, 3, 4]), 1000)).toBeNull();
    expect(withWebmDuration(new Uint8Array(), 1000)).toBeNull();
    expect(withWebmDuration(chromeLikeHead().slice(0, 20), 1000)).toBeNull();
  });
});

describe('withWebmDurationAcross', () => {
  it('joins leading chunks until they hold the Info: a first chunk of one byte, as a busy MediaRecorder wrote it', () => {
    const head = chromeLikeHead();
    const pieces = [head.slice(0, 1), head.slice(1, 20), head.slice(20), Uint8Array.from([1, 2, 3])];
    const patched = withWebmDurationAcross(pieces, 3847)!;
    expect(patched.chunks).toBe(3);
    expect(readWebmDuration(patched.head)).toBeCloseTo(3847, 0);
    expect(withWebmDurationAcross([head], 1000)?.chunks).toBe(1);
    expect(withWebmDurationAcross([head.slice(0, 1)], 1000)).toBeNull();
  });
});
