// @ts-check
// Renders public/icons/icon.svg to the PNG icons the web manifest lists.
// Run with `npm run icons` after changing the SVG; the PNGs are committed.
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { baseChromiumArgs, chromiumPath } from './chromium.mjs';

const svg = await readFile(new URL('../public/icons/icon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath, args: baseChromiumArgs });
const page = await browser.newPage();

/**
 * @param {number} size
 * @param {string} file
 * @param {{ maskable?: boolean }} [options]
 */
async function render(size, file, { maskable = false } = {}) {
  await page.setViewportSize({ width: size, height: size });
  // A maskable icon keeps its artwork inside the central 80% safe zone.
  const inner = maskable ? Math.round(size * 0.72) : size;
  await page.setContent(
    `<body style="margin:0;display:grid;place-items:center;width:${size}px;height:${size}px;background:${maskable ? '#2458d6' : 'transparent'}">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`,
  );
  await page.screenshot({
    path: new URL(`../public/icons/${file}`, import.meta.url).pathname,
    omitBackground: !maskable,
  });
}

await render(192, 'icon-192.png');
await render(512, 'icon-512.png');
await render(512, 'icon-maskable-512.png', { maskable: true });
await browser.close();
console.log('Icons written to public/icons/');
