/**
 * A local HTTP server for tests that answers as Gemini, Claude and OpenAI-style
 * endpoints do on the wire, so the real SDK and clients can be pointed at it.
 * Each route replies from a queue: a status, a body, a delay.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  status?: number;
  body: unknown;
  delayMs?: number;
  headers?: Record<string, string>;
}

export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

export interface FakeServer {
  url: string;
  received: Received[];
  /** Queues replies for requests whose path contains `pathPart`. */
  reply(pathPart: string, ...replies: Reply[]): void;
  close(): Promise<void>;
}

export async function startFakeServer(): Promise<FakeServer> {
  const received: Received[] = [];
  const queues = new Map<string, Reply[]>();
  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      let body: Record<string, unknown>;
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        body = { raw };
      }
      received.push({ method: request.method ?? '', path, headers: request.headers, body });
      const key = [...queues.keys()].find((part) => path.includes(part));
      const reply = key ? queues.get(key)!.shift() : undefined;
      const send = () => {
        if (response.destroyed) return;
        response.writeHead(reply?.status ?? (reply ? 200 : 404), {
          'content-type': 'application/json',
          ...(reply?.headers ?? {}),
        });
        response.end(
          typeof reply?.body === 'string' ? reply.body : JSON.stringify(reply?.body ?? { error: 'no reply' }),
        );
      };
      if (reply?.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    reply(pathPart, ...replies) {
      queues.set(pathPart, [...(queues.get(pathPart) ?? []), ...replies]);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The JSON answer the tests expect a model to give. */
export const ANSWER = {
  steps: [
    {
      index: 1,
      start: '00:02',
      end: '00:03',
      title: 'New ticket',
      instruction: 'Click "New ticket" to open a draft.',
      target: 'New ticket',
      value: '',
      parameters: [],
    },
  ],
  skill_name: 'file-a-ticket',
  skill_description: 'Files a helpdesk ticket. Use when a printer fails.',
};

export const geminiReply = (text: string): Reply => ({
  body: { candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP' }] },
});
export const claudeReply = (text: string): Reply => ({
  body: { id: 'msg_1', type: 'message', role: 'assistant', content: [{ type: 'text', text }], stop_reason: 'end_turn' },
});
export const openAiReply = (text: string): Reply => ({
  body: { id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text } }] },
});
