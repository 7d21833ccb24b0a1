/** Optional cloud and self-hosted models that rewrite the steps found locally. */

export type CloudProvider = 'gemini' | 'claude' | 'openai';
export type BackendChoice = 'local' | CloudProvider;
/** What the person picks in Settings: a backend, or `auto` (the strategy decides). */
export type BackendPreference = BackendChoice | 'auto';

export interface ProviderSettings {
  apiKey: string;
  model: string;
  /** Empty: the provider's own endpoint. Required for OpenAI-compatible servers. */
  baseUrl: string;
}

export interface CloudSettings {
  backend: BackendPreference;
  /** Nothing leaves the app's origin while this is on (the default). */
  localOnly: boolean;
  providers: Record<CloudProvider, ProviderSettings>;
  /** Longest wait for one answer, ms. */
  timeoutMs: number;
  /** `auto`: 'best' prefers a cloud model; 'good' keeps local where the device is fast (WebGPU). */
  quality: 'good' | 'best';
  /** Largest request, in estimated tokens, sent without a second thought; 0: no limit. */
  costLimitTokens: number;
}

/** One image sent with a request: a step's redacted, downscaled key frame. */
export interface CloudImage {
  mimeType: 'image/jpeg' | 'image/png';
  /** Base64, no data: prefix. */
  data: string;
  /** Which step it shows, said in the prompt right before it. */
  label: string;
  width: number;
  height: number;
}

export interface CloudRequest {
  system: string;
  /** The event log, OCR and the list of steps, as text. */
  prompt: string;
  images: CloudImage[];
  estimatedTokens: number;
}

/** One step as the model describes it; `index` is the local step's (boundaries stay local). */
export interface CloudStep {
  index: number;
  start: string;
  end: string;
  title: string;
  instruction: string;
  target: string;
  value: string;
  parameters: string[];
}

export interface CloudResult {
  steps: CloudStep[];
  skillName: string;
  skillDescription: string;
}

/** A client for one provider's API; `request` is the same for all. */
export interface CloudClient {
  provider: CloudProvider;
  /** Sends the request and returns the model's answer as text (JSON expected). */
  complete(request: CloudRequest, settings: ProviderSettings, signal: AbortSignal): Promise<string>;
}

export class CloudError extends Error {
  readonly status: number | undefined;
  readonly retryable: boolean;
  constructor(message: string, status?: number, retryAfterMs?: number) {
    super(message);
    this.name = 'CloudError';
    this.status = status;
    this.retryable = status === 429 || (status !== undefined && status >= 500);
    this.retryAfterMs = retryAfterMs;
  }
  readonly retryAfterMs: number | undefined;
}

/** A step as the cloud model rewrote it, kept on the step beside the local words. */
export interface CloudStepInfo {
  provider: CloudProvider;
  model: string;
  title: string;
  instruction: string;
  target: string;
  value: string;
  parameters: string[];
  /** The target's text was read by OCR on this step's frames. */
  seen: boolean;
}
