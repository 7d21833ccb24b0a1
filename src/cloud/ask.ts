/** Sends a request to the chosen provider (timeout, retries) and checks the answer. */
import { claudeClient } from './claude';
import { geminiClient } from './gemini';
import { openAiClient } from './openai';
import { withRetries } from './retry';
import { parseAnswer } from './schema';
import type { CloudClient, CloudProvider, CloudRequest, CloudResult, CloudSettings } from './types';

export const CLIENTS: Record<CloudProvider, CloudClient> = {
  gemini: geminiClient,
  claude: claudeClient,
  openai: openAiClient,
};

/** A send was asked while Local only is on: nothing left the device. */
export class LocalOnlyError extends Error {
  constructor() {
    super('Local only is on: nothing was sent. Switch it off in Settings to use a cloud model');
    this.name = 'LocalOnlyError';
  }
}

export interface AskOptions {
  signal?: AbortSignal;
  attempts?: number;
  baseDelayMs?: number;
}

export async function askCloud(
  provider: CloudProvider,
  settings: CloudSettings,
  request: CloudRequest,
  stepCount: number,
  options: AskOptions = {},
): Promise<CloudResult> {
  // The one way out to a cloud model: Local only is checked here, whatever offer or button led here.
  if (settings.localOnly) throw new LocalOnlyError();
  const providerSettings = settings.providers[provider];
  const text = await withRetries((signal) => CLIENTS[provider].complete(request, providerSettings, signal), {
    attempts: options.attempts ?? 3,
    baseDelayMs: options.baseDelayMs ?? 2000,
    timeoutMs: settings.timeoutMs,
    secrets: [providerSettings.apiKey],
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return parseAnswer(text, stepCount);
}

/** A tiny request that proves the key, model and endpoint work. */
export async function testConnection(provider: CloudProvider, settings: CloudSettings): Promise<void> {
  const request: CloudRequest = {
    system: 'You check a connection.',
    prompt: 'Reply with {"steps": [], "skill_name": "ok", "skill_description": "ok"} and nothing else.',
    images: [],
    estimatedTokens: 30,
  };
  await askCloud(provider, { ...settings, timeoutMs: Math.min(settings.timeoutMs, 30_000) }, request, 0, {
    attempts: 1,
  });
}
