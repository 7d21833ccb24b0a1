/**
 * The companion's relay, only on the app's origins (localhost and 127.0.0.1 on
 * any port and the one given at build time, through the manifest's `relay.js`;
 * those added in the options page, started by the logger): it carries messages between the
 * page (`window.postMessage`, same window and origin only) and the service
 * worker (a port). Pages elsewhere never have this script; among the pages
 * here, the worker sends a recording's events only to the one that started it.
 */
import type { FromApp, ToApp } from './protocol';
import { CHANNEL, isFromApp } from './protocol';

let port: chrome.runtime.Port | null = null;
/** The recording this page runs, said again in `hello` when the worker restarted; none after it stopped. */
let nonce: string | undefined;

function connect(): chrome.runtime.Port {
  const opened = chrome.runtime.connect({ name: 'app' });
  opened.onMessage.addListener((message: ToApp) => {
    if (message.type === 'stopped' && message.nonce === nonce) nonce = undefined;
    window.postMessage(message, location.origin);
  });
  opened.onDisconnect.addListener(() => {
    port = null;
    // The worker stopped mid-recording: reconnect and say hello, so that events reach this page
    // again and those it has not acknowledged come again. Without a recording, wait to be asked.
    if (nonce) setTimeout(() => send({ channel: CHANNEL, type: 'hello', nonce }), 100);
  });
  return opened;
}

function send(message: FromApp): void {
  try {
    port ??= connect();
    port.postMessage(message);
  } catch {
    // The extension was reloaded or removed: this page's relay is orphaned; the app sees no answer.
  }
}

/** Marks a frame whose relay runs: the manifest's script and the logger share this isolated world. */
const RUNNING = Symbol.for('pack2skill-relay');

/** Starts relaying in this page, once. */
export function startRelay(): void {
  const world = globalThis as { [RUNNING]?: boolean };
  if (world[RUNNING]) return;
  world[RUNNING] = true;
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source !== window || event.origin !== location.origin) return;
    const data = event.data;
    if (!isFromApp(data) || !['hello', 'start', 'stop', 'ack'].includes(data.type)) return;
    if (data.type === 'start') nonce = data.nonce;
    send(data);
  });
}
