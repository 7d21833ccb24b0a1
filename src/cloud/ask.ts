/** Sends a request to the chosen provider (timeout, retries) and checks the answer. */
import { claudeClient } from './claude';
import { geminiClient } from './gemini';
import { openAiClient } from './openai';
import { withRetries } from './retry';
import { parseAnswer } from './schema';
import {
  CloudError,
  type CloudClient,
  type CloudProvider,
  type CloudRequest,
  type CloudResult,
  type CloudSettings,
} from './types';

export const CLIENTS: Record<CloudProvider, CloudClient> = {
  gemini: geminiClient,
  claude: claudeClient,
  openai: openAiClient,
};

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * A base URL the key and screenshots may go to: https anywhere, plain http only to
 * this machine (a vLLM or Ollama server beside the browser), where nothing crosses a network.
 */
export function checkEndpoint(baseUrl: string): void {
  if (!baseUrl) return;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new CloudError(`The base URL "${baseUrl}" is not an address (for example https://host/v1)`);
  }
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return;
  throw new CloudError(
    url.protocol === 'http:'
      ? `The base URL uses plain http to ${url.hostname}: your key and screenshots would cross the network unencrypted. Use https, or http only for this machine (localhost, 127.0.0.1, ::1)`
      : `The base URL must start with https:// (or http://localhost)`,
  );
}

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
  checkEndpoint(providerSettings.baseUrl);
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
