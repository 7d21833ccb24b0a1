import { describe, expect, it } from 'vitest';
import { BURST_PRESETS } from '../analyze/segment/bursts';
import { normalizeBurstSettings, normalizeCaptionSettings } from './settings';

describe('normalizeBurstSettings', () => {
  it('gives the accurate preset for nothing or garbage', () => {
    for (const value of [undefined, null, 'x', { mode: 'fast', queues: { click: { gapMs: -1 } } }]) {
      const settings = normalizeBurstSettings(value);
      expect(settings.mode).toBe('accurate');
      expect(settings.queues).toEqual(BURST_PRESETS.accurate);
      expect(settings.simple).toEqual({ gapMs: 500, minEvents: 3 });
    }
  });

  it('keeps valid thresholds and fills the rest from the mode’s preset', () => {
    const settings = normalizeBurstSettings({ mode: 'rough', queues: { key: { gapMs: 1500, maxSpanMs: 9000 } } });
    expect(settings.queues.key).toEqual({ gapMs: 1500, maxSpanMs: 9000 });
    expect(settings.queues.click).toEqual(BURST_PRESETS.rough.click);
  });

  it('keeps the simple mode’s gap and minimum', () => {
    const settings = normalizeBurstSettings({ mode: 'simple', simple: { gapMs: 800, minEvents: 2.4 } });
    expect(settings).toMatchObject({ mode: 'simple', simple: { gapMs: 800, minEvents: 2 } });
  });
});

describe('normalizeCaptionSettings', () => {
  it('defaults to the Florence-2 model on the best runtime', () => {
    for (const value of [undefined, null, 7, { model: 'no-such-model', device: 'tpu' }]) {
      expect(normalizeCaptionSettings(value)).toEqual({ model: 'florence-2-base-ft', device: 'auto' });
    }
  });

  it('keeps a known model, off, and the CPU choice', () => {
    expect(normalizeCaptionSettings({ model: 'tiny-florence2', device: 'cpu' })).toEqual({
      model: 'tiny-florence2',
      device: 'cpu',
    });
    expect(normalizeCaptionSettings({ model: 'off' }).model).toBe('off');
  });
});

describe('normalizeCloudSettings', () => {
  it('is Local only and local by default, and keeps only http(s) base URLs', async () => {
    const { normalizeCloudSettings } = await import('./settings');
    const settings = normalizeCloudSettings({ providers: { openai: { baseUrl: 'file:///etc', model: 'm' } } });
    expect(settings).toMatchObject({ backend: 'local', localOnly: true, quality: 'good', costLimitTokens: 0 });
    expect(settings.providers.openai).toEqual({ apiKey: '', model: 'm', baseUrl: '' });
    expect(settings.providers.gemini.model).toBe('gemini-2.5-flash');
  });

  it('keeps a switched-off Local only, a chosen backend and trimmed keys', async () => {
    const { normalizeCloudSettings } = await import('./settings');
    const settings = normalizeCloudSettings({
      backend: 'gemini',
      localOnly: false,
      providers: { gemini: { apiKey: '  abc  ' } },
    });
    expect(settings).toMatchObject({ backend: 'gemini', localOnly: false });
    expect(settings.providers.gemini.apiKey).toBe('abc');
  });
});
