/**
 * The caption models the app knows: where each comes from, which task prompt
 * it is asked, which precision each of its ONNX modules loads in on each
 * runtime, and about how much that downloads once.
 *
 * Only Florence-2-shaped models (four sessions: vision_encoder, embed_tokens,
 * encoder_model, decoder_model_merged) are wired up; a model of another
 * architecture needs its own loader in workers/caption/worker.ts.
 */

/** The ONNX sessions a Florence-2 model is split into. */
export type Florence2Module = 'vision_encoder' | 'embed_tokens' | 'encoder_model' | 'decoder_model_merged';
/** transformers.js names for the precision of a module's weights (each a different file). */
export type ModuleDtype = 'fp32' | 'fp16' | 'q8' | 'q4';
export type DtypePlan = Record<Florence2Module, ModuleDtype>;

/** What the browser offers, detected once (see src/analyze/caption/runtime.ts). */
export type RuntimeKind = 'webgpu-f16' | 'webgpu' | 'wasm';

export interface CaptionModel {
  key: string;
  /** Shown in Settings. */
  name: string;
  /** A Hugging Face Hub repository, or a folder under the app's /models/. */
  repo: string;
  source: 'hub' | 'app';
  architecture: 'florence2';
  /** The Florence-2 task prompt: `<CAPTION>` gives one short sentence. */
  task: string;
  maxNewTokens: number;
  dtypes: Record<RuntimeKind, DtypePlan>;
  /** Download per runtime in MB, summed from the repository's file sizes (approximate). */
  downloadMB: Record<RuntimeKind, number>;
  licence: string;
  /** Not offered in Settings (the test model). */
  hidden?: boolean;
}

const allFp32: DtypePlan = {
  vision_encoder: 'fp32',
  embed_tokens: 'fp32',
  encoder_model: 'fp32',
  decoder_model_merged: 'fp32',
};

export const CAPTION_MODELS: readonly CaptionModel[] = [
  {
    key: 'florence-2-base-ft',
    name: 'Florence-2 base',
    repo: 'onnx-community/Florence-2-base-ft',
    source: 'hub',
    architecture: 'florence2',
    task: '<CAPTION>',
    maxNewTokens: 40,
    // As in the transformers.js Florence-2 WebGPU example: half precision where
    // the GPU has it, 4-bit matrix weights for the text model everywhere the
    // GPU runs, and 8-bit on the CPU, where the wasm backend is fastest with it.
    dtypes: {
      'webgpu-f16': { vision_encoder: 'fp16', embed_tokens: 'fp16', encoder_model: 'q4', decoder_model_merged: 'q4' },
      webgpu: { vision_encoder: 'q4', embed_tokens: 'fp32', encoder_model: 'q4', decoder_model_merged: 'q4' },
      wasm: { vision_encoder: 'q8', embed_tokens: 'q8', encoder_model: 'q8', decoder_model_merged: 'q8' },
    },
    // fp32 files on the Hub: vision 367, embeddings 158, encoder 173, decoder 388 MB;
    // fp16 is half, q8 a quarter; the q4 files are 81, 30 and 64 MB (embeddings stay 158).
    downloadMB: { 'webgpu-f16': 357, webgpu: 333, wasm: 272 },
    licence: 'MIT',
  },
  {
    key: 'tiny-florence2',
    name: 'Tiny test model (random captions)',
    repo: 'tiny-florence2',
    source: 'app',
    architecture: 'florence2',
    task: '<CAPTION>',
    maxNewTokens: 24,
    dtypes: { 'webgpu-f16': allFp32, webgpu: allFp32, wasm: allFp32 },
    downloadMB: { 'webgpu-f16': 0.2, webgpu: 0.2, wasm: 0.2 },
    licence: 'MIT',
    hidden: true,
  },
];

export const DEFAULT_CAPTION_MODEL = 'florence-2-base-ft';

export function captionModel(key: string): CaptionModel | undefined {
  return CAPTION_MODELS.find((model) => model.key === key);
}
