/**
 * Frames from a video file with the browser's own decoder (WebCodecs), the
 * container read by mediabunny: MP4, MOV, WebM and Matroska. The file is read
 * in slices as the decoder needs them, never whole. Returns null where this
 * path cannot take the file (no WebCodecs, a container mediabunny does not
 * read, a codec the browser cannot decode): the caller then uses ffmpeg.wasm.
 */
import type { CanvasSink, EncodedPacketSink, Input } from 'mediabunny';
import { sampledWidth, sampleTimes, type FrameSource, type SampledFrame } from './frame-source';

export async function openWebCodecsSource(file: File): Promise<FrameSource | null> {
  if (typeof VideoDecoder === 'undefined') return null;
  const { ALL_FORMATS, BlobSource, CanvasSink, EncodedPacketSink, Input } = await import('mediabunny');
  const input = new Input({ source: new BlobSource(file), formats: ALL_FORMATS });
  // Not a container mediabunny reads, or damaged (it throws): ffmpeg.wasm tries it and says what is wrong.
  const video = await openVideoTrack(input, CanvasSink, EncodedPacketSink).catch(() => null);
  if (!video) {
    input.dispose();
    return null;
  }
  const { sink, first, durationS, lastFrame } = video;
  const times = sampleTimes(first, durationS, lastFrame);
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
}

/**
 * The file's main video track, its start, length and last frame's start, and a sink drawing its
 * frames at the sampled width; null if the browser cannot decode it or it has
 * no length.
 */
async function openVideoTrack(input: Input, Sink: typeof CanvasSink, Packets: typeof EncodedPacketSink) {
  const track = await input.getPrimaryVideoTrack();
  if (!track || !(await track.canDecode())) return null;
  const first = await track.getFirstTimestamp();
  const durationS = (await track.computeDuration()) - first;
  if (!(durationS > 0)) return null;
  const lastFrame = (await new Packets(track).getPacket(Infinity))?.timestamp;
  // A new canvas per frame (no pool): frames the detector keeps must not be drawn over.
  return { sink: new Sink(track, { width: sampledWidth(track.displayWidth) }), first, durationS, lastFrame };
}

function canvasToPng(canvas: HTMLCanvasElement | OffscreenCanvas): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/png' });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the frame could not be encoded'))), 'image/png'),
  );
}
