/** JSON over fetch for the providers without an SDK here, with errors that say what happened. */
import { retryAfterMs } from './retry';
import { CloudError } from './types';

export async function postJson(
  provider: string,
  url: string,
  headers: Record<string, string>,
  body: unknown,
  signal: AbortSignal,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new CloudError(`${provider} could not be reached at ${new URL(url).origin}`);
  }
  if (!response.ok) {
    const detail = (await response.text().catch(() => '')).slice(0, 200);
    throw new CloudError(
      `${provider} answered ${response.status}${detail ? `: ${detail}` : ''}`,
      response.status,
      retryAfterMs(response.headers.get('retry-after')),
    );
  }
  try {
    return await response.json();
  } catch {
    throw new CloudError(`${provider} sent a reply that is not JSON`);
  }
}

export function endpoint(baseUrl: string, fallback: string, path: string): string {
  return `${(baseUrl || fallback).replace(/\/+$/, '')}${path}`;
}
