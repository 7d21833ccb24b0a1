// @ts-check
// The "quality" section (DESIGN.md §8): each corpus workflow (bench/quality/
// corpus.mjs: real third-party pages from npm packages) is done in its own tab
// at a person's pace (about a second between actions) while the app records
// that tab: pixels only, no page events. The exported SKILL.md's numbered steps
// are scored against the workflow's ground truth. The same recording is then
// imported back as a video file, and as a pack2skill 0.1 session (the video with
// the clicks and keystrokes a key logger saw, click points included), and scored
// again. Figures per workflow, and
// per half (tuned, held-out) apart. The heading the skill gives the first screen (the app's
// name as the analysis read it) is scored too, against the names the screen shows (`app`).
import { chromium } from '@playwright/test';
import JSZip from 'jszip';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseChromiumArgs, chromiumPath, launchWithCompanion } from '../scripts/chromium.mjs';
import { storedVideo } from '../scripts/test-videos.mjs';
import { CORPUS } from './quality/corpus.mjs';
import { SCREEN, desktopMissing, openDesktop } from './quality/desktop.mjs';
import { scoreApp, scoreSteps, skillHeading, skillSteps } from './quality/score.mjs';
import { CORPUS_ORIGIN, serveCorpus, startCorpusServer } from './quality/serve-corpus.mjs';
import { restoreStores, saveStores } from './quality/stored.mjs';
import { readStore, round } from './workload.mjs';

/** A person's pace between actions. */
const PACE_MS = 1000;

/**
 * @param {{ appUrl: string, only?: string, paths?: string, runs?: number, again?: string }} options
 */
export async function benchQuality({ appUrl, only, paths, runs = 1, again }) {
  // `--only` takes a half (`tuned`, `held-out`) or part of a workflow's id, or several, comma-separated; `--paths extension`
  // records with the companion extension only, `--paths screen` without it only; `--runs N`
  // records each workflow N times and scores each path by its median run (one run can lose a
  // step to timing: a click a second after another not seen as a change of its own).
  // Desktop workflows need an X server and a Tk program (Debian packages); without them
  // they are listed as skipped, with the command that installs what is missing.
  // `--again <folder>` records nothing: it analyses again the recordings a run dumped there
  // (`P2S_BENCH_DUMP=<folder>`), each path as it was fed then (for comparing two versions of
  // the analysis on the same pixels; the figures to report come from recording afresh).
  if (again) return qualityAgain(appUrl, again, only);
  const missing = desktopMissing();
  const workflows = chosen(only);
  const results = [];
  /** @type {{ id: string, why: string }[]} */
  const skipped = [];
  for (const workflow of workflows) {
    const base = { id: workflow.id, half: workflow.half, ui: workflow.ui };
    const desktop = 'program' in workflow;
    if (desktop && (missing || paths === 'extension')) {
      skipped.push({ id: workflow.id, why: missing ?? 'a desktop program: no companion extension there' });
      continue;
    }
    console.error(`bench quality: ${workflow.id}`);
    const result = paths === 'extension' ? base : await medianRun(workflow, appUrl, runs);
    // The companion extension reports pages only: a desktop program has no second path.
    if (paths === 'screen' || desktop) {
      results.push(result);
      continue;
    }
    console.error(`bench quality: ${workflow.id} with the companion extension`);
    results.push({ ...result, extension: await runWithExtension(workflow, appUrl) });
  }
  return {
    pace_ms: PACE_MS,
    workflows: results,
    ...(skipped.length ? { skipped } : {}),
    summary: {
      tuned: summarise(results.filter((r) => r.half === 'tuned')),
      held_out: summarise(results.filter((r) => r.half === 'held-out')),
    },
  };
}

/**
 * The workflows `--only` names: a half (`tuned`, `held-out`) or part of an id, several comma-separated.
 * @param {string} [only]
 */
function chosen(only) {
  const parts = only?.split(',') ?? [];
  return CORPUS.filter((w) => !only || parts.some((part) => w.half === part || w.id.includes(part)));
}

/**
 * The `--again` section: the workflows whose recordings `dir` holds, analysed again.
 * @param {string} appUrl @param {string} dir @param {string} [only]
 */
async function qualityAgain(appUrl, dir, only) {
  const results = [];
  for (const workflow of chosen(only)) {
    const runs = await againRuns(workflow, appUrl, dir);
    if (runs.length === 0) continue;
    console.error(`bench quality: ${workflow.id} analysed again (${runs.length} run${runs.length > 1 ? 's' : ''})`);
    results.push(combined(runs));
  }
  return {
    again: dir,
    workflows: results,
    summary: {
      tuned: summarise(results.filter((r) => r.half === 'tuned')),
      held_out: summarise(results.filter((r) => r.half === 'held-out')),
    },
  };
}

/**
 * How often the skill named the app right, named none, or named it wrong, over every run of
 * each workflow on `path`.
 * @param {any[]} results @param {'pixels' | 'video' | 'session' | 'extension'} path
 */
function appVerdicts(results, path) {
  /** @type {string[]} */
  const verdicts = results.flatMap((r) => r.app_runs?.[path] ?? (r[path] ? [r[path].app.verdict] : []));
  const count = (/** @type {string} */ verdict) => verdicts.filter((v) => v === verdict).length;
  return { runs: verdicts.length, right: count('right'), none: count('none'), wrong: count('wrong') };
}

/** @param {any[]} results */
function summarise(results) {
  /** @param {'pixels' | 'video' | 'session' | 'extension'} path */
  const of = (path) => {
    const scores = results.map((r) => r[path]).filter(Boolean);
    const sum = (/** @type {string} */ key) => scores.reduce((n, s) => n + s[key], 0);
    const truth = sum('truth');
    return {
      workflows: scores.length,
      truth_actions: truth,
      recall: truth ? round(sum('recalled') / truth) : null,
      recall_without_dumps: truth ? round(sum('clean_recalled') / truth) : null,
      label_accuracy: truth ? round(scores.reduce((n, s) => n + s.label_accuracy * s.truth, 0) / truth) : null,
      extra_steps: sum('extra'),
      wrong_verb_steps: sum('wrong_verb'),
      dump_steps: sum('dumps'),
      export_ms_max: Math.max(0, ...scores.map((s) => s.export_ms ?? 0)),
      // The heading the skill gives the first screen, against the app's names: every run counted.
      app_name: appVerdicts(results, path),
    };
  };
  // The skills recorded with the companion extension, replayed by their own scripts.
  const replays = results.map((r) => r.extension?.replay).filter((r) => r?.ran);
  return {
    pixels: of('pixels'),
    video: of('video'),
    session: of('session'),
    extension: of('extension'),
    replay: {
      scripts: replays.length,
      passed: replays.filter((r) => r.passed).length,
      with_fallbacks: replays.filter((r) => r.fallbacks > 0).length,
    },
  };
}

/**
 * The workflow recorded `runs` times; each path scored by its median run, every run's
 * recall kept (`runs`).
 * @param {import('./quality/corpus.mjs').Workflow} workflow
 * @param {string} appUrl
 * @param {number} runs
 */
async function medianRun(workflow, appUrl, runs) {
  /** @type {Awaited<ReturnType<typeof runWorkflow>>[]} */
  const all = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    if (i > 0) console.error(`bench quality: ${workflow.id}, run ${i + 1} of ${runs}`);
    all.push(await runWorkflow(workflow, appUrl, i > 0 ? `-run${i + 1}` : ''));
  }
  return combined(all);
}

/**
 * Several runs of one workflow as one result: each path scored by its median run, with every
 * run's recall listed.
 * @template {ReturnType<typeof scored>} T
 * @param {T[]} all at least one
 */
function combined(all) {
  if (all.length === 1) return /** @type {T} */ (all[0]);
  /** @param {'pixels' | 'video' | 'session'} path */
  const middle = (path) => {
    const sorted = [...all].sort((a, b) => a[path].recall - b[path].recall);
    return sorted[Math.floor((sorted.length - 1) / 2)]?.[path];
  };
  return {
    .../** @type {T} */ (all[0]),
    pixels: middle('pixels'),
    video: middle('video'),
    session: middle('session'),
    runs: Object.fromEntries(
      /** @type {const} */ (['pixels', 'video', 'session']).map((path) => [path, all.map((r) => r[path].recall)]),
    ),
    // Every run's app name verdict: the name is read from the first screen alone, whichever run is the median.
    app_runs: Object.fromEntries(
      /** @type {const} */ (['pixels', 'video', 'session']).map((path) => [path, all.map((r) => r[path].app.verdict)]),
    ),
  };
}

/**
 * @param {import('./quality/corpus.mjs').Workflow} workflow
 * @param {string} appUrl
 * @param {string} [run] what tells this run's dumps from the first run's (`-run2`)
 */
async function runWorkflow(workflow, appUrl, run = '') {
  const rig = 'program' in workflow ? await desktopRig(workflow) : await tabRig(workflow);
  try {
    const app = await rig.context.newPage();
    await app.goto(appUrl);
    await rig.opened(app);
    await app.getByRole('button', { name: 'Start recording' }).click();
    await app.getByRole('button', { name: 'Stop recording' }).waitFor();
    await rig.doSteps();
    await rig.stop(app);
    const pixels = await exportedSteps(app);
    await dumpAnalysis(app, `${workflow.id}-pixels${run}`);
    const dir = process.env.P2S_BENCH_DUMP;
    if (dir) await saveStores(app, path.join(dir, `${workflow.id}${run}.stored.json`));
    // The screen changes the recorder found, for reading a result: when, how long, where.
    /** @type {{ type: string, t: number, endT?: number, box: { x: number, y: number, width: number, height: number } }[]} */
    const events = await readStore(app, 'events');
    const changes = events
      .filter((e) => e.type === 'visual')
      .map(
        (e) =>
          `${round(e.t / 1000, 1)}–${round((e.endT ?? e.t) / 1000, 1)}s ${e.box.width}×${e.box.height}@${e.box.x},${e.box.y}`,
      );
    // The same recording as a video file someone brings.
    const video = await storedVideo(app);
    await dumpFile(`${workflow.id}${run}.webm`, video);
    const seen = await rig.seen();
    // The recording's clock starts when it is created (the page and the app share the clock).
    /** @type {{ createdAt: number }[]} */
    const [recording] = await readStore(app, 'recordings');
    const created = recording?.createdAt ?? 0;
    await deleteShownRecording(app);
    const imported = await importVideo(app, workflow, run, video);
    // The video file's own timestamps start a little after the recording's clock: the same
    // changes found again in the file give the offset, as a logger started with the video had it.
    /** @type {{ type: string, t: number }[]} */
    const fileEvents = await readStore(app, 'events');
    const offset = median(
      fileEvents
        .filter((e) => e.type === 'visual')
        .flatMap((e) => {
          const live = changesAt(events, e.t);
          return live === undefined ? [] : [live - e.t];
        }),
    );
    const startedAt = created + offset;
    // The same run as a pack2skill 0.1 session: session file, the video, events in seconds.
    const session = await session01(workflow.id, video, seen, startedAt, rig.resolution);
    await dumpFile(`${workflow.id}${run}-0.1.zip`, session);
    await deleteShownRecording(app);
    const fromSession = await importSession(app, workflow, run, session);
    return {
      ...scored(workflow, pixels, imported, fromSession),
      changes,
      video_offset_ms: Math.round(offset),
    };
  } finally {
    await rig.close();
  }
}

/**
 * The workflow's paths scored against its truth: pixels, the video imported, the 0.1 session.
 * @param {import('./quality/corpus.mjs').Workflow} workflow
 * @param {Awaited<ReturnType<typeof exportedSteps>>} pixels
 * @param {{ steps: Awaited<ReturnType<typeof exportedSteps>>, pointer: boolean | null }} video
 * @param {{ steps: Awaited<ReturnType<typeof exportedSteps>>, pointer: boolean | null }} session
 */
function scored(workflow, pixels, video, session) {
  const truth = workflow.steps.map(({ verb, label, value }) => ({ verb, label, ...(value ? { value } : {}) }));
  return {
    id: workflow.id,
    ui: workflow.ui,
    half: workflow.half,
    pixels: report(truth, pixels, workflow.app),
    video: { ...report(truth, video.steps, workflow.app), pointer_seen: video.pointer },
    session: { ...report(truth, session.steps, workflow.app), pointer_seen: session.pointer },
  };
}

/**
 * Imports `video` as a video file someone brings, and reads its steps.
 * @param {import('@playwright/test').Page} app @param {import('./quality/corpus.mjs').Workflow} workflow
 * @param {string} run @param {Buffer} video
 */
async function importVideo(app, workflow, run, video) {
  const [chooser] = await Promise.all([
    app.waitForEvent('filechooser'),
    app.getByRole('button', { name: 'Import video' }).click(),
  ]);
  await chooser.setFiles({ name: `${workflow.id}${run}.webm`, mimeType: 'video/webm', buffer: video });
  const steps = await exportedSteps(app);
  const pointer = await pointerSeen(app);
  await dumpAnalysis(app, `${workflow.id}-video${run}`);
  return { steps, pointer };
}

/**
 * Imports `session` (a pack2skill 0.1 session zip), and reads its steps.
 * @param {import('@playwright/test').Page} app @param {import('./quality/corpus.mjs').Workflow} workflow
 * @param {string} run @param {Buffer} session
 */
async function importSession(app, workflow, run, session) {
  await app.getByLabel('Import session (.zip)').setInputFiles({
    name: `${workflow.id}-0.1.zip`,
    mimeType: 'application/zip',
    buffer: session,
  });
  const steps = await exportedSteps(app);
  const pointer = await pointerSeen(app);
  await dumpAnalysis(app, `${workflow.id}-session${run}`);
  return { steps, pointer };
}

/**
 * The runs of `workflow` a dumped bench run kept in `dir` (`--again`): its recording as the
 * app stored it, its video and its 0.1 session, analysed again by the app as it is now. No
 * recording is made; the figures are of the same pixels as the run that made them.
 * @param {import('./quality/corpus.mjs').Workflow} workflow @param {string} appUrl @param {string} dir
 */
async function againRuns(workflow, appUrl, dir) {
  const names = await readdir(dir);
  const runs = names.flatMap((name) => {
    const match = new RegExp(`^${workflow.id}(-run\\d+)?\\.stored\\.json$`).exec(name);
    return match ? [match[1] ?? ''] : [];
  });
  if (runs.length === 0) return [];
  const browser = await chromium.launch({ executablePath: chromiumPath, args: baseChromiumArgs });
  try {
    const all = [];
    for (const run of runs.sort()) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
      const app = await context.newPage();
      await app.goto(appUrl);
      await app.getByRole('button', { name: 'Start recording' }).waitFor();
      await restoreStores(app, path.join(dir, `${workflow.id}${run}.stored.json`));
      await app.reload();
      await app.getByRole('list', { name: 'Recordings' }).getByRole('button', { name: 'Show steps' }).first().click();
      const pixels = await exportedSteps(app);
      await dumpAnalysis(app, `${workflow.id}-pixels${run}`);
      await deleteShownRecording(app);
      const video = await importVideo(app, workflow, run, await readFile(path.join(dir, `${workflow.id}${run}.webm`)));
      await deleteShownRecording(app);
      const session = await importSession(
        app,
        workflow,
        run,
        await readFile(path.join(dir, `${workflow.id}${run}-0.1.zip`)),
      );
      all.push(scored(workflow, pixels, video, session));
      await context.close();
    }
    return all;
  } finally {
    await browser.close();
  }
}

/**
 * A web workflow's rig: its page in a tab the app records (picked by title), and a key
 * logger's view of that page as pack2skill 0.1 kept one (clicks with their point, keys).
 * @param {import('./quality/corpus.mjs').WebWorkflow} workflow
 */
async function tabRig(workflow) {
  const title = `P2S Quality ${workflow.id}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...baseChromiumArgs, `--auto-select-tab-capture-source-by-title=${title}`],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    await serveCorpus(context);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.dismiss());
    // Clicks are told to the bench as they happen, on every page the workflow goes to.
    /** @type {import('./quality/desktop.mjs').Seen[]} */
    const clicks = [];
    await page.exposeBinding('__p2sClick', (_source, /** @type {{ at: number, x: number, y: number }} */ c) => {
      clicks.push({ at: c.at, type: 'click', x: c.x, y: c.y });
    });
    await page.addInitScript(() =>
      addEventListener(
        'pointerdown',
        (e) => void (/** @type {any} */ (window).__p2sClick({ at: Date.now(), x: e.clientX, y: e.clientY })),
        true,
      ),
    );
    await page.goto(`${CORPUS_ORIGIN}/${workflow.page}`);
    // The tab's title is how the capture picks it; it is not in the captured pixels.
    await page.evaluate((t) => (document.title = t), title);
    const keys = logKeys(page);
    return {
      context,
      resolution: /** @type {[number, number]} */ ([1280, 720]),
      opened: async () => {},
      doSteps: () => doSteps(page, workflow),
      /** The person turns back to the app's tab and stops. @param {import('@playwright/test').Page} app */
      stop: async (app) => {
        await app.bringToFront();
        await app.getByRole('button', { name: 'Stop recording' }).click();
      },
      /** @returns {Promise<import('./quality/desktop.mjs').Seen[]>} */
      seen: async () => [...clicks, ...keys].sort((a, b) => a.at - b.at),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * A desktop workflow's rig: the whole screen shared, the program beside the app's window,
 * a person's pointer and keys (xdotool), and what a global key logger saw of them.
 * @param {import('./quality/corpus.mjs').DesktopWorkflow} workflow
 */
async function desktopRig(workflow) {
  const { context, desktop, seen, close } = await openDesktop(workflow.program);
  return {
    context,
    resolution: /** @type {[number, number]} */ ([SCREEN.width, SCREEN.height]),
    /**
     * Playwright tells every page it has the focus; on this screen the focus is the window
     * system's, as the app's hiding of its own windows expects.
     * @param {import('@playwright/test').Page} app
     */
    opened: async (app) =>
      void (await (await context.newCDPSession(app)).send('Emulation.setFocusEmulationEnabled', { enabled: false })),
    /**
     * The person stops from the floating controls, where a whole screen is recorded (the
     * app's own page would show its Stop in the recording).
     * @param {import('@playwright/test').Page} app
     */
    stop: async (app) => {
      for (const page of context.pages().filter((p) => p !== app)) {
        const button = page.getByRole('button', { name: 'Stop recording' });
        if ((await button.count()) > 0) return button.click();
      }
      await app.getByRole('button', { name: 'Stop recording' }).click();
    },
    doSteps: async () => {
      await desktop.wait(1500);
      for (const step of workflow.steps) {
        await step.do(desktop);
        await desktop.wait(PACE_MS);
      }
      await desktop.wait(1000);
    },
    seen: async () => seen,
    close,
  };
}

/**
 * One clock for page events and frames: for each click the extension logged, how long
 * until the first sampled frame that shows a change (the sampler looks 6 times a second,
 * so up to about 170 ms of this is the sampling interval, not clock error).
 * @param {{ type: string, t: number, source?: string }[]} events
 */
function clickToFrame(events) {
  const changes = events.filter((e) => e.type === 'visual').map((e) => e.t);
  const offsets = events
    .filter((e) => e.type === 'click' && e.source === 'extension')
    .flatMap((click) => {
      const next = changes.filter((t) => t >= click.t - 50 && t <= click.t + 1000).sort((a, b) => a - b)[0];
      return next === undefined ? [] : [next - click.t];
    });
  return {
    clicks_with_a_change: offsets.length,
    median: offsets.length ? median(offsets) : null,
    max: offsets.length ? Math.max(...offsets) : null,
  };
}

/**
 * The time of the live change nearest `t` (within 0.6 s), if any.
 * @param {{ type: string, t: number }[]} events @param {number} t
 */
function changesAt(events, t) {
  const near = events
    .filter((e) => e.type === 'visual' && Math.abs(e.t - t) <= 600)
    .sort((a, b) => Math.abs(a.t - t) - Math.abs(b.t - t));
  return near[0]?.t;
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) : 0;
}

/**
 * The workflow's steps in its tab at a person's pace, the tab in front while they are done.
 * @param {import('@playwright/test').Page} page
 * @param {import('./quality/corpus.mjs').WebWorkflow} workflow
 */
async function doSteps(page, workflow) {
  await page.bringToFront();
  await page.waitForTimeout(1500);
  for (const step of workflow.steps) {
    await step.do(page);
    await page.waitForTimeout(PACE_MS);
  }
  await page.waitForTimeout(1000);
}

/** The companion extension as `npm run build` writes it. */
const EXTENSION_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/extension');

/**
 * The same workflow recorded again with the companion extension loaded: the app
 * gets page events from the corpus tab (a fresh profile, so nothing carries over).
 * @param {import('./quality/corpus.mjs').WebWorkflow} workflow
 * @param {string} appUrl
 */
async function runWithExtension(workflow, appUrl) {
  const title = `P2S Quality ${workflow.id}`;
  const { context, close } = await launchWithCompanion({
    extensionDir: EXTENSION_DIR,
    secureOrigin: CORPUS_ORIGIN,
    captureTitle: title,
  });
  try {
    await serveCorpus(context);
    const page = await context.newPage();
    page.on('dialog', (dialog) => void dialog.dismiss());
    await page.goto(`${CORPUS_ORIGIN}/${workflow.page}`);
    await page.evaluate((t) => (document.title = t), title);
    const app = await context.newPage();
    await app.goto(appUrl);
    await app.getByText(/Companion extension .* is on/).waitFor();
    await app.getByRole('button', { name: 'Start recording' }).click();
    await app.getByRole('button', { name: 'Stop recording' }).waitFor();
    await doSteps(page, workflow);
    await app.bringToFront();
    await app.getByRole('button', { name: 'Stop recording' }).click();
    const truth = workflow.steps.map(({ verb, label, value }) => ({ verb, label, ...(value ? { value } : {}) }));
    const exported = await exportedSteps(app);
    const scored = report(truth, exported, workflow.app);
    return {
      ...scored,
      click_to_frame_ms: clickToFrame(await readStore(app, 'events')),
      replay: exported.script ? await replaySkill(exported.script, workflow) : { ran: false },
    };
  } finally {
    await close();
  }
}

/**
 * @param {import('./quality/score.mjs').TruthAction[]} truth
 * @param {{ steps: string[], description: string, heading?: string, exportMs?: number | null }} exported
 * @param {string[]} app the names a person would give the app (the workflow's `app`)
 */
function report(truth, exported, app) {
  // A recorded run has no inputs until a person makes some in review, so no defaults to pass.
  const score = scoreSteps(truth, exported.steps);
  return {
    truth: score.truth,
    steps: score.steps,
    recalled: score.recalled,
    recall: round(score.recall),
    label_accuracy: round(score.labelAccuracy),
    extra: score.extra,
    wrong_verb: score.wrongVerb,
    clean_recalled: score.cleanRecalled,
    dumps: score.dumps,
    step_lines: exported.steps,
    description: exported.description,
    app: { said: exported.heading ?? null, verdict: scoreApp(app, exported.heading) },
    // From pressing "Download skill" to the file (each screenshot's whole frame read for what to blur).
    export_ms: exported.exportMs ?? null,
  };
}

/**
 * The keys the bench presses on `page`, as a key logger hooked into the system (0.1's
 * pynput) saw them: every key, also those the page never hears (the first letters of an
 * option typed into a native select's open list go to the list, not to the page).
 * @param {import('@playwright/test').Page} page
 */
function logKeys(page) {
  /** @type {import('./quality/desktop.mjs').Seen[]} */
  const keys = [];
  const { keyboard } = page;
  const press = keyboard.press.bind(keyboard);
  const type = keyboard.type.bind(keyboard);
  keyboard.press = async (key, options) => {
    const parts = key.length === 1 ? [key] : key.split('+');
    for (const part of parts) keys.push({ at: Date.now(), type: 'keystroke', key: part });
    return press(key, options);
  };
  keyboard.type = async (text, options) => {
    for (const char of text) {
      keys.push({ at: Date.now(), type: 'keystroke', key: char });
      await type(char, options);
    }
  };
  return keys;
}

/**
 * Whether the import shown found a mouse pointer in its video (a desktop recorded shows one,
 * a tab does not): how its changes were read.
 * @param {import('@playwright/test').Page} app
 */
async function pointerSeen(app) {
  /** @type {{ importStats?: { pointer?: boolean } }[]} */
  const [recording] = await readStore(app, 'recordings');
  return recording?.importStats?.pointer ?? null;
}

/**
 * Writes a file beside the dumped analyses (`P2S_BENCH_DUMP`): the recording's video.
 * @param {string} name @param {Buffer} data
 */
async function dumpFile(name, data) {
  const dir = process.env.P2S_BENCH_DUMP;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, name), data);
}

/**
 * With P2S_BENCH_DUMP=<folder>, the analysis of the recording shown (its steps with
 * what OCR read around them) and its key frames are written there, for studying a
 * workflow's misses without recording it again. Never used for the figures.
 * @param {import('@playwright/test').Page} app @param {string} name
 */
async function dumpAnalysis(app, name) {
  const dir = process.env.P2S_BENCH_DUMP;
  if (!dir) return;
  await mkdir(path.join(dir, name), { recursive: true });
  const [analysis] = await readStore(app, 'analyses');
  await writeFile(path.join(dir, name, 'analysis.json'), JSON.stringify(analysis, null, 1));
  await writeFile(path.join(dir, name, 'events.json'), JSON.stringify(await readStore(app, 'events'), null, 1));
  /** @type {{ id: string, t: number, role: string, type: string, data: string }[]} */
  const frames = await app.evaluate(async () => {
    const db = await new Promise((resolve) => {
      const open = indexedDB.open('pack2skill');
      open.onsuccess = () => resolve(open.result);
    });
    /** @type {any[]} */
    const records = await new Promise((resolve) => {
      const request = db.transaction('frames').objectStore('frames').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    const read = (/** @type {Blob} */ blob) =>
      new Promise((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result).split(',')[1]);
        reader.readAsDataURL(blob);
      });
    return Promise.all(
      records.map(async (f) => ({ id: f.id, t: f.t, role: f.role, type: f.blob.type, data: await read(f.blob) })),
    );
  });
  for (const frame of frames) {
    const ext = frame.type.split('/')[1] ?? 'bin';
    const file = `${Math.round(frame.t)}-${frame.role}-${frame.id.replace(/[^\w-]/g, '_')}.${ext}`;
    await writeFile(path.join(dir, name, file), Buffer.from(frame.data, 'base64'));
  }
}

/**
 * Waits for the analysis of the recording shown, downloads its skill and reads
 * the numbered steps of SKILL.md (none when no step was found).
 * @param {import('@playwright/test').Page} app
 */
async function exportedSteps(app) {
  const progress = app.getByRole('progressbar', { name: 'Analysis progress' });
  await app.getByRole('heading', { name: /^Steps/ }).waitFor({ timeout: 300_000 });
  await app.waitForTimeout(500);
  await progress.waitFor({ state: 'detached', timeout: 300_000 });
  const download = app.getByRole('button', { name: 'Download skill (.zip)' });
  if ((await download.count()) === 0) return { steps: [], description: '', exportMs: null };
  // Export reads each screenshot's whole frame for what to blur, where not read yet: on a
  // desktop recording that can take longer than Playwright's default 30 s.
  const exportStarted = performance.now();
  const [file] = await Promise.all([app.waitForEvent('download', { timeout: 180_000 }), download.click()]);
  const exportMs = Math.round(performance.now() - exportStarted);
  const zip = await JSZip.loadAsync(await readFile(/** @type {string} */ (await file.path())));
  const skill = Object.values(zip.files).find((f) => f.name.endsWith('/SKILL.md'));
  const markdown = skill ? await skill.async('string') : '';
  const description = /^description: (.*)$/m.exec(markdown)?.[1] ?? '';
  const replay = Object.values(zip.files).find((f) => f.name.endsWith('/scripts/replay.mjs'));
  return {
    steps: skillSteps(markdown),
    description,
    heading: skillHeading(markdown),
    script: replay ? await replay.async('string') : null,
    exportMs,
  };
}

/**
 * Runs a skill's `scripts/replay.mjs` as an agent would (Node, Playwright, its own
 * browser) against a fresh copy of the workflow's page served from a local server:
 * did it get through every step, how many it did, how many needed a fallback
 * selector, and the line it failed with.
 * @param {string} script @param {import('./quality/corpus.mjs').WebWorkflow} workflow
 */
async function replaySkill(script, workflow) {
  const dir = await mkdtemp(path.join(tmpdir(), 'p2s-bench-replay-'));
  const server = await startCorpusServer();
  try {
    const file = path.join(dir, 'replay.mjs');
    await writeFile(file, script);
    const started = performance.now();
    const run = await new Promise((resolve) =>
      execFile(
        process.execPath,
        [file, '--url', `${server.origin}/${workflow.page}`, '--browser', chromiumPath, '--timeout', '5000'],
        { cwd: process.cwd(), timeout: 120_000 },
        (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
      ),
    );
    const { code, stdout, stderr } = /** @type {{ code: number | string, stdout: string, stderr: string }} */ (run);
    return {
      ran: true,
      passed: code === 0,
      exit: code,
      actions_done: (stdout.match(/^ok {3}\d/gm) ?? []).length,
      fallbacks: (stdout.match(/found by fallback/g) ?? []).length,
      // How those controls were found: by their row's text, by a recorded selector, through a container.
      by_row_text: (stdout.match(/found by fallback \S+ in the row of/g) ?? []).length,
      by_selector: (stdout.match(/found by fallback selector/g) ?? []).length,
      ms: Math.round(performance.now() - started),
      ...(code === 0 ? {} : { failure: stderr.split('\n').slice(0, 3).join(' ').slice(0, 600) }),
    };
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** @param {import('@playwright/test').Page} app */
async function deleteShownRecording(app) {
  const item = app.getByRole('list', { name: 'Recordings' }).getByRole('listitem').first();
  await item.getByRole('button', { name: 'Delete' }).click();
  await item.getByRole('button', { name: 'Delete for good' }).click();
  await app.getByRole('heading', { name: /^Steps/ }).waitFor({ state: 'detached' });
}

/**
 * A pack2skill 0.1 session zip: `session.json` naming the video and the events,
 * events as `{t, type: "click" | "keystroke", x, y, button, key}` in seconds.
 * @param {string} id @param {Buffer} video
 * @param {{ at: number, type: string, x?: number, y?: number, key?: string }[]} seen
 * @param {number} startedAt
 * @param {[number, number]} resolution the screen the points are on
 */
async function session01(id, video, seen, startedAt, resolution) {
  const zip = new JSZip();
  zip.file(
    's/session.json',
    JSON.stringify({
      name: id,
      video_path: '/home/me/.pack2skill/sessions/s/recording.webm',
      events_path: 'events.json',
      resolution,
    }),
  );
  zip.file('s/recording.webm', video);
  const events = seen.map(({ at, type, x, y, key }) => ({
    t: Math.max(0, (at - startedAt) / 1000),
    type,
    ...(type === 'click' ? { x, y, button: 'left' } : { key: pynputKey(key ?? '') }),
  }));
  zip.file('s/events.json', JSON.stringify(events));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** pynput's names for the browser's keys, as 0.1's logger wrote them: `Key.enter`, `'a'`. */
const PYNPUT_KEYS = /** @type {Record<string, string>} */ ({
  Enter: 'enter',
  Tab: 'tab',
  Backspace: 'backspace',
  Delete: 'delete',
  Escape: 'esc',
  Control: 'ctrl_l',
  Shift: 'shift',
  Alt: 'alt_l',
  Meta: 'cmd',
  ' ': 'space',
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
});

/** @param {string} key the browser's `KeyboardEvent.key` */
function pynputKey(key) {
  const named = PYNPUT_KEYS[key];
  if (named) return `Key.${named}`;
  return key.length === 1 ? `'${key}'` : `Key.${key.toLowerCase()}`;
}
