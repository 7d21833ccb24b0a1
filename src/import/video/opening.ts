/**
 * The recording starting, as a video of a screen shows it: in its first second the screen
 * settles after the share began (the browser's picker fading out, this app's floating window
 * opening over its page and its storage notice, the browser's sharing bar sliding in; another
 * recorder's countdown or toolbar going away). Those changes are large or small: a desktop
 * video's first second gave "Click Import", "Click Online" and the sharing bar's cut reading as
 * steps. A person's first action comes later; the live recorder of a whole screen looks nowhere
 * for that second for the same reason (`SETTLE_MS` in `src/state/recorder.svelte.ts`). A video
 * cut to begin on an action would lose that step (a 0.1 session's logged events still name it).
 */
export const OPENING_MS = 1000;

export function isRecordingStart(change: { startT: number }): boolean {
  return change.startT < OPENING_MS;
}
