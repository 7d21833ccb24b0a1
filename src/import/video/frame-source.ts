/**
 * What a video decoder gives the import: frames sampled at SAMPLE_FPS on the
 * video's clock, one at a time, so only the frames the change detector keeps
 * are held. Two decoders implement it: WebCodecs (the browser's own decoder,
 * where it knows the container and codec) and ffmpeg.wasm (everything else).
 */

/** Frames sampled per second of video. */
// Six a second, as the live recorder samples: a person's actions a second apart each come
// between still frames (the change detector settles after 2 still samples, a third of a
// second), and the last letters typed before Enter show in a frame of their own (at 4 a
// second, "Walk the" of "Walk the dog" was often all the typing's last frame held).
export const SAMPLE_FPS = 6;
/** Frames wider than this are scaled down: enough for OCR, a quarter of 4K's pixels. */
export const MAX_WIDTH = 1280;

export type DecoderName = 'webcodecs' | 'ffmpeg-st' | 'ffmpeg-mt';

export interface SampledFrame {
  /** Milliseconds from the video's first frame. */
  t: number;
  image: CanvasImageSource & { width: number; height: number };
  /** The frame as a PNG (encoded when first asked for, where the decoder did not make one). */
  png(): Promise<Blob>;
  /** Frees the pixels; the frame is not used after this. */
  close(): void;
}

export interface FrameSource {
  decoder: DecoderName;
  durationMs: number;
  /** How many frames `frames()` will give, about (the last may be missing). */
  frameCount: number;
  frames(): AsyncGenerator<SampledFrame>;
  /** Frees the decoder (also after an error or cancel). */
  close(): void;
}

/** Progress of one stage, in frames. */
export interface ImportProgress {
  stage: string;
  done: number;
  total: number;
}

export class VideoImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VideoImportError';
  }
}

/** How many samples a video `durationS` long gives: one every 1/SAMPLE_FPS s while inside it, at least one. */
export function sampleCount(durationS: number): number {
  return Math.max(1, Math.ceil(durationS * SAMPLE_FPS - 1e-6));
}

/**
 * Sample times in seconds from `first`: every 1/SAMPLE_FPS s while inside the video, and
 * `lastFrame` (the start of the video's last frame) where the samples stop short of it. A
 * browser's WebM ends on the frame of its last change, which has no length of its own: the
 * samples inside the video miss it, and with it the screen the workflow ended on.
 */
export function sampleTimes(first: number, durationS: number, lastFrame?: number): number[] {
  const times = Array.from({ length: sampleCount(durationS) }, (_, index) => first + index / SAMPLE_FPS);
  if (lastFrame !== undefined && lastFrame - times.at(-1)! > 0.001) times.push(lastFrame);
  return times;
}

/** Output width for a video `width` pixels wide: at most MAX_WIDTH, even (some encoders and scalers need it). */
export function sampledWidth(width: number): number {
  const capped = Math.min(MAX_WIDTH, width);
  return Math.max(2, capped - (capped % 2));
}
