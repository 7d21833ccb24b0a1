/**
 * "Save to folder…": writes a skill's folder into a directory the person picks
 * (for example a project's `.claude/skills`) through the File System Access
 * API, where the browser has it (Chromium-based browsers).
 */

/** The part of FileSystemDirectoryHandle used here (tests pass an in-memory one). */
export interface DirectoryLike {
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirectoryLike>;
  getFileHandle(
    name: string,
    options?: { create?: boolean },
  ): Promise<{
    createWritable(): Promise<{ write(data: Uint8Array<ArrayBuffer>): Promise<void>; close(): Promise<void> }>;
  }>;
}

declare global {
  interface Window {
    /** File System Access API (Chromium); not in TypeScript's DOM types yet. */
    showDirectoryPicker?(options?: { id?: string; mode?: 'read' | 'readwrite' }): Promise<FileSystemDirectoryHandle>;
  }
}

export function canSaveToFolder(): boolean {
  return typeof window !== 'undefined' && typeof window.showDirectoryPicker === 'function';
}

/** Asks the person for a folder; null when they close the picker or the browser has none. */
export async function pickDirectory(): Promise<DirectoryLike | null> {
  try {
    return (await window.showDirectoryPicker?.({ id: 'skills', mode: 'readwrite' })) ?? null;
  } catch {
    return null;
  }
}

/** Whether `parent` already holds a folder called `name`. */
export async function hasFolder(parent: DirectoryLike, name: string): Promise<boolean> {
  try {
    await parent.getDirectoryHandle(name);
    return true;
  } catch {
    return false;
  }
}

/** Writes `files` (paths `<name>/…`) under `parent`, creating folders as needed; returns the count. */
export async function writeFiles(parent: DirectoryLike, files: ReadonlyMap<string, Uint8Array>): Promise<number> {
  for (const [path, data] of files) {
    const parts = path.split('/');
    const fileName = parts.pop()!;
    let dir = parent;
    for (const part of parts) dir = await dir.getDirectoryHandle(part, { create: true });
    const writable = await (await dir.getFileHandle(fileName, { create: true })).createWritable();
    await writable.write(data as Uint8Array<ArrayBuffer>);
    await writable.close();
  }
  return files.size;
}
