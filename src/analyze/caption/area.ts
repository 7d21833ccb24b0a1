/**
 * The part of a key frame a caption describes: the acted-on region with
 * enough around it to say what kind of thing it is (a dialog, a form, a menu),
 * but not the whole screen, whose caption would be the same for every step.
 */
import type { Rect } from '../../shared/geometry';

/** Smallest side of the area captioned, in frame pixels. */
export const MIN_CAPTION_SIDE = 384;

export function captionArea(region: Rect | undefined, frame: { width: number; height: number }): Rect {
  const whole = { x: 0, y: 0, width: frame.width, height: frame.height };
  if (!region) return whole;
  const width = Math.min(frame.width, Math.max(MIN_CAPTION_SIDE, region.width * 2));
  const height = Math.min(frame.height, Math.max(MIN_CAPTION_SIDE, region.height * 2));
  const centreX = region.x + region.width / 2;
  const centreY = region.y + region.height / 2;
  const x = Math.round(Math.min(Math.max(0, centreX - width / 2), frame.width - width));
  const y = Math.round(Math.min(Math.max(0, centreY - height / 2), frame.height - height));
  return { x, y, width: Math.round(width), height: Math.round(height) };
}
