import { describe, expect, it } from 'vitest';
import { testAnalysis } from '../analyze/testing';
import type { Analysis } from '../analyze/types';
import { stepText } from '../compose/step-text';
import { stepNotes } from '../compose/draft';
import { mergeCloud } from './merge';
import { buildPrompt, chunkSteps, estimateTokens, mmss } from './prompt';
import { AnswerError, parseAnswer } from './schema';
import { chooseBackend } from './strategy';
import { defaultCloudSettings } from '../storage/settings';
import type { CloudSettings } from './types';

const base: CloudSettings = { ...defaultCloudSettings, backend: 'auto', localOnly: false };
const withGemini = { ...base, providers: { ...base.providers, gemini: { ...base.providers.gemini, apiKey: 'k' } } };

describe('chooseBackend', () => {
  it('stays local under Local only, whatever else is set', () => {
    expect(chooseBackend({ ...withGemini, localOnly: true, backend: 'gemini' }, { webgpu: false })).toEqual({
      backend: 'local',
      reason: 'Local only is on: nothing leaves this device.',
    });
  });

  it('uses a chosen provider only when it is set up', () => {
    expect(chooseBackend({ ...base, backend: 'gemini' }, { webgpu: false }).reason).toMatch(/has no API key/);
    expect(chooseBackend({ ...withGemini, backend: 'gemini' }, { webgpu: true }).backend).toBe('gemini');
    expect(chooseBackend({ ...base, backend: 'openai' }, { webgpu: true }).reason).toMatch(/base URL and model/);
  });

  it('in auto, weighs quality and WebGPU', () => {
    expect(chooseBackend(base, { webgpu: false }).reason).toMatch(/No cloud model is set up/);
    expect(chooseBackend(withGemini, { webgpu: true }).backend).toBe('local');
    expect(chooseBackend(withGemini, { webgpu: false })).toMatchObject({ backend: 'gemini', reason: /no WebGPU/ });
    expect(chooseBackend({ ...withGemini, quality: 'best' }, { webgpu: true }).backend).toBe('gemini');
  });

  it('keeps a request over the cost limit local', () => {
    const choice = chooseBackend(
      { ...withGemini, backend: 'gemini', costLimitTokens: 1000 },
      { webgpu: false },
      {
        estimatedTokens: 5000,
      },
    );
    expect(choice).toEqual({
      backend: 'local',
      reason: 'Sending would take about 5000 tokens, over your limit of 1000.',
    });
  });
});

const analysis: Analysis = testAnalysis({
  appName: 'Helpdesk',
  steps: [
    {
      id: 'step-1',
      start: 2000,
      end: 2600,
      kind: 'visual',
      text: stepText({ kind: 'visual', label: 'New ticket' }),
      facts: { kind: 'visual', label: 'New ticket' },
      label: 'New ticket',
      labelSource: 'ocr',
      ocr: { before: [{ text: 'New ticket', confidence: 90, box: { x: 0, y: 0, width: 1, height: 1 } }], after: [] },
      eventCount: 1,
    },
    {
      id: 'step-2',
      start: 65_000,
      end: 66_000,
      kind: 'type',
      text: stepText({ kind: 'type', label: 'Email', value: 'ada@example.com' }),
      facts: { kind: 'type', label: 'Email', value: 'ada@example.com' },
      label: 'Email',
      eventCount: 1,
    },
  ],
});

describe('the prompt', () => {
  it('gives times as MM:SS, positions on a 0–1000 grid, typed text, and never a secret', () => {
    const prompt = buildPrompt(
      analysis,
      [
        { recordingId: 'r', t: 2100, type: 'click', source: 'page', point: { x: 640, y: 180 } },
        {
          recordingId: 'r',
          t: 65_200,
          type: 'input',
          source: 'page',
          value: 'ada@example.com',
          target: { name: 'Email' },
        },
        { recordingId: 'r', t: 65_400, type: 'input', source: 'page', redacted: true, target: { name: 'Password' } },
      ],
      { width: 1280, height: 720 },
    );
    expect(prompt).toContain('Step 1 (00:02–00:03), first guess: Click New ticket');
    expect(prompt).toContain('[00:02] click at (500, 250)');
    expect(prompt).toContain('text on screen: "New ticket"');
    expect(prompt).toContain('Step 2 (01:05–01:06)');
    expect(prompt).toContain('typed "••••" on "Email"');
    expect(prompt).toContain('typed a secret value on "Password"');
    expect(prompt).not.toContain('ada@example.com');
    expect(mmss(600_000)).toBe('10:00');
  });

  it('cuts a long recording into parts that number their steps from 1', () => {
    const long = {
      ...analysis,
      steps: Array.from({ length: 60 }, (_, i) => ({ ...analysis.steps[0]!, id: `step-${i + 1}` })),
    };
    const parts = chunkSteps(long, 25);
    expect(parts.map((p) => [p.offset, p.part.steps.length])).toEqual([
      [0, 25],
      [25, 25],
      [50, 10],
    ]);
    expect(buildPrompt(parts[1]!.part, [], { width: 1280, height: 720 })).toContain('25 steps were found');
  });

  it('estimates tokens from text and image tiles', () => {
    expect(estimateTokens('x'.repeat(400), [{ width: 1024, height: 576 }])).toBe(100 + 2 * 258);
  });
});

describe('answers', () => {
  it('keeps only our steps and says what is wrong with a bad answer', () => {
    const result = parseAnswer(
      '```json\n{"steps":[{"index":1,"instruction":"Click \\"New ticket\\"","target":"New ticket"},{"index":9,"instruction":"x"}],"skill_name":"a","skill_description":"b"}\n```',
      2,
    );
    expect(result.steps.map((s) => s.index)).toEqual([1]);
    expect(() => parseAnswer('{"steps": "none"}', 2)).toThrow(AnswerError);
    expect(() => parseAnswer('{"steps":[{"index":1}]}', 2)).toThrow(/step 1 of the answer has no instruction/);
  });

  it('merges the model’s words, and warns where it names what OCR did not see', () => {
    const merged = mergeCloud(
      analysis,
      {
        steps: [
          {
            index: 1,
            start: '',
            end: '',
            title: '',
            instruction: 'Click "New ticket".',
            target: 'New ticket',
            value: '',
            parameters: [],
          },
          {
            index: 2,
            start: '',
            end: '',
            title: '',
            instruction: 'Type the address into "E-mail address".',
            target: 'E-mail address',
            value: '',
            parameters: [],
          },
        ],
        skillName: 'file-a-ticket',
        skillDescription: 'Files a ticket. Use when asked.',
      },
      'gemini',
      'gemini-2.5-flash',
    );
    expect(merged.steps.map((s) => s.text[0]!.text)).toEqual([
      'Click "New ticket".',
      'Type the address into "E-mail address".',
    ]);
    expect(merged.steps.map((s) => [s.start, s.end])).toEqual([
      [2000, 2600],
      [65_000, 66_000],
    ]); // boundaries stay
    expect(merged.steps[0]!.cloud!.seen).toBe(true);
    expect(stepNotes(merged.steps[1]!)).toMatchObject({
      confidence: 'low',
      warnings: [expect.stringMatching(/not read on this step/)],
    });
    expect(merged.cloud).toMatchObject({ provider: 'gemini', skillName: 'file-a-ticket' });
  });
});
