/**
 * The benchmark's server helper ends everything it started, as `npx vite
 * preview` needs: the listening process is a child of the one spawned.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServer } from './serve.mjs';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const answers = (url: string) =>
  fetch(url).then(
    () => true,
    () => false,
  );

/** A shell that starts a node server as its child and waits, as npx does with vite. */
function wrapped(port: number): [string, string[]] {
  const server = `require('http').createServer((q, s) => s.end('ok')).listen(${port})`;
  return ['sh', ['-c', `${JSON.stringify(process.execPath)} -e ${JSON.stringify(server)} & wait`]];
}

describe('startServer', () => {
  it('ends the server a wrapper started, not only the wrapper', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const server = await startServer(url, wrapped(port));
    expect(await answers(url)).toBe(true);
    await server.stop();
    expect(await answers(url)).toBe(false);
  });

  it('refuses to measure a server it did not start', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    const other = await startServer(url, wrapped(port));
    try {
      await expect(startServer(url, wrapped(port))).rejects.toThrow(/already answers/);
    } finally {
      await other.stop();
    }
  });
});
