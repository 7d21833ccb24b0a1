// @ts-check
// Makes sure Debian's Chromium is there before browser tests or benchmarks run, with
// the bare X screen and pointer (xvfb, xdotool) that the whole-screen recording test
// drives it on (e2e/screen.spec.ts). Playwright's own browser download needs the
// internet; Debian's packages do not.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.mjs';

const needed = [
  [chromiumPath, 'chromium'],
  ['/usr/bin/Xvfb', 'xvfb'],
  ['/usr/bin/xdotool', 'xdotool'],
].filter(([file]) => !existsSync(/** @type {string} */ (file)));

if (needed.length > 0) {
  const packages = needed.map(([, pkg]) => /** @type {string} */ (pkg));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `Missing for the browser tests: ${needed.map(([file]) => file).join(', ')}.\n` +
        `Install with:  sudo apt-get install -y ${packages.join(' ')}\n` +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
    process.exit(1);
  }
  console.log(`Installing Debian packages for the browser tests (apt-get install -y ${packages.join(' ')})…`);
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
