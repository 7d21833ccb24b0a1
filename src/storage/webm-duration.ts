/**
 * Writes the Duration element into a WebM made by MediaRecorder.
 *
 * Chrome streams WebM with an unknown duration and no cues, so a plain
 * concatenation of the chunks plays, but reports `Infinity` as its length and
 * cannot be seeked reliably. The Segment's Info element sits in the first chunk,
 * so patching that one chunk (a few hundred bytes) fixes the whole file without
 * reading the video back into memory.
 */

const ID = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  info: 0x1549a966,
  cluster: 0x1f43b675,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
} as const;

interface Vint {
  value: number;
  length: number;
  unknown: boolean;
}

interface ElementHeader {
  id: number;
  /** Where the size field starts. */
  sizeAt: number;
  size: Vint;
  /** Where the element's data starts and ends (end is Infinity for unknown sizes). */
  dataAt: number;
  end: number;
}

function readVint(buf: Uint8Array, at: number, keepMarker: boolean): Vint | null {
  const first = buf[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23; // leading zeros within the byte, plus one
  if (at + length > buf.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = buf[at + i] ?? 0;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function readHeader(buf: Uint8Array, at: number): ElementHeader | null {
  const id = readVint(buf, at, true);
  if (!id) return null;
  const sizeAt = at + id.length;
  const size = readVint(buf, sizeAt, false);
  if (!size) return null;
  const dataAt = sizeAt + size.length;
  return { id: id.value, sizeAt, size, dataAt, end: size.unknown ? Infinity : dataAt + size.value };
}

/** Encodes a data size as a VINT of `length` bytes, or null if it does not fit. */
function encodeSize(value: number, length: number): Uint8Array | null {
  if (length < 1 || length > 8 || value >= 2 ** (7 * length) - 1) return null;
  const out = new Uint8Array(length);
  let rest = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  out[0] = (out[0] ?? 0) | (0x80 >> (length - 1));
  return out;
}

function encodeSizeAtLeast(value: number, minLength: number): Uint8Array {
  for (let length = minLength; length <= 8; length++) {
    const encoded = encodeSize(value, length);
    if (encoded) return encoded;
  }
  throw new RangeError(`EBML size too large: ${value}`);
}

function readUint(buf: Uint8Array, at: number, length: number): number {
  let value = 0;
  for (let i = 0; i < length; i++) value = value * 256 + (buf[at + i] ?? 0);
  return value;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Finds the Segment's Info element in the head of a WebM file. */
function findInfo(buf: Uint8Array): { segment: ElementHeader; info: ElementHeader } | null {
  let at = 0;
  let top = readHeader(buf, at);
  if (top?.id === ID.ebml) {
    at = top.end;
    top = readHeader(buf, at);
  }
  if (!top || top.id !== ID.segment) return null;
  const segment = top;
  at = segment.dataAt;
  while (at < buf.length) {
    const child = readHeader(buf, at);
    if (!child || child.id === ID.cluster) return null;
    if (child.id === ID.info) return child.end <= buf.length ? { segment, info: child } : null;
    if (child.size.unknown) return null;
    at = child.end;
  }
  return null;
}

/** Reads the duration, in milliseconds, written in a WebM head; null when absent. */
export function readWebmDuration(head: Uint8Array): number | null {
  const found = findInfo(head);
  if (!found) return null;
  const { info } = found;
  let scale = 1_000_000;
  let duration: number | null = null;
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  for (let at = info.dataAt; at < info.end;) {
    const child = readHeader(head, at);
    if (!child || child.end > info.end) break;
    if (child.id === ID.timecodeScale) scale = readUint(head, child.dataAt, child.size.value);
    if (child.id === ID.duration) {
      duration = child.size.value === 4 ? view.getFloat32(child.dataAt) : view.getFloat64(child.dataAt);
    }
    at = child.end;
  }
  return duration === null ? null : (duration * scale) / 1_000_000;
}

/**
 * Returns a copy of the WebM head with its duration set to `durationMs`, or null
 * when the bytes hold no Segment Info (not a WebM, or a head cut too short).
 */
export function withWebmDuration(head: Uint8Array, durationMs: number): Uint8Array | null {
  const found = findInfo(head);
  if (!found) return null;
  const { segment, info } = found;

  let scale = 1_000_000;
  let existing: ElementHeader | null = null;
  for (let at = info.dataAt; at < info.end;) {
    const child = readHeader(head, at);
    if (!child || child.end > info.end) return null;
    if (child.id === ID.timecodeScale) scale = readUint(head, child.dataAt, child.size.value);
    if (child.id === ID.duration) existing = child;
    at = child.end;
  }
  const ticks = (durationMs * 1_000_000) / scale;

  if (existing && (existing.size.value === 8 || existing.size.value === 4)) {
    const out = head.slice();
    const view = new DataView(out.buffer);
    if (existing.size.value === 8) view.setFloat64(existing.dataAt, ticks);
    else view.setFloat32(existing.dataAt, ticks);
    return out;
  }
  if (existing) return null; // a Duration of an invalid width: leave the file alone

  const durationElement = new Uint8Array(11);
  durationElement.set([0x44, 0x89, 0x88]);
  new DataView(durationElement.buffer).setFloat64(3, ticks);

  const infoSize = encodeSizeAtLeast(info.size.value + durationElement.length, info.size.length);
  const grownBy = durationElement.length + infoSize.length - info.size.length;
  let segmentSize = head.subarray(segment.sizeAt, segment.dataAt);
  if (!segment.size.unknown) {
    const resized = encodeSize(segment.size.value + grownBy, segment.size.length);
    if (!resized) return null;
    segmentSize = resized;
  }
  return concat([
    head.subarray(0, segment.sizeAt),
    segmentSize,
    head.subarray(segment.dataAt, info.sizeAt),
    infoSize,
    head.subarray(info.dataAt, info.end),
    durationElement,
    head.subarray(info.end),
  ]);
}

/**
 * `withWebmDuration` over a file stored in chunks: the leading chunks joined
 * until they hold the Segment Info. The first chunk usually holds the whole
 * header, but a busy machine's MediaRecorder can deliver it in pieces (a first
 * chunk of one byte has been seen). `chunks`: how many leading chunks the
 * patched head replaces; null when none of the joins holds the Info.
 */
export function withWebmDurationAcross(
  leading: readonly Uint8Array[],
  durationMs: number,
): { head: Uint8Array; chunks: number } | null {
  let joined = new Uint8Array(0);
  for (const [index, chunk] of leading.entries()) {
    const next = new Uint8Array(joined.length + chunk.length);
    next.set(joined);
    next.set(chunk, joined.length);
    joined = next;
    const head = withWebmDuration(joined, durationMs);
    if (head) return { head, chunks: index + 1 };
  }
  return null;
}
