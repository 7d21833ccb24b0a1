/** The recorder as the UI sees it: one live session at most, its clock and its counts. */
import type { OcrPool } from '../analyze/ocr/pool';
import { IncrementalAnalyzer } from '../analyze/incremental';
import { CaptureError, describeSource } from '../capture/display-media';
import { describeError, formatDuration } from '../shared/format';
import { canFloatControls, openFloatingWindow } from '../capture/floating-window';
import { screenRectOf } from '../capture/own-windows';
import { watchCompanion } from '../capture/companion';
import { RecordingSession, isHotkey, type SessionCounts, type SessionEnd } from '../capture/recording-session';
import type { NoticeState } from './notice.svelte';

export type RecorderPhase = 'idle' | 'starting' | 'recording' | 'paused' | 'stopping';

/** The recorder's own buttons: clicks on them are not part of the recorded workflow. */
export const CONTROLS_SELECTOR = '[data-recorder-controls]';

/**
 * How long this page stays hidden from a recorded screen after it loses the focus, and
 * after it last changed while out of focus (its list and notices settle after Start, and
 * on a busy machine that takes longer than the focus takes to move to the floating window).
 */
const BLUR_GRACE_MS = 1000;

/**
 * How long the whole screen is not looked at after the recording starts and after the
 * floating window opens: the browser puts up its sharing bar and the window system
 * repaints (under X without a compositor the bar and windows go blank for a frame), and
 * none of that is the workflow. The person is working the recorder then, not the workflow.
 */
const SETTLE_MS = 1000;

const emptyCounts: SessionCounts = { chunks: 0, visualEvents: 0, events: 0, markers: 0, samplerFps: 0 };

export class RecorderState {
  phase = $state<RecorderPhase>('idle');
  elapsedMs = $state(0);
  counts = $state<SessionCounts>({ ...emptyCounts });
  floatingWindow = $state.raw<Window | null>(null);
  readonly canFloat = canFloatControls();
  /** The companion extension's version when it answers in this tab, null when it does not (undefined: not asked yet). */
  companion = $state<string | null | undefined>(undefined);
  /** Where the running recording's page events come from. */
  pageEvents = $state<'own-tab' | 'extension' | 'none'>('none');

  /** What the running recording captures: said beside the controls, with a live preview. */
  source = $state.raw<{ what: string; stream: MediaStream | null } | null>(null);

  /**
   * The main page's timer and counts, held where they were while a whole screen is recorded
   * and this page is not in use: it may be on that screen, and its ticking would be recorded
   * as changes (the floating window, which the sampler looks away from, keeps ticking).
   */
  #held = $state.raw<{ elapsedMs: number; counts: SessionCounts } | null>(null);
  /** When this page last lost the focus (performance.now()), null while it has it. */
  #blurredAt: number | null = null;
  /** When this page's document last changed during the recording (performance.now()). */
  #changedAt = -Infinity;
  /** Watches this page's document for changes while a recording runs. */
  #pageWatch: MutationObserver | null = null;
  /** Until when (performance.now()) the recorder's own start or floating window may still repaint the screen. */
  #settlingUntil = -Infinity;

  #session: RecordingSession | null = null;
  #incremental: IncrementalAnalyzer | null = null;
  readonly #ocr: OcrPool;
  #timer: ReturnType<typeof setInterval> | undefined;
  readonly #notice: NoticeState;
  readonly #onFinished: (end: SessionEnd) => void;

  constructor(notice: NoticeState, ocr: OcrPool, onFinished: (end: SessionEnd) => void) {
    this.#notice = notice;
    this.#ocr = ocr;
    this.#onFinished = onFinished;
    // A late answer replaces "not there" (the extension's worker was slow to wake).
    watchCompanion((version) => {
      if (version !== null || this.companion === undefined) this.companion = version;
    });
  }

  get active(): boolean {
    return this.phase === 'recording' || this.phase === 'paused';
  }

  get elapsedLabel(): string {
    return formatDuration(this.elapsedMs);
  }

  /** The timer as the main page shows it (held still while a recorded screen may show it). */
  get pageElapsedLabel(): string {
    return formatDuration(this.#held?.elapsedMs ?? this.elapsedMs);
  }

  /** The counts as the main page shows them. */
  get pageCounts(): SessionCounts {
    return this.#held?.counts ?? this.counts;
  }

  async start(): Promise<void> {
    if (this.phase !== 'idle') return;
    this.phase = 'starting';
    this.#notice.clear();
    const incremental = new IncrementalAnalyzer(this.#ocr);
    try {
      this.#session = await RecordingSession.start(
        {
          onCounts: (counts) => (this.counts = counts),
          onVisualStored: (event) => incremental.add(event),
          onWarning: (message) => this.#notice.show('warning', message),
          onEnded: (end) => this.#ended(end),
        },
        { ignoreSelector: CONTROLS_SELECTOR },
      );
    } catch (error) {
      incremental.stop();
      this.phase = 'idle';
      this.#notice.show(
        'error',
        error instanceof CaptureError ? error.message : `Recording could not start: ${describeError(error)}`,
      );
      return;
    }
    this.#incremental = incremental;
    const { surface, sourceLabel, selfCapture } = this.#session.recording;
    this.source = {
      what: describeSource(surface, sourceLabel, selfCapture),
      // No preview where it would be recorded itself (this tab, or a screen it may be on):
      // it would mirror every change, and the mirror would read as one more.
      stream: surface === 'monitor' || selfCapture ? null : this.#session.stream,
    };
    this.pageEvents = this.#session.pageEvents;
    if (this.companion && this.pageEvents === 'none' && this.#session.recording.surface === 'browser') {
      this.#notice.show(
        'warning',
        'The companion extension cannot tell which tab this is, so steps come from the screen alone. Reload that tab (it was open before the extension was added), or, for a page served over plain http, use https.',
      );
    }
    this.counts = { ...emptyCounts };
    this.elapsedMs = 0;
    this.phase = 'recording';
    this.#settlingUntil = performance.now() + SETTLE_MS;
    this.#timer = setInterval(() => {
      if (this.#session) this.elapsedMs = this.#session.clock.toVideoMs();
      // Focus events can go missing (a window opened by this page took the focus without a
      // blur here): the page's focus is also looked at on each tick.
      if (document.hasFocus() !== (this.#blurredAt === null)) {
        if (document.hasFocus()) this.#onFocus();
        else this.#onBlur();
      }
      this.#hideOwnWindows();
    }, 250);
    // The floating window, opening, may have taken the focus already.
    if (document.hasFocus()) this.#blurredAt = null;
    else this.#onBlur();
    addEventListener('focus', this.#onFocus);
    addEventListener('blur', this.#onBlur);
    // Only a recorded screen can show this page; a tab or window recorded never needs it hidden.
    if (surface === 'monitor') {
      this.#pageWatch = new MutationObserver(this.#onPageChanged);
      this.#pageWatch.observe(document.documentElement, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
    }
    this.#hideOwnWindows();
    // Float the controls while the click's activation lasts; else the button does it.
    if (this.canFloat && navigator.userActivation?.isActive) void this.float();
  }

  pause(): void {
    this.#session?.pause();
    if (this.phase === 'recording') this.phase = 'paused';
  }

  resume(): void {
    this.#session?.resume();
    if (this.phase === 'paused') this.phase = 'recording';
  }

  togglePause(): void {
    if (this.phase === 'paused') this.resume();
    else this.pause();
  }

  addMarker(): void {
    this.#session?.addMarker();
  }

  async stop(): Promise<void> {
    if (!this.#session || this.phase === 'stopping') return;
    this.phase = 'stopping';
    await this.#session.stop('user');
  }

  async float(): Promise<void> {
    this.#settlingUntil = Infinity;
    this.#hideOwnWindows();
    this.floatingWindow = await openFloatingWindow();
    this.#settlingUntil = performance.now() + SETTLE_MS;
    this.#hideOwnWindows();
    this.floatingWindow?.addEventListener('pagehide', () => (this.floatingWindow = null), { once: true });
  }

  /** Alt+Shift+M marker, Alt+Shift+P pause/resume, Alt+Shift+S stop. */
  handleHotkey(event: KeyboardEvent): void {
    if (!this.active || !isHotkey(event)) return;
    event.preventDefault();
    if (event.code === 'KeyM') this.addMarker();
    else if (event.code === 'KeyP') this.togglePause();
    else if (event.code === 'KeyS') void this.stop();
  }

  readonly #onFocus = (): void => {
    this.#blurredAt = null;
    this.#held = null;
    this.#hideOwnWindows();
  };

  readonly #onBlur = (): void => {
    this.#blurredAt = performance.now();
    if (this.#session?.recording.surface === 'monitor') this.#held = { elapsedMs: this.elapsedMs, counts: this.counts };
  };

  readonly #onPageChanged = (): void => {
    this.#changedAt = performance.now();
    // At once, not at the next tick: the change may be painted before then.
    this.#hideOwnWindows();
  };

  /**
   * Tells the session where this app's windows are: the floating controls always, this page
   * while it is in use and for a moment after it loses the focus or last changes (it
   * repaints as it loses the focus, and its own changes are never the workflow).
   */
  #hideOwnWindows(): void {
    if (!this.#session) return;
    if (performance.now() < this.#settlingUntil) {
      this.#session.hideOwnWindows([{ x: 0, y: 0, width: screen.width, height: screen.height }]);
      return;
    }
    const windows = this.floatingWindow ? [screenRectOf(this.floatingWindow)] : [];
    const blurred = this.#blurredAt;
    if (blurred === null || performance.now() - Math.max(blurred, this.#changedAt) < BLUR_GRACE_MS)
      windows.push(screenRectOf(window));
    this.#session.hideOwnWindows(windows);
  }

  #ended(end: SessionEnd): void {
    clearInterval(this.#timer);
    removeEventListener('focus', this.#onFocus);
    removeEventListener('blur', this.#onBlur);
    this.#pageWatch?.disconnect();
    this.#pageWatch = null;
    this.#changedAt = -Infinity;
    this.#held = null;
    this.#incremental?.stop();
    this.#incremental = null;
    this.#session = null;
    this.source = null;
    this.phase = 'idle';
    this.floatingWindow?.close();
    this.floatingWindow = null;
    if (end.message) this.#notice.show('error', end.message);
    else if (end.reason === 'sharing-ended')
      this.#notice.show('info', 'Sharing ended, so the recording stopped. It is saved below.');
    else if (end.reason === 'error')
      this.#notice.show('error', 'The browser stopped the recorder. What was recorded until then is saved below.');
    else this.#notice.show('success', 'Recording saved.');
    this.#onFinished(end);
  }
}
