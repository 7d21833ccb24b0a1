import { describe, expect, it } from 'vitest';
import { defaultBurstSettings } from '../analyze/segment/bursts';
import { defaultCloudSettings } from '../storage/settings';
import { importPack2SkillConfig } from './pack2skill-config';
import { parseYaml, YamlError } from '../shared/yaml';

const CONFIG = `# ~/.pack2skill/config.yaml

analysis:
  vlm_backend: "gemini"  # or "blip", "qwen", "claude"

  gemini:
    api_key: "\${GEMINI_API_KEY}"
    model: "gemini-2.5-pro"

  qwen:
    model: "Qwen/Qwen3-VL-8B-Thinking-FP8"
    device: "cuda"  # or "cpu"

  claude:
    api_key: "\${ANTHROPIC_API_KEY}"
    model: "claude-3-5-sonnet-20241022"

  blip:
    device: "cpu"  # fallback only

event_processing:
  use_burst_detection: true
  burst_threshold: 0.8  # seconds
  burst_min_events: 2
`;

describe('parseYaml', () => {
  it('reads nested maps, quoted and plain scalars and comments as PyYAML does', () => {
    expect(parseYaml(CONFIG, { scalars: 'python' })).toMatchObject({
      analysis: { vlm_backend: 'gemini', gemini: { model: 'gemini-2.5-pro' }, blip: { device: 'cpu' } },
      event_processing: { use_burst_detection: true, burst_threshold: 0.8, burst_min_events: 2 },
    });
    expect(parseYaml("a: 'it''s # not a comment'\nb: ~\nc:\nd: yes\n", { scalars: 'python' })).toEqual({
      a: "it's # not a comment",
      b: null,
      c: null,
      d: true,
    });
  });

  it('keeps every scalar a string as written when asked to', () => {
    expect(parseYaml('version: 1.0\nflag: true\nnone: ~\n', { scalars: 'strings' })).toEqual({
      version: '1.0',
      flag: 'true',
      none: '~',
    });
  });

  it('names the line of what it cannot read', () => {
    expect(() => parseYaml('a:\n    b: 1\n  c: 2\n', { scalars: 'python' })).toThrow(
      new YamlError(3, 'all mapping items must start at the same column'),
    );
    expect(() => parseYaml('a: 1\na: 2\n', { scalars: 'python' })).toThrow(/line 2: map keys must be unique/);
    expect(() => parseYaml('a: "open\n', { scalars: 'python', firstLine: 10 })).toThrow(/line 11: missing closing/);
  });
});

describe('importPack2SkillConfig with settings of the wrong shape', () => {
  it('reports a list or a scalar where a section belongs as ignored, never taken', () => {
    const result = importPack2SkillConfig(
      'analysis:\n  - gemini\nevent_processing: on\n',
      defaultBurstSettings,
      defaultCloudSettings,
    );
    expect(result.taken).toEqual([]);
    expect(result.ignored).toEqual([
      'analysis (not a section of settings)',
      'event_processing (not a section of settings)',
    ]);
    expect(() => importPack2SkillConfig('- a\n- b\n', defaultBurstSettings, defaultCloudSettings)).toThrow(
      /not a map of settings/,
    );
  });
});

describe('importPack2SkillConfig', () => {
  it('takes the backend, models and burst detection; never keys; reports the rest', () => {
    const result = importPack2SkillConfig(CONFIG, defaultBurstSettings, defaultCloudSettings);
    expect(result.cloud.backend).toBe('gemini');
    expect(result.cloud.localOnly).toBe(true); // importing never sends anything anywhere
    expect(result.cloud.providers.gemini).toEqual({ apiKey: '', model: 'gemini-2.5-pro', baseUrl: '' });
    expect(result.cloud.providers.openai.model).toBe('Qwen/Qwen3-VL-8B-Thinking-FP8');
    expect(result.cloud.providers.claude.model).toBe('claude-3-5-sonnet-20241022');
    expect(result.burst).toMatchObject({ mode: 'simple', simple: { gapMs: 800, minEvents: 2 } });
    expect(result.taken).toContain(
      'analysis.vlm_backend "gemini" → gemini (Local only stays on until you switch it off)',
    );
    expect(result.ignored).toEqual([
      'analysis.gemini.api_key (keys are entered in Settings, never imported)',
      'analysis.claude.api_key (keys are entered in Settings, never imported)',
      'analysis.qwen.device',
      'analysis.blip (captions run on Florence-2 here)',
    ]);
  });

  it('keeps the mode when burst detection was off, and refuses a file with nothing to take', () => {
    const result = importPack2SkillConfig(
      'event_processing:\n  use_burst_detection: false\n',
      defaultBurstSettings,
      defaultCloudSettings,
    );
    expect(result.burst).toEqual(defaultBurstSettings);
    expect(() => importPack2SkillConfig('# nothing\n', defaultBurstSettings, defaultCloudSettings)).toThrow(
      /no pack2skill settings/,
    );
  });
});
