/**
 * The companion's service worker: it knows which tab is being recorded, tells
 * that tab's logger scripts to start and stop, and passes their events to the
 * app. Every event is kept in `chrome.storage.session` until the app says it
 * has stored it, and a logger keeps each event until this worker says it has
 * it, so a worker stopped mid-recording (Chrome stops idle ones) loses nothing:
 * both sides send again what is unconfirmed when they reconnect.
 */
import type { CompanionEvent, FromApp, FromLogger, ToApp, ToLogger } from './protocol';
import { CHANNEL } from './protocol';

interface Recording {
  nonce: string;
  handle: string;
  /** The tab the handle named when the recording started: it stays the recorded tab across navigations. */
  tabId?: number;
  recordingId: string;
  nextSeq: number;
}

interface Stored {
  recording: Recording | null;
  pending: CompanionEvent[];
}

const VERSION = chrome.runtime.getManifest().version;

/** Logger ports by tab, each with the capture handle its top frame set. */
const loggers = new Map<number, { handle?: string; ports: Set<chrome.runtime.Port> }>();
/** The app ports that showed the current recording's nonce: only they receive its events. */
const owners = new Set<chrome.runtime.Port>();

async function load(): Promise<Stored> {
  const stored = (await chrome.storage.session.get(['recording', 'pending'])) as Partial<Stored>;
  return { recording: stored.recording ?? null, pending: stored.pending ?? [] };
}

/** One change at a time: storage reads and writes from two ports must not interleave. */
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

function sendToOwners(message: ToApp): void {
  for (const port of owners) port.postMessage(message);
}

/** The recorded tab: the one whose logger set the handle the app read (each new page sets a new one). */
function recordedTab(recording: Recording | null): number | undefined {
  if (!recording || recording.handle === '') return undefined;
  if (recording.tabId !== undefined) return recording.tabId;
  for (const [tabId, logger] of loggers) if (logger.handle === recording.handle) return tabId;
  return undefined;
}

function tellTab(tabId: number | undefined, message: ToLogger): void {
  if (tabId === undefined) return;
  for (const port of loggers.get(tabId)?.ports ?? []) port.postMessage(message);
  void chrome.action.setBadgeText({ tabId, text: message.type === 'start' ? 'REC' : '' });
  void chrome.action.setTitle({
    tabId,
    title: message.type === 'start' ? 'pack2skill companion: logging this tab' : 'pack2skill companion',
  });
}

async function onAppMessage(port: chrome.runtime.Port, message: FromApp): Promise<void> {
  const state = await load();
  if (message.type !== 'hello' && message.type !== 'start' && message.nonce !== state.recording?.nonce) return;
  switch (message.type) {
    case 'hello':
      port.postMessage({ channel: CHANNEL, type: 'ready', version: VERSION } satisfies ToApp);
      // The app that runs the recording, reconnecting: it gets what it has not acknowledged yet.
      if (state.recording && message.nonce === state.recording.nonce) {
        owners.add(port);
        if (state.pending.length > 0) {
          sendToOwners({ channel: CHANNEL, type: 'events', nonce: state.recording.nonce, events: state.pending });
        }
      }
      return;
    case 'start': {
      tellTab(recordedTab(state.recording), { type: 'stop' });
      const draft: Recording = {
        nonce: message.nonce,
        handle: message.handle,
        recordingId: message.recordingId,
        nextSeq: 1,
      };
      const tabId = recordedTab(draft);
      const recording = tabId === undefined ? draft : { ...draft, tabId };
      await chrome.storage.session.set({ recording, pending: [] });
      owners.clear();
      owners.add(port);
      tellTab(tabId, { type: 'start' });
      sendToOwners({ channel: CHANNEL, type: 'started', nonce: message.nonce, tabFound: tabId !== undefined });
      return;
    }
    case 'stop':
      tellTab(recordedTab(state.recording), { type: 'stop' });
      // Kept until acknowledged: the app asks for what is left after Stop.
      await chrome.storage.session.set({ recording: { ...state.recording, handle: '' } });
      sendToOwners({ channel: CHANNEL, type: 'stopped', nonce: message.nonce });
      return;
    case 'ack':
      await chrome.storage.session.set({ pending: state.pending.filter((e) => e.seq > message.upTo) });
      return;
  }
}

async function onLoggerEvent(tabId: number, event: Omit<CompanionEvent, 'seq'>): Promise<void> {
  const state = await load();
  const recording = state.recording;
  // Only the recorded tab, only while recording: anything else is dropped here too.
  if (!recording || recordedTab(recording) !== tabId) return;
  const stamped: CompanionEvent = { ...event, seq: recording.nextSeq };
  await chrome.storage.session.set({
    recording: { ...recording, nextSeq: recording.nextSeq + 1 },
    pending: [...state.pending, stamped],
  });
  sendToOwners({ channel: CHANNEL, type: 'events', nonce: recording.nonce, events: [stamped] });
}

chrome.runtime.onConnect.addListener((port) => {
  if (port.name === 'app') {
    port.onDisconnect.addListener(() => owners.delete(port));
    port.onMessage.addListener((message: FromApp) => void serially(() => onAppMessage(port, message)));
    return;
  }
  if (port.name !== 'logger') return;
  const tabId = port.sender?.tab?.id;
  if (tabId === undefined) return port.disconnect();
  const logger = loggers.get(tabId) ?? { ports: new Set() };
  loggers.set(tabId, logger);
  logger.ports.add(port);
  port.onDisconnect.addListener(() => {
    logger.ports.delete(port);
    if (logger.ports.size === 0) loggers.delete(tabId);
  });
  port.onMessage.addListener((message: FromLogger & { id?: number }) => {
    void serially(async () => {
      if (message.type === 'hello') {
        if (message.top && message.handle) logger.handle = message.handle;
        const state = await load();
        if (recordedTab(state.recording) === tabId) tellTab(tabId, { type: 'start' });
        return;
      }
      await onLoggerEvent(tabId, message.event);
      // Stored: the logger may forget it.
      port.postMessage({ type: 'got', id: message.id });
    });
  });
});
