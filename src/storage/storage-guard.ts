/**
 * Keeps room to finish a recording when the disk fills up.
 *
 * Once the origin's quota is reached IndexedDB refuses every write, even the
 * few bytes that mark a recording complete and write its duration. So a
 * recording starts by writing a ballast file in the origin private file system;
 * when the disk is full, removing it frees the room that finishing needs
 * (a deleted file gives its quota back at once, unlike an IndexedDB blob).
 * A disk too full for the ballast is too full to record, and the person is
 * told before the picker opens.
 */

export const STORAGE_RESERVE_BYTES = 2 * 1024 * 1024;
/**
 * One ballast per recording, named by its id: two tabs recording at once each keep
 * their own, and the first to stop frees only its own.
 */
const RESERVE_PREFIX = 'storage-reserve-';
const reserveFile = (recordingId: string) => `${RESERVE_PREFIX}${recordingId}.bin`;

async function root(): Promise<FileSystemDirectoryHandle | null> {
  try {
    return (await navigator.storage?.getDirectory?.()) ?? null;
  } catch {
    return null; // no private file system (private browsing in some browsers): no ballast
  }
}

/**
 * Writes the ballast of a recording; false when there is not even that much room.
 * Ballasts left by tabs that closed mid-recording (no tab records their recording:
 * `live`) are removed first.
 */
export async function reserveStorage(recordingId: string, live?: () => Promise<Set<string>>): Promise<boolean> {
  const dir = await root();
  if (!dir) return true;
  await removeStaleReserves(dir, recordingId, live);
  try {
    const file = await dir.getFileHandle(reserveFile(recordingId), { create: true });
    const writable = await file.createWritable();
    await writable.write(new Uint8Array(STORAGE_RESERVE_BYTES));
    await writable.close();
    return true;
  } catch (error) {
    await releaseStorageReserve(recordingId);
    if (error instanceof DOMException && error.name === 'QuotaExceededError') return false;
    return true; // the ballast is a safety margin, not a reason to refuse recording
  }
}

export async function releaseStorageReserve(recordingId: string): Promise<void> {
  const dir = await root();
  await dir?.removeEntry(reserveFile(recordingId)).catch(() => undefined);
}

async function removeStaleReserves(
  dir: FileSystemDirectoryHandle,
  keep: string,
  live: (() => Promise<Set<string>>) | undefined,
): Promise<void> {
  if (!live) return;
  const recording = await live();
  const names: string[] = [];
  // The directory's entries, as the File System Access API lists them.
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  for (const name of names) {
    const id = name.startsWith(RESERVE_PREFIX) && name.endsWith('.bin') ? name.slice(RESERVE_PREFIX.length, -4) : null;
    if (id && id !== keep && !recording.has(id)) await dir.removeEntry(name).catch(() => undefined);
  }
  // The single ballast of earlier versions.
  if (names.includes('storage-reserve.bin')) await dir.removeEntry('storage-reserve.bin').catch(() => undefined);
}
