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
const RESERVE_FILE = 'storage-reserve.bin';

async function root(): Promise<FileSystemDirectoryHandle | null> {
  try {
    return (await navigator.storage?.getDirectory?.()) ?? null;
  } catch {
    return null; // no private file system (private browsing in some browsers): no ballast
  }
}

/** Writes the ballast; false when there is not even that much room. */
export async function reserveStorage(): Promise<boolean> {
  const dir = await root();
  if (!dir) return true;
  try {
    const file = await dir.getFileHandle(RESERVE_FILE, { create: true });
    const writable = await file.createWritable();
    await writable.write(new Uint8Array(STORAGE_RESERVE_BYTES));
    await writable.close();
    return true;
  } catch (error) {
    await releaseStorageReserve();
    if (error instanceof DOMException && error.name === 'QuotaExceededError') return false;
    return true; // the ballast is a safety margin, not a reason to refuse recording
  }
}

export async function releaseStorageReserve(): Promise<void> {
  const dir = await root();
  await dir?.removeEntry(RESERVE_FILE).catch(() => undefined);
}
