// @ts-check
// Serves the corpus pages from node_modules, unchanged, on their own origin in a
// browser context (a Playwright route: no server to start or leave running).
import { readFile } from 'node:fs/promises';
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

/** @param {import('@playwright/test').BrowserContext} context */
export async function serveCorpus(context) {
  await context.route(`${CORPUS_ORIGIN}/**`, async (route) => {
    const file = path.join(modules, path.normalize(decodeURIComponent(new URL(route.request().url()).pathname)));
    if (!file.startsWith(modules + path.sep)) return route.fulfill({ status: 403, body: 'outside node_modules' });
    try {
      const body = await readFile(file);
      await route.fulfill({ body, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream' });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
}
