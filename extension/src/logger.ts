/**
 * The companion's logger, in every frame of every tab. It does nothing until
 * the service worker says this tab is the one being recorded; then it logs what
 * the person does with the app's own DOM logger (same coalescing of typing, same
 * secret-field rules) and sends each event, keeping it until the worker confirms.
 *
 * The top frame also sets a capture handle with a random token, so that when
 * this tab is picked in the share dialog the app can tell the extension which
 * tab it is recording (not on the app's own page: the app sets its own handle
 * and logs its own tab).
 */
import { DomEventLogger } from '../../src/capture/dom-events';
import type { NewEvent } from '../../src/capture/events';
import { maskSensitive } from '../../src/compose/redact';
import type { CompanionEvent, FromLogger, ToLogger } from './protocol';
import { TAB_HANDLE_PREFIX } from './protocol';

const top = window === window.top;
const handle = top ? `${TAB_HANDLE_PREFIX}${crypto.randomUUID()}` : undefined;
if (handle) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', announce, { once: true });
  else announce();
}

/** Sets this tab's capture handle, except on the app's own page, which sets its own. */
function announce(): void {
  if (document.querySelector('meta[name="application-name"][content="pack2skill"]')) return;
  try {
    navigator.mediaDevices?.setCaptureHandleConfig?.({ handle: handle!, permittedOrigins: ['*'] });
  } catch {
    // No capture handles here: the app cannot tell which tab it records, and says so.
  }
}

let port: chrome.runtime.Port | null = null;
let logger: DomEventLogger | null = null;
let nextId = 1;
/** Sent but not yet confirmed by the service worker, by id. */
const unconfirmed = new Map<number, FromLogger & { id: number }>();

function connect(): void {
  try {
    port = chrome.runtime.connect({ name: 'logger' });
  } catch {
    port = null; // the extension was reloaded: this page's scripts are orphaned
    return;
  }
  port.onMessage.addListener((message: ToLogger | { type: 'got'; id: number }) => {
    if (message.type === 'got') unconfirmed.delete(message.id);
    else if (message.type === 'start') start();
    else stop();
  });
  port.onDisconnect.addListener(() => {
    // The worker was stopped: connecting again wakes it; what it had not confirmed goes again.
    port = null;
    setTimeout(connect, 100);
  });
  const hello: FromLogger = { type: 'hello', top, ...(handle ? { handle } : {}) };
  port.postMessage(hello);
  for (const message of unconfirmed.values()) port.postMessage(message);
}

function send(event: Omit<CompanionEvent, 'seq'>): void {
  const message = { type: 'event' as const, event, id: nextId++ };
  unconfirmed.set(message.id, message);
  port?.postMessage(message);
}

function start(): void {
  if (logger) return;
  const now = () => performance.timeOrigin + performance.now();
  logger = new DomEventLogger(document, {
    scale: 1,
    source: 'extension',
    now,
    emit: (event) => send(toCompanion(event)),
  });
  // Where the person is: the page the recording starts on, and each page loaded during it.
  if (top)
    send(toCompanion({ t: now(), type: 'navigate', source: 'extension', url: location.href, title: document.title }));
}

function stop(): void {
  logger?.detach();
  logger = null;
}

/** Frame offset in the top viewport, where the frames between are same-origin (else unknown). */
function frameOffset(): { x: number; y: number } | null {
  let x = 0;
  let y = 0;
  let win: Window = window;
  try {
    while (win !== win.top) {
      const frame = win.frameElement;
      if (!frame) return null;
      const rect = frame.getBoundingClientRect();
      x += rect.x + frame.clientLeft;
      y += rect.y + frame.clientTop;
      win = win.parent;
    }
  } catch {
    return null;
  }
  return { x, y };
}

function viewport(): { width: number; height: number } {
  try {
    return { width: window.top!.innerWidth, height: window.top!.innerHeight };
  } catch {
    return { width: window.innerWidth, height: window.innerHeight };
  }
}

function toCompanion(event: NewEvent): Omit<CompanionEvent, 'seq'> {
  const offset = frameOffset();
  const move = <T extends { x: number; y: number }>(value: T | undefined): T | undefined =>
    value && offset ? { ...value, x: value.x + offset.x, y: value.y + offset.y } : undefined;
  const point = top ? event.point : move(event.point);
  const box = top ? event.box : move(event.box);
  const out: Omit<CompanionEvent, 'seq'> = {
    at: event.t,
    type: event.type as CompanionEvent['type'],
    viewport: viewport(),
    devicePixelRatio: window.devicePixelRatio,
    ...(event.endT !== undefined ? { endAt: event.endT } : {}),
    ...(point ? { point } : {}),
    ...(box ? { box } : {}),
    ...(event.target ? { target: event.target } : {}),
    // Values go out masked as exports mask them: an e-mail, a card or a key typed never leaves the page whole.
    ...(event.value !== undefined ? { value: maskSensitive(event.value) } : {}),
    ...(event.redacted ? { redacted: true } : {}),
    ...(event.key ? { key: event.key } : {}),
    ...(event.button !== undefined ? { button: event.button } : {}),
    ...(event.clickCount ? { clickCount: event.clickCount } : {}),
    ...(event.scrollDelta ? { scrollDelta: event.scrollDelta } : {}),
    ...(event.url ? { url: event.url } : {}),
    ...(event.title ? { title: event.title } : {}),
    ...(top ? {} : { frameUrl: location.href }),
  };
  return out;
}

connect();
