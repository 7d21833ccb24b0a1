/**
 * Frames from a video file with ffmpeg.wasm (in its own worker): sampled at
 * SAMPLE_FPS, scaled to at most MAX_WIDTH, written as PNG (ffmpeg.wasm's JPEG
 * output is known to crash). The file is mounted (WORKERFS), not copied into
 * memory. The multi-thread core runs where the page is cross-origin isolated.
 * An exec runs to its end before any of its frames can be read, and its PNGs
 * sit in wasm memory until then, so the video is read in segments of
 * SEGMENT_S seconds (input seeking: ffmpeg jumps to the key frame before each
 * start): memory stays bounded however long the video is.
 */
import { FFMPEG } from 'virtual:pack2skill/vendor';
import type { FFmpeg } from '@ffmpeg/ffmpeg';
import {
  MAX_WIDTH,
  SAMPLE_FPS,
  sampleCount,
  VideoImportError,
  type FrameSource,
  type ImportProgress,
  type SampledFrame,
} from './frame-source';

/** Seconds of video per exec: 120 PNG frames of ≤ 1280 px in wasm memory at most. */
export const SEGMENT_S = 60;

/** "Duration: 00:01:02.50" in ffmpeg's log → seconds. */
export function parseDuration(log: string): number | null {
  const match = /Duration:\s*(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(log);
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : null;
}

/** ffmpeg's "time=00:00:05.00" progress → seconds. */
export function parseTime(log: string): number | null {
  const match = /time=\s*(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(log);
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : null;
}

/** What went wrong, in words, from ffmpeg's last log lines. */
export function explainFailure(logs: readonly string[], fileName: string): string {
  const text = logs.join('\n');
  if (/Invalid data found|moov atom not found|EBML header parsing failed|could not find codec parameters/i.test(text)) {
    return `${fileName} is damaged or not a video (ffmpeg cannot read it)`;
  }
  if (/Decoder .* not found|unknown codec|Unsupported codec/i.test(text)) {
    return `${fileName} uses a video codec this build of ffmpeg cannot decode`;
  }
  if (/does not contain any stream|Output file .* does not contain/i.test(text)) {
    return `${fileName} has no video stream`;
  }
  const last = logs.filter((line) => line.trim()).at(-1) ?? 'no output';
  return `ffmpeg could not read ${fileName} (${last.trim().slice(0, 160)})`;
}

/** `?ffmpeg=st` in the page's URL forces the single-thread core (diagnostics, benchmarks). */
function ffmpegMultiThread(): boolean {
  const forced = new URLSearchParams(location.search).get('ffmpeg');
  return self.crossOriginIsolated === true && forced !== 'st';
}

/** `?ffmpeg-segment=S` sets the segment length (tests use a short one to cross segment bounds). */
function segmentSeconds(): number {
  const asked = Number(new URLSearchParams(location.search).get('ffmpeg-segment'));
  return asked >= 1 ? asked : SEGMENT_S;
}

/** ffmpeg's arguments for the frames of `[start, start + length)` of `input`, written to `/out`. */
export function segmentArgs(input: string, start: number, length: number): string[] {
  return [
    '-nostdin',
    '-ss',
    String(start),
    '-t',
    String(length),
    '-i',
    input,
    '-an',
    '-vf',
    // eof_action=pass: the last frame is sampled too where no sample fell on it (a browser's WebM
    // ends on the frame of its last change, with no length of its own).
    `fps=${SAMPLE_FPS}:eof_action=pass,scale='min(${MAX_WIDTH},iw)':-2`,
    '-f',
    'image2',
    '/out/f%06d.png',
  ];
}

export async function openFfmpegSource(
  file: File,
  options: { signal?: AbortSignal; onProgress?: (progress: ImportProgress) => void } = {},
): Promise<FrameSource> {
  const { FFmpeg } = await import('@ffmpeg/ffmpeg');
  const ffmpeg: FFmpeg = new FFmpeg();
  const abort = () => ffmpeg.terminate();
  options.signal?.addEventListener('abort', abort, { once: true });
  const logs: string[] = [];
  let totalS = 0;
  // Where the exec in progress has got to: frames are only readable when it ends, so this is the progress then.
  let segmentStart = 0;
  ffmpeg.on('log', ({ message }) => {
    logs.push(message);
    if (logs.length > 200) logs.shift();
    totalS ||= parseDuration(message) ?? 0;
    const time = parseTime(message);
    if (time !== null && totalS > 0) {
      const total = sampleCount(totalS);
      const done = Math.min(total, Math.floor((segmentStart + time) * SAMPLE_FPS));
      options.onProgress?.({ stage: 'Reading the video', done, total });
    }
  });
  const close = () => {
    options.signal?.removeEventListener('abort', abort);
    ffmpeg.terminate();
  };
  const failed = (error: unknown): unknown => {
    if (options.signal?.aborted) return options.signal.reason;
    if (error instanceof VideoImportError) return error;
    return new VideoImportError(
      explainFailure([...logs, error instanceof Error ? error.message : String(error)], file.name),
    );
  };
  const multiThread = ffmpegMultiThread();
  const segment = segmentSeconds();
  const input = `/input/${file.name}`;

  /** Decodes one segment; the sorted names of its PNGs (none: the video has ended). */
  const decodeSegment = async (start: number): Promise<string[]> => {
    segmentStart = start;
    const code = await ffmpeg.exec(segmentArgs(input, start, segment));
    const names = (await ffmpeg.listDir('/out'))
      .filter((node) => !node.isDir && node.name.endsWith('.png'))
      .map((node) => node.name)
      .sort();
    if (code !== 0 && names.length === 0 && start === 0) throw new VideoImportError(explainFailure(logs, file.name));
    return names;
  };

  let first: string[];
  try {
    const base = `${location.origin}${FFMPEG}/${multiThread ? 'mt' : 'st'}`;
    await ffmpeg.load({
      coreURL: `${base}/ffmpeg-core.js`,
      wasmURL: `${base}/ffmpeg-core.wasm`,
      ...(multiThread ? { workerURL: `${base}/ffmpeg-core.worker.js` } : {}),
    });
    await ffmpeg.createDir('/input');
    await ffmpeg.createDir('/out');
    await ffmpeg.mount('WORKERFS' as never, { files: [file] }, '/input');
    first = await decodeSegment(0);
    if (first.length === 0) throw new VideoImportError(`${file.name} gave no frames: it may hold no video`);
  } catch (error) {
    close();
    throw failed(error);
  }
  // Without a duration in the header (some WebM), segments go on until one is empty.
  const frameCount = totalS > 0 ? sampleCount(totalS) : first.length;
  return {
    decoder: multiThread ? 'ffmpeg-mt' : 'ffmpeg-st',
    durationMs: Math.round((totalS || first.length / SAMPLE_FPS) * 1000),
    frameCount,
    async *frames(): AsyncGenerator<SampledFrame> {
      const perSegment = segment * SAMPLE_FPS;
      let names = first;
      for (let start = 0; names.length > 0;) {
        // A frame past the segment's samples is its last input frame, passed on (eof_action=pass):
        // kept where the video ends there, dropped at a cut (the next segment starts with it).
        const past: { blob: Blob; t: number }[] = [];
        for (const [index, name] of names.entries()) {
          const data = await ffmpeg.readFile(`/out/${name}`).catch((error: unknown) => Promise.reject(failed(error)));
          await ffmpeg.deleteFile(`/out/${name}`);
          if (typeof data === 'string') continue;
          const blob = new Blob([data as Uint8Array<ArrayBuffer>], { type: 'image/png' });
          const t = Math.round((start + index / SAMPLE_FPS) * 1000);
          if (index >= perSegment) past.push({ blob, t });
          else yield await pngFrame(blob, t);
        }
        start += segment;
        names =
          totalS > 0 && start >= totalS
            ? []
            : await decodeSegment(start).catch((error: unknown) => Promise.reject(failed(error)));
        if (names.length === 0) for (const { blob, t } of past) yield await pngFrame(blob, t);
      }
    },
    close,
  };
}

async function pngFrame(blob: Blob, t: number): Promise<SampledFrame> {
  const image = await createImageBitmap(blob);
  return { t, image, png: () => Promise.resolve(blob), close: () => image.close() };
}
