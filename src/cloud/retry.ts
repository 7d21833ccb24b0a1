/**
 * One call to a provider with a timeout and retries on 429 and 5xx (with
 * backoff, or the server's Retry-After). Errors never carry the API key.
 */
import { CloudError } from './types';

export interface RetryOptions {
  attempts: number;
  /** First wait, ms; doubled after each failure. */
  baseDelayMs: number;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Words that must never appear in an error message (the key). */
  secrets?: string[];
}

export async function withRetries<T>(call: (signal: AbortSignal) => Promise<T>, options: RetryOptions): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    try {
      return await call(signal);
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (timeout.aborted) {
        throw new CloudError(`no answer within ${Math.round(options.timeoutMs / 1000)} s`);
      }
      lastError = error;
      const retryable = error instanceof CloudError ? error.retryable : false;
      if (!retryable || attempt === options.attempts) break;
      const wait = (error instanceof CloudError && error.retryAfterMs) || options.baseDelayMs * 2 ** (attempt - 1);
      await sleep(wait, options.signal);
    }
  }
  throw scrub(lastError, options.secrets ?? []);
}

/**
 * The ways a key can appear in a message: as typed, %-encoded (in a URL a server
 * echoes), base64 and base64url (in a Basic header or a token), and JSON-escaped.
 */
function secretForms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  const base64 = btoa(String.fromCharCode(...bytes));
  const base64url = base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      base64,
      base64.replace(/=+$/, ''),
      base64url,
      JSON.stringify(secret).slice(1, -1),
    ]),
  ].sort((a, b) => b.length - a.length);
}

/** The error with every secret replaced, in every form it can take, so a key cannot reach a message or a log. */
export function scrub(error: unknown, secrets: string[]): Error {
  const forms = secrets.filter((s) => s.length >= 4).flatMap(secretForms);
  const clean = (text: string) => forms.reduce((t, s) => t.split(s).join('•••'), text);
  if (error instanceof CloudError) return new CloudError(clean(error.message), error.status);
  return new CloudError(clean(error instanceof Error ? error.message : String(error)));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? Math.min(60_000, seconds * 1000) : undefined;
}
