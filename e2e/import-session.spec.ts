import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { validateSkill } from '../src/skill/validate';
import { FIXTURE_ORIGIN, launch, openApp } from './support/browser';
import { countRows } from './support/db';
import { text, unzipDownload } from './support/zip';

/** pack's timestamp for `seconds` after 10:06:00. */
const stamp = (seconds: number) => {
  const whole = Math.floor(seconds);
  const micros = String(Math.round((seconds - whole) * 1e6)).padStart(6, '0');
  return `2025-07-17_10-${String(6 + Math.floor(whole / 60)).padStart(2, '0')}-${String(whole % 60).padStart(2, '0')}-${micros}`;
};

/** One line of events.jsonl as pack writes it: a Python dict literal. */
function packLine(seconds: number, type: string, details: string, [x, y]: [number, number], shot: string | null) {
  return `{'timestamp': '${stamp(seconds)}', 'event_type': '${type}', 'details': {${details}}, 'monitor': {'left': 0, 'top': 0, 'width': 1280, 'height': 720}, 'cursor_pos': (${x}, ${y}), 'screenshot_path': ${shot ? `'/home/me/pack/logs/session/screenshots/${shot}'` : 'None'}}`;
}

/** Does a short workflow in the fixture, taking screenshots as pack would, and zips the session. */
async function makePackSession(fixture: Page): Promise<Buffer> {
  const zip = new JSZip();
  const lines: string[] = [];
  const center = async (selector: string): Promise<[number, number]> => {
    const box = (await fixture.locator(selector).boundingBox())!;
    return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
  };
  const shoot = async (name: string) => {
    zip.file(`session_2025-07-17/screenshots/${name}`, await fixture.screenshot({ type: 'jpeg', quality: 90 }));
    return name;
  };
  lines.push(packLine(1, 'poll', '', [640, 360], await shoot('01_poll.jpg')));
  const newTicket = await center('#new');
  lines.push(packLine(3, 'mouse_down', "'button': 'Button.left'", newTicket, await shoot('02_mouse_down.jpg')));
  await fixture.click('#new');
  lines.push(packLine(3.1, 'mouse_up', "'button': 'Button.left'", newTicket, null));
  lines.push(packLine(4, 'poll', '', newTicket, await shoot('03_poll.jpg')));
  const save = await center('#save');
  lines.push(packLine(5, 'mouse_move', '', save, null));
  lines.push(packLine(7, 'mouse_down', "'button': 'Button.left'", save, await shoot('04_mouse_down.jpg')));
  await fixture.click('#save');
  lines.push(packLine(7.1, 'mouse_up', "'button': 'Button.left'", save, null));
  lines.push(packLine(8, 'poll', '', save, await shoot('05_poll.jpg')));
  lines.push(packLine(10, 'keyboard_press', "'key': 'Key.ctrl_l'", save, await shoot('06_keyboard_press.jpg')));
  lines.push(packLine(10.1, 'keyboard_press', "'key': 'p'", save, null));
  lines.push(packLine(10.2, 'keyboard_release', "'key': 'Key.ctrl_l'", save, null));
  lines.push(packLine(11, 'poll', '', save, await shoot('07_poll.jpg')));
  zip.file('session_2025-07-17/events.jsonl', lines.join('\n') + '\n');
  zip.file('session_2025-07-17/aggregations.jsonl', '');
  return zip.generateAsync({ type: 'nodebuffer' });
}

/**
 * The same workflow as later pack writes it: epoch-second timestamps, `key_press`,
 * positions in `details`, and the screenshots named in aggregations.jsonl (JSON,
 * one line per burst start or end), not on the events.
 */
async function makeLaterPackSession(fixture: Page): Promise<Buffer> {
  const T = 1_752_746_760;
  const zip = new JSZip();
  const events: string[] = [];
  const aggregations: string[] = [];
  const event = (dt: number, type: string, details: string) =>
    events.push(`{'timestamp': ${T + dt}, 'monitor_index': 0, 'event_type': '${type}', 'details': {${details}}}`);
  const burst = async (dt: number, reason: string) => {
    const shot = `${(T + dt).toFixed(6)}_monitor_0.jpg`;
    zip.file(`session_v4/screenshots/${shot}`, await fixture.screenshot({ type: 'jpeg', quality: 90 }));
    aggregations.push(
      JSON.stringify({
        timestamp: T + dt,
        reason,
        event_type: reason.split('_')[0],
        is_start: reason.endsWith('_start'),
        screenshot_path: `screenshots/${shot}`,
        screenshot_timestamp: T + dt,
        num_events: 2,
        events: [],
      }),
    );
  };
  const click = async (dt: number, selector: string) => {
    const box = (await fixture.locator(selector).boundingBox())!;
    const at = `'x': ${Math.round(box.x + box.width / 2)}, 'y': ${Math.round(box.y + box.height / 2)}`;
    await burst(dt, 'click_start');
    event(dt, 'mouse_down', `${at}, 'button': 'Button.left'`);
    await fixture.click(selector);
    event(dt + 0.1, 'mouse_up', `${at}, 'button': 'Button.left'`);
    await burst(dt + 0.1, 'click_end');
  };
  event(1, 'mouse_move', "'x': 640, 'y': 360");
  await click(3, '#new');
  await click(7, '#save');
  await burst(10, 'key_start');
  event(10, 'key_press', "'key': 'Key.ctrl_l'");
  event(10.1, 'key_press', "'key': 'p'");
  event(10.2, 'key_release', "'key': 'Key.ctrl_l'");
  await burst(10.2, 'key_end');
  zip.file('session_v4/events.jsonl', events.join('\n') + '\n');
  zip.file('session_v4/aggregations.jsonl', aggregations.join('\n') + '\n');
  return zip.generateAsync({ type: 'nodebuffer' });
}

test('a later pack session (screenshots named in aggregations.jsonl) imports into the same steps', async () => {
  const { browser, context } = await launch();
  try {
    const fixture = await context.newPage();
    await fixture.goto(`${FIXTURE_ORIGIN}/tickets.html`);
    const session = await makeLaterPackSession(fixture);
    const app = await openApp(context);
    await app.getByLabel('Import session (.zip)').setInputFiles({
      name: 'session-v4.zip',
      mimeType: 'application/zip',
      buffer: session,
    });
    await expect(app.getByRole('list', { name: 'Recordings' }).getByRole('listitem')).toHaveCount(1);
    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(3, { timeout: 60_000 });
    const texts = await steps.locator('.what').allInnerTexts();
    expect(texts[0]).toMatch(/New ticket/);
    expect(texts[1]).toMatch(/Save ticket/);
    expect(texts[2]).toMatch(/Press Control\+P/);
  } finally {
    await browser.close();
  }
});

test('a pack session (events.jsonl + screenshots) imports, analyses into steps and exports a valid skill', async () => {
  const { browser, context } = await launch();
  try {
    const fixture = await context.newPage();
    await fixture.goto(`${FIXTURE_ORIGIN}/tickets.html`);
    const session = await makePackSession(fixture);
    const app = await openApp(context);
    const recordings = app.getByRole('list', { name: 'Recordings' }).getByRole('listitem');

    // A malformed session first: its message names the file and the line, and nothing is added.
    const bad = new JSZip();
    bad.file('s/events.jsonl', "{'timestamp': '2025-07-17_10-06-01-000000', 'event_type': 'poll'}\n{'oops'\n");
    bad.file('s/screenshots/a.jpg', new Uint8Array([255, 216]));
    await app.getByLabel('Import session (.zip)').setInputFiles({
      name: 'broken.zip',
      mimeType: 'application/zip',
      buffer: await bad.generateAsync({ type: 'nodebuffer' }),
    });
    await expect(app.getByRole('alert')).toContainText(
      'broken.zip could not be imported: s/events.jsonl line 2 is not an event',
    );
    await expect(recordings).toHaveCount(0);
    // A skill zip picked as a session says where it goes.
    const skillZip = new JSZip();
    skillZip.file('my-skill/SKILL.md', '---\nname: my-skill\n---\n');
    await app.getByLabel('Import session (.zip)').setInputFiles({
      name: 'my-skill.zip',
      mimeType: 'application/zip',
      buffer: await skillZip.generateAsync({ type: 'nodebuffer' }),
    });
    await expect(app.getByRole('alert')).toContainText(
      'is a skill (it holds SKILL.md), not a session: use "Import skill (.zip)"',
    );
    await expect(recordings).toHaveCount(0);

    await app.getByLabel('Import session (.zip)').setInputFiles({
      name: 'session.zip',
      mimeType: 'application/zip',
      buffer: session,
    });
    await expect(recordings).toHaveCount(1);
    await expect(recordings.first()).toContainText('pack session (session.zip)');
    await expect(recordings.first().getByRole('button', { name: 'Play video' })).toHaveCount(0);
    const steps = app.getByRole('list', { name: 'Steps' }).getByRole('listitem');
    await expect(steps).toHaveCount(3, { timeout: 60_000 });
    const texts = await steps.locator('.what').allInnerTexts();
    expect(texts[0]).toMatch(/New ticket/);
    expect(texts[1]).toMatch(/Save ticket/);
    expect(texts[2]).toMatch(/Press Control\+P/);
    await expect(app.getByRole('progressbar', { name: 'Analysis progress' })).toHaveCount(0, { timeout: 60_000 });

    const [download] = await Promise.all([
      app.waitForEvent('download'),
      app.getByRole('button', { name: 'Download skill (.zip)' }).click(),
    ]);
    const files = await unzipDownload(download);
    expect(validateSkill(files).filter((i) => i.severity === 'error')).toEqual([]);
    const folder = [...files.keys()][0]!.split('/')[0]!;
    expect(text(files, `${folder}/SKILL.md`)).toContain('**Save ticket**');
  } finally {
    await browser.close();
  }
});

test('mutated session zips each import whole or add nothing, with a message', async () => {
  test.setTimeout(240_000);
  const { browser, context } = await launch();
  try {
    const fixture = await context.newPage();
    await fixture.goto(`${FIXTURE_ORIGIN}/tickets.html`);
    const good = await JSZip.loadAsync(await makePackSession(fixture));
    const eventsPath = Object.keys(good.files).find((p) => p.endsWith('events.jsonl'))!;
    const events = await good.file(eventsPath)!.async('string');
    const app = await openApp(context);
    const STORES = ['recordings', 'chunks', 'frames', 'events'];
    let seed = 3;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const mutations: ((text: string) => string)[] = [
      (t) => t.slice(0, random(t.length)),
      (t) => t.replace(/'timestamp': '[^']+'/, "'timestamp': 1e999"),
      (t) => t.replace(/\(\d+, \d+\)/, "('x', None)"),
      (t) => t.replace(/'event_type': '[a-z_]+'/, "'event_type': 7"),
      (t) => `${t}${'['.repeat(5000)}\n`,
      (t) => t.replace(/\n/g, '\n\n').replace(/'details': \{/, "'details': {'__proto__': {'polluted': 1}, "),
      (t) => t.split('\n').reverse().join('\n'),
      (t) => t.replace(/screenshots\/[a-z0-9-]+\.jpg/, 'screenshots/missing.jpg'),
    ];
    for (const [i, mutate] of mutations.entries()) {
      const before = await countRows(app, STORES);
      const zip = await JSZip.loadAsync(await good.generateAsync({ type: 'nodebuffer' }));
      zip.file(eventsPath, mutate(events));
      await app.getByLabel('Import session (.zip)').setInputFiles({
        name: `mutated-${i}.zip`,
        mimeType: 'application/zip',
        buffer: await zip.generateAsync({ type: 'nodebuffer' }),
      });
      const said = app
        .getByRole('status')
        .or(app.getByRole('alert'))
        .filter({ hasText: `mutated-${i}.zip` });
      await expect(said.first()).toBeVisible({ timeout: 30_000 });
      const after = await countRows(app, STORES);
      if (after['recordings'] === before['recordings']) expect(after, `mutation ${i}`).toEqual(before);
      else {
        // Imported whole: one recording, with its frames and events.
        expect(after['recordings'], `mutation ${i}`).toBe(before['recordings']! + 1);
        expect(after['frames']! + after['events']!, `mutation ${i}`).toBeGreaterThan(
          before['frames']! + before['events']!,
        );
      }
      expect(await app.evaluate(() => ({}) as Record<string, unknown>).then((o) => o['polluted'])).toBeUndefined();
    }
  } finally {
    await browser.close();
  }
});
