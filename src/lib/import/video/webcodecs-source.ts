/**
 * Frames from a video file with the browser's own decoder (WebCodecs), the
 * container read by mediabunny: MP4, MOV, WebM and Matroska. The file is read
 * in slices as the decoder needs them, never whole. Returns null where this
 * path cannot take the file (no WebCodecs, a container mediabunny does not
 * read, a codec the browser cannot decode): the caller then uses ffmpeg.wasm.
 */
import { sampledWidth, sampleTimes, type FrameSource, type SampledFrame } from './frame-source';

export async function openWebCodecsSource(file: File): Promise<FrameSource | null> {
  if (typeof VideoDecoder === 'undefined') return null;
  const { ALL_FORMATS, BlobSource, CanvasSink, Input } = await import('mediabunny');
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track || !(await track.canDecode())) {
      input.dispose();
      return null;
    }
    const first = await track.getFirstTimestamp();
    const durationS = (await track.computeDuration()) - first;
    if (!(durationS > 0)) {
      input.dispose();
      return null;
    }
    const times = sampleTimes(first, durationS);
    // A new canvas per frame (no pool): frames the detector keeps must not be drawn over.
    const sink = new CanvasSink(track, { width: sampledWidth(track.displayWidth) });
    return {
      decoder: 'webcodecs',
      durationMs: Math.round(durationS * 1000),
      frameCount: times.length,
      async *frames(): AsyncGenerator<SampledFrame> {
        let index = 0;
        for await (const wrapped of sink.canvasesAtTimestamps(times)) {
          const t = Math.round((times[index++]! - first) * 1000);
          if (!wrapped) continue;
          let canvas: HTMLCanvasElement | OffscreenCanvas | null = wrapped.canvas;
          yield {
            t,
            image: canvas,
            png: () => canvasToPng(canvas!),
            close: () => {
              // Shrinking the canvas frees its pixels before the garbage collector would.
              if (canvas) canvas.width = canvas.height = 0;
              canvas = null;
            },
          };
        }
      },
      close: () => input.dispose(),
    };
  } catch {
    // Not a container mediabunny reads, or damaged: ffmpeg.wasm tries it and says what is wrong.
    input.dispose();
    return null;
  }
}

function canvasToPng(canvas: HTMLCanvasElement | OffscreenCanvas): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/png' });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the frame could not be encoded'))), 'image/png'),
  );
}
