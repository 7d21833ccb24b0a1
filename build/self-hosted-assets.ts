/**
 * Serves runtime files that libraries would otherwise fetch from a CDN (the
 * tesseract.js worker, its wasm cores and its English data) from the app's
 * own origin, under /vendor/, and the small models the project makes under /models/: in the dev
 * server straight from disk, in the build as emitted assets. The app must work
 * offline and send nothing out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** URL path under the site root → file on disk. */
export function selfHostedFiles(): Record<string, string> {
  const tesseract = packageDir('tesseract.js');
  const core = packageDir('tesseract.js-core');
  const eng = packageDir('@tesseract.js-data/eng');
  const files: Record<string, string> = {
    'vendor/tesseract/worker.min.js': join(tesseract, 'dist/worker.min.js'),
    // The integer "best" model: near the accuracy of "best" at a fraction of the size.
    'vendor/tesseract/lang/eng.traineddata.gz': join(eng, '4.0.0_best_int/eng.traineddata.gz'),
  };
  // LSTM-only cores; tesseract.js picks one by the browser's SIMD support.
  for (const variant of ['', '-simd', '-relaxedsimd']) {
    const name = `tesseract-core${variant}-lstm.wasm.js`;
    files[`vendor/tesseract/core/${name}`] = join(core, name);
  }
  // ffmpeg.wasm for video import: the multi-thread core where the page is cross-origin isolated, else single-thread.
  for (const [variant, pkg, names] of [
    ['st', '@ffmpeg/core', ['ffmpeg-core.js', 'ffmpeg-core.wasm']],
    ['mt', '@ffmpeg/core-mt', ['ffmpeg-core.js', 'ffmpeg-core.wasm', 'ffmpeg-core.worker.js']],
  ] as const) {
    const dir = join(dirname(require.resolve(pkg)), '..', 'esm');
    for (const name of names) files[`vendor/ffmpeg/${variant}/${name}`] = join(dir, name);
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

export function selfHostedAssets(): Plugin {
  const files = selfHostedFiles();
  return {
    name: 'pack2skill:self-hosted-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0]?.replace(/^\//, '') ?? '';
        const file = files[path];
        if (!file) return next();
        res.setHeader('Content-Type', contentType(path));
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const [fileName, file] of Object.entries(files)) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
      }
    },
  };
}

function contentType(path: string): string {
  if (/\.m?js$/.test(path)) return 'text/javascript';
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.wasm')) return 'application/wasm';
  return 'application/octet-stream';
}
