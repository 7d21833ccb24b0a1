/**
 * Which runtime a caption model runs on, detected once per worker:
 * WebGPU with `shader-f16` → half precision on the GPU; WebGPU without it →
 * a precision that needs no f16 shaders; no WebGPU (or no adapter) → wasm on the CPU.
 */
import type { RuntimeKind } from '../../../models/registry';

export interface GpuFacts {
  /** `navigator.gpu` exists and gave an adapter. */
  adapter: boolean;
  shaderF16: boolean;
}

export function chooseRuntime(gpu: GpuFacts, preferCpu = false): RuntimeKind {
  if (preferCpu || !gpu.adapter) return 'wasm';
  return gpu.shaderF16 ? 'webgpu-f16' : 'webgpu';
}

/** transformers.js's device name for a runtime. */
export function deviceFor(runtime: RuntimeKind): 'webgpu' | 'wasm' {
  return runtime === 'wasm' ? 'wasm' : 'webgpu';
}
