/**
 * Frames from a video file with ffmpeg.wasm (in its own worker): sampled at a
 * low rate, scaled to at most 1280 px wide, written as PNG (ffmpeg.wasm's JPEG
 * output is known to crash). The file is mounted (WORKERFS), not copied into
 * memory. The multi-thread core runs where the page is cross-origin isolated.
 */
import type { FFmpeg } from '@ffmpeg/ffmpeg';

/** Frames sampled per second of video. */
export const SAMPLE_FPS = 2;
export const MAX_WIDTH = 1280;

export interface ExtractProgress {
  /** Seconds of video done, and in all. */
  doneS: number;
  totalS: number;
}

export interface ExtractedFrame {
  t: number;
  blob: Blob;
}

export class VideoImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VideoImportError';
  }
}

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

export async function extractFrames(
  file: File,
  options: { signal?: AbortSignal; onProgress?: (progress: ExtractProgress) => void; origin?: string } = {},
): Promise<{ frames: ExtractedFrame[]; durationMs: number; multiThread: boolean }> {
  const { FFmpeg } = await import('@ffmpeg/ffmpeg');
  const ffmpeg: FFmpeg = new FFmpeg();
  const abort = () => ffmpeg.terminate();
  options.signal?.addEventListener('abort', abort, { once: true });
  const logs: string[] = [];
  let totalS = 0;
  ffmpeg.on('log', ({ message }) => {
    logs.push(message);
    if (logs.length > 200) logs.shift();
    totalS ||= parseDuration(message) ?? 0;
    const time = parseTime(message);
    if (time !== null && totalS > 0) options.onProgress?.({ doneS: Math.min(time, totalS), totalS });
  });
  try {
    // `?ffmpeg=st` forces the single-thread core (diagnostics, benchmarks); multi-thread needs isolation.
    const forced = new URLSearchParams(location.search).get('ffmpeg');
    const multiThread = self.crossOriginIsolated === true && forced !== 'st';
    const base = `${options.origin ?? location.origin}/vendor/ffmpeg/${multiThread ? 'mt' : 'st'}`;
    await ffmpeg.load({
      coreURL: `${base}/ffmpeg-core.js`,
      wasmURL: `${base}/ffmpeg-core.wasm`,
      ...(multiThread ? { workerURL: `${base}/ffmpeg-core.worker.js` } : {}),
    });
    await ffmpeg.createDir('/input');
    await ffmpeg.createDir('/out');
    await ffmpeg.mount('WORKERFS' as never, { files: [file] }, '/input');
    const code = await ffmpeg.exec([
      '-nostdin',
      '-i',
      `/input/${file.name}`,
      '-an',
      '-vf',
      `fps=${SAMPLE_FPS},scale='min(${MAX_WIDTH},iw)':-2`,
      '-f',
      'image2',
      '/out/f%06d.png',
    ]);
    const names = (await ffmpeg.listDir('/out')).filter((node) => !node.isDir && node.name.endsWith('.png'));
    if (code !== 0 && names.length === 0) throw new VideoImportError(explainFailure(logs, file.name));
    if (names.length === 0) throw new VideoImportError(`${file.name} gave no frames: it may hold no video`);
    names.sort((a, b) => a.name.localeCompare(b.name));
    const frames: ExtractedFrame[] = [];
    for (const [index, node] of names.entries()) {
      const data = await ffmpeg.readFile(`/out/${node.name}`);
      if (typeof data === 'string') continue;
      frames.push({
        t: Math.round((index * 1000) / SAMPLE_FPS),
        blob: new Blob([data as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
      });
      await ffmpeg.deleteFile(`/out/${node.name}`);
    }
    const durationMs = Math.round((totalS || frames.length / SAMPLE_FPS) * 1000);
    return { frames, durationMs, multiThread };
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (error instanceof VideoImportError) throw error;
    throw new VideoImportError(
      explainFailure([...logs, error instanceof Error ? error.message : String(error)], file.name),
    );
  } finally {
    options.signal?.removeEventListener('abort', abort);
    ffmpeg.terminate();
  }
}
