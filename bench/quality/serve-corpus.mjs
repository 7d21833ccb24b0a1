// @ts-check
// Serves the corpus pages from node_modules, unchanged, on their own origin in a
// browser context (a Playwright route: no server to start or leave running), or
// from a local server the caller closes (for a browser the bench does not drive).
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_ORIGIN = 'http://corpus.test';
const modules = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../node_modules');
/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/**
 * The corpus file a URL path names, with its type, or an HTTP status why not.
 * @param {string} pathname
 * @returns {Promise<{ status: 200, body: Buffer, type: string } | { status: 403 | 404, body: string }>}
 */
async function corpusFile(pathname) {
  const file = path.join(modules, path.normalize(decodeURIComponent(pathname)));
  if (!file.startsWith(modules + path.sep)) return { status: 403, body: 'outside node_modules' };
  try {
    return { status: 200, body: await readFile(file), type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
  } catch {
    return { status: 404, body: 'not found' };
  }
}

/** @param {import('@playwright/test').BrowserContext} context */
export async function serveCorpus(context) {
  await context.route(`${CORPUS_ORIGIN}/**`, async (route) => {
    const found = await corpusFile(new URL(route.request().url()).pathname);
    await route.fulfill(
      found.status === 200 ? { body: found.body, contentType: found.type } : { status: found.status, body: found.body },
    );
  });
}

/**
 * The same files from a real HTTP server on 127.0.0.1, for a browser the bench does not
 * drive (a skill's replay script starts its own). Close it when done.
 * @returns {Promise<{ origin: string, close: () => Promise<void> }>}
 */
export function startCorpusServer() {
  const server = createServer((request, response) => {
    void corpusFile(new URL(request.url ?? '/', 'http://localhost').pathname).then((found) => {
      if (found.status === 200) response.writeHead(200, { 'content-type': found.type }).end(found.body);
      else response.writeHead(found.status).end(found.body);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(() => done(undefined))),
      });
    }),
  );
}
