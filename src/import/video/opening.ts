/**
 * The recording starting, as a video of a screen shows it: in its first second, much of the
 * screen changes at once (this app's floating window opening over its page; another
 * recorder's countdown or toolbar going away). A person's first action comes later and
 * smaller; the live recorder of a whole screen looks nowhere for that second for the same
 * reason (`SETTLE_MS` in `src/state/recorder.svelte.ts`). A video cut to begin on an
 * action that changes a fifth of the screen at once would lose that step.
 */
export const OPENING_MS = 1000;
/** The share of the frame (0–1) a change at the start covers to be the recording starting. */
export const OPENING_FRACTION = 0.2;

export function isRecordingStart(change: { startT: number; fraction: number }): boolean {
  return change.startT < OPENING_MS && change.fraction >= OPENING_FRACTION;
}
