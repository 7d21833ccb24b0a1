/**
 * Reads a zip the person picked (a skill, a session) with its limits checked
 * before any work is done: the entry count and the declared sizes come from the
 * central directory at the end of the file, so a zip bomb is refused before one
 * byte is inflated; each entry is then inflated as a stream that stops as soon
 * as it gives more than it declared. Only the parts read are loaded (`Blob.slice`),
 * and the browser's own DecompressionStream does the inflating.
 */

export interface ZipLimits {
  maxEntries: number;
  maxBytes: number;
  /** What the zip should be, for messages: "A skill", "A session". */
  what: string;
}

/** The zip is bigger than `limits` allow: the message says which limit and by how much. */
export class ZipLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipLimitError';
  }
}

/** The file is not a zip, or a damaged one, or one this reader does not read (the message says which). */
export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** The end record is 22 bytes and may be followed by a comment of up to 65 535. */
const TAIL = 22 + 0xffff;

const MB = 1024 * 1024;
export const formatBytes = (bytes: number) =>
  bytes >= 1024 * MB
    ? `${(bytes / 1024 / MB).toFixed(1)} GB`
    : bytes >= MB
      ? `${(bytes / MB).toFixed(1)} MB`
      : bytes >= 1024
        ? `${(bytes / 1024).toFixed(1)} KB`
        : `${bytes} bytes`;

async function read(file: Blob, start: number, end: number): Promise<DataView> {
  return new DataView(await file.slice(start, end).arrayBuffer());
}

/** The entries listed in the central directory, with the limits on count and declared size checked. */
export async function zipEntries(file: Blob, limits: ZipLimits): Promise<Entry[]> {
  const tailStart = Math.max(0, file.size - TAIL);
  const tail = await read(file, tailStart, file.size);
  let end = -1;
  for (let i = tail.byteLength - 22; i >= 0; i--) {
    if (tail.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError('This file is not a zip archive.');
  const count = tail.getUint16(end + 10, true);
  const directorySize = tail.getUint32(end + 12, true);
  const directoryOffset = tail.getUint32(end + 16, true);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    throw new ZipFormatError('Zips over 4 GB or 65 535 files (ZIP64) are not read here: unzip it and pick the folder.');
  }
  if (count > limits.maxEntries) {
    throw new ZipLimitError(
      `This zip holds ${count} files; ${limits.what.toLowerCase()} has at most ${limits.maxEntries}.`,
    );
  }
  if (directoryOffset + directorySize > tailStart + end) throw new ZipFormatError('This zip is damaged (cut short?).');
  const directory = await read(file, directoryOffset, directoryOffset + directorySize);
  const decoder = new TextDecoder();
  const entries: Entry[] = [];
  const names = new Set<string>();
  let declared = 0;
  for (let at = 0, n = 0; n < count; n++) {
    if (at + 46 > directory.byteLength || directory.getUint32(at, true) !== CENTRAL) {
      throw new ZipFormatError('This zip is damaged: its list of files does not read.');
    }
    const flags = directory.getUint16(at + 8, true);
    const nameLength = directory.getUint16(at + 28, true);
    const extraLength = directory.getUint16(at + 30, true);
    const commentLength = directory.getUint16(at + 32, true);
    if (at + 46 + nameLength > directory.byteLength)
      throw new ZipFormatError('This zip is damaged: a file name is cut.');
    const name = decoder.decode(new Uint8Array(directory.buffer, at + 46, nameLength));
    const entry: Entry = {
      name,
      method: directory.getUint16(at + 10, true),
      compressedSize: directory.getUint32(at + 20, true),
      size: directory.getUint32(at + 24, true),
      localOffset: directory.getUint32(at + 42, true),
    };
    if (flags & 1) throw new ZipFormatError(`"${name}" is encrypted; unzip it with its password first.`);
    if (names.has(name)) throw new ZipFormatError(`This zip lists "${name}" twice.`);
    names.add(name);
    declared += entry.size;
    if (declared > limits.maxBytes) {
      throw new ZipLimitError(
        `This zip unpacks to more than ${formatBytes(limits.maxBytes)}; ${limits.what.toLowerCase()} is at most ${formatBytes(limits.maxBytes)}.`,
      );
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The files of the zip (folders left out) that `keep` accepts, as Blobs, with the
 * limits held while inflating: an entry that inflates to more than it declared stops there.
 */
export async function unzip(
  file: Blob,
  limits: ZipLimits,
  keep: (name: string) => boolean = () => true,
): Promise<Map<string, Blob>> {
  const files = new Map<string, Blob>();
  let total = 0;
  for (const entry of await zipEntries(file, limits)) {
    if (entry.name.endsWith('/') || !keep(entry.name)) continue;
    const local = await read(file, entry.localOffset, entry.localOffset + 30);
    if (local.byteLength < 30 || local.getUint32(0, true) !== LOCAL) {
      throw new ZipFormatError(`This zip is damaged: "${entry.name}" is not where its list says.`);
    }
    const start = entry.localOffset + 30 + local.getUint16(26, true) + local.getUint16(28, true);
    const data = file.slice(start, start + entry.compressedSize);
    if (data.size < entry.compressedSize) throw new ZipFormatError(`This zip is cut short in "${entry.name}".`);
    const blob = await inflate(entry, data, limits.maxBytes - total);
    total += blob.size;
    files.set(entry.name, blob);
  }
  return files;
}

async function inflate(entry: Entry, data: Blob, room: number): Promise<Blob> {
  if (entry.method === 0) {
    if (entry.size !== entry.compressedSize) throw new ZipFormatError(`This zip is damaged in "${entry.name}".`);
    return data;
  }
  if (entry.method !== 8) {
    throw new ZipFormatError(`"${entry.name}" is compressed with method ${entry.method}; only Deflate zips are read.`);
  }
  const reader = data.stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > entry.size || size > room) {
        void reader.cancel();
        throw new ZipLimitError(
          `"${entry.name}" unpacks to more than the ${formatBytes(entry.size)} its zip declares: the file is damaged or made to fill memory, and was not read.`,
        );
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ZipLimitError) throw error;
    throw new ZipFormatError(`This zip is damaged in "${entry.name}".`);
  }
  if (size !== entry.size) throw new ZipFormatError(`This zip is damaged in "${entry.name}" (cut short).`);
  return new Blob(chunks as BlobPart[]);
}
