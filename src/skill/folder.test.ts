import { describe, expect, it } from 'vitest';
import { hasFolder, writeFiles, type DirectoryLike } from './folder';

/** An in-memory directory with the File System Access API's shape. */
function memoryDirectory(files = new Map<string, Uint8Array>(), prefix = ''): DirectoryLike & { files: typeof files } {
  const folders = new Set<string>();
  const dir: DirectoryLike & { files: typeof files } = {
    files,
    async getDirectoryHandle(name, options) {
      const path = `${prefix}${name}/`;
      const exists = folders.has(path) || [...files.keys()].some((p) => p.startsWith(path));
      if (!exists && !options?.create) throw new DOMException('not found', 'NotFoundError');
      folders.add(path);
      return memoryDirectory(files, path);
    },
    async getFileHandle(name) {
      return {
        async createWritable() {
          return {
            async write(data: Uint8Array) {
              files.set(`${prefix}${name}`, data);
            },
            async close() {},
          };
        },
      };
    },
  };
  return dir;
}

describe('writeFiles', () => {
  it('writes the skill folder with its subfolders, and then finds it there', async () => {
    const root = memoryDirectory();
    const skill = new Map([
      ['file-a-ticket/SKILL.md', new TextEncoder().encode('---\nname: file-a-ticket\n---\n')],
      ['file-a-ticket/assets/step-01.png', new Uint8Array([137, 80])],
    ]);
    expect(await hasFolder(root, 'file-a-ticket')).toBe(false);
    expect(await writeFiles(root, skill)).toBe(2);
    expect([...root.files.keys()]).toEqual(['file-a-ticket/SKILL.md', 'file-a-ticket/assets/step-01.png']);
    expect(await hasFolder(root, 'file-a-ticket')).toBe(true);
  });
});
