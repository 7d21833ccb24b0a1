/**
 * The replay plan, and what carries it: `scripts/replay.mjs` (run here with Node,
 * hostile strings in every field that reaches it) and `references/recording.json`
 * (parsed by @puppeteer/replay, the Recorder format's own library).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from '@puppeteer/replay';
import { afterAll, describe, expect, it } from 'vitest';
import { testAnalysis } from '../../analyze/testing';
import type { AnalyzedStep } from '../../analyze/types';
import { stepText, type StepFacts } from '../../compose/step-text';
import { HOSTILE_STRINGS } from '../../shared/hostile-strings';
import { validateSkill } from '../../skill/validate';
import { skillGenerator } from '../skill';
import { toBytes } from '../zip';
import { replayPlan } from './plan';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function step(n: number, facts: StepFacts, extra: Partial<AnalyzedStep> = {}): AnalyzedStep {
  return {
    id: `s${n}`,
    start: n * 1000,
    end: n * 1000 + 300,
    kind: facts.kind,
    text: stepText(facts),
    facts,
    eventCount: 1,
    ...(facts.label ? { label: facts.label, labelSource: 'page' as const } : {}),
    ...(facts.value !== undefined ? { value: facts.value } : {}),
    ...extra,
  };
}

const target = (name: string, role: string, css: string) => ({
  role,
  name,
  selectors: [[`aria/${name}[role="${role}"]`], [css], [`text/${name}`]],
});

const steps = [
  step(
    1,
    { kind: 'type', label: 'Summary', value: 'Printer jam' },
    { target: target('Summary', 'textbox', '#summary'), parameter: 'summary' },
  ),
  step(
    2,
    { kind: 'type', label: 'Password', redacted: true },
    { target: target('Password', 'textbox', '#pw'), redacted: true },
  ),
  step(
    3,
    { kind: 'choose', label: 'Plan', value: 'Team' },
    {
      target: { ...target('Plan', 'combobox', '#plan'), options: ['Free', 'Team'], optionValues: ['free', 'team'] },
    },
  ),
  step(4, { kind: 'toggle', label: 'Urgent', value: 'checked' }, { target: target('Urgent', 'checkbox', '#urgent') }),
  step(5, { kind: 'click', label: 'Save' }, { target: target('Save', 'button', '#save') }),
];

describe('replayPlan', () => {
  it('finds each control by role and name, then by the recorded selectors; inputs by name, secrets required', () => {
    const result = replayPlan(testAnalysis({ steps, start: { url: 'https://helpdesk.example/new' } }), {
      name: 'n',
      description: 'd',
    });
    expect(result.plan).not.toBeNull();
    const plan = result.plan!;
    expect(plan.startUrl).toBe('https://helpdesk.example/new');
    expect(plan.inputs).toEqual([
      { name: 'summary', label: 'Summary', default: 'Printer jam', required: false },
      { name: 'password', label: 'Password', required: true },
    ]);
    expect(plan.steps.map((s) => s.action)).toEqual(['fill', 'fill', 'select', 'check', 'click']);
    expect(plan.steps[0]).toMatchObject({ role: 'textbox', name: 'Summary', value: { input: 'summary' } });
    expect(plan.steps[2]).toMatchObject({
      value: { text: 'Team' },
      options: [
        { label: 'Free', value: 'free' },
        { label: 'Team', value: 'team' },
      ],
    });
    expect(JSON.stringify(plan)).not.toContain('hunter2');
  });

  it('follows the review: a deleted step is gone, a merged step does both, the order is the review’s', () => {
    const merged: AnalyzedStep = { ...steps[3]!, then: [steps[4]!] };
    const plan = replayPlan(testAnalysis({ steps: [steps[2]!, merged, steps[0]!] }), {
      name: 'n',
      description: 'd',
    }).plan!;
    expect(plan.steps.map((s) => [s.number, s.action])).toEqual([
      [1, 'select'],
      [2, 'check'],
      [2, 'click'],
      [3, 'fill'],
    ]);
  });

  it('keeps the row of a control whose name is shared, to find the right one', () => {
    const expand = step(
      1,
      { kind: 'click', label: 'Expand', context: 'array' },
      {
        target: { ...target('Expand', 'button', 'tr:nth-of-type(3) button'), context: 'array' },
      },
    );
    const plan = replayPlan(testAnalysis({ steps: [expand] }), { name: 'n', description: 'd' }).plan!;
    expect(plan.steps[0]).toMatchObject({ role: 'button', name: 'Expand', context: 'array' });
  });

  it('makes no script from pixels alone, and says why', () => {
    const pixels = steps.map((s) => {
      const copy = { ...s };
      delete copy.target;
      return copy;
    });
    const result = replayPlan(testAnalysis({ steps: pixels }), { name: 'n', description: 'd' });
    expect(result.plan).toBeNull();
    expect(result.plan === null && result.reason).toMatch(/no page events/);
  });
});

describe('the exported script and recording', () => {
  it.each(HOSTILE_STRINGS.filter((_, i) => i % 3 === 0).map((s) => [s.slice(0, 30), s]))(
    'carry hostile strings as data: %j',
    async (_, hostile) => {
      const hostileSteps = [
        step(
          1,
          { kind: 'type', label: `Field ${hostile}`, value: `v ${hostile}` },
          {
            target: { role: 'textbox', name: `Field ${hostile}`, selectors: [[`#a ${hostile}`], [`text/${hostile}`]] },
            parameter: 'field',
          },
        ),
        step(
          2,
          { kind: 'click', label: `Go ${hostile}` },
          { target: target(`Go ${hostile}`, 'button', `[data-x="${hostile}"]`) },
        ),
      ];
      const analysis = testAnalysis({
        steps: hostileSteps,
        start: { url: `https://x.example/?q=${encodeURIComponent(hostile)}` },
      });
      const files = await skillGenerator.generate({
        analysis,
        draft: { name: 'hostile', description: 'Hostile strings. Use when testing.' },
        recordedAt: 0,
        screenshot: async () => null,
      });
      const file = (name: string) => files.find((f) => f.path === `hostile/${name}`)?.data as string;
      const dir = await mkdtemp(path.join(tmpdir(), 'p2s-replay-'));
      dirs.push(dir);
      const script = path.join(dir, 'replay.mjs');
      await writeFile(script, file('scripts/replay.mjs'));
      await run(process.execPath, ['--check', script]);
      // The script runs, and says back every recorded string exactly.
      const plan = replayPlan(analysis, { name: 'hostile', description: 'd' }).plan!;
      const { stdout: list } = await run(process.execPath, [script, '--list']);
      expect(list).toBe(plan.steps.map((s) => `${s.number} ${s.says}\n`).join(''));
      const { stdout: help } = await run(process.execPath, [script, '--help']);
      expect(help).toContain(`--field <value> (typed into ${JSON.stringify(plan.inputs[0]!.label)})`);
      expect(help).toContain(`default ${JSON.stringify(`v ${hostile}`)}`);
      // The Recorder's own parser takes the recording.
      const recording = parse(JSON.parse(file('references/recording.json')));
      expect(recording.steps.map((s) => s.type)).toEqual(['navigate', 'change', 'click']);
      expect(validateSkill(await toBytes(files)).filter((issue) => issue.severity === 'error')).toEqual([]);
    },
  );

  it('a skill from pixels alone has no script, and its reference says why', async () => {
    const files = await skillGenerator.generate({
      analysis: testAnalysis({ steps: [step(1, { kind: 'click', label: 'Save' }, { labelSource: 'ocr' })] }),
      draft: { name: 'pixels', description: 'From pixels. Use when testing.' },
      recordedAt: 0,
      screenshot: async () => null,
    });
    expect(files.map((f) => f.path)).not.toContain('pixels/scripts/replay.mjs');
    expect(files.find((f) => f.path === 'pixels/references/REFERENCE.md')?.data).toContain(
      'No replay script: This recording has no page events',
    );
    expect(files.find((f) => f.path === 'pixels/SKILL.md')?.data).not.toContain('replay.mjs');
  });
});

describe('the final check', () => {
  const line = (text: string, confidence: number) => ({ text, confidence, box: { x: 0, y: 0, width: 10, height: 10 } });
  it('checks only lines read clearly, with inputs named', () => {
    const last = {
      ...steps[4]!,
      ocr: {
        before: [],
        after: [line('Ticket Printer jam saved', 92), line('[Codely', 95), line('Saved by you', 60)],
      },
    };
    const plan = replayPlan(testAnalysis({ steps: [steps[0]!, last] }), { name: 'n', description: 'd' }).plan!;
    expect(plan.expect).toEqual(['Ticket {{summary}} saved']);
  });
});
