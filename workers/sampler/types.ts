/** Messages and shapes shared by the sampler worker and the page. */
import type { PixelChange } from '../../src/capture/changes/visual-change';
import type { WorkerFailure } from '../../src/shared/worker-error';
import type { DetectorOptions } from '../../src/capture/changes/detector';
import type { Rect } from '../../src/shared/geometry';

export interface SamplerConfig {
  /** Samples per second taken from the capture (more frames are dropped unread). */
  fps: number;
  /** Width of the luma grid changes are detected on. */
  gridWidth: number;
  /** Image type of the stored key frames. */
  keyframeType: 'image/png' | 'image/webp';
  detector?: Partial<DetectorOptions>;
}

export const defaultSamplerConfig: SamplerConfig = {
  fps: 6,
  gridWidth: 320,
  // PNG keeps UI text crisp for OCR; flat UI screens compress well.
  keyframeType: 'image/png',
};

/** `startT`/`endT` in epoch ms (the first sample that differed, the first still one after it); `box` in the captured video's pixels. */
export interface VisualChange extends PixelChange {
  /** The last still frame before the change, full resolution. */
  before: Blob;
  /** The first still frame after it, full resolution. */
  after: Blob;
}

export interface SamplerStats {
  /** Frames the capture delivered (tab capture sends one only when the page repaints). */
  framesSeen: number;
  /** Frames compared with their predecessor. */
  framesSampled: number;
  /** Intervals with no new frame, in which the screen was known to be still. */
  stillTicks: number;
  changes: number;
  keyframeBytes: number;
  /** Screen evaluations per second (sampled frames + still ticks), unpaused time only. */
  sampleFps: number;
}

/** What the sampler was doing when it failed. */
export type SamplerStage = 'keyframes' | 'frame' | 'stream';

export type ToSampler =
  | { type: 'start'; config: SamplerConfig; frames: ReadableStream<VideoFrame> | null }
  | { type: 'frame'; bitmap: ImageBitmap; at: number }
  | { type: 'pause' }
  | { type: 'resume' }
  /** Areas of the frame (shares, 0–1) not to look at from now on: the recorder's own windows. */
  | { type: 'ignore'; areas: Rect[] }
  | { type: 'stop' };

export type FromSampler =
  | { type: 'change'; change: VisualChange }
  | { type: 'stats'; stats: SamplerStats }
  | { type: 'stopped'; stats: SamplerStats }
  | ({ type: 'error' } & WorkerFailure<SamplerStage>);
