/** Asking the browser for the screen, with errors a person can act on. */
import { describeError } from '../shared/format';

export type CaptureErrorKind = 'unsupported' | 'denied' | 'no-source' | 'busy' | 'failed';

export class CaptureError extends Error {
  readonly kind: CaptureErrorKind;
  constructor(kind: CaptureErrorKind, message: string) {
    super(message);
    this.name = 'CaptureError';
    this.kind = kind;
  }
}

/** `cursor` is in the Screen Capture spec but not yet in TypeScript's DOM types. */
type ScreenVideoConstraints = MediaTrackConstraints & { cursor?: 'always' | 'motion' | 'never' };

interface ScreenCaptureOptions extends DisplayMediaStreamOptions {
  video: ScreenVideoConstraints;
  selfBrowserSurface?: 'include' | 'exclude';
  surfaceSwitching?: 'include' | 'exclude';
  monitorTypeSurfaces?: 'include' | 'exclude';
}

export async function requestScreen(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getDisplayMedia) {
    throw new CaptureError(
      'unsupported',
      'This browser cannot record the screen. Open pack2skill in a recent desktop Chrome, Edge or Firefox.',
    );
  }
  const options: ScreenCaptureOptions = {
    // A tab is preselected in the picker (most workflows live in one); a window or
    // the whole screen is one click away.
    video: { displaySurface: 'browser', cursor: 'always', frameRate: { ideal: 30, max: 30 } },
    audio: false,
    selfBrowserSurface: 'include',
    surfaceSwitching: 'include',
    monitorTypeSurfaces: 'include',
  };
  try {
    return await navigator.mediaDevices.getDisplayMedia(options);
  } catch (error) {
    throw toCaptureError(error);
  }
}

export function toCaptureError(error: unknown): CaptureError {
  const name = error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
      return new CaptureError(
        'denied',
        'Screen sharing was cancelled or blocked, so nothing was recorded. Press Start recording and choose a tab, window or screen. If no picker appears, allow screen sharing for this site in the browser’s site settings.',
      );
    case 'NotFoundError':
      return new CaptureError('no-source', 'No screen, window or tab is available to record.');
    case 'NotReadableError':
    case 'AbortError':
      return new CaptureError(
        'busy',
        'The browser could not start capturing: the screen may be in use by another app, or the system blocked it. Close other screen recorders and try again; on macOS, allow screen recording for your browser in System Settings → Privacy & Security.',
      );
    case 'InvalidStateError':
      return new CaptureError('failed', 'Screen sharing must start from a click. Press Start recording again.');
    default:
      return new CaptureError('failed', `Screen sharing could not start (${describeError(error)}). Try again.`);
  }
}

/** The best recording format this browser offers; WebM first, since its duration can be fixed in place. */
export function pickMimeType(): string {
  const candidates = ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm', 'video/mp4'];
  return candidates.find((type) => MediaRecorder.isTypeSupported(type)) ?? '';
}

/**
 * "a tab, “Expenses”", "a window", "your entire screen": what the person shared, in
 * words, with the browser's name for it where that is a title and not an id.
 */
export function describeSource(
  surface: string | null | undefined,
  label: string | undefined,
  selfCapture = false,
): string {
  if (selfCapture) return 'this tab (pack2skill itself)';
  const kind =
    surface === 'browser'
      ? 'a tab'
      : surface === 'window'
        ? 'a window'
        : surface === 'monitor'
          ? 'your entire screen'
          : 'what you shared';
  const named = label?.trim();
  const isId =
    !named || /:\/\/|^(screen|window|web-contents-media-stream):[\d:-]+$/i.test(named) || /^[\w-]{20,}$/.test(named);
  return isId || surface === 'monitor' ? kind : `${kind}, “${named}”`;
}
