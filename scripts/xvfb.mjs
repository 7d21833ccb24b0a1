// @ts-check
// A bare X screen (Xvfb, Debian's `xvfb`) for what needs a real desktop: sharing the whole
// screen with headed Chromium, desktop programs. `stop` ends the server.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

/** @param {{ width: number, height: number }} size */
export async function startScreen({ width, height }) {
  if (!existsSync('/usr/bin/Xvfb')) {
    throw new Error('Xvfb is not installed: apt-get install -y xvfb (npm test installs it when run as root)');
  }
  const display = freeDisplay();
  const server = spawn('Xvfb', [`:${display}`, '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${display}`); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!existsSync(`/tmp/.X11-unix/X${display}`)) {
    server.kill();
    throw new Error(`Xvfb did not start on :${display}`);
  }
  const env = { ...process.env, DISPLAY: `:${display}` };
  return {
    display,
    /** The environment for programs shown on this screen. */
    env,
    /**
     * A person's click at (`x`, `y`) on the screen (xdotool, Debian's `xdotool`): the window
     * there takes the focus, as it would from a person's hand.
     * @param {number} x @param {number} y
     */
    click: (x, y) =>
      new Promise((resolve, reject) =>
        execFile('xdotool', ['mousemove', String(x), String(y), 'click', '1'], { env }, (error) =>
          error
            ? reject(new Error(`xdotool could not click (apt-get install -y xdotool): ${error.message}`))
            : resolve(undefined),
        ),
      ),
    stop: () => void server.kill(),
  };
}

/** The first X display number with no server on it. */
function freeDisplay() {
  for (let n = 90; n < 200; n++) if (!existsSync(`/tmp/.X${n}-lock`) && !existsSync(`/tmp/.X11-unix/X${n}`)) return n;
  throw new Error('No free X display between :90 and :199');
}
