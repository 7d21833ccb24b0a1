/**
 * Captions key frames with a Florence-2 model through transformers.js, on
 * WebGPU where the browser has it and on wasm otherwise. One model at a time:
 * the page disposes of this worker to change it (workers/caption/client.ts).
 */
import {
  AutoProcessor,
  env,
  Florence2ForConditionalGeneration,
  Florence2Processor,
  RawImage,
  type PreTrainedModel,
  type ProgressInfo,
} from '@huggingface/transformers';
// ONNX Runtime's wasm build, emitted with the app (the default would load it from a CDN).
import ortFactoryUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import type { CaptionModel, RuntimeKind } from '../../models/registry';
import type { Rect } from '../../src/shared/geometry';
import { captionArea } from '../../src/analyze/caption/area';
import { chooseRuntime, deviceFor, type GpuFacts } from '../../src/analyze/caption/runtime';
import { workerFailure } from '../../src/shared/worker-error';
import type { CaptionRequest, CaptionResponse } from './types';

interface Loaded {
  spec: CaptionModel;
  model: PreTrainedModel;
  processor: Florence2Processor;
}

let loaded: Loaded | null = null;
// Requests run one after another: ONNX Runtime sessions cannot run concurrently here.
let queue: Promise<void> = Promise.resolve();

const post = (message: CaptionResponse) => self.postMessage(message);

self.onmessage = (event: MessageEvent<CaptionRequest>) => {
  const request = event.data;
  queue = queue.then(() => handle(request));
};

async function handle(request: CaptionRequest): Promise<void> {
  switch (request.type) {
    case 'load':
      try {
        const started = performance.now();
        const runtime = await load(request.model, request.preferCpu, request.origin, request.offline);
        post({ type: 'ready', runtime, loadMs: performance.now() - started });
      } catch (error) {
        post({ type: 'error', ...workerFailure('load', error) });
      }
      return;
    case 'caption':
      try {
        const started = performance.now();
        const text = await caption(request.image, request.region);
        post({ type: 'caption', id: request.id, text, ms: performance.now() - started });
      } catch (error) {
        post({ type: 'error', id: request.id, ...workerFailure('caption', error) });
      }
      return;
    default:
      request satisfies never;
  }
}

async function load(spec: CaptionModel, preferCpu: boolean, origin: string, offline: boolean): Promise<RuntimeKind> {
  // Models the app ships come from its own origin; Hub models from the Hub
  // once, then from the browser's cache (transformers.js keeps them there).
  // Under Local only the Hub is never asked: the browser's cache has the files or the load
  // fails. (transformers.js reads its cache only when local or remote models are allowed:
  // local ones are, and a miss asks the app's own /models/, which has none.)
  env.allowLocalModels = spec.source === 'app' || offline;
  env.allowRemoteModels = spec.source === 'hub' && !offline;
  // A path, not a URL: transformers.js checks local files exist only for paths.
  env.localModelPath = '/models/';
  env.useBrowserCache = true;
  // ONNX Runtime's glue is imported from the app's URL, not copied into a blob: URL (which the
  // app's Content-Security-Policy refuses to run); the service worker keeps it for offline use.
  env.useWasmCache = false;
  const wasm = env.backends.onnx.wasm;
  if (wasm) {
    wasm.wasmPaths = { mjs: new URL(ortFactoryUrl, origin).href, wasm: new URL(ortWasmUrl, origin).href };
  }

  const progress = downloadProgress();
  const processor = await AutoProcessor.from_pretrained(spec.repo, { progress_callback: progress });
  if (!(processor instanceof Florence2Processor)) throw new Error(`${spec.name} has no Florence-2 processor`);

  let runtime = chooseRuntime(await gpuFacts(), preferCpu);
  let model: PreTrainedModel;
  try {
    model = await loadModel(spec, runtime, progress);
  } catch (error) {
    if (runtime === 'wasm') throw error;
    // A GPU that cannot run the model (driver, memory, missing kernels): the CPU still can.
    console.warn('Caption model failed on WebGPU, using wasm:', error);
    runtime = 'wasm';
    model = await loadModel(spec, runtime, progress);
  }
  await loaded?.model.dispose();
  loaded = { spec, model, processor };
  // One warm-up run compiles the kernels, so the first real caption is not the slow one.
  await describe(new RawImage(new Uint8ClampedArray(32 * 32 * 3).fill(255), 32, 32, 3), 1);
  return runtime;
}

async function loadModel(spec: CaptionModel, runtime: RuntimeKind, progress: (info: ProgressInfo) => void) {
  return Florence2ForConditionalGeneration.from_pretrained(spec.repo, {
    device: deviceFor(runtime),
    dtype: spec.dtypes[runtime],
    progress_callback: progress,
  });
}

/** Sums byte progress over every file, so the page can show one bar for the whole model. */
function downloadProgress(): (info: ProgressInfo) => void {
  const files = new Map<string, { loaded: number; total: number }>();
  return (info) => {
    if (info.status !== 'progress') return;
    files.set(info.file, { loaded: info.loaded, total: info.total });
    let loadedBytes = 0;
    let totalBytes = 0;
    for (const file of files.values()) {
      loadedBytes += file.loaded;
      totalBytes += file.total;
    }
    post({ type: 'progress', loaded: loadedBytes, total: totalBytes, file: info.file });
  };
}

async function gpuFacts(): Promise<GpuFacts> {
  if (!('gpu' in navigator) || !navigator.gpu) return { adapter: false, shaderF16: false };
  try {
    const adapter = await navigator.gpu.requestAdapter();
    return { adapter: adapter !== null, shaderF16: adapter?.features.has('shader-f16') ?? false };
  } catch {
    return { adapter: false, shaderF16: false };
  }
}

async function caption(image: Blob, region: Rect | undefined): Promise<string> {
  if (!loaded) throw new Error('No caption model is loaded');
  const bitmap = await createImageBitmap(image);
  const area = captionArea(region, bitmap);
  const canvas = new OffscreenCanvas(area.width, area.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is not available');
  ctx.drawImage(bitmap, area.x, area.y, area.width, area.height, 0, 0, area.width, area.height);
  bitmap.close();
  const pixels = ctx.getImageData(0, 0, area.width, area.height);
  const raw = new RawImage(pixels.data, area.width, area.height, 4).rgb();
  return describe(raw, loaded.spec.maxNewTokens);
}

async function describe(image: RawImage, maxNewTokens: number): Promise<string> {
  if (!loaded) throw new Error('No caption model is loaded');
  const { model, processor, spec } = loaded;
  const inputs = await processor(image, spec.task);
  const ids = await model.generate({
    ...inputs,
    max_new_tokens: maxNewTokens,
    do_sample: false,
    num_beams: 1,
    no_repeat_ngram_size: 3,
  });
  const [text = ''] = processor.batch_decode(ids as never, { skip_special_tokens: false });
  const answer = processor.post_process_generation(text, spec.task, image.size as [number, number])[spec.task];
  return typeof answer === 'string' ? answer.trim() : '';
}
