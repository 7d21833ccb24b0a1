/**
 * The sampler: reads the live capture, detects visual changes and keeps their
 * before/after key frames. It holds at most a handful of frames at a time
 * (the detector's references), however long the recording runs.
 */
import { ChangeDetector, type DetectedChange } from '../../src/capture/changes/detector';
import { FrameHandles, type FrameHandle } from '../../src/capture/changes/handles';
import { LumaReader } from '../../src/capture/changes/luma';
import { toPixelChange } from '../../src/capture/changes/visual-change';
import { workerFailure } from '../../src/shared/worker-error';
import type { FromSampler, SamplerConfig, SamplerStats, ToSampler } from './types';

const handles = new FrameHandles<ImageBitmap>((bitmap) => bitmap.close());

let config: SamplerConfig | null = null;
let detector: ChangeDetector<FrameHandle<ImageBitmap>> | null = null;
let reader: ReadableStreamDefaultReader<VideoFrame> | null = null;
let ticker: ReturnType<typeof setInterval> | undefined;
let paused = false;
let lastSampleAt = 0;
let lastTickAt = 0;
let pending: { frame: VideoFrame; at: number } | null = null;
let sampling: Promise<void> = Promise.resolve();
let activeMs = 0;
let activeSince = 0;
let encoding: Promise<void> = Promise.resolve();
let lumaReader: LumaReader | null = null;
let lastStatsAt = 0;
const stats: SamplerStats = {
  framesSeen: 0,
  framesSampled: 0,
  stillTicks: 0,
  changes: 0,
  keyframeBytes: 0,
  sampleFps: 0,
};

function send(message: FromSampler): void {
  postMessage(message);
}

function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

function intervalMs(): number {
  return 1000 / (config?.fps ?? 6);
}

async function encode(bitmap: ImageBitmap): Promise<Blob> {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas is not available in this worker');
  ctx.drawImage(bitmap, 0, 0);
  return canvas.convertToBlob({ type: config?.keyframeType ?? 'image/png' });
}

/** Encodes key frames one change at a time, in order, then hands them to the page. */
function emit(changes: DetectedChange<FrameHandle<ImageBitmap>>[]): void {
  for (const change of changes) {
    encoding = encoding.then(async () => {
      try {
        const [before, after] = await Promise.all([encode(change.before.frame), encode(change.after.frame)]);
        stats.changes++;
        stats.keyframeBytes += before.size + after.size;
        send({
          type: 'change',
          change: { ...toPixelChange(change, change.after.frame), before, after },
        });
      } catch (error) {
        send({ type: 'error', ...workerFailure('keyframes', error) });
      } finally {
        handles.release(change.before);
        handles.release(change.after);
      }
    });
  }
}

function sample(bitmap: ImageBitmap, at: number): void {
  if (!detector || !config) {
    bitmap.close();
    return;
  }
  stats.framesSampled++;
  lastSampleAt = at;
  lumaReader ??= new LumaReader(config.gridWidth);
  const luma = lumaReader.read(bitmap, at);
  emit(detector.push(luma, handles.add(bitmap)));
}

/**
 * A frame from the capture. Frames closer together than the sampling interval
 * are not sampled at once, but the latest one is kept: tab capture only sends
 * frames when the page repaints, so the last frame of a burst may be the only
 * one showing the result of an action.
 */
function onFrame(frame: VideoFrame): void {
  stats.framesSeen++;
  if (paused) {
    frame.close();
    return;
  }
  const at = epochNow();
  dropPending(); // a newer frame supersedes any held back
  if (at - lastSampleAt >= intervalMs() * 0.9) void sampleVideoFrame(frame, at);
  else pending = { frame, at };
}

function dropPending(): void {
  pending?.frame.close();
  pending = null;
}

/** Samples in arrival order: the bitmap is made at once, the detector fed in turn. */
function sampleVideoFrame(frame: VideoFrame, at: number): Promise<void> {
  lastSampleAt = at;
  const bitmap = createImageBitmap(frame).finally(() => frame.close()); // free the capture's buffer: its pool is small
  sampling = sampling.then(async () => {
    try {
      sample(await bitmap, at);
    } catch (error) {
      send({ type: 'error', ...workerFailure('frame', error) });
    }
  });
  return sampling;
}

async function readFrames(frames: ReadableStream<VideoFrame>): Promise<void> {
  reader = frames.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      onFrame(value);
    }
  } catch (error) {
    if (reader) send({ type: 'error', ...workerFailure('stream', error) });
  }
}

/**
 * Runs twice per sampling interval: samples a held-back frame once its turn
 * comes, and otherwise lets time pass for the detector, since a still page
 * sends no frames at all.
 */
function onTick(): void {
  if (paused || !detector) return;
  const now = epochNow();
  const interval = intervalMs();
  if (pending && now - lastSampleAt >= interval) {
    const { frame } = pending;
    pending = null;
    void sampleVideoFrame(frame, now);
  } else if (!pending && now - lastSampleAt >= interval * 0.9 && now - lastTickAt >= interval * 0.9) {
    lastTickAt = now;
    stats.stillTicks++;
    emit(detector.tick());
  }
  if (now - lastStatsAt >= 2000) {
    lastStatsAt = now;
    stats.sampleFps = sampleFps();
    send({ type: 'stats', stats: { ...stats } });
  }
}

function start(nextConfig: SamplerConfig, frames: ReadableStream<VideoFrame> | null): void {
  config = nextConfig;
  lumaReader = new LumaReader(nextConfig.gridWidth);
  detector = new ChangeDetector(handles, nextConfig.detector);
  activeSince = epochNow();
  ticker = setInterval(onTick, intervalMs() / 2);
  if (frames) void readFrames(frames);
}

function sampleFps(): number {
  const ms = activeMs + (paused ? 0 : epochNow() - activeSince);
  return ms > 0 ? Math.round(((stats.framesSampled + stats.stillTicks) / ms) * 10_000) / 10 : 0;
}

async function stop(): Promise<void> {
  clearInterval(ticker);
  const current = reader;
  reader = null;
  await current?.cancel().catch(() => undefined);
  if (pending) {
    const { frame, at } = pending;
    pending = null;
    void sampleVideoFrame(frame, at);
  }
  await sampling;
  if (detector) emit(detector.flush());
  await encoding;
  stats.sampleFps = sampleFps();
  detector?.dispose();
  detector = null;
  send({ type: 'stopped', stats: { ...stats } });
}

addEventListener('message', (event: MessageEvent<ToSampler>) => {
  const message = event.data;
  switch (message.type) {
    case 'start':
      start(message.config, message.frames);
      break;
    case 'frame':
      stats.framesSeen++;
      if (paused) message.bitmap.close();
      else sample(message.bitmap, message.at);
      break;
    case 'pause':
      if (!paused) activeMs += epochNow() - activeSince;
      paused = true;
      break;
    case 'resume':
      if (paused) activeSince = epochNow();
      paused = false;
      break;
    case 'ignore':
      detector?.ignore(message.areas);
      break;
    case 'stop':
      void stop();
      break;
    default:
      message satisfies never;
  }
});
