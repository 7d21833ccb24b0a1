// @ts-check
// `node bench/ocr-crop.mjs <frame.png> <x,y,w,h>...`: what the app's OCR (its tesseract.js
// pool, scaling and clean-up included) reads in those areas of a frame, e.g. a key frame
// that P2S_BENCH_DUMP wrote. For studying a step's misreading without recording again: a
// reader outside the browser resamples crops differently and reads other text.
// `--words` also prints every word tesseract gave, with its confidence, before lines drop the unsure.
import { readFile } from 'node:fs/promises';
import { withOcrPage } from './ocr.mjs';

const args = process.argv.slice(2);
const raw = args.includes('--words');
const [file, ...specs] = args.filter((arg) => arg !== '--words');
if (!file || specs.length === 0) {
  console.error('Usage: node bench/ocr-crop.mjs [--words] <frame.png> <x,y,w,h>...');
  process.exit(2);
}
const areas = specs.map((spec) => {
  const [x = 0, y = 0, width = 0, height = 0] = spec.split(',').map(Number);
  return { x, y, width, height };
});
const png = (await readFile(file)).toString('base64');
const readings = await withOcrPage((page) =>
  page.evaluate(
    async ({ png, areas, raw }) => {
      /** @type {typeof import('./ocr/page.ts')} */
      const { readCrops } = await import(/* @vite-ignore */ `${'/bench/ocr/page.ts'}`);
      return readCrops(png, areas, raw);
    },
    { png, areas, raw },
  ),
);
console.log(JSON.stringify(readings, null, 1));
