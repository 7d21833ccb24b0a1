/**
 * Which decoder a video import tries first. WebCodecs where the browser has
 * it: `npm run bench -- import` measured it faster than ffmpeg.wasm for every
 * size and codec tried (figures in docs/architecture.md). A file WebCodecs
 * cannot take (AVI, a codec the browser lacks) goes to ffmpeg.wasm anyway.
 * `?decoder=ffmpeg` or `?decoder=webcodecs` in the URL forces one
 * (diagnostics, benchmarks).
 */
export type DecoderChoice = 'webcodecs' | 'ffmpeg';

export function chooseDecoder(search: string = location.search): DecoderChoice {
  const forced = new URLSearchParams(search).get('decoder');
  if (forced === 'ffmpeg' || forced === 'webcodecs') return forced;
  return typeof VideoDecoder === 'undefined' ? 'ffmpeg' : 'webcodecs';
}
