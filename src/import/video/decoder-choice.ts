/**
 * Which decoder a video import tries first: WebCodecs wherever the browser has
 * it. `npm run bench -- import` (2 cores, Chromium 150) measured it 2–3× faster
 * than ffmpeg.wasm's multi-thread core for every case tried: VP8 720p 80.4 vs
 * 33.9 frames/s, VP8 1080p 41.5 vs 20.4, H.264 1080p 20.9 vs 8.1 (README,
 * Benchmarks). A file WebCodecs cannot take (AVI, a codec the browser lacks)
 * goes to ffmpeg.wasm anyway.
 * `?decoder=ffmpeg` or `?decoder=webcodecs` in the URL forces one
 * (diagnostics, benchmarks).
 */
export type DecoderChoice = 'webcodecs' | 'ffmpeg';

export function chooseDecoder(search: string = location.search): DecoderChoice {
  const forced = new URLSearchParams(search).get('decoder');
  if (forced === 'ffmpeg' || forced === 'webcodecs') return forced;
  return typeof VideoDecoder === 'undefined' ? 'ffmpeg' : 'webcodecs';
}
