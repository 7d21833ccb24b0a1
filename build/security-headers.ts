/**
 * The headers the app is served with (`npm start`, `vite preview`; a static host
 * must send the same, see docs/configuration.md): cross-origin isolation, a
 * Content-Security-Policy the app passes, no MIME sniffing, no referrer.
 *
 * The policy: scripts and workers only from the app itself, WebAssembly allowed
 * (OCR, ONNX Runtime, ffmpeg) but no eval; images and video also from blob: and
 * data: URLs the app makes; connections to the app, to https (the cloud models a
 * person sets up, Hugging Face for the caption model; the app checks which, and
 * Local only stops them all) and to a model server on this machine.
 */
import type { Plugin } from 'vite';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  // (CSP has no syntax for IPv6 hosts: a model server on this machine is reached as localhost or 127.0.0.1.)
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "style-src 'self'",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Where violations are reported when P2S_CSP_REPORTS=1 (the e2e tests): see `cspReports`. */
export const CSP_REPORT_PATH = '/__csp-report';

export function securityHeaders(reportViolations = process.env['P2S_CSP_REPORTS'] === '1'): Record<string, string> {
  return {
    ...ISOLATION_HEADERS,
    'Content-Security-Policy': reportViolations
      ? `${CONTENT_SECURITY_POLICY}; report-uri ${CSP_REPORT_PATH}`
      : CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/**
 * For the e2e tests only (P2S_CSP_REPORTS=1): the preview server keeps the
 * violation reports the browser POSTs (from pages and workers alike), gives them
 * back on GET and forgets them on DELETE, so a test can say none was reported.
 */
export function cspReports(): Plugin {
  const reports: unknown[] = [];
  return {
    name: 'pack2skill-csp-reports',
    apply: () => process.env['P2S_CSP_REPORTS'] === '1',
    configurePreviewServer(server) {
      server.middlewares.use(CSP_REPORT_PATH, (req, res) => {
        if (req.method === 'POST') {
          let body = '';
          req.on('data', (chunk: Buffer) => (body += chunk.toString()));
          req.on('end', () => {
            try {
              reports.push(JSON.parse(body));
            } catch {
              reports.push(body);
            }
            res.statusCode = 204;
            res.end();
          });
          return;
        }
        if (req.method === 'DELETE') reports.length = 0;
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(reports));
      });
    },
  };
}
