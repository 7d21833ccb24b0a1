// @ts-check
// Desktop programs in the quality corpus (issue 12 §1): a whole X screen (Xvfb) with
// the app in headed Chromium on its left, sharing the entire screen, and a real
// third-party Tk program (the demos Debian's tk8.6-doc ships, unchanged) on its
// right, driven with xdotool as a person would: the pointer moves, clicks, keys
// typed one at a time. Nothing here reaches into the app's analysis; the picture
// is what a person sharing their screen gets, sharing bar and recorder window included.
import { chromium } from '@playwright/test';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { baseChromiumArgs, chromiumPath } from '../../scripts/chromium.mjs';
import { startScreen } from '../../scripts/xvfb.mjs';

/** A person's typing: a key about every 90 ms, and a pause after each word (they look, or think of the next). */
export const KEY_MS = 90;
export const WORD_PAUSE_MS = 700;

/** The shared screen. The app's window takes its left half, the program sits on the right. */
export const SCREEN = { width: 1280, height: 800 };
const DEMOS = '/usr/share/doc/tk8.6-doc/demos';

/** Debian packages the desktop workflows need, by the file each one installs. */
const NEEDS = /** @type {const} */ ([
  ['/usr/bin/Xvfb', 'xvfb'],
  ['/usr/bin/xdotool', 'xdotool'],
  ['/usr/bin/wish', 'tk'],
  [`${DEMOS}/rolodex`, 'tk8.6-doc'],
  ['/usr/bin/xset', 'x11-xserver-utils'],
]);

/** Why desktop workflows cannot run here (the packages to install), or null when they can. */
export function desktopMissing() {
  const missing = NEEDS.filter(([file]) => !existsSync(file)).map(([, pkg]) => pkg);
  return missing.length ? `apt-get install -y ${missing.join(' ')}` : null;
}

/**
 * What a key logger such as pack2skill 0.1's saw: clicks with their screen point, keys
 * by the browser's `KeyboardEvent.key` names.
 * @typedef {{ at: number, type: 'click' | 'keystroke', x?: number, y?: number, key?: string }} Seen
 */

/**
 * A person at the desktop: `click` a Tk widget by its path (found where Tk placed it) or a
 * `part` of it (Tcl that returns the part's box `x y width height` inside the widget, such
 * as a text widget's link: `.t bbox …`), `type` text a key at a time, `press` a named key.
 * @typedef {{
 *   click: (widget: string, options?: { count?: number, part?: string }) => Promise<void>,
 *   type: (text: string) => Promise<void>,
 *   press: (key: 'Enter' | 'Tab' | 'Backspace' | 'Escape') => Promise<void>,
 *   wait: (ms: number) => Promise<void>,
 * }} Desktop
 */

/** xdotool's names for the browser's keys. */
const XKEYS = { Enter: 'Return', Tab: 'Tab', Backspace: 'BackSpace', Escape: 'Escape', ' ': 'space' };

/** How a pointer travels: in steps over a third of a second. */
const GLIDE_STEPS = 8;
const GLIDE_MS = 320;

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A program of tk8.6-doc's demos: its `script`, where its main window goes (`at`), and Tcl
 * run once it is up (`then`): what a window manager would do, such as where new windows open.
 * @typedef {{ script: string, at: [number, number], then?: string }} Program
 */

/**
 * Starts the screen, the program and the app's browser. `close` ends all three.
 * @param {Program} program
 */
export async function openDesktop(program) {
  const screen = await startScreen(SCREEN);
  const { env } = screen;
  /** @type {(() => Promise<void>)[]} */
  const closers = [async () => screen.stop()];
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch(() => {});
  };
  try {
    const tk = await startWish(env, program);
    closers.push(async () => tk.close());
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: false,
      env,
      args: [
        ...baseChromiumArgs,
        '--auto-select-desktop-capture-source=Entire screen',
        '--window-position=0,0',
        `--window-size=${SCREEN.width / 2},${SCREEN.height}`,
      ],
    });
    closers.push(() => browser.close());
    const context = await browser.newContext({ viewport: null, acceptDownloads: true });
    /** @type {Seen[]} */
    const seen = [];
    // X starts the pointer in the middle of the screen.
    const pointer = { x: SCREEN.width / 2, y: SCREEN.height / 2 };
    const xdotool = (/** @type {string[]} */ ...args) =>
      new Promise((resolve, reject) =>
        execFile('xdotool', args, { env }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
    /** @type {Desktop} */
    const desktop = {
      async click(widget, { count = 1, part } = {}) {
        const [rootX, rootY, wholeWidth, wholeHeight] = (
          await tk.ask(`winfo rootx ${widget}; winfo rooty ${widget}; winfo width ${widget}; winfo height ${widget}`)
        ).map(Number);
        const [partX, partY, width, height] = part
          ? ((await tk.ask(part))[0] ?? '').split(' ').map(Number)
          : [0, 0, wholeWidth, wholeHeight];
        const x = (rootX ?? 0) + (partX ?? 0);
        const y = (rootY ?? 0) + (partY ?? 0);
        const at = { x: Math.round((x ?? 0) + (width ?? 0) / 2), y: Math.round((y ?? 0) + (height ?? 0) / 2) };
        // A person's pointer glides to the control (a third of a second) and rests on it a
        // moment before the press.
        const from = { ...pointer };
        for (let step = 1; step <= GLIDE_STEPS; step++) {
          const x = Math.round(from.x + ((at.x - from.x) * step) / GLIDE_STEPS);
          const y = Math.round(from.y + ((at.y - from.y) * step) / GLIDE_STEPS);
          await xdotool('mousemove', String(x), String(y));
          await sleep(GLIDE_MS / GLIDE_STEPS);
        }
        Object.assign(pointer, at);
        await sleep(250);
        // No window manager runs on the bare screen: it would give the clicked window the
        // keyboard, so this does (the program's own bindings then focus the control).
        await tk.ask(`focus -force [winfo toplevel ${widget}]`);
        for (let i = 0; i < count; i++) {
          seen.push({ at: Date.now(), type: 'click', ...at });
          await xdotool('click', '1');
          if (i + 1 < count) await sleep(80);
        }
      },
      async type(text) {
        for (const char of text) {
          seen.push({ at: Date.now(), type: 'keystroke', key: char });
          await xdotool('key', /** @type {Record<string, string>} */ (XKEYS)[char] ?? keysym(char));
          await sleep(char === ' ' ? WORD_PAUSE_MS : KEY_MS);
        }
      },
      async press(key) {
        seen.push({ at: Date.now(), type: 'keystroke', key });
        await xdotool('key', XKEYS[key]);
      },
      wait: sleep,
    };
    return { context, desktop, seen, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** xdotool's keysym for a printable character. @param {string} char */
function keysym(char) {
  if (/^[A-Za-z0-9]$/.test(char)) return char;
  const names = /** @type {Record<string, string>} */ ({
    '-': 'minus',
    '.': 'period',
    ',': 'comma',
    '@': 'at',
    '/': 'slash',
    ':': 'colon',
    "'": 'apostrophe',
  });
  const name = names[char];
  if (!name) throw new Error(`No keysym for ${JSON.stringify(char)} in the bench's table`);
  return name;
}

/**
 * The program in an interactive `wish` that reads commands on stdin, so that the bench can
 * ask Tk where a widget is (as Playwright asks a page): `ask` evaluates Tcl and returns the
 * lines it printed.
 * @param {NodeJS.ProcessEnv} env @param {Program} program
 */
async function startWish(env, program) {
  const wish = spawn('wish', [], { env, stdio: ['pipe', 'pipe', 'ignore'] });
  const lines = createInterface({ input: /** @type {import('node:stream').Readable} */ (wish.stdout) });
  /** @type {string[]} */
  const buffer = [];
  /** @type {(() => void) | null} */
  let wake = null;
  lines.on('line', (line) => {
    buffer.push(line);
    wake?.();
  });
  let asked = 0;
  /** @param {string} tcl */
  const ask = async (tcl) => {
    const end = `__p2s_done_${++asked}`;
    const commands = tcl.split(';').map((c) => `puts [${c.trim()}]`);
    wish.stdin?.write(`${commands.join('; ')}; puts ${end}; flush stdout\n`);
    const deadline = Date.now() + 10_000;
    for (;;) {
      const at = buffer.indexOf(end);
      if (at >= 0) return buffer.splice(0, at + 1).slice(0, -1);
      if (Date.now() > deadline) throw new Error(`Tk did not answer: ${tcl}`);
      await new Promise((resolve) => {
        wake = () => resolve(undefined);
        setTimeout(resolve, 200);
      });
    }
  };
  const [x, y] = program.at;
  wish.stdin?.write(`wm geometry . +${x}+${y}; set argv {}; source ${DEMOS}/${program.script}\n`);
  if (program.then) wish.stdin?.write(`${program.then}\n`);
  await ask('update');
  return { ask, close: () => void wish.kill() };
}
