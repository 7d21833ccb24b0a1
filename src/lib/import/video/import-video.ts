/**
 * A video file as a recording: frames from ffmpeg.wasm, screen changes found by
 * the same detector the live recorder uses, the changes' before and after
 * frames stored as key frames and the file itself as the recording's video.
 * Written in one transaction: a failed import leaves nothing behind.
 */
import { ChangeDetector } from '../../../../workers/sampler/detector';
import { LumaReader } from '../../../../workers/sampler/luma';
import type { FrameRecord, RecordingRecord } from '../../db';
import type { EventRecord, NewEvent } from '../../events';
import { storeImported } from '../store';
import { extractFrames, type ExtractProgress } from './extract';

/** Width of the luma grid the detector compares (as the live sampler). */
const GRID_WIDTH = 320;

export interface VideoImportOptions {
  signal?: AbortSignal;
  onProgress?: (stage: string, progress: ExtractProgress) => void;
  /** Events known from elsewhere (a pack2skill 0.1 session), on the video's clock; points in `eventSize` pixels. */
  events?: NewEvent[];
  eventSize?: { width: number; height: number };
  title?: string;
  sourceLabel?: string;
}

export async function importVideo(file: File, options: VideoImportOptions = {}): Promise<RecordingRecord> {
  const extractStarted = performance.now();
  const { frames, durationMs, multiThread } = await extractFrames(file, {
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (progress) => options.onProgress?.('Reading the video', progress),
  });
  const extractMs = performance.now() - extractStarted;
  const detectStarted = performance.now();
  const id = crypto.randomUUID();
  // Handles are frame indexes: nothing to free, so retain/release only count.
  const detector = new ChangeDetector<number>({ retain: () => undefined, release: () => undefined });
  const luma = new LumaReader(GRID_WIDTH);
  const changes = [];
  let size = { width: 0, height: 0 };
  for (const [index, frame] of frames.entries()) {
    options.signal?.throwIfAborted();
    options.onProgress?.('Finding screen changes', { doneS: frame.t / 1000, totalS: durationMs / 1000 });
    const bitmap = await createImageBitmap(frame.blob);
    size = { width: bitmap.width, height: bitmap.height };
    changes.push(...detector.push(luma.read(bitmap, frame.t), index));
    bitmap.close();
  }
  changes.push(...detector.flush());

  const stored = new Map<number, FrameRecord>();
  const frameId = (index: number, role: 'before' | 'after') => {
    if (!stored.has(index)) {
      stored.set(index, {
        id: `${id}:frame-${index}`,
        recordingId: id,
        t: frames[index]!.t,
        role,
        ...size,
        blob: frames[index]!.blob,
      });
    }
    return stored.get(index)!.id;
  };
  const visual: EventRecord[] = changes.map((change) => {
    const scale = size.width / change.width;
    return {
      recordingId: id,
      t: change.startT,
      endT: change.endT,
      type: 'visual',
      source: 'visual',
      box: {
        x: Math.round(change.box.x * scale),
        y: Math.round(change.box.y * scale),
        width: Math.round(change.box.width * scale),
        height: Math.round(change.box.height * scale),
      },
      fraction: change.fraction,
      beforeFrameId: frameId(change.before, 'before'),
      afterFrameId: frameId(change.after, 'after'),
    };
  });
  // Known events are scaled onto the frames' pixels (a session may state another resolution).
  const sx = options.eventSize ? size.width / options.eventSize.width : 1;
  const sy = options.eventSize ? size.height / options.eventSize.height : 1;
  const known: EventRecord[] = (options.events ?? []).map((event) => ({
    ...event,
    recordingId: id,
    ...(event.point ? { point: { x: Math.round(event.point.x * sx), y: Math.round(event.point.y * sy) } } : {}),
  }));
  const events = [...known, ...visual].sort((a, b) => a.t - b.t);
  const keyFrames = [...stored.values()];
  const recording: RecordingRecord = {
    id,
    title: options.title ?? (file.name.replace(/\.[^.]+$/, '') || 'Imported video'),
    createdAt: file.lastModified || Date.now(),
    updatedAt: Date.now(),
    status: 'complete',
    durationMs,
    mimeType: file.type || 'video/*',
    surface: 'import',
    sourceLabel: options.sourceLabel ?? `video file (${file.name})`,
    width: size.width,
    height: size.height,
    selfCapture: false,
    chunkCount: 1,
    bytes: file.size,
    keyframeCount: keyFrames.length,
    eventCount: events.length,
    durationWritten: true,
    importStats: { frames: frames.length, extractMs, detectMs: performance.now() - detectStarted, multiThread },
  };
  // The file itself is the video: it plays as it is where the browser knows its format.
  return storeImported(recording, keyFrames, events, { recordingId: id, seq: 0, t: durationMs, blob: file });
}
