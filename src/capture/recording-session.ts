/**
 * One recording, from the picker to a finished, seekable WebM in IndexedDB.
 *
 * Three producers write through one RecordingWriter: MediaRecorder (1 s
 * chunks), the sampler worker (visual changes with key frames) and page events:
 * the DOM event logger when the app records its own tab, the companion
 * extension (`companion.ts`) when it records another tab the extension logs. All are stamped on one
 * VideoClock. The tab holds a Web Lock for the recording's lifetime so that a
 * crash leaves a recording that the next visit can tell apart and recover.
 */
import { SamplerClient } from '../../workers/sampler/client';
import { ownWindowAreas, type ScreenRect } from './own-windows';
import type { SamplerStats, VisualChange } from '../../workers/sampler/types';
import { visualEvent } from './changes/visual-change';
import { pickMimeType, requestScreen } from './display-media';
import type { RecordingRecord, StopReason } from '../storage/db';
import { companionHandle, CompanionSession } from './companion';
import { DomEventLogger } from './dom-events';
import type { NewEvent } from './events';
import { holdRecordingLock, recordingsInProgress } from './recording-lock';
import { RecordingWriter } from './recording-writer';
import { releaseStorageReserve, reserveStorage } from '../storage/storage-guard';
import { holdDatabase } from '../storage/db';
import { describeError, formatDuration } from '../shared/format';
import {
  createRecording,
  finishRecording,
  NOT_PERSISTENT_MESSAGE,
  requestPersistentStorage,
} from '../storage/recordings';
import { VideoClock } from './video-clock';

const TIMESLICE_MS = 1000;
/** Screen content is mostly still: this keeps text sharp at a modest size. */
const VIDEO_BITS_PER_SECOND = 2_000_000;
/** Identifies this app's own tab when it is the one being captured. */
const CAPTURE_HANDLE = `pack2skill:${crypto.randomUUID()}`;

export interface SessionCounts {
  chunks: number;
  visualEvents: number;
  events: number;
  markers: number;
  samplerFps: number;
}

export interface SessionEnd {
  recording: RecordingRecord | null;
  reason: StopReason;
  /** Set when the recording ended for a reason the person must hear about. */
  message?: string;
}

export interface SessionCallbacks {
  onCounts(counts: SessionCounts): void;
  /** A screen change and its key frames are stored (analysis can start on it). */
  onVisualStored?(event: NewEvent): void;
  onEnded(end: SessionEnd): void;
  onWarning(message: string): void;
}

/** Lets the app recognise itself in a captured tab. Call once at start-up. */
export function announceCaptureHandle(): void {
  try {
    navigator.mediaDevices?.setCaptureHandleConfig?.({ handle: CAPTURE_HANDLE, permittedOrigins: ['*'] });
  } catch {
    // Not supported: self-capture is then treated like any other tab.
  }
}

export class RecordingSession {
  readonly recording: RecordingRecord;
  readonly clock: VideoClock;
  readonly #stream: MediaStream;
  readonly #recorder: MediaRecorder;
  readonly #writer: RecordingWriter;
  readonly #sampler: SamplerClient;
  /** The areas the sampler was last told to look away from, to tell it only of a move. */
  #hiddenAreas = '[]';
  readonly #logger: DomEventLogger | null;
  readonly #companion: CompanionSession | null;
  readonly #callbacks: SessionCallbacks;
  readonly #releaseLock: () => void;
  readonly #counts: SessionCounts = { chunks: 0, visualEvents: 0, events: 0, markers: 0, samplerFps: 0 };
  #stopping: Promise<SessionEnd> | null = null;

  /** What is being captured, for a live preview (the same stream the recorder reads). */
  get stream(): MediaStream {
    return this.#stream;
  }

  /** Shows the browser's picker and starts recording what the person chose. */
  static async start(
    callbacks: SessionCallbacks,
    options: { ignoreSelector?: string } = {},
  ): Promise<RecordingSession> {
    // Ask first: a recording must not be evicted under storage pressure.
    const persisting = requestPersistentStorage();
    // The recording's id, locked before its row exists: another tab's recovery takes a
    // "recording" row whose lock nobody holds for an orphan, and would delete it mid-start.
    const id = crypto.randomUUID();
    const releaseRecordingLock = await holdRecordingLock(id);
    // The database stays open under the recording, even for a newer version in another tab.
    const releaseDatabase = holdDatabase();
    const releaseLock = () => {
      releaseRecordingLock();
      releaseDatabase();
    };
    const reserve = await reserveStorage(id, recordingsInProgress);
    if (!reserve) {
      releaseLock();
      throw new Error(NO_ROOM_MESSAGE);
    }
    let stream: MediaStream;
    try {
      stream = await requestScreen();
    } catch (error) {
      await releaseStorageReserve(id);
      releaseLock();
      throw error;
    }
    try {
      const [track] = stream.getVideoTracks();
      if (!track) throw new Error('The shared surface has no video.');
      const settings = track.getSettings();
      const selfCapture = track.getCaptureHandle?.()?.handle === CAPTURE_HANDLE;
      const mimeType = pickMimeType();
      const recording = await createRecording(
        {
          title: defaultTitle(),
          mimeType: mimeType || 'video/webm',
          surface: settings.displaySurface ?? null,
          sourceLabel: track.label,
          width: settings.width ?? 0,
          height: settings.height ?? 0,
          selfCapture,
        },
        id,
      );
      const persisted = await persisting;
      const session = new RecordingSession(
        stream,
        track,
        recording,
        mimeType,
        releaseLock,
        callbacks,
        options.ignoreSelector,
      );
      await session.#startCompanion(track);
      if (!persisted) callbacks.onWarning(NOT_PERSISTENT_MESSAGE);
      return session;
    } catch (error) {
      for (const t of stream.getTracks()) t.stop();
      await releaseStorageReserve(id);
      releaseLock();
      throw error;
    }
  }

  private constructor(
    stream: MediaStream,
    track: MediaStreamTrack,
    recording: RecordingRecord,
    mimeType: string,
    releaseLock: () => void,
    callbacks: SessionCallbacks,
    ignoreSelector: string | undefined,
  ) {
    this.recording = recording;
    this.#stream = stream;
    this.#callbacks = callbacks;
    this.#releaseLock = releaseLock;
    this.#writer = new RecordingWriter(recording.id, {
      onStorageFull: () => void this.stop('storage-full'),
      onError: (error) => callbacks.onWarning(`A part of the recording could not be saved: ${describeError(error)}`),
    });

    this.#recorder = new MediaRecorder(stream, {
      ...(mimeType ? { mimeType } : {}),
      videoBitsPerSecond: VIDEO_BITS_PER_SECOND,
    });
    this.#recorder.addEventListener('dataavailable', (event) => {
      if (event.data.size === 0) return;
      this.#writer.appendChunk(event.data, this.clock.toVideoMs());
      this.#counts.chunks++;
      this.#report();
    });
    this.#recorder.addEventListener('error', () => void this.stop('error'));
    // Sharing ended from the browser's own bar (or the shared window closed).
    track.addEventListener('ended', () => void this.stop('sharing-ended'));

    this.#recorder.start(TIMESLICE_MS);
    this.clock = new VideoClock();

    this.#sampler = new SamplerClient(
      track,
      {
        onChange: (change) => this.#onVisualChange(change),
        onStats: (stats: SamplerStats) => {
          this.#counts.samplerFps = stats.sampleFps;
          this.#report();
        },
        onError: (message) => callbacks.onWarning(message),
      },
      // A tab's capture never shows the mouse pointer; a screen's or a window's does.
      { detector: { pointer: recording.surface !== 'browser' } },
    );

    const width = track.getSettings().width ?? 0;
    this.#logger = recording.selfCapture
      ? new DomEventLogger(document, {
          scale: width > 0 ? width / window.innerWidth : window.devicePixelRatio,
          now: () => this.clock.toVideoMs(),
          emit: (event) => this.#addEvent(event),
          ...(ignoreSelector ? { ignoreSelector } : {}),
          isHotkey,
        })
      : null;
    this.#companion =
      !recording.selfCapture && companionHandle(track)
        ? new CompanionSession({ clock: this.clock, frameWidth: width, emit: (event) => this.#addEvent(event) })
        : null;
  }

  /** Page events from the companion extension, where its logger marked the captured tab. */
  async #startCompanion(track: MediaStreamTrack): Promise<void> {
    const handle = companionHandle(track);
    if (!this.#companion || !handle) return;
    if (!(await this.#companion.start(handle, this.recording.id))) {
      this.#callbacks.onWarning(
        'The companion extension did not answer for the recorded tab, so steps come from the screen alone. Reload that tab, then record again.',
      );
    }
  }

  /** Where page events come from: the app's own tab, the companion extension, or nowhere (pixels only). */
  get pageEvents(): 'own-tab' | 'extension' | 'none' {
    return this.#logger ? 'own-tab' : this.#companion ? 'extension' : 'none';
  }

  get state(): 'recording' | 'paused' | 'stopping' {
    if (this.#stopping) return 'stopping';
    return this.clock.paused ? 'paused' : 'recording';
  }

  pause(): void {
    if (this.#stopping || this.#recorder.state !== 'recording') return;
    this.#recorder.pause();
    this.clock.pause();
    this.#sampler.pause();
  }

  resume(): void {
    if (this.#stopping || this.#recorder.state !== 'paused') return;
    this.#recorder.resume();
    this.clock.resume();
    this.#sampler.resume();
  }

  addMarker(label?: string): void {
    if (this.#stopping) return;
    this.#counts.markers++;
    this.#addEvent({
      t: this.clock.toVideoMs(),
      type: 'marker',
      source: 'page',
      label: label ?? `Marker ${this.#counts.markers}`,
    });
  }

  /** Stops everything, waits for every write, and finishes the file. Safe to call twice. */
  stop(reason: StopReason = 'user'): Promise<SessionEnd> {
    this.#stopping ??= this.#finish(reason);
    return this.#stopping;
  }

  async #finish(reason: StopReason): Promise<SessionEnd> {
    const durationMs = this.clock.toVideoMs();
    this.#logger?.detach();
    await this.#companion?.stop();
    await this.#stopRecorder();
    for (const track of this.#stream.getTracks()) track.stop();
    const samplerStats = await this.#sampler.stop();
    await this.#writer.flush();
    const full = reason === 'storage-full' || this.#writer.stopped;
    let end: SessionEnd;
    try {
      // Frees the ballast taken at start: the room to finish, even on a full disk.
      await releaseStorageReserve(this.recording.id);
      // After a full disk, the stored duration (last chunk saved) is the truth, not the clock.
      const recording = await finishRecording(
        this.recording.id,
        full ? 'storage-full' : reason,
        full ? undefined : durationMs,
        samplerStats ? { sampler: samplerStats } : {},
      );
      end = { recording, reason: full ? 'storage-full' : reason };
      if (full) {
        end.message = `Storage is full, so the recording stopped at ${formatDuration(recording.durationMs)}. Everything up to that moment is saved. Free some disk space or delete old recordings, then record again.`;
      }
    } catch (error) {
      // Even finishing failed (likely the disk): the chunks are saved and the next visit offers recovery.
      end = {
        recording: null,
        reason,
        message: `The recording is saved but could not be finished (${describeError(error)}). Free some disk space, then recover it from “Interrupted recording” above.`,
      };
    }
    this.#releaseLock();
    this.#callbacks.onEnded(end);
    return end;
  }

  #stopRecorder(): Promise<void> {
    if (this.#recorder.state === 'inactive') return Promise.resolve();
    return new Promise((resolve) => {
      // The last dataavailable fires before stop.
      this.#recorder.addEventListener('stop', () => resolve(), { once: true });
      this.#recorder.stop();
    });
  }

  /**
   * The recorder's own windows, by their places on the screen: while a whole screen is
   * recorded the sampler looks away from them (a tab or a window recorded does not show them).
   */
  hideOwnWindows(windows: readonly ScreenRect[]): void {
    if (this.recording.surface !== 'monitor' || this.#stopping) return;
    const settings = this.#stream.getVideoTracks()[0]?.getSettings();
    const display = screen as Screen & { isExtended?: boolean };
    const areas = ownWindowAreas(
      windows,
      { width: display.width, height: display.height, extended: display.isExtended === true },
      { width: settings?.width ?? 0, height: settings?.height ?? 0 },
    );
    const key = JSON.stringify(areas);
    if (key === this.#hiddenAreas) return;
    this.#hiddenAreas = key;
    this.#sampler.ignore(areas);
  }

  #onVisualChange(change: VisualChange): void {
    this.#counts.visualEvents++;
    this.#report();
    const stored = this.#writer.addVisualChange(
      visualEvent({ ...change, startT: this.clock.toVideoMs(change.startT), endT: this.clock.toVideoMs(change.endT) }),
      { before: change.before, after: change.after, width: change.frameWidth, height: change.frameHeight },
    );
    void stored.then((event) => {
      if (event) this.#callbacks.onVisualStored?.(event);
    });
  }

  #addEvent(event: NewEvent): void {
    this.#counts.events++;
    this.#writer.addEvent(event);
    this.#report();
  }

  #report(): void {
    this.#callbacks.onCounts({ ...this.#counts });
  }
}

/** Alt+Shift+M adds a marker, Alt+Shift+P pauses or resumes, Alt+Shift+S stops. */
export function isHotkey(event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'code'>): boolean {
  return event.altKey && event.shiftKey && ['KeyM', 'KeyP', 'KeyS'].includes(event.code);
}

const NO_ROOM_MESSAGE =
  'There is not enough free storage to record. Delete old recordings here, or free disk space on this device, then try again.';

function defaultTitle(): string {
  const when = new Date().toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return `Recording ${when}`;
}
