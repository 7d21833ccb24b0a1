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
import { startRelay } from './app-link';
import { addedOrigins } from './app-origins';
import type { CompanionEvent, FromLogger, ToLogger, ToLoggerReply } from './protocol';
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

/** This page's (or frame's) logger among all the recorded tab's, for the worker to tell resent events. */
const loggerName = crypto.randomUUID();
/** How long to wait before sending again what a stopped worker did not confirm. */
const RETRY_MS = 250;

let logger: DomEventLogger | null = null;
let nextId = 1;
/** Logged but not yet confirmed stored by the worker, oldest first. */
let unconfirmed: { id: number; event: Omit<CompanionEvent, 'seq'> }[] = [];
let sending = false;

/**
 * Sends everything unconfirmed in one message and waits for the answer before
 * sending more, so that events arrive in order. A message wakes a stopped
 * worker; one it did not answer (stopped mid-way) is sent again.
 */
async function flush(): Promise<void> {
  if (sending || unconfirmed.length === 0) return;
  sending = true;
  const message: FromLogger = { type: 'events', logger: loggerName, events: unconfirmed.slice() };
  let reply: ToLoggerReply | undefined;
  try {
    reply = (await chrome.runtime.sendMessage(message)) as ToLoggerReply | undefined;
  } catch {
    reply = undefined; // no answer: the worker stopped before it replied, or the extension was reloaded
  }
  sending = false;
  if (!reply) {
    setTimeout(() => void flush(), RETRY_MS);
    return;
  }
  const upTo = reply.upTo ?? 0;
  unconfirmed = unconfirmed.filter((e) => e.id > upTo);
  if (!reply.recording) {
    // The recording ended (or this tab is not in it): nothing more is logged. What stopping
    // closes (typing still open) is sent once more; the worker keeps what came before Stop.
    unconfirmed = [];
    stop();
  }
  void flush();
}

function send(event: Omit<CompanionEvent, 'seq'>): void {
  unconfirmed.push({ id: nextId++, event });
  void flush();
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

chrome.runtime.onMessage.addListener((message: ToLogger) => {
  if (message.type === 'start') start();
  else if (message.type === 'stop') stop();
});

/** Tells the worker this page's handle and asks whether this tab is being recorded (a page loaded mid-recording, a new frame). */
async function hello(attempts = 3): Promise<void> {
  const message: FromLogger = { type: 'hello', top, ...(handle ? { handle } : {}) };
  for (let i = 0; i < attempts; i++) {
    try {
      const reply = (await chrome.runtime.sendMessage(message)) as ToLoggerReply | undefined;
      if (reply) {
        if (reply.recording) start();
        return;
      }
    } catch {
      // The extension was reloaded: this page's scripts are orphaned.
      if (!chrome.runtime?.id) return;
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

void hello();

// A self-hosted app the person added in the options: this page is the app, so it gets the relay.
if (top) {
  void addedOrigins()
    .then((origins) => {
      if (origins.includes(location.origin)) startRelay();
    })
    .catch(() => undefined);
}
