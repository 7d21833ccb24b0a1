/**
 * A skill's replay script on controls a page draws for itself: a radio button whose real box
 * is hidden under the one drawn for it, and a section heading whose label ticks a hidden box.
 * A person clicks what is drawn; so must the script (its plan written as the export writes it).
 */
import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumPath } from '../scripts/chromium.mjs';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'styled-controls.html');
const RUNTIME = path.join(import.meta.dirname, '..', 'src', 'export', 'replay', 'replay-script.js');

test('the replay script chooses a radio button drawn over its box and opens a section by its heading', async () => {
  const server = createServer((_request, response) => {
    void readFile(FIXTURE).then((html) => response.writeHead(200, { 'content-type': 'text/html' }).end(html));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = await mkdtemp(path.join(tmpdir(), 'p2s-replay-controls-'));
  try {
    const plan = {
      startUrl: `${origin}/styled-controls.html`,
      inputs: [],
      steps: [
        {
          number: 1,
          says: 'Select the Female option',
          action: 'check',
          role: 'radio',
          name: 'Female',
          selectors: [['#female']],
        },
        {
          number: 2,
          says: 'Click Layout',
          action: 'check',
          role: 'checkbox',
          name: 'Layout',
          selectors: [['#acc-layout']],
        },
      ],
      expect: ['Chose female', 'Layout 1'],
    };
    // As `replayScript` writes it: the plan in place of the runtime's marker.
    const runtime = await readFile(RUNTIME, 'utf8');
    const script = path.join(dir, 'replay.mjs');
    await writeFile(
      script,
      runtime.replace('/*PLAN*/ null', () => JSON.stringify(plan)),
    );
    const run = await new Promise<{ code: number; out: string }>((resolve) =>
      execFile(
        process.execPath,
        [script, '--browser', chromiumPath, '--timeout', '8000'],
        { cwd: process.cwd(), timeout: 90_000 },
        (error, stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: stdout + stderr }),
      ),
    );
    expect(run.out).toContain('ok   check: the page shows "Layout 1"');
    expect(run.code, run.out).toBe(0);
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
