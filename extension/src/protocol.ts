/**
 * What the app and the companion extension say to each other. The app's page
 * and the relay content script talk with `window.postMessage` (same window,
 * origin checked, the recording's nonce on every message after `start`); the
 * relay, the logger content scripts and the service worker talk over ports.
 * Shared by both sides, so the types cannot drift apart.
 */

import type { EventRecord } from '../../src/capture/events';
import type { Point, Rect } from '../../src/shared/geometry';

/** Marks our messages among whatever else a page posts to itself. */
export const CHANNEL = 'pack2skill-companion';

/** The capture handle the logger sets in each tab: the app reads it from the shared track. */
export const TAB_HANDLE_PREFIX = 'pack2skill-tab:';

/**
 * A page event as the extension saw it, before the app puts it on the video clock
 * and the frame's pixels: what it acted on and typed as the app's own events carry it.
 */
export type CompanionEvent = Pick<
  EventRecord,
  'target' | 'value' | 'redacted' | 'key' | 'button' | 'clickCount' | 'url' | 'title'
> & {
  /** Order of arrival in the service worker; the app acknowledges up to a number. */
  seq: number;
  /** Epoch milliseconds (`performance.timeOrigin + performance.now()` in the page). */
  at: number;
  endAt?: number;
  type: 'click' | 'key' | 'input' | 'scroll' | 'navigate' | 'focus';
  /** CSS pixels in the top window's viewport. */
  point?: Point;
  box?: Rect;
  scrollDelta?: Point;
  /** The top window's viewport, CSS pixels, to scale points onto the captured frames. */
  viewport: { width: number; height: number };
  devicePixelRatio: number;
  /** Not the top frame: where the event happened. */
  frameUrl?: string;
};

/**
 * Page → extension (through the relay). `hello` carries the nonce of the
 * recording the page runs, when the relay says it again after a reconnect.
 */
export type FromApp =
  | { channel: typeof CHANNEL; type: 'hello'; nonce?: string }
  | { channel: typeof CHANNEL; type: 'start'; nonce: string; handle: string; recordingId: string }
  | { channel: typeof CHANNEL; type: 'stop'; nonce: string }
  | { channel: typeof CHANNEL; type: 'ack'; nonce: string; upTo: number };

/** Extension → page (through the relay). */
export type ToApp =
  | { channel: typeof CHANNEL; type: 'ready'; version: string }
  | { channel: typeof CHANNEL; type: 'started'; nonce: string; tabFound: boolean }
  | { channel: typeof CHANNEL; type: 'events'; nonce: string; events: CompanionEvent[] }
  | { channel: typeof CHANNEL; type: 'stopped'; nonce: string };

/** Service worker → the logger content scripts in every frame of a tab (`chrome.tabs.sendMessage`). */
export type ToLogger = { type: 'start' } | { type: 'stop' };

/**
 * A logger content script → the service worker, one-off messages (`chrome.runtime.sendMessage`),
 * so that no tab holds the worker awake. `hello` comes once per page and frame; the answer
 * says whether this tab is being recorded. `events` carries everything not yet confirmed, in
 * order; each has an `id` counting up per logger (`logger`, a random name per page and frame),
 * and the worker stores only ids above the last it stored from that logger, so a batch sent
 * again after the worker stopped is kept once.
 */
export type FromLogger =
  | { type: 'hello'; top: boolean; handle?: string }
  | { type: 'events'; logger: string; events: { id: number; event: Omit<CompanionEvent, 'seq'> }[] };

/** The worker's answer to a logger: `recording` to `hello`, `upTo` (the last id stored) to `events`. */
export interface ToLoggerReply {
  recording: boolean;
  upTo?: number;
}

export function isFromApp(data: unknown): data is FromApp {
  return typeof data === 'object' && data !== null && (data as { channel?: unknown }).channel === CHANNEL;
}
