/**
 * Serves runtime files that libraries would otherwise fetch from a CDN (the
 * tesseract.js worker, its wasm cores and its English data; ffmpeg.wasm's cores)
 * from the app's own origin, under /vendor/, and the small models the project
 * makes under /models/: in the dev server straight from disk, in the build as
 * emitted assets. The app must work offline and send nothing out.
 *
 * Each engine's folder is named with a hash of its files (`vendor/tesseract-1a2b3c4d/`):
 * the service worker keeps them cache-first, so an upgraded engine must have new URLs.
 * The app reads the folders from `virtual:pack2skill/vendor`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connect, Plugin } from 'vite';
import { ISOLATION_HEADERS } from './security-headers';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The engines' files, by engine folder: path inside the folder → file on disk. */
function vendorGroups(): Record<'tesseract' | 'ffmpeg', Record<string, string>> {
  const tesseract = packageDir('tesseract.js');
  const core = packageDir('tesseract.js-core');
  const eng = packageDir('@tesseract.js-data/eng');
  const ocr: Record<string, string> = {
    'worker.min.js': join(tesseract, 'dist/worker.min.js'),
    // The integer "best" model: near the accuracy of "best" at a fraction of the size.
    'lang/eng.traineddata.gz': join(eng, '4.0.0_best_int/eng.traineddata.gz'),
  };
  // LSTM-only cores; tesseract.js picks one by the browser's SIMD support.
  for (const variant of ['', '-simd', '-relaxedsimd']) {
    const name = `tesseract-core${variant}-lstm.wasm.js`;
    ocr[`core/${name}`] = join(core, name);
  }
  // ffmpeg.wasm for video import: the multi-thread core where the page is cross-origin isolated, else single-thread.
  const ffmpeg: Record<string, string> = {};
  for (const [variant, pkg, names] of [
    ['st', '@ffmpeg/core', ['ffmpeg-core.js', 'ffmpeg-core.wasm']],
    ['mt', '@ffmpeg/core-mt', ['ffmpeg-core.js', 'ffmpeg-core.wasm', 'ffmpeg-core.worker.js']],
  ] as const) {
    const dir = join(dirname(require.resolve(pkg)), '..', 'esm');
    for (const name of names) ffmpeg[`${variant}/${name}`] = join(dir, name);
  }
  return { tesseract: ocr, ffmpeg };
}

/**
 * Each engine's folder under the site root, named with a hash of its files' contents
 * (`replaced`: contents to hash instead of some files', for tests).
 */
export function vendorFolders(
  replaced: Partial<Record<'tesseract' | 'ffmpeg', Record<string, string>>> = {},
): Record<'tesseract' | 'ffmpeg', string> {
  const folders = {} as Record<'tesseract' | 'ffmpeg', string>;
  for (const [engine, files] of Object.entries(vendorGroups()) as ['tesseract' | 'ffmpeg', Record<string, string>][]) {
    const hash = createHash('sha256');
    for (const [path, file] of Object.entries(files).sort()) {
      hash.update(path).update(replaced[engine]?.[path] ?? readFileSync(file));
    }
    folders[engine] = `vendor/${engine}-${hash.digest('hex').slice(0, 10)}`;
  }
  return folders;
}

/** URL path under the site root → file on disk. */
export function selfHostedFiles(folders = vendorFolders()): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [engine, group] of Object.entries(vendorGroups()) as ['tesseract' | 'ffmpeg', Record<string, string>][]) {
    for (const [path, file] of Object.entries(group)) files[`${folders[engine]}/${path}`] = file;
  }
  // The tiny caption model that tests and benchmarks load offline (models/make-tiny-florence2.py).
  const modelsDir = fileURLToPath(new URL('../models/', import.meta.url));
  for (const entry of readdirSync(join(modelsDir, 'tiny-florence2'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    files[`models/${relative(modelsDir, file).split(sep).join('/')}`] = file;
  }
  return files;
}

const VIRTUAL = 'virtual:pack2skill/vendor';

export function selfHostedAssets(): Plugin {
  const folders = vendorFolders();
  const files = selfHostedFiles(folders);
  return {
    name: 'pack2skill:self-hosted-assets',
    resolveId(id) {
      return id === VIRTUAL ? `\0${VIRTUAL}` : undefined;
    },
    load(id) {
      if (id !== `\0${VIRTUAL}`) return undefined;
      return Object.entries(folders)
        .map(([engine, folder]) => `export const ${engine.toUpperCase()} = ${JSON.stringify(`/${folder}`)};`)
        .join('\n');
    },
    configureServer(server) {
      server.middlewares.use(serveFiles(files));
    },
    generateBundle() {
      for (const [fileName, file] of Object.entries(files)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
      }
    },
  };
}

/**
 * The dev server's handler for the self-hosted files. The page is cross-origin isolated
 * (`ISOLATION_HEADERS`), so a worker script served without them fails to start, with no
 * message: tesseract's worker would never load under `npm run dev`.
 */
export function serveFiles(files: Record<string, string>): Connect.NextHandleFunction {
  return (req, res, next) => {
    const path = req.url?.split('?')[0]?.replace(/^\//, '') ?? '';
    const file = files[path];
    if (!file) return next();
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
    res.setHeader('Content-Type', contentType(path));
    res.end(readFileSync(file));
  };
}

function contentType(path: string): string {
  if (/\.m?js$/.test(path)) return 'text/javascript';
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.wasm')) return 'application/wasm';
  return 'application/octet-stream';
}
