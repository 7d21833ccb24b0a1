import { describe, expect, it } from 'vitest';
import { CAPTION_MODELS } from '../../../models/registry';
import { captionArea, MIN_CAPTION_SIDE } from './area';
import { chooseRuntime, deviceFor } from './runtime';

describe('chooseRuntime', () => {
  it('uses half precision on a GPU with shader-f16, another plan on one without, wasm with no adapter', () => {
    expect(chooseRuntime({ adapter: true, shaderF16: true })).toBe('webgpu-f16');
    expect(chooseRuntime({ adapter: true, shaderF16: false })).toBe('webgpu');
    expect(chooseRuntime({ adapter: false, shaderF16: false })).toBe('wasm');
    expect(chooseRuntime({ adapter: true, shaderF16: true }, true)).toBe('wasm');
    expect(deviceFor('webgpu-f16')).toBe('webgpu');
    expect(deviceFor('wasm')).toBe('wasm');
  });

  it('never asks a GPU without shader-f16 for fp16 weights', () => {
    for (const model of CAPTION_MODELS) {
      expect(Object.values(model.dtypes.webgpu)).not.toContain('fp16');
      expect(Object.values(model.dtypes.wasm)).not.toContain('fp16');
    }
  });
});

describe('captionArea', () => {
  const frame = { width: 1280, height: 720 };

  it('is the whole frame when no region is known', () => {
    expect(captionArea(undefined, frame)).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  });

  it('centres a small region in an area of the minimum side', () => {
    expect(captionArea({ x: 600, y: 300, width: 80, height: 40 }, frame)).toEqual({
      x: 640 - MIN_CAPTION_SIDE / 2,
      y: 320 - MIN_CAPTION_SIDE / 2,
      width: MIN_CAPTION_SIDE,
      height: MIN_CAPTION_SIDE,
    });
  });

  it('stays inside the frame at its edges and doubles large regions', () => {
    expect(captionArea({ x: 1250, y: 700, width: 30, height: 20 }, frame)).toEqual({
      x: 1280 - MIN_CAPTION_SIDE,
      y: 720 - MIN_CAPTION_SIDE,
      width: MIN_CAPTION_SIDE,
      height: MIN_CAPTION_SIDE,
    });
    expect(captionArea({ x: 100, y: 100, width: 500, height: 300 }, frame)).toEqual({
      x: 0,
      y: 0,
      width: 1000,
      height: 600,
    });
  });
});
