/**
 * The page's handle on the caption worker: created on first use, one model at
 * a time (changing the model disposes of the worker), download progress passed
 * on. Aborting a call terminates the worker and rejects what was pending, as
 * ONNX Runtime cannot be interrupted mid-run.
 */
import type { CaptionModel, RuntimeKind } from '../../models/registry';
import type { Rect } from '../../src/shared/geometry';
import type { CaptionRequest, CaptionResponse } from './types';

export interface LoadOptions {
  preferCpu?: boolean;
  onProgress?: (loaded: number, total: number) => void;
  /** Local only: no request to the Hub (cached files or a failed load). */
  offline?: boolean;
  signal?: AbortSignal;
}

export interface Loaded {
  runtime: RuntimeKind;
  loadMs: number;
}

interface Pending {
  resolve: (value: { text: string; ms: number }) => void;
  reject: (reason: unknown) => void;
}

export class CaptionClient {
  #worker: Worker | null = null;
  #modelKey: string | null = null;
  #ready: Promise<Loaded> | null = null;
  #onProgress: LoadOptions['onProgress'];
  #settleLoad: { resolve: (value: Loaded) => void; reject: (reason: unknown) => void } | null = null;
  #pending = new Map<number, Pending>();
  #nextId = 1;

  /** Loads `model` (once; later calls for the same model share the first). */
  load(model: CaptionModel, options: LoadOptions = {}): Promise<Loaded> {
    if (this.#modelKey !== model.key) this.dispose();
    this.#onProgress = options.onProgress;
    if (!this.#ready) {
      this.#modelKey = model.key;
      this.#ready = new Promise<Loaded>((resolve, reject) => {
        this.#settleLoad = { resolve, reject };
        this.#send({
          type: 'load',
          model,
          preferCpu: options.preferCpu ?? false,
          origin: location.origin,
          offline: options.offline ?? false,
        });
      });
      // A model that failed to load is not kept: the next call tries again from scratch.
      this.#ready.catch(() => this.dispose());
    }
    return abortable(this.#ready, options.signal, () => this.dispose());
  }

  /** One caption for `image`, or the part of it around `region`. */
  caption(image: Blob, region: Rect | undefined, signal?: AbortSignal): Promise<{ text: string; ms: number }> {
    if (!this.#worker || !this.#ready) return Promise.reject(new Error('No caption model is loaded'));
    const id = this.#nextId++;
    const result = new Promise<{ text: string; ms: number }>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
    });
    this.#send({ type: 'caption', id, image, ...(region ? { region } : {}) });
    return abortable(result, signal, () => this.dispose());
  }

  /** Ends the worker and its model; pending calls are rejected. */
  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#modelKey = null;
    this.#ready = null;
    const stopped = new Error('The caption model was stopped');
    this.#settleLoad?.reject(stopped);
    this.#settleLoad = null;
    for (const pending of this.#pending.values()) pending.reject(stopped);
    this.#pending.clear();
  }

  #send(request: CaptionRequest): void {
    this.#worker ??= this.#start();
    this.#worker.postMessage(request);
  }

  #start(): Worker {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'caption' });
    worker.onmessage = (event: MessageEvent<CaptionResponse>) => this.#receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      const error = new Error(event.message || 'The caption worker could not start');
      this.#settleLoad?.reject(error);
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    return worker;
  }

  #receive(message: CaptionResponse): void {
    switch (message.type) {
      case 'progress':
        this.#onProgress?.(message.loaded, message.total);
        return;
      case 'ready':
        this.#settleLoad?.resolve({ runtime: message.runtime, loadMs: message.loadMs });
        this.#settleLoad = null;
        return;
      case 'caption':
        this.#pending.get(message.id)?.resolve({ text: message.text, ms: message.ms });
        this.#pending.delete(message.id);
        return;
      case 'error': {
        const error = new Error(message.message);
        if (message.stage === 'load') {
          this.#settleLoad?.reject(error);
          this.#settleLoad = null;
        } else if (message.id !== undefined) {
          this.#pending.get(message.id)?.reject(error);
          this.#pending.delete(message.id);
        }
        return;
      }
      default:
        message satisfies never;
    }
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort: () => void): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    onAbort();
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort();
      reject(signal.reason);
    };
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
