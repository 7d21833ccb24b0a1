/**
 * Browser APIs pack2skill uses that TypeScript's DOM library does not declare yet.
 * Each is feature-detected before use.
 */

interface MediaStreamTrackProcessorInit {
  track: MediaStreamTrack;
  maxBufferSize?: number;
}

/** Chrome exposes the processor on the page; the stream is transferred to a worker. */
declare class MediaStreamTrackProcessor {
  constructor(init: MediaStreamTrackProcessorInit);
  readonly readable: ReadableStream<VideoFrame>;
}

interface DocumentPictureInPictureOptions {
  width?: number;
  height?: number;
  disallowReturnToOpener?: boolean;
}

interface DocumentPictureInPicture extends EventTarget {
  requestWindow(options?: DocumentPictureInPictureOptions): Promise<Window>;
  readonly window: Window | null;
}

interface CaptureHandleConfig {
  exposeOrigin?: boolean;
  handle?: string;
  permittedOrigins?: string[];
}

interface CaptureHandle {
  origin?: string;
  handle: string;
}

interface MediaDevices {
  setCaptureHandleConfig?(config: CaptureHandleConfig): void;
}

interface MediaStreamTrack {
  getCaptureHandle?(): CaptureHandle | null;
}

interface Window {
  documentPictureInPicture?: DocumentPictureInPicture;
  MediaStreamTrackProcessor?: typeof MediaStreamTrackProcessor;
}
