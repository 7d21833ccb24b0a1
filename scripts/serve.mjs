// Starting and stopping a server a benchmark measures, so that it measures the
// build in dist/ and leaves nothing running. The server runs in its own process
// group and the whole group is ended: killing only `npx` (as before) left the
// real `vite preview` it started listening on the port, and the next run
// silently measured an old build.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The app's production build, as `npm start` serves it (same headers, from vite.config.ts). */
export function previewCommand(port) {
  return [
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--port', String(port), '--strictPort'],
  ];
}

const answers = (url) =>
  fetch(url).then(
    () => true,
    () => false,
  );

/**
 * Starts `command` (in its own process group) and waits until `url` answers.
 * Refuses when something already answers there: that server is not ours, and
 * may serve another build.
 */
export async function startServer(url, [command, args], { timeoutMs = 30_000 } = {}) {
  if (await answers(url)) {
    throw new Error(
      `${url} already answers: stop the server left running there, so this run measures the current build`,
    );
  }
  const child = spawn(command, args, { cwd: root, detached: true, stdio: 'ignore' });
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', () => resolve((exited = true))));
  const stop = async () => {
    if (!exited) {
      try {
        process.kill(-child.pid, 'SIGTERM'); // the whole group: the command and whatever it started
      } catch {
        // already gone
      }
      await Promise.race([exit, new Promise((r) => setTimeout(r, 5000))]);
    }
    // A child of the command may outlive it by a moment: wait until nothing answers.
    for (let i = 0; i < 50 && (await answers(url)); i++) await new Promise((r) => setTimeout(r, 100));
    if (await answers(url)) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  const started = Date.now();
  while (!(await answers(url))) {
    if (exited || Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`the server for ${url} did not start`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // Ctrl+C on the benchmark ends its server too.
  const onSignal = () => void stop().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    stop: async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await stop();
    },
  };
}
