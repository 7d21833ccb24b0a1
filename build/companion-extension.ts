/**
 * Builds the companion extension (`extension/`) with the app: after the app's
 * bundle is written, each extension script is bundled on its own (content
 * scripts cannot be modules, so each is one classic script), the manifest gets
 * the app's version and the origins it trusts, and the unpacked extension is
 * written to `dist/extension/` and zipped to `dist/pack2skill-companion.zip`,
 * which the app offers as a download.
 */
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { build, type Plugin } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const SCRIPTS = ['background', 'logger', 'relay', 'options'] as const;
/** The extension's pages, copied as they are (each loads its script). */
const PAGES = ['options.html'] as const;
const EXTENSION_DIR = 'extension';
const EXTENSION_ZIP = 'pack2skill-companion.zip';

/**
 * Match patterns of the app's origins: localhost and 127.0.0.1 on any port, and the
 * origin given at build time in P2S_APP_ORIGIN (a self-hosted app, say).
 */
export function appMatches(extraOrigin = process.env['P2S_APP_ORIGIN']): string[] {
  const patterns = ['http://localhost/*', 'http://127.0.0.1/*'];
  if (extraOrigin) {
    const url = new URL(extraOrigin);
    patterns.push(`${url.protocol}//${url.hostname}/*`);
  }
  return patterns;
}

export function companionExtension(): Plugin {
  let outDir = join(ROOT, 'dist');
  return {
    name: 'pack2skill-companion-extension',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const target = join(outDir, EXTENSION_DIR);
      mkdirSync(target, { recursive: true });
      for (const name of SCRIPTS) {
        await build({
          configFile: false,
          publicDir: false,
          logLevel: 'warn',
          build: {
            outDir: target,
            emptyOutDir: false,
            minify: true,
            sourcemap: false,
            target: 'es2022',
            lib: {
              entry: join(ROOT, 'extension/src', `${name}.ts`),
              formats: ['iife'],
              name: `p2s_${name}`,
              fileName: () => `${name}.js`,
            },
          },
        });
      }
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      const manifest = readFileSync(join(ROOT, 'extension/manifest.json'), 'utf8')
        .replaceAll(
          '"__APP_MATCHES__"',
          appMatches()
            .map((m) => JSON.stringify(m))
            .join(', '),
        )
        .replace('"version": "0.0.0"', `"version": ${JSON.stringify(pkg.version)}`);
      writeFileSync(join(target, 'manifest.json'), manifest);
      for (const page of PAGES) copyFileSync(join(ROOT, 'extension/pages', page), join(target, page));
      const zip = new JSZip();
      for (const file of readdirSync(target))
        zip.file(`pack2skill-companion/${file}`, readFileSync(join(target, file)));
      writeFileSync(
        join(outDir, EXTENSION_ZIP),
        await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
      );
    },
  };
}
