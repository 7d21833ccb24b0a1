/**
 * The recording's clock: milliseconds of video, paused time excluded.
 *
 * Every event, key frame and chunk is stamped on this clock so that it lines up
 * with the WebM (MediaRecorder also stops its timeline while paused). Times come
 * in as epoch milliseconds (`performance.timeOrigin + performance.now()`), which
 * the page and its workers share, unlike their separate `performance.now()`.
 */
export class VideoClock {
  #startedAt: number;
  #pausedAt: number | null = null;
  #pausedTotal = 0;

  constructor(startedAt: number = epochNow()) {
    this.#startedAt = startedAt;
  }

  get paused(): boolean {
    return this.#pausedAt !== null;
  }

  pause(at: number = epochNow()): void {
    if (this.#pausedAt === null) this.#pausedAt = at;
  }

  resume(at: number = epochNow()): void {
    if (this.#pausedAt === null) return;
    this.#pausedTotal += Math.max(0, at - this.#pausedAt);
    this.#pausedAt = null;
  }

  /** Video time of an epoch instant; instants inside a pause map to the pause's start. */
  toVideoMs(at: number = epochNow()): number {
    const end = this.#pausedAt === null ? at : Math.min(at, this.#pausedAt);
    return Math.max(0, Math.round(end - this.#startedAt - this.#pausedTotal));
  }
}

/** Epoch milliseconds with sub-millisecond precision, comparable across page and workers. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}
