/**
 * The recorder's own windows on a shared screen. When a whole screen is recorded, the
 * floating controls (always on top, a timer ticking every second) and the app's own
 * window while the person uses it are in the picture, and are not the workflow: the
 * sampler is told to look away from them (issue 12: "the recorder's own window became
 * steps"). Where they are comes from the browser, not from the pixels.
 */
import type { Rect, Size } from '../shared/geometry';

/** A window's place on the screen, in CSS pixels (`screenX`, `screenY`, `outerWidth`, `outerHeight`). */
export type ScreenRect = Rect;

/** A little room around each window: borders and shadows drawn outside `outer*`. */
const MARGIN_PX = 6;

/**
 * The windows as shares (0–1) of the captured screen's frame, for the sampler. Empty where
 * the frame is not this screen as far as can be told: its shape differs from the screen's
 * (another monitor was shared), or the screen is one of several (window places are then
 * relative to a desktop the frame is only part of).
 */
export function ownWindowAreas(
  windows: readonly ScreenRect[],
  screen: Size & { extended?: boolean },
  frame: Size,
): Rect[] {
  if (screen.extended || screen.width <= 0 || screen.height <= 0 || frame.width <= 0 || frame.height <= 0) return [];
  const screenShape = screen.width / screen.height;
  const frameShape = frame.width / frame.height;
  if (Math.abs(screenShape - frameShape) / screenShape > 0.02) return [];
  return windows.flatMap((w) => {
    const x0 = Math.max(0, w.x - MARGIN_PX);
    const y0 = Math.max(0, w.y - MARGIN_PX);
    const x1 = Math.min(screen.width, w.x + w.width + MARGIN_PX);
    const y1 = Math.min(screen.height, w.y + w.height + MARGIN_PX);
    if (x1 <= x0 || y1 <= y0) return [];
    return [
      {
        x: x0 / screen.width,
        y: y0 / screen.height,
        width: (x1 - x0) / screen.width,
        height: (y1 - y0) / screen.height,
      },
    ];
  });
}

/** Where a window is on the screen. */
export function screenRectOf(win: Window): ScreenRect {
  return { x: win.screenX, y: win.screenY, width: win.outerWidth, height: win.outerHeight };
}
