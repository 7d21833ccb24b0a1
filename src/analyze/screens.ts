/**
 * Distinct screens of a recording: the first one, and each one a large change
 * brought (a new page, a dialog over most of the window). Each is read whole,
 * once, so the analysis knows every screen's title and text, not only the
 * words next to what was acted on.
 */
import { screenTitle } from './labels/labels';
import type { EventRecord, NewEvent } from '../capture/events';
import { getFrame } from '../storage/recordings';
import type { AnalysisBackend } from './backend';
import type { ScreenReading } from './types';

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
    const title = screenTitle(result.lines, frame.height);
    readings.push({ ...screen, ...(title ? { title } : {}), lines: result.lines });
  }
  return { readings, cached };
}
