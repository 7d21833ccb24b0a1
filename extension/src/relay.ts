/**
 * The companion's relay, only on the app's own origins: it carries messages
 * between the app's page (`window.postMessage`, same window and origin only)
 * and the service worker (a port). A page that is not the app never has this
 * script, so it never receives events.
 */
import type { FromApp, ToApp } from './protocol';
import { isFromApp } from './protocol';

let port: chrome.runtime.Port | null = null;
/** The recording this page started, said again in `hello` when the worker restarted. */
let nonce: string | undefined;

function connect(): chrome.runtime.Port {
  const opened = chrome.runtime.connect({ name: 'app' });
  opened.onMessage.addListener((message: ToApp) => window.postMessage(message, location.origin));
  opened.onDisconnect.addListener(() => {
    port = null;
    // The worker stopped: reconnect and say hello, so it sends what the app has not acknowledged.
    setTimeout(() => send({ channel: 'pack2skill-companion', type: 'hello', ...(nonce ? { nonce } : {}) }), 100);
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

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.source !== window || event.origin !== location.origin) return;
  const data = event.data;
  if (!isFromApp(data) || !['hello', 'start', 'stop', 'ack'].includes(data.type)) return;
  if (data.type === 'start') nonce = data.nonce;
  send(data);
});
