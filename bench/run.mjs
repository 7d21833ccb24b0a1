// `npm run bench [-- record] [--minutes N]`: drives the built app in headless
// Chromium on synthetic recordings and prints one JSON object as the last line
// of output (also written to bench/results/latest.json). See DESIGN.md §8.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { chromium } from '@playwright/test';
import { baseChromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { previewCommand, startServer } from '../scripts/serve.mjs';
import { benchAnalyze } from './analyze.mjs';
import { benchCompanion } from './companion.mjs';
import { benchImport } from './import.mjs';
import { benchOcr } from './ocr.mjs';
import { benchQuality } from './quality.mjs';
import { benchRecord } from './record.mjs';

const args = process.argv.slice(2);
const text = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const sections = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
const wanted = sections.length > 0 ? sections : ['record', 'analyze'];
const known = {
  record: benchRecord,
  analyze: benchAnalyze,
  import: benchImport,
  quality: benchQuality,
  companion: benchCompanion,
  ocr: benchOcr,
};
for (const name of wanted) {
  if (!known[name]) {
    console.error(`Unknown section "${name}". Known: ${Object.keys(known).join(', ')}`);
    process.exit(2);
  }
}

const PORT = 4173;
const APP_URL = `http://localhost:${PORT}/`;

async function machine() {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: baseChromiumArgs });
  const version = browser.version();
  await browser.close();
  return {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? 'unknown',
    mem_gb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium: version,
  };
}

// Our own server on the build just made (npm run bench builds first), ended with everything it started.
const server = await startServer(APP_URL, previewCommand(PORT));
try {
  const result = { machine: await machine() };
  const fixtures = { workload: await readFile(new URL('./fixtures/workload.html', import.meta.url)) };
  for (const name of wanted) {
    console.error(`bench: ${name}…`);
    result[name] = await known[name]({
      appUrl: APP_URL,
      minutes: flag('minutes', undefined),
      fixtures,
      only: text('only'),
      paths: text('paths'),
      runs: flag('runs', undefined),
      again: text('again'),
    });
  }
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(new URL('./results/latest.json', import.meta.url), JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result));
} finally {
  await server.stop();
}
