/**
 * Which backend analyses a recording, and why, from the person's choices and
 * what the device can do (the original design's VLM strategy). Privacy first:
 * nothing goes out unless cloud models are allowed and one is fully set up.
 */
import type { BackendChoice, CloudProvider, CloudSettings } from './types';

export const PROVIDER_NAMES: Record<CloudProvider, string> = {
  gemini: 'Gemini',
  claude: 'Claude',
  openai: 'the OpenAI-compatible endpoint',
};

export interface Choice {
  backend: BackendChoice;
  reason: string;
}

export function isConfigured(settings: CloudSettings, provider: CloudProvider): boolean {
  const p = settings.providers[provider];
  return provider === 'openai' ? Boolean(p.baseUrl && p.model) : Boolean(p.apiKey && p.model);
}

const ORDER: CloudProvider[] = ['gemini', 'claude', 'openai'];

export function chooseBackend(
  settings: CloudSettings,
  device: { webgpu: boolean },
  request?: { estimatedTokens: number },
): Choice {
  if (settings.localOnly) return { backend: 'local', reason: 'Local only is on: nothing leaves this device.' };
  if (settings.backend === 'local') return { backend: 'local', reason: 'The local backend is chosen in Settings.' };
  let provider: CloudProvider;
  let why: string;
  if (settings.backend === 'auto') {
    const ready = ORDER.find((p) => isConfigured(settings, p));
    if (!ready) return { backend: 'local', reason: 'No cloud model is set up, so the analysis stays local.' };
    if (settings.quality === 'good' && device.webgpu) {
      return { backend: 'local', reason: 'This device has WebGPU and "good enough" quality is chosen: local is used.' };
    }
    provider = ready;
    why =
      settings.quality === 'best'
        ? `Best quality is chosen and ${PROVIDER_NAMES[provider]} is set up.`
        : `This device has no WebGPU (local captions are slow) and ${PROVIDER_NAMES[provider]} is set up.`;
  } else {
    provider = settings.backend;
    if (!isConfigured(settings, provider)) {
      const missing = provider === 'openai' ? 'base URL and model' : 'API key';
      return {
        backend: 'local',
        reason: `${PROVIDER_NAMES[provider]} is chosen but has no ${missing}: add it in Settings.`,
      };
    }
    why = `${PROVIDER_NAMES[provider]} is chosen in Settings and cloud models are allowed.`;
  }
  if (settings.costLimitTokens > 0 && request && request.estimatedTokens > settings.costLimitTokens) {
    return {
      backend: 'local',
      reason: `Sending would take about ${request.estimatedTokens} tokens, over your limit of ${settings.costLimitTokens}.`,
    };
  }
  return { backend: provider, reason: why };
}
