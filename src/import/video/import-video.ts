/**
 * A video file as a recording: frames from a decoder (WebCodecs where the
 * browser can, ffmpeg.wasm otherwise), screen changes found by the same
 * detector the live recorder uses, the changes' before and after frames stored
 * as key frames and the file itself as the recording's video. Written in one
 * transaction: a failed import leaves nothing behind.
 */
import { defaultSamplerConfig } from '../../../workers/sampler/types';
import { ChangeDetector, withoutClocks, type DetectedChange } from '../../capture/changes/detector';
import { FrameHandles, type FrameHandle } from '../../capture/changes/handles';
import { LumaReader } from '../../capture/changes/luma';
import { toPixelChange, visualEvent, withPointer, type PixelChange } from '../../capture/changes/visual-change';
import type { FrameRecord, RecordingRecord } from '../../storage/db';
import type { EventRecord, NewEvent } from '../../capture/events';
import { storeImported } from '../store';
import { chooseDecoder } from './decoder-choice';
import { openFfmpegSource } from './ffmpeg-source';
import { isRecordingStart } from './opening';
import { SAMPLE_FPS, type DecoderName, type FrameSource, type ImportProgress, type SampledFrame } from './frame-source';
import { openWebCodecsSource } from './webcodecs-source';

export interface VideoImportOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Events known from elsewhere (a pack2skill 0.1 session), on the video's clock; points in `eventSize` pixels. */
  events?: NewEvent[];
  eventSize?: { width: number; height: number };
  title?: string;
  description?: string;
  sourceLabel?: string;
}

/**
 * An action's frame is the one sampled at least this long before its logged time: a
 * logger's clock and the video's differ by that much, and the screen must not yet
 * show what the action did (the text typed, the menu opened).
 */
const ACTION_LEAD_MS = 150;

type KeptChange = PixelChange & { before: number; after: number };

/** What one pass of the detector over a source found. */
interface FoundChanges {
  decoder: DecoderName;
  durationMs: number;
  frameCount: number;
  size: { width: number; height: number };
  /** In the frames' pixels; `before`/`after` are frame indexes into `keyFrames`. */
  changes: KeptChange[];
  /** PNGs of the frames the changes start and end on, and those known actions happened on, by frame index. */
  keyFrames: Map<number, { t: number; blob: Blob }>;
  /** For each known action (index into `options.events`), the frame it happened on. */
  actionFrames: Map<number, number>;
  decodeMs: number;
  detectMs: number;
  /** Whether the video shows a mouse pointer (seen moving). */
  showsPointer: boolean;
}

export async function importVideo(file: File, options: VideoImportOptions = {}): Promise<RecordingRecord> {
  const started = performance.now();
  let found: FoundChanges | null = null;
  if (chooseDecoder() === 'webcodecs') {
    options.onProgress?.({ stage: 'Opening the video', done: 0, total: 0 });
    const opening = performance.now();
    const source = await openWebCodecsSource(file);
    if (source) {
      try {
        found = await findChanges(source, options, performance.now() - opening);
      } catch (error) {
        options.signal?.throwIfAborted();
        // The browser's decoder gave up part way (a damaged packet, say): ffmpeg reads from the start again.
        console.warn(`WebCodecs could not decode ${file.name}; trying ffmpeg.wasm`, error);
      } finally {
        source.close();
      }
    }
  }
  if (!found) {
    options.onProgress?.({ stage: 'Loading ffmpeg', done: 0, total: 0 });
    const opening = performance.now();
    const source = await openFfmpegSource(file, options);
    try {
      found = await findChanges(source, options, performance.now() - opening);
    } finally {
      source.close();
    }
  }
  return store(file, found, options, performance.now() - started);
}

/** `openMs`: the time opening the source took, counted as decoding (ffmpeg.wasm decodes its first segment then). */
async function findChanges(source: FrameSource, options: VideoImportOptions, openMs: number): Promise<FoundChanges> {
  // Only the frames the detector holds on to stay open; the rest are closed as soon as read.
  type Indexed = { sampled: SampledFrame; index: number };
  const frames = new FrameHandles<Indexed>((frame) => frame.sampled.close());
  // A video may show a pointer (a screen recorded) or not (a tab): its old place is left out
  // of changes once it is seen moving.
  const detector = new ChangeDetector<FrameHandle<Indexed>>(frames, { pointer: 'when-seen' });
  const luma = new LumaReader(defaultSamplerConfig.gridWidth);
  const found: FoundChanges = {
    decoder: source.decoder,
    durationMs: source.durationMs,
    frameCount: 0,
    size: { width: 0, height: 0 },
    changes: [],
    keyFrames: new Map(),
    actionFrames: new Map(),
    decodeMs: openMs,
    detectMs: 0,
    showsPointer: false,
  };
  // The changes on the detector's grid, their handles exchanged for frame indexes.
  const detected: DetectedChange<number>[] = [];
  // Each change's two handles carry a reference: keep the frames' PNGs, then let the frames go.
  const keep = async (changes: DetectedChange<FrameHandle<Indexed>>[]) => {
    for (const change of changes) {
      for (const { frame } of [change.before, change.after]) {
        if (!found.keyFrames.has(frame.index)) {
          found.keyFrames.set(frame.index, { t: frame.sampled.t, blob: await frame.sampled.png() });
        }
      }
      const { before, after, ...onGrid } = change;
      detected.push({ ...onGrid, before: before.frame.index, after: after.frame.index });
      frames.release(change.before);
      frames.release(change.after);
    }
  };
  // Known clicks and typing keep the frame they happened on: what was under the point
  // before the screen answered, which no change's frames show when the answer came at once.
  const actions = (options.events ?? [])
    .map((event, at) => ({ at, t: event.t, type: event.type }))
    .filter((e) => e.type === 'click' || e.type === 'input')
    .sort((a, b) => a.t - b.t);
  const interval = 1000 / SAMPLE_FPS;
  let waitStarted = performance.now();
  for await (const frame of source.frames()) {
    found.decodeMs += performance.now() - waitStarted;
    const detectStarted = performance.now();
    options.signal?.throwIfAborted();
    const index = found.frameCount++;
    found.size = { width: frame.image.width, height: frame.image.height };
    while (actions[0] && actions[0].t - ACTION_LEAD_MS < frame.t + interval) {
      found.actionFrames.set(actions.shift()!.at, index);
      if (!found.keyFrames.has(index)) found.keyFrames.set(index, { t: frame.t, blob: await frame.png() });
    }
    // Its one reference passes to the detector, which releases it when done with the frame.
    await keep(detector.push(luma.read(frame.image, frame.t), frames.add({ sampled: frame, index })));
    options.onProgress?.({
      stage: 'Reading the video',
      done: found.frameCount,
      total: Math.max(source.frameCount, found.frameCount),
    });
    found.detectMs += performance.now() - detectStarted;
    waitStarted = performance.now();
  }
  await keep(detector.flush());
  // Whether the pointer was seen anywhere in the video decides how every change reads, the
  // ones before it was first seen moving too; so do its clocks, the ticks before each was told.
  found.showsPointer = detector.showsPointer;
  const clocks = detector.clockArea();
  found.changes = detected.flatMap((change) => {
    const kept = clocks ? withoutClocks(change, clocks) : change;
    if (!kept || isRecordingStart(kept)) return [];
    return [
      { ...withPointer(toPixelChange(kept, found.size), found.showsPointer), before: kept.before, after: kept.after },
    ];
  });
  detector.dispose();
  if (found.frameCount === 0) throw new Error('the decoder gave no frames');
  return found;
}

async function store(
  file: File,
  found: FoundChanges,
  options: VideoImportOptions,
  totalMs: number,
): Promise<RecordingRecord> {
  const id = crypto.randomUUID();
  const { size } = found;
  const frameIds = new Map<number, string>();
  const keyFrames: FrameRecord[] = [];
  const frameId = (index: number, role: 'before' | 'after') => {
    if (!frameIds.has(index)) {
      const kept = found.keyFrames.get(index)!;
      frameIds.set(index, `${id}:frame-${index}`);
      keyFrames.push({ id: `${id}:frame-${index}`, recordingId: id, t: kept.t, role, ...size, blob: kept.blob });
    }
    return frameIds.get(index)!;
  };
  const visual: EventRecord[] = found.changes.map((change) => ({
    recordingId: id,
    ...visualEvent(change),
    beforeFrameId: frameId(change.before, 'before'),
    afterFrameId: frameId(change.after, 'after'),
  }));
  // Known events are scaled onto the frames' pixels (a session may state another resolution).
  const sx = options.eventSize ? size.width / options.eventSize.width : 1;
  const sy = options.eventSize ? size.height / options.eventSize.height : 1;
  const known: EventRecord[] = (options.events ?? []).map((event, at) => ({
    ...event,
    recordingId: id,
    ...(found.actionFrames.has(at) ? { beforeFrameId: frameId(found.actionFrames.get(at)!, 'before') } : {}),
    ...(event.point ? { point: { x: Math.round(event.point.x * sx), y: Math.round(event.point.y * sy) } } : {}),
  }));
  const events = [...known, ...visual].sort((a, b) => a.t - b.t);
  const recording: RecordingRecord = {
    id,
    title: options.title ?? (file.name.replace(/\.[^.]+$/, '') || 'Imported video'),
    ...(options.description ? { description: options.description } : {}),
    createdAt: file.lastModified || Date.now(),
    updatedAt: Date.now(),
    status: 'complete',
    durationMs: found.durationMs,
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
    importStats: {
      decoder: found.decoder,
      frames: found.frameCount,
      decodeMs: Math.round(found.decodeMs),
      detectMs: Math.round(found.detectMs),
      totalMs: Math.round(totalMs),
      pointer: found.showsPointer,
    },
  };
  // The file itself is the video: it plays as it is where the browser knows its format.
  return storeImported(recording, keyFrames, events, { recordingId: id, seq: 0, t: found.durationMs, blob: file });
}
