/** Messages between the page and the caption worker (workers/caption/worker.ts). */
import type { CaptionModel, RuntimeKind } from '../../models/registry';
import type { Rect } from '../../src/shared/geometry';
import type { WorkerFailure } from '../../src/shared/worker-error';

export type CaptionRequest =
  | {
      type: 'load';
      model: CaptionModel;
      /** Run on the CPU even where WebGPU exists (Settings, and tests on machines without a GPU). */
      preferCpu: boolean;
      /** Where the app serves ONNX Runtime's wasm files and its own models. */
      origin: string;
      /** Local only: a Hub model's files come from this browser's cache or not at all. */
      offline: boolean;
    }
  | { type: 'caption'; id: number; image: Blob; region?: Rect };

export type CaptionResponse =
  /** Bytes of the model's files loaded so far, summed over the files seen. */
  | { type: 'progress'; loaded: number; total: number; file: string }
  | { type: 'ready'; runtime: RuntimeKind; loadMs: number }
  | { type: 'caption'; id: number; text: string; ms: number }
  | ({ type: 'error'; id?: number } & WorkerFailure<'load' | 'caption'>);
