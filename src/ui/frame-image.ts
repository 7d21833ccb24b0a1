/** What the components that show a stored key frame share: loading it, and pointer positions on it. */
import type { Rect } from '../shared/geometry';
import type { FrameRecord } from '../storage/db';

export interface FrameImage {
  url: string;
  width: number;
  height: number;
}

/**
 * Loads a key frame and hands it over as an object URL; call the returned function to
 * stop (a frame that arrives after it is not shown) and to revoke the URL.
 */
export function showFrame(
  load: (frameId: string) => Promise<FrameRecord | undefined>,
  frameId: string,
  show: (image: FrameImage | null) => void,
): () => void {
  let cancelled = false;
  let url: string | null = null;
  void load(frameId).then((frame) => {
    if (cancelled || !frame) return;
    url = URL.createObjectURL(frame.blob);
    show({ url, width: frame.width, height: frame.height });
  });
  return () => {
    cancelled = true;
    if (url) URL.revokeObjectURL(url);
    show(null);
  };
}

/** A pointer position in frame pixels, within the frame, for an element showing the whole frame. */
export function pointInFrame(
  event: PointerEvent,
  element: Element,
  frame: { width: number; height: number },
): { x: number; y: number } {
  const bounds = element.getBoundingClientRect();
  const x = ((event.clientX - bounds.left) / bounds.width) * frame.width;
  const y = ((event.clientY - bounds.top) / bounds.height) * frame.height;
  return {
    x: Math.round(Math.max(0, Math.min(frame.width, x))),
    y: Math.round(Math.max(0, Math.min(frame.height, y))),
  };
}

/** CSS that places a box given in frame pixels over the frame (percentages, so it scales). */
export function placeBox(box: Rect, frame: { width: number; height: number }): string {
  const pct = (value: number, total: number) => `${(value / total) * 100}%`;
  return `left:${pct(box.x, frame.width)};top:${pct(box.y, frame.height)};width:${pct(box.width, frame.width)};height:${pct(box.height, frame.height)}`;
}
