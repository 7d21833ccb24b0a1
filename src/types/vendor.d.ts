/** The engines' folders on the app's origin, each named with a hash of its files (build/self-hosted-assets.ts). */
declare module 'virtual:pack2skill/vendor' {
  /** tesseract.js worker, cores and English data: `${TESSERACT}/worker.min.js`, `/core/`, `/lang/`. */
  export const TESSERACT: string;
  /** ffmpeg.wasm cores: `${FFMPEG}/st/…` and `${FFMPEG}/mt/…`. */
  export const FFMPEG: string;
}
