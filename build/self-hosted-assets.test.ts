import { describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveFiles, selfHostedFiles, vendorFolders } from './self-hosted-assets';

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

  it('are served by the dev server with the isolation headers the page has, or its workers fail to start', () => {
    const folders = vendorFolders();
    const path = `${folders.tesseract}/worker.min.js`;
    const headers: Record<string, string> = {};
    let body: unknown;
    const res = {
      setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
      end: (data: unknown) => (body = data),
    } as unknown as ServerResponse;
    let passed = false;
    const serve = serveFiles(selfHostedFiles(folders));
    serve({ url: `/${path}?import` } as IncomingMessage, res, () => (passed = true));
    expect(passed).toBe(false);
    expect(body).toBeInstanceOf(Buffer);
    expect(headers).toMatchObject({
      'content-type': 'text/javascript',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-opener-policy': 'same-origin',
    });
    serve({ url: '/index.html' } as IncomingMessage, res, () => (passed = true));
    expect(passed).toBe(true);
  });
});
