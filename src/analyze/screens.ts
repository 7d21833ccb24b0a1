/**
 * Distinct screens of a recording: the first one, and each one a large change
 * brought (a new page, a dialog over most of the window). Each is read whole,
 * once, so the analysis knows every screen's title and text, not only the
 * words next to what was acted on.
 */
import { frameLuma } from './frame-luma';
import { screenTitle, TITLE_AREA } from './labels/labels';
import { strokeWidth } from './labels/pixels';
import type { EventRecord, NewEvent } from '../capture/events';
import { getFrame } from '../storage/recordings';
import type { AnalysisBackend } from './backend';
import type { ScreenReading } from './types';
import type { Rect } from '../shared/geometry';

/** A change covering at least this share of the frame shows a new screen. */
export const NEW_SCREEN_FRACTION = 0.35;

export interface ScreenRef {
  frameId: string;
  /** When the screen appeared, ms from the start of the recording. */
  t: number;
}

/** Whether a stored change brings a new screen (the incremental analysis reads those while recording). */
export function bringsNewScreen(event: Pick<NewEvent, 'type' | 'fraction' | 'afterFrameId'>): boolean {
  return event.type === 'visual' && Boolean(event.afterFrameId) && (event.fraction ?? 0) >= NEW_SCREEN_FRACTION;
}

export function distinctScreens(events: readonly EventRecord[]): ScreenRef[] {
  const screens: ScreenRef[] = [];
  const first = events.find((e) => e.type === 'visual' && e.beforeFrameId);
  if (first?.beforeFrameId) screens.push({ frameId: first.beforeFrameId, t: 0 });
  for (const event of events) {
    if (bringsNewScreen(event) && event.afterFrameId) screens.push({ frameId: event.afterFrameId, t: event.t });
  }
  return screens;
}

/** The top of a frame, where its title stands. */
function titleArea(frame: { width: number; height: number }): Rect {
  return { x: 0, y: 0, width: frame.width, height: Math.ceil(frame.height * TITLE_AREA) };
}

/** Reads each screen whole (through the cache); a screen that cannot be read is left out. */
export async function readScreens(
  backend: AnalysisBackend,
  screens: readonly ScreenRef[],
  signal?: AbortSignal,
): Promise<{ readings: ScreenReading[]; cached: number }> {
  const readings: ScreenReading[] = [];
  let cached = 0;
  for (const screen of screens) {
    signal?.throwIfAborted();
    const frame = await getFrame(screen.frameId);
    if (!frame) continue;
    const result = await backend.analyzeFrame(screen.frameId);
    if (result.cached) cached++;
    // The top of the frame's pixels, where a title stands: a heading in the body's type is told by its bold strokes.
    const area = titleArea(frame);
    const top = await frameLuma(frame.blob, area).catch(() => null);
    const stroke = top ? (box: Rect) => strokeWidth(top, box) : undefined;
    const title = screenTitle(result.lines, frame.height, stroke);
    readings.push({ ...screen, ...(title ? { title } : {}), lines: result.lines });
  }
  return { readings, cached };
}
