#!/usr/bin/env node
// Replays this skill's recorded workflow in a browser, with Playwright.
// Made by pack2skill from a recording with page events; the plan below is data (JSON).
//
//   node scripts/replay.mjs --help          lists the inputs and options
//   node scripts/replay.mjs --summary "…"   runs it with an input's value
//
// Needs Node 20+ and Playwright (`npm i playwright`, then `npx playwright install chromium`,
// or `--browser /path/to/chrome`). It finds each control by its role and name first, then by
// the recorded selectors, and stops at the first step it cannot do, saying what it looked for
// and what it found. Exit codes: 0 done, 1 a step or the final check failed, 2 bad usage.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const PLAN = /*PLAN*/ null;

const USAGE = `Usage: node scripts/replay.mjs [options] [--<input> <value>]...

Options:
  --url <address>     start here instead of the recorded start page
  --cdp <endpoint>    use a running browser (its first page) instead of starting one
  --browser <path>    the Chromium or Chrome to start (else Playwright's own)
  --headed            show the browser window
  --list              print the steps it would take, and stop
  --timeout <ms>      how long to look for each control (default 10000)
  --help              show this`;

function fail(code, message) {
  console.error(message);
  process.exit(code);
}

function parseArgs(argv) {
  const options = { timeout: 10000, headed: false, values: {} };
  const names = new Set(PLAN.inputs.map((input) => input.name));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const key = arg.startsWith('--') ? (eq > 0 ? arg.slice(2, eq) : arg.slice(2)) : null;
    const value = () => (eq > 0 ? arg.slice(eq + 1) : argv[++i]);
    if (key === 'help' || key === 'h') options.help = true;
    else if (key === 'headed') options.headed = true;
    else if (key === 'list') options.list = true;
    else if (key === 'url' || key === 'cdp' || key === 'browser') options[key] = value();
    else if (key === 'timeout') options.timeout = Number(value());
    else if (key !== null && names.has(key)) options.values[key] = value();
    else if (key !== null && names.has(key.replace(/-/g, '_'))) options.values[key.replace(/-/g, '_')] = value();
    else fail(2, `Unknown argument ${JSON.stringify(arg)}.\n\n${helpText()}`);
  }
  if (options.values && Object.values(options.values).some((v) => v === undefined)) fail(2, 'An option needs a value.');
  if (!Number.isFinite(options.timeout) || options.timeout <= 0) fail(2, '--timeout needs a number of milliseconds.');
  return options;
}

function helpText() {
  const inputs = PLAN.inputs.length
    ? PLAN.inputs
        .map((input) => {
          const where = input.label ? ` (typed into ${text(input.label)})` : '';
          const fallback = input.required ? 'required' : `default ${JSON.stringify(input.default)}`;
          return `  --${input.name} <value>${where}: ${fallback}`;
        })
        .join('\n')
    : '  (none)';
  const start = PLAN.startUrl ? `Starts at ${PLAN.startUrl}.` : 'No start page was recorded: give --url or --cdp.';
  return `${USAGE}\n\nInputs:\n${inputs}\n\n${start} ${PLAN.steps.length} actions.`;
}

/** Playwright from this folder's packages, the working directory's, or the global ones. */
async function loadPlaywright() {
  const tries = ['playwright', '@playwright/test', 'playwright-core'];
  // A CommonJS package imported from a path may give its exports as `default` only.
  const api = (module) => (module.chromium ? module : module.default);
  for (const name of tries) {
    try {
      return api(await import(name));
    } catch {
      // not beside the script: try the working directory
    }
    try {
      const path = createRequire(join(process.cwd(), 'noop.js')).resolve(name);
      return api(await import(pathToFileURL(path).href));
    } catch {
      // not there either
    }
  }
  return fail(
    2,
    'Playwright is not installed. Run `npm i playwright` (and `npx playwright install chromium`), then try again.',
  );
}

const text = (value) => JSON.stringify(value);

/** A Recorder selector list (one per shadow root) as a locator under `root`. */
function selectorLocator(root, selector) {
  let locator = root;
  for (const part of selector) {
    if (part.startsWith('aria/')) {
      const match = /^aria\/(.*?)(?:\[role="([^"]+)"\])?$/.exec(part);
      locator = match?.[2]
        ? locator.getByRole(match[2], { name: match[1], exact: true })
        : locator.getByLabel(match?.[1] ?? '', { exact: true });
    } else if (part.startsWith('xpath/')) locator = locator.locator(`xpath=${part.slice(6)}`);
    else if (part.startsWith('text/')) locator = locator.getByText(part.slice(5), { exact: true });
    else if (part.startsWith('pierce/')) locator = locator.locator(part.slice(7));
    else locator = locator.locator(part);
  }
  return locator;
}

/** The visible elements a locator matches (the first 20 looked at), and how many it matches in all. */
async function matches(locator) {
  const shown = [];
  const count = await locator.count().catch(() => 0);
  for (let i = 0; i < Math.min(count, 20); i++) {
    const one = locator.nth(i);
    if (await one.isVisible().catch(() => false)) shown.push(one);
  }
  return { shown, count };
}

/** How to find the step's element, best first: role and name, then each recorded selector. */
function ways(step) {
  const out = [];
  // A long name was cut when recorded ("…" at its end): it matches names that start the same.
  const cut = step.name?.endsWith('…');
  const named = step.name
    ? cut
      ? { name: new RegExp(`^${step.name.slice(0, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }
      : { name: step.name, exact: true }
    : {};
  if (step.role && step.name) {
    out.push({
      by: `role ${step.role} named ${text(step.name)}`,
      fallback: false,
      in: (root) => root.getByRole(step.role, named),
    });
  }
  if (step.role && step.name && step.context) {
    // A name shared by several controls (a row's buttons): the one in the row of its context.
    for (const level of [1, 2, 3, 4]) {
      out.push({
        by: `role ${step.role} named ${text(step.name)} beside ${text(step.context)}`,
        fallback: false,
        in: (root) =>
          root
            .getByText(step.context, { exact: true })
            .locator(`xpath=ancestor::*[${level}]`)
            .getByRole(step.role, named),
      });
    }
  }
  if (step.role && step.name) {
    // A control named by the text of its row (a to-do's checkbox, a settings row's box) has
    // no accessible name: the control of its role nearest that text, before any position.
    for (const level of [1, 2, 3]) {
      out.push({
        by: `${step.role} in the row of ${text(step.name)}`,
        fallback: true,
        in: (root) =>
          root.getByText(step.name, { exact: true }).locator(`xpath=ancestor::*[${level}]`).getByRole(step.role),
      });
    }
  }
  for (const selector of step.selectors) {
    // The accessible-name selector is the role and name above.
    if (selector.length === 1 && selector[0].startsWith('aria/') && step.role && step.name) continue;
    // An accessible name without a role (a date field has none) is as good as role and name.
    const byName = selector.length === 1 && selector[0].startsWith('aria/');
    out.push({
      by: byName ? `name ${text(selector[0].slice(5))}` : `selector ${text(selector.join(' >> '))}`,
      fallback: !byName,
      in: (root) => selectorLocator(root, selector),
    });
  }
  return out;
}

/**
 * The nearest visible container of an element that has no size of its own (an empty
 * div a row's click lands on): where a person's click on it lands.
 */
async function visibleContainer(element) {
  let node = element;
  for (let level = 0; level < 4; level++) {
    node = node.locator('xpath=..');
    if (await node.isVisible().catch(() => false)) return node;
  }
  return null;
}

/** The visible label of a hidden checkbox or radio button (around it, or naming its id), or null. */
async function labelOf(page, element) {
  const box = await element
    .evaluate((el) =>
      el instanceof HTMLInputElement && ['checkbox', 'radio'].includes(el.type) ? { id: el.id } : null,
    )
    .catch(() => null);
  if (!box) return null;
  const around = element.locator('xpath=ancestor::label[1]');
  if (await around.isVisible().catch(() => false)) return around;
  if (!box.id) return null;
  const naming = page.locator(`label[for=${JSON.stringify(box.id)}]`);
  return (await naming.count()) === 1 && (await naming.isVisible().catch(() => false)) ? naming : null;
}

/** The one visible element a step acts on, in the page or any of its frames; waits for it. */
async function find(page, step, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const tried = [];
    let sizeless = null;
    for (const way of ways(step)) {
      const found = [];
      const attached = [];
      for (const frame of page.frames()) {
        const locator = way.in(frame);
        const { shown, count } = await matches(locator);
        found.push(...shown);
        if (count === 1) attached.push(locator);
      }
      tried.push(`${way.by}: ${found.length} found`);
      if (found.length === 1) return { element: found[0], way };
      if (found.length === 0 && attached.length === 1) sizeless ??= { element: attached[0], way };
    }
    // Only when nothing visible matched: the one element found that has no size, by its label
    // where it is a box the page hides (its label is what is drawn), else by its container.
    if (sizeless) {
      const label = await labelOf(page, sizeless.element);
      if (label) return { element: label, way: { by: `${sizeless.way.by} (its label)`, fallback: true } };
      const container = await visibleContainer(sizeless.element);
      if (container) {
        return { element: container, way: { by: `${sizeless.way.by} (its visible container)`, fallback: true } };
      }
    }
    if (Date.now() > deadline) return { tried };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** A modal dialog on the page that the step's element is not in: something the recording did not show. */
async function dialogInTheWay(page, element) {
  const modal = page.locator('dialog[open], [role="dialog"], [role="alertdialog"], [aria-modal="true"]');
  for (const dialog of (await matches(modal)).shown) {
    const inside = element ? await element.evaluate((el, d) => d.contains(el), await dialog.elementHandle()) : false;
    if (!inside) return ((await dialog.innerText().catch(() => '')) || 'a dialog').replace(/\s+/g, ' ').slice(0, 200);
  }
  return null;
}

/**
 * Ticks or unticks a box, or chooses a radio button, as a person does: a page may draw its own
 * control over a box it hides (a styled radio button, a section heading that opens a list), and
 * the person clicks what is drawn. Where what was found is not the box itself (its label, found by
 * its text: the box is hidden), it is clicked unless its box is already as wanted; where the box
 * is covered by what is drawn for it, its label is clicked, and the box must then be as wanted.
 */
async function setChecked(element, wanted, act) {
  const state = await element.evaluate((el) => {
    const box = el instanceof HTMLLabelElement ? el.control : el;
    const isBox = box instanceof HTMLInputElement && (box.type === 'checkbox' || box.type === 'radio');
    return { own: box === el && isBox, checked: isBox ? box.checked : null };
  });
  if (!state.own) {
    if (state.checked !== wanted) await element.click(act);
    return;
  }
  try {
    await element.setChecked(wanted, act);
  } catch (error) {
    // Covered by what the page draws for it (Playwright waits for the box to take the click):
    // the label holds what is drawn, and takes the click for the box.
    if (!/intercepts pointer events|not visible|Timeout/i.test(String(error?.message ?? error))) throw error;
    const label = await labelOf(element.page(), element);
    if (!label) throw error;
    if ((await element.isChecked()) !== wanted) await label.click(act);
    if ((await element.isChecked()) !== wanted) throw error;
  }
}

async function main() {
  if (!PLAN) fail(2, 'This script holds no plan.');
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(helpText());
    return;
  }
  if (options.list) {
    for (const step of PLAN.steps) console.log(`${step.number} ${step.says}`);
    for (const line of PLAN.expect) console.log(`check: the page shows ${text(line)}`);
    return;
  }
  const values = {};
  for (const input of PLAN.inputs) {
    const given = options.values[input.name];
    if (given === undefined && input.required) fail(2, `--${input.name} is required (it was not kept when recorded).`);
    values[input.name] = given ?? input.default ?? '';
  }
  const fill = (value) => ('input' in value ? values[value.input] : value.text);
  const withValues = (line) => line.replace(/\{\{([a-z0-9_]+)\}\}/g, (all, name) => values[name] ?? all);

  const start = options.url ?? PLAN.startUrl;
  if (!start && !options.cdp) fail(2, 'No start page was recorded: give --url <address> or --cdp <endpoint>.');
  const { chromium } = await loadPlaywright();
  const browser = options.cdp
    ? await chromium.connectOverCDP(options.cdp)
    : await chromium.launch({
        headless: !options.headed,
        ...(options.browser ? { executablePath: options.browser } : {}),
      });
  let surprise = null;
  try {
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = options.cdp ? (context.pages()[0] ?? (await context.newPage())) : await context.newPage();
    // A browser dialog (alert, confirm) the recording did not have: dismissed, and the step fails.
    page.on('dialog', (dialog) => {
      surprise = dialog.message();
      void dialog.dismiss().catch(() => {});
    });
    if (start) await page.goto(start, { waitUntil: 'domcontentloaded' });
    for (const step of PLAN.steps) {
      const where = `Step ${step.number} (${step.says})`;
      let element = null;
      let how = '';
      if (step.selectors.length > 0 || step.role) {
        const found = await find(page, step, options.timeout);
        if (!found.element) {
          const blocking = await dialogInTheWay(page, null);
          fail(
            1,
            `FAIL ${where}: could not find the element.\n  Looked for: ${found.tried.join('; ')}.` +
              (blocking ? `\n  A dialog is in the way: ${text(blocking)}.` : '\n  Nothing was clicked.'),
          );
        }
        element = found.element;
        how = found.way.fallback ? ` (found by fallback ${found.way.by})` : '';
        const blocking = await dialogInTheWay(page, element);
        if (blocking) {
          fail(1, `FAIL ${where}: a dialog is in the way: ${text(blocking)}.\n  Expected to act on ${found.way.by}.`);
        }
      }
      try {
        const act = { timeout: Math.min(options.timeout, 5000) };
        if (step.action === 'click') await element.click(act);
        else if (step.action === 'dblclick') await element.dblclick(act);
        else if (step.action === 'check' || step.action === 'uncheck')
          await setChecked(element, step.action === 'check', act);
        else if (
          step.action === 'select' ||
          (step.action === 'fill' && (await element.evaluate((el) => el.tagName === 'SELECT')))
        ) {
          // By the option's text, else its value (a Recorder file gives the value).
          const choice = fill(step.value);
          await element.selectOption({ label: choice }, act).catch(() => element.selectOption(choice, act));
        } else if (step.action === 'fill') {
          await element.fill(fill(step.value), act);
          if (step.key) await element.press(step.key, act);
        } else if (step.action === 'press') {
          for (const key of step.key.split(', ')) {
            if (element) await element.press(key, act);
            else await page.keyboard.press(key);
          }
        }
      } catch (error) {
        const reason = String(error?.message ?? error).split('\n')[0];
        const blocking = await dialogInTheWay(page, element);
        fail(1, `FAIL ${where}: ${blocking ? `a dialog is in the way: ${text(blocking)}` : reason}.`);
      }
      await page.waitForLoadState('domcontentloaded').catch(() => {});
      if (surprise !== null)
        fail(1, `FAIL ${where}: the browser showed a dialog the recording did not: ${text(surprise)}.`);
      console.log(`ok   ${step.number} ${step.says}${how}`);
    }
    // The last screen showed this when recorded: it should now, with this run's values.
    const deadline = Date.now() + options.timeout;
    const normal = (s) => s.toLowerCase().replace(/\s+/g, ' ').trim();
    for (const line of PLAN.expect.map(withValues)) {
      for (;;) {
        const shown = (
          await Promise.all(
            page.frames().map((f) =>
              f
                .locator('body')
                .innerText()
                .catch(() => ''),
            ),
          )
        )
          .map(normal)
          .join('\n');
        if (shown.includes(normal(line))) break;
        if (Date.now() > deadline) fail(1, `FAIL check: the last screen does not show ${text(line)}.`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      console.log(`ok   check: the page shows ${text(line)}`);
    }
    console.log('done');
  } finally {
    if (options.cdp) await browser.close().catch(() => {});
    else await browser.close();
  }
}

await main();
// A browser reached over CDP keeps its connection open: the script is done, so it ends.
process.exit(0);
