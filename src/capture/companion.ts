/**
 * The app's side of the companion extension (`extension/`): finds out whether
 * it is installed, tells it which tab a recording captures (the capture handle
 * its logger set in that tab), and turns the events it sends into recording
 * events on the video's clock and pixels. Messages go through the extension's
 * relay script in this same window; only messages from this window and origin,
 * carrying this recording's nonce, are taken.
 */
import {
  CHANNEL,
  TAB_HANDLE_PREFIX,
  type CompanionEvent,
  type FromApp,
  type ToApp,
} from '../../extension/src/protocol';
import type { NewEvent } from './events';
import type { VideoClock } from './video-clock';

/** How long the extension has to answer `hello` before the app says it is not there (for now). */
const HELLO_TIMEOUT_MS = 400;
/**
 * When `hello` is said again while the extension has not answered: its service worker may be
 * asleep and slow to wake (a fresh profile, a busy machine: more than 400 ms once in a quality
 * bench run), and an answer that comes late still counts.
 */
const HELLO_AGAIN_MS = [1000, 2500, 5000, 10000];

function post(message: FromApp): void {
  window.postMessage(message, location.origin);
}

function fromExtension(event: MessageEvent<unknown>): ToApp | null {
  if (event.source !== window || event.origin !== location.origin) return null;
  const data = event.data as Partial<ToApp> | null;
  if (typeof data !== 'object' || data === null || data.channel !== CHANNEL) return null;
  return ['ready', 'started', 'events', 'stopped'].includes(data.type ?? '') ? (data as ToApp) : null;
}

/**
 * Asks whether the companion extension answers in this window: `onAnswer` gets its version
 * when it does, or null when it has not answered within `HELLO_TIMEOUT_MS` (then the question
 * is asked again a few times, and a later answer is given too). Returns a function that stops
 * asking.
 */
export function watchCompanion(
  onAnswer: (version: string | null) => void,
  timings: { timeoutMs: number; againMs: number[] } = { timeoutMs: HELLO_TIMEOUT_MS, againMs: HELLO_AGAIN_MS },
): () => void {
  const timers: ReturnType<typeof setTimeout>[] = [];
  const stop = () => {
    window.removeEventListener('message', onMessage);
    for (const timer of timers) clearTimeout(timer);
  };
  const onMessage = (event: MessageEvent<unknown>) => {
    const message = fromExtension(event);
    if (message?.type !== 'ready') return;
    stop();
    onAnswer(message.version);
  };
  const hello = () => post({ channel: CHANNEL, type: 'hello' });
  window.addEventListener('message', onMessage);
  hello();
  timers.push(setTimeout(() => onAnswer(null), timings.timeoutMs));
  for (const ms of timings.againMs) timers.push(setTimeout(hello, ms));
  timers.push(setTimeout(stop, (timings.againMs.at(-1) ?? 0) + timings.timeoutMs));
  return stop;
}

/** The recorded tab's handle, when the extension's logger set one there. */
export function companionHandle(track: MediaStreamTrack): string | null {
  const handle = track.getCaptureHandle?.()?.handle;
  return handle?.startsWith(TAB_HANDLE_PREFIX) ? handle : null;
}

export interface CompanionOptions {
  clock: VideoClock;
  /** The captured frames' width, to put CSS pixels onto them. */
  frameWidth: number;
  emit(event: NewEvent): void;
}

/** One recording's link with the extension: events in, acknowledgements out. */
export class CompanionSession {
  readonly nonce = crypto.randomUUID();
  readonly #options: CompanionOptions;
  #lastSeq = 0;
  #onStarted: ((tabFound: boolean) => void) | null = null;
  #onStopped: (() => void) | null = null;
  readonly #listener = (event: MessageEvent<unknown>) => this.#onMessage(event);

  constructor(options: CompanionOptions) {
    this.#options = options;
    window.addEventListener('message', this.#listener);
  }

  /** Asks the extension to log the tab with `handle`; true when it knows that tab. */
  start(handle: string, recordingId: string, timeoutMs = 1000): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.#onStarted = (found) => {
        clearTimeout(timer);
        resolve(found);
      };
      post({ channel: CHANNEL, type: 'start', nonce: this.nonce, handle, recordingId });
    });
  }

  /** Stops logging; events still on their way arrive before it resolves (or after a short wait). */
  async stop(timeoutMs = 1000): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.#onStopped = () => {
        clearTimeout(timer);
        resolve();
      };
      post({ channel: CHANNEL, type: 'stop', nonce: this.nonce });
    });
    window.removeEventListener('message', this.#listener);
  }

  #onMessage(event: MessageEvent<unknown>): void {
    const message = fromExtension(event);
    if (!message || message.type === 'ready' || message.nonce !== this.nonce) return;
    if (message.type === 'started') this.#onStarted?.(message.tabFound);
    else if (message.type === 'stopped') this.#onStopped?.();
    else {
      // Sent again after the extension's worker restarted: each once, in order.
      const fresh = message.events.filter((e) => e.seq > this.#lastSeq).sort((a, b) => a.seq - b.seq);
      for (const e of fresh) this.#options.emit(toRecordingEvent(e, this.#options.clock, this.#options.frameWidth));
      this.#lastSeq = Math.max(this.#lastSeq, ...fresh.map((e) => e.seq));
      if (fresh.length > 0) post({ channel: CHANNEL, type: 'ack', nonce: this.nonce, upTo: this.#lastSeq });
    }
  }
}

/** An extension event on the recording's clock, its points and boxes in the captured frame's pixels. */
export function toRecordingEvent(event: CompanionEvent, clock: VideoClock, frameWidth: number): NewEvent {
  const scale = frameWidth > 0 && event.viewport.width > 0 ? frameWidth / event.viewport.width : event.devicePixelRatio;
  const px = (v: number) => Math.round(v * scale);
  return {
    t: clock.toVideoMs(event.at),
    ...(event.endAt !== undefined ? { endT: clock.toVideoMs(event.endAt) } : {}),
    type: event.type,
    source: 'extension',
    ...(event.point ? { point: { x: px(event.point.x), y: px(event.point.y) } } : {}),
    ...(event.box
      ? { box: { x: px(event.box.x), y: px(event.box.y), width: px(event.box.width), height: px(event.box.height) } }
      : {}),
    ...(event.target ? { target: event.target } : {}),
    ...(event.value !== undefined ? { value: event.value } : {}),
    ...(event.redacted ? { redacted: true } : {}),
    ...(event.key ? { key: event.key } : {}),
    ...(event.button !== undefined ? { button: event.button } : {}),
    ...(event.clickCount ? { clickCount: event.clickCount } : {}),
    ...(event.scrollDelta ? { scrollDelta: { x: px(event.scrollDelta.x), y: px(event.scrollDelta.y) } } : {}),
    ...(event.url ? { url: event.url } : {}),
    ...(event.title ? { title: event.title } : {}),
  };
}
