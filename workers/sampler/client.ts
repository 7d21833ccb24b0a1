/**
 * The page's side of the sampler: feeds it the capture and forwards its changes.
 *
 * Where Chrome's MediaStreamTrackProcessor exists its frame stream is
 * transferred to the worker, so frames never touch the page's thread. Elsewhere
 * a hidden <video> is sampled with createImageBitmap at the same rate.
 */
import type { Rect } from '../../src/shared/geometry';
import {
  defaultSamplerConfig,
  type FromSampler,
  type SamplerConfig,
  type SamplerStage,
  type SamplerStats,
  type ToSampler,
  type VisualChange,
} from './types';

export interface SamplerCallbacks {
  onChange(change: VisualChange): void;
  onStats?(stats: SamplerStats): void;
  onError?(message: string): void;
}

const STOP_TIMEOUT_MS = 10_000;

/** What a failure in each stage means for the recording, said first. */
const STAGE_FAILURES: Record<SamplerStage, string> = {
  keyframes: 'Could not store key frames',
  frame: 'A frame could not be read',
  stream: 'Frame sampling stopped',
};

export class SamplerClient {
  readonly #worker: Worker;
  readonly #callbacks: SamplerCallbacks;
  readonly #track: MediaStreamTrack;
  #fallback: { video: HTMLVideoElement; timer: ReturnType<typeof setInterval> } | null = null;
  #stopped: ((stats: SamplerStats | null) => void) | null = null;

  constructor(track: MediaStreamTrack, callbacks: SamplerCallbacks, config: Partial<SamplerConfig> = {}) {
    this.#callbacks = callbacks;
    // A clone: ending the sampler must not end the recording's track.
    this.#track = track.clone();
    this.#worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'sampler' });
    this.#worker.addEventListener('message', (event: MessageEvent<FromSampler>) => this.#receive(event.data));
    this.#worker.addEventListener('error', (event) =>
      callbacks.onError?.(event.message || 'The sampler worker failed'),
    );
    const full = { ...defaultSamplerConfig, ...config };
    // Typed here, not from the globals: the full typings (pulled in by mediabunny) split it by track kind.
    const Processor = window.MediaStreamTrackProcessor as unknown as
      | (new (init: { track: MediaStreamTrack; maxBufferSize: number }) => { readable: ReadableStream<VideoFrame> })
      | undefined;
    if (Processor) {
      const processor = new Processor({ track: this.#track, maxBufferSize: 2 });
      this.#post({ type: 'start', config: full, frames: processor.readable }, [processor.readable]);
    } else {
      this.#post({ type: 'start', config: full, frames: null });
      this.#startFallback(full.fps);
    }
  }

  pause(): void {
    this.#post({ type: 'pause' });
  }

  resume(): void {
    this.#post({ type: 'resume' });
  }

  /** Areas of the frame (shares, 0–1) the sampler stops looking at: the recorder's own windows. */
  ignore(areas: Rect[]): void {
    this.#post({ type: 'ignore', areas });
  }

  /** Flushes the last change and ends the worker; resolves with its statistics. */
  stop(): Promise<SamplerStats | null> {
    this.#stopFallback();
    const done = new Promise<SamplerStats | null>((resolve) => {
      this.#stopped = resolve;
      setTimeout(() => resolve(null), STOP_TIMEOUT_MS);
    });
    this.#post({ type: 'stop' });
    return done.finally(() => this.#dispose());
  }

  /** Ends at once, dropping whatever the worker still had in hand. */
  abort(): void {
    this.#stopFallback();
    this.#dispose();
    this.#stopped?.(null);
  }

  #dispose(): void {
    this.#worker.terminate();
    this.#track.stop();
  }

  #post(message: ToSampler, transfer: Transferable[] = []): void {
    this.#worker.postMessage(message, transfer);
  }

  #receive(message: FromSampler): void {
    switch (message.type) {
      case 'change':
        this.#callbacks.onChange(message.change);
        break;
      case 'stats':
        this.#callbacks.onStats?.(message.stats);
        break;
      case 'stopped':
        this.#callbacks.onStats?.(message.stats);
        this.#stopped?.(message.stats);
        break;
      case 'error':
        this.#callbacks.onError?.(`${STAGE_FAILURES[message.stage]}: ${message.message}`);
        break;
      default:
        message satisfies never;
    }
  }

  #startFallback(fps: number): void {
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = new MediaStream([this.#track]);
    void video.play().catch(() => undefined);
    const timer = setInterval(() => {
      if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return;
      const at = performance.timeOrigin + performance.now();
      createImageBitmap(video).then(
        (bitmap) => this.#post({ type: 'frame', bitmap, at }, [bitmap]),
        () => undefined, // a frame that cannot be read is skipped; the next one comes soon
      );
    }, 1000 / fps);
    this.#fallback = { video, timer };
  }

  #stopFallback(): void {
    if (!this.#fallback) return;
    clearInterval(this.#fallback.timer);
    this.#fallback.video.srcObject = null;
    this.#fallback = null;
  }
}
