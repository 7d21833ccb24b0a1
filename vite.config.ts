import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { selfHostedAssets } from './build/self-hosted-assets.ts';
import { companionExtension } from './build/companion-extension.ts';
import { cspReports, ISOLATION_HEADERS, securityHeaders } from './build/security-headers.ts';

// Cross-origin isolation (COOP + COEP) gives SharedArrayBuffer, which the
// multi-threaded ONNX Runtime and ffmpeg.wasm cores need, and lets
// `performance.measureUserAgentSpecificMemory()` report worker memory.
// The other headers: build/security-headers.ts.

export default defineConfig({
  plugins: [
    svelte(),
    cspReports(),
    selfHostedAssets(),
    companionExtension(),
    VitePWA({
      // 'prompt', never 'autoUpdate': a new version must not reload the page in the middle of a recording.
      registerType: 'prompt',
      injectRegister: false, // registered from src/lib/pwa.ts so the UI can report it
      manifest: false, // public/manifest.webmanifest is the single source
      workbox: {
        // The app shell: everything the first screen and a recording need.
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,webmanifest}'],
        // OCR and ONNX Runtime cores, OCR data and the test model are cached on first use, below.
        globIgnores: ['vendor/**', 'models/**'],
        navigateFallback: 'index.html',
        // Large runtime assets (wasm cores, OCR data, model weights) are cached
        // on first use instead of precached, so the first visit stays light.
        runtimeCaching: [
          {
            // The app's own large files only: a Hub model's files are kept by transformers.js in
            // its own cache, and a second copy here would double the space they take.
            // (/vendor/ folders are named by content hash, so cache-first never serves an old engine.)
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin &&
              (url.pathname.startsWith('/vendor/') ||
                url.pathname.startsWith('/models/') ||
                /\.(wasm|onnx|traineddata(\.gz)?|bin)$/.test(url.pathname)),
            handler: 'CacheFirst',
            options: {
              cacheName: 'large-assets',
              expiration: { maxEntries: 64 },
              cacheableResponse: { statuses: [0, 200] },
            },
          },
        ],
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  // The dev server runs Vite's own client (inline, eval): isolation only. The build is served with the policy.
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: securityHeaders(), port: 4173, strictPort: true },
  test: {
    include: [
      'src/**/*.test.ts',
      'workers/**/*.test.ts',
      'models/**/*.test.ts',
      'scripts/**/*.test.ts',
      'bench/**/*.test.ts',
      'build/**/*.test.ts',
    ],
    environment: 'node',
  },
});
