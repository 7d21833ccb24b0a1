import { defineConfig } from '@playwright/test';

/**
 * e2e tests drive the production build (served by `vite preview`) in Debian's
 * Chromium. Each test launches its own browser (e2e/support/browser.ts) because
 * screen-capture flags are per launch. One worker: capture and encoding are heavy
 * on a 2-core machine.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: 'http://localhost:4173',
    trace: 'retain-on-failure',
  },
  webServer: {
    // Violations of the Content-Security-Policy are kept by the server for e2e/csp.spec.ts.
    command: 'P2S_CSP_REPORTS=1 npx vite preview --port 4173 --strictPort',
    url: 'http://localhost:4173',
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
