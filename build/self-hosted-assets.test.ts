import { describe, expect, it } from 'vitest';
import { selfHostedFiles, vendorFolders } from './self-hosted-assets';

describe('self-hosted engine files', () => {
  it('live in folders named by a hash of their contents, so a cache-first service worker never serves an old engine', () => {
    const folders = vendorFolders();
    expect(folders.tesseract).toMatch(/^vendor\/tesseract-[0-9a-f]{10}$/);
    expect(folders.ffmpeg).toMatch(/^vendor\/ffmpeg-[0-9a-f]{10}$/);
    expect(vendorFolders()).toEqual(folders);
    const paths = Object.keys(selfHostedFiles(folders)).filter((path) => path.startsWith('vendor/'));
    expect(paths).toContain(`${folders.tesseract}/worker.min.js`);
    expect(paths).toContain(`${folders.ffmpeg}/mt/ffmpeg-core.worker.js`);
    for (const path of paths)
      expect(path.startsWith(`${folders.tesseract}/`) || path.startsWith(`${folders.ffmpeg}/`)).toBe(true);
  });

  it('name another folder when a file changes', () => {
    const a = vendorFolders();
    const b = vendorFolders({ tesseract: { 'worker.min.js': 'changed' } });
    expect(b.tesseract).not.toBe(a.tesseract);
    expect(b.ffmpeg).toBe(a.ffmpeg);
  });
});
