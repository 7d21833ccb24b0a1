/**
 * Frames from a video file with ffmpeg.wasm (in its own worker): sampled at
 * SAMPLE_FPS, scaled to at most MAX_WIDTH, written as PNG (ffmpeg.wasm's JPEG
 * output is known to crash). The file is mounted (WORKERFS), not copied into
 * memory. The multi-thread core runs where the page is cross-origin isolated.
 * ffmpeg.wasm's exec runs to the end before any frame can be read, so opening
 * the source is the long part; its progress comes from ffmpeg's log.
 */
import type { FFmpeg } from '@ffmpeg/ffmpeg';
import {
  MAX_WIDTH,
  SAMPLE_FPS,
  VideoImportError,
  type FrameSource,
  type ImportProgress,
  type SampledFrame,
} from './frame-source';

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
export function ffmpegMultiThread(): boolean {
  const forced = new URLSearchParams(location.search).get('ffmpeg');
  return self.crossOriginIsolated === true && forced !== 'st';
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
  ffmpeg.on('log', ({ message }) => {
    logs.push(message);
    if (logs.length > 200) logs.shift();
    totalS ||= parseDuration(message) ?? 0;
    const time = parseTime(message);
    if (time !== null && totalS > 0) {
      const total = Math.ceil(totalS * SAMPLE_FPS);
      options.onProgress?.({ stage: 'Reading the video', done: Math.min(total, Math.floor(time * SAMPLE_FPS)), total });
    }
  });
  const close = () => {
    options.signal?.removeEventListener('abort', abort);
    ffmpeg.terminate();
  };
  const multiThread = ffmpegMultiThread();
  try {
    const base = `${location.origin}/vendor/ffmpeg/${multiThread ? 'mt' : 'st'}`;
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
    const names = (await ffmpeg.listDir('/out'))
      .filter((node) => !node.isDir && node.name.endsWith('.png'))
      .map((node) => node.name)
      .sort();
    if (code !== 0 && names.length === 0) throw new VideoImportError(explainFailure(logs, file.name));
    if (names.length === 0) throw new VideoImportError(`${file.name} gave no frames: it may hold no video`);
    return {
      decoder: multiThread ? 'ffmpeg-mt' : 'ffmpeg-st',
      durationMs: Math.round((totalS || names.length / SAMPLE_FPS) * 1000),
      frameCount: names.length,
      async *frames(): AsyncGenerator<SampledFrame> {
        for (const [index, name] of names.entries()) {
          const data = await ffmpeg.readFile(`/out/${name}`);
          await ffmpeg.deleteFile(`/out/${name}`);
          if (typeof data === 'string') continue;
          const blob = new Blob([data as Uint8Array<ArrayBuffer>], { type: 'image/png' });
          const image = await createImageBitmap(blob);
          yield {
            t: Math.round((index * 1000) / SAMPLE_FPS),
            image,
            png: () => Promise.resolve(blob),
            close: () => image.close(),
          };
        }
      },
      close,
    };
  } catch (error) {
    close();
    if (options.signal?.aborted) throw options.signal.reason;
    if (error instanceof VideoImportError) throw error;
    throw new VideoImportError(
      explainFailure([...logs, error instanceof Error ? error.message : String(error)], file.name),
    );
  }
}
