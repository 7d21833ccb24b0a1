/**
 * The companion's service worker: it knows which tab is being recorded, tells
 * that tab's logger scripts to start and stop, and passes their events to the
 * app. Chrome stops an idle worker after 30 s, so nothing lives only in this
 * worker's memory: the recording, the tabs' capture handles and every event not
 * yet acknowledged by the app are kept in `chrome.storage.session`. Loggers
 * send with one-off messages (no tab holds the worker awake) and send again
 * what was not confirmed; the app's relay reconnects and says its nonce, and
 * gets again what it did not acknowledge.
 */
import type { CompanionEvent, FromApp, FromLogger, ToApp, ToLogger, ToLoggerReply } from './protocol';
import { CHANNEL } from './protocol';

interface Recording {
  nonce: string;
  /** The recorded tab, found by the capture handle the app read; it stays the recorded tab across navigations. */
  tabId?: number;
  recordingId: string;
  /** Epoch ms of Stop: events after it are not kept; those before it (typing Stop closed) still are. */
  stoppedAt?: number;
  nextSeq: number;
  /** The last event id stored from each logger: a logger sends again what was not confirmed. */
  lastIds: Record<string, number>;
}

interface Stored {
  recording: Recording | null;
  pending: CompanionEvent[];
  /** Each tab's capture handle, as its top frame's logger said it (tab ids as keys). */
  handles: Record<string, string>;
}

const VERSION = chrome.runtime.getManifest().version;
/** How long after Stop events closed by stopping (open typing) may still come in before the app is told. */
const STOP_GRACE_MS = 300;

/** The app ports that showed the current recording's nonce: only they receive its events. */
const owners = new Set<chrome.runtime.Port>();

async function load(): Promise<Stored> {
  const stored = (await chrome.storage.session.get(['recording', 'pending', 'handles'])) as Partial<Stored>;
  return { recording: stored.recording ?? null, pending: stored.pending ?? [], handles: stored.handles ?? {} };
}

/** One change at a time: storage reads and writes from several senders must not interleave. */
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

function sendToOwners(message: ToApp): void {
  for (const port of owners) port.postMessage(message);
}

function isLogging(recording: Recording | null, tabId: number): boolean {
  return recording?.tabId === tabId && recording.stoppedAt === undefined;
}

/** Tells every frame of a tab to start or stop logging, and shows it on the extension's icon. */
function tellTab(tabId: number | undefined, message: ToLogger): void {
  if (tabId === undefined) return;
  chrome.tabs.sendMessage(tabId, message).catch(() => undefined); // a tab closed meanwhile
  const on = message.type === 'start';
  void chrome.action.setBadgeText({ tabId, text: on ? 'REC' : '' }).catch(() => undefined);
  void chrome.action
    .setTitle({ tabId, title: on ? 'pack2skill companion: logging this tab' : 'pack2skill companion' })
    .catch(() => undefined);
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
      if (state.recording?.stoppedAt === undefined) tellTab(state.recording?.tabId, { type: 'stop' });
      const found = Object.entries(state.handles).find(([, handle]) => handle === message.handle);
      const recording: Recording = {
        nonce: message.nonce,
        recordingId: message.recordingId,
        nextSeq: 1,
        lastIds: {},
        ...(found ? { tabId: Number(found[0]) } : {}),
      };
      await chrome.storage.session.set({ recording, pending: [] });
      owners.clear();
      owners.add(port);
      tellTab(recording.tabId, { type: 'start' });
      sendToOwners({ channel: CHANNEL, type: 'started', nonce: message.nonce, tabFound: found !== undefined });
      return;
    }
    case 'stop': {
      const recording = state.recording!;
      if (recording.stoppedAt !== undefined) return;
      tellTab(recording.tabId, { type: 'stop' });
      // Kept until acknowledged: the app takes what comes before `stopped`.
      await chrome.storage.session.set({ recording: { ...recording, stoppedAt: Date.now() } });
      setTimeout(() => sendToOwners({ channel: CHANNEL, type: 'stopped', nonce: message.nonce }), STOP_GRACE_MS);
      return;
    }
    case 'ack':
      await chrome.storage.session.set({ pending: state.pending.filter((e) => e.seq > message.upTo) });
      return;
  }
}

async function onLoggerMessage(tabId: number, message: FromLogger): Promise<ToLoggerReply> {
  const state = await load();
  const recording = state.recording;
  if (message.type === 'hello') {
    if (message.top && message.handle && state.handles[tabId] !== message.handle) {
      await chrome.storage.session.set({ handles: { ...state.handles, [tabId]: message.handle } });
    }
    return { recording: isLogging(recording, tabId) };
  }
  // Only the recorded tab: anything else is dropped here too.
  if (!recording || recording.tabId !== tabId) return { recording: false };
  const last = recording.lastIds[message.logger] ?? 0;
  const upTo = Math.max(last, ...message.events.map((e) => e.id));
  const stamped: CompanionEvent[] = [];
  for (const { id, event } of message.events) {
    // Stored before the worker stopped, its confirmation lost: sent again, kept once.
    if (id <= last) continue;
    if (recording.stoppedAt !== undefined && event.at > recording.stoppedAt) continue;
    stamped.push({ ...event, seq: recording.nextSeq + stamped.length });
  }
  if (stamped.length > 0) {
    await chrome.storage.session.set({
      recording: {
        ...recording,
        nextSeq: recording.nextSeq + stamped.length,
        lastIds: { ...recording.lastIds, [message.logger]: upTo },
      },
      pending: [...state.pending, ...stamped],
    });
    sendToOwners({ channel: CHANNEL, type: 'events', nonce: recording.nonce, events: stamped });
  }
  return { recording: isLogging(recording, tabId), upTo };
}

chrome.runtime.onConnect.addListener((port) => {
  if (port.name !== 'app') return port.disconnect();
  port.onDisconnect.addListener(() => owners.delete(port));
  port.onMessage.addListener((message: FromApp) => void serially(() => onAppMessage(port, message)));
});

chrome.runtime.onMessage.addListener((message: FromLogger, sender, reply: (answer?: ToLoggerReply) => void) => {
  const tabId = sender.tab?.id;
  if (tabId === undefined || sender.id !== chrome.runtime.id) return false;
  serially(() => onLoggerMessage(tabId, message)).then(reply, () => reply(undefined));
  return true; // answers asynchronously
});

chrome.tabs.onRemoved.addListener((tabId) => {
  void serially(async () => {
    const { handles } = await load();
    if (!(tabId in handles)) return;
    const rest = { ...handles };
    delete rest[tabId];
    await chrome.storage.session.set({ handles: rest });
  });
});
