import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askCloud, checkEndpoint, LocalOnlyError, testConnection } from './ask';
import { scrub } from './retry';
import {
  ANSWER,
  claudeReply,
  geminiReply,
  openAiReply,
  startFakeServer,
  type FakeServer,
} from '../../e2e/support/fake-cloud-server';
import type { CloudProvider, CloudRequest, CloudSettings } from './types';

let server: FakeServer;
beforeAll(async () => (server = await startFakeServer()));
afterAll(() => server.close());

const KEY = 'test-key-0123456789';
function settings(baseUrl: string, timeoutMs = 5000): CloudSettings {
  return {
    backend: 'gemini',
    localOnly: false,
    timeoutMs,
    quality: 'best',
    costLimitTokens: 0,
    providers: {
      gemini: { apiKey: KEY, model: 'gemini-2.5-flash', baseUrl },
      claude: { apiKey: KEY, model: 'claude-sonnet-4-5', baseUrl },
      openai: { apiKey: KEY, model: 'qwen3-vl', baseUrl: `${baseUrl}/v1` },
    },
  };
}
const request: CloudRequest = {
  system: 'system rules',
  prompt: 'Step 1 (00:02–00:03) click',
  images: [{ mimeType: 'image/jpeg', data: 'AAAA', label: 'Step 1, before', width: 100, height: 50 }],
  estimatedTokens: 300,
};
const fast = { baseDelayMs: 10 };
const answer = JSON.stringify(ANSWER);
const last = () => server.received.at(-1)!;

describe('Gemini through @google/genai', () => {
  it('sends the images inline, the schema, temperature 0 and the key header; parses the steps', async () => {
    server.reply(':generateContent', geminiReply(answer));
    const result = await askCloud('gemini', settings(server.url), request, 1, fast);
    expect(result.steps[0]!.instruction).toBe('Click "New ticket" to open a draft.');
    expect(result.skillName).toBe('file-a-ticket');
    const sent = last();
    expect(sent.path).toMatch(/\/models\/gemini-2\.5-flash:generateContent$/);
    expect(sent.headers['x-goog-api-key']).toBe(KEY);
    const contents = sent.body['contents'] as { parts: Record<string, unknown>[] }[];
    expect(contents[0]!.parts).toContainEqual({ inlineData: { mimeType: 'image/jpeg', data: 'AAAA' } });
    const config = sent.body['generationConfig'] as Record<string, unknown>;
    expect(config['temperature']).toBe(0);
    expect(config['responseMimeType']).toBe('application/json');
    expect(config['responseJsonSchema']).toMatchObject({ required: ['steps', 'skill_name', 'skill_description'] });
  });

  it('retries after a 429, then succeeds', async () => {
    const before = server.received.length;
    server.reply(
      ':generateContent',
      { status: 429, body: { error: { code: 429, message: 'slow down' } } },
      geminiReply(answer),
    );
    const result = await askCloud('gemini', settings(server.url), request, 1, fast);
    expect(result.steps).toHaveLength(1);
    expect(server.received.length - before).toBe(2);
  });

  it('says the answer is not JSON, and never shows the key in an error', async () => {
    server.reply(':generateContent', geminiReply('Sure! Here are the steps: 1. Click'));
    await expect(askCloud('gemini', settings(server.url), request, 1, fast)).rejects.toThrow(/not JSON/);
    server.reply(':generateContent', {
      status: 400,
      body: { error: { code: 400, message: `API key ${KEY} not valid` } },
    });
    const error = await askCloud('gemini', settings(server.url), request, 1, fast).catch((e: Error) => e);
    expect(String(error)).toMatch(/400/);
    expect(String(error)).not.toContain(KEY);
  });
});

describe.each<[CloudProvider, string, (text: string) => ReturnType<typeof claudeReply>]>([
  ['claude', '/v1/messages', claudeReply],
  ['openai', '/v1/chat/completions', openAiReply],
])('%s over fetch', (provider, path, reply) => {
  it('sends the wire format with the key, and parses the steps', async () => {
    server.reply(path, reply(answer));
    const result = await askCloud(provider, settings(server.url), request, 1, fast);
    expect(result.steps[0]!.target).toBe('New ticket');
    const sent = last();
    expect(sent.path).toBe(path);
    expect(sent.body['temperature']).toBe(0);
    if (provider === 'claude') {
      expect(sent.headers['x-api-key']).toBe(KEY);
      expect(sent.headers['anthropic-version']).toBe('2023-06-01');
      expect(sent.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
      expect(sent.body['system']).toBe('system rules');
      const content = (sent.body['messages'] as { content: Record<string, unknown>[] }[])[0]!.content;
      expect(content).toContainEqual({
        type: 'image',
        source: { type: 'base64', media_type: 'image/jpeg', data: 'AAAA' },
      });
    } else {
      expect(sent.headers['authorization']).toBe(`Bearer ${KEY}`);
      const content = (sent.body['messages'] as { content: unknown }[])[1]!.content as Record<string, unknown>[];
      expect(content).toContainEqual({ type: 'image_url', image_url: { url: 'data:image/jpeg;base64,AAAA' } });
      expect(sent.body['response_format']).toMatchObject({ type: 'json_schema' });
    }
  });

  it('retries a 503 and a 429 (with Retry-After), then succeeds', async () => {
    const before = server.received.length;
    server.reply(
      path,
      { status: 503, body: { error: 'overloaded' } },
      { status: 429, body: { error: 'rate' }, headers: { 'retry-after': '0' } },
      reply(answer),
    );
    await expect(askCloud(provider, settings(server.url), request, 1, fast)).resolves.toMatchObject({
      skillName: 'file-a-ticket',
    });
    expect(server.received.length - before).toBe(3);
  });

  it('gives up on a 401 at once, and on a server that does not answer in time', async () => {
    const before = server.received.length;
    server.reply(path, { status: 401, body: { error: 'bad key' } });
    await expect(askCloud(provider, settings(server.url), request, 1, fast)).rejects.toThrow(/401/);
    expect(server.received.length - before).toBe(1);
    server.reply(path, { ...reply(answer), delayMs: 2000 });
    await expect(askCloud(provider, settings(server.url, 300), request, 1, { ...fast, attempts: 1 })).rejects.toThrow(
      /no answer within/,
    );
  });

  it('tests a connection with a tiny request', async () => {
    server.reply(path, reply(JSON.stringify({ steps: [], skill_name: 'ok', skill_description: 'ok' })));
    await expect(testConnection(provider, settings(server.url))).resolves.toBeUndefined();
  });

  it('sends nothing under Local only, whatever asks (a send, a connection test)', async () => {
    server.reply(path, reply(answer));
    const before = server.received.length;
    const local = { ...settings(server.url), localOnly: true };
    await expect(askCloud(provider, local, request, 1, fast)).rejects.toBeInstanceOf(LocalOnlyError);
    await expect(testConnection(provider, local)).rejects.toThrow(/Local only is on: nothing was sent/);
    expect(server.received.length).toBe(before);
  });
});

describe('where keys may go', () => {
  it('allows https anywhere and plain http only to this machine', () => {
    for (const ok of [
      '',
      'https://api.example.com/v1',
      'http://localhost:8000/v1',
      'http://127.0.0.1:11434',
      'http://[::1]:8000',
    ]) {
      expect(() => checkEndpoint(ok), ok).not.toThrow();
    }
    expect(() => checkEndpoint('http://192.168.1.20:8000/v1')).toThrow(/plain http to 192\.168\.1\.20/);
    expect(() => checkEndpoint('http://localhost.evil.example/v1')).toThrow(/plain http/);
    expect(() => checkEndpoint('ftp://x')).toThrow(/must start with https/);
    expect(() => checkEndpoint('not a url')).toThrow(/not an address/);
  });

  it('refuses to send a key over plain http to another machine, and sends nothing', async () => {
    const before = server.received.length;
    const remote = settings(server.url);
    remote.providers.openai.baseUrl = 'http://10.0.0.5:8000/v1';
    await expect(askCloud('openai', remote, request, 1, fast)).rejects.toThrow(/unencrypted/);
    expect(server.received.length).toBe(before);
  });

  it('scrubs a key from errors as typed, %-encoded, base64 and JSON-escaped', () => {
    const key = 'sk-te/st+key"0123=';
    const b64 = btoa(key);
    const message = `bad ${key} | ${encodeURIComponent(key)} | ${b64} | ${b64.replace(/=+$/, '')} | ${b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')} | ${JSON.stringify(key)}`;
    const scrubbed = scrub(new Error(message), [key]).message;
    expect(scrubbed).not.toContain('te/st');
    expect(scrubbed).not.toContain(encodeURIComponent(key));
    expect(scrubbed).not.toContain(b64.slice(0, 12));
    expect(scrubbed).not.toContain('st+key');
  });
});
