// @ts-check
// Where Debian's Chromium lives, and the flags every headless run here needs (DESIGN.md §7).
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const baseChromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
