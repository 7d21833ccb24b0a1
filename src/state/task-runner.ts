/**
 * One long task at a time for a piece of state (an analysis, a caption run,
 * a cloud request). Starting a task supersedes every task before it: the one
 * in flight is aborted, and all earlier ones are stale from then on, finished
 * or not, so nothing they do later can write into what is shown now. Only the
 * state's own Cancel tells the person; a superseded task ends quietly.
 */

export interface Task {
  readonly signal: AbortSignal;
  /** True once the task was aborted or a newer one started: it must not write any more. */
  readonly stale: boolean;
}

export class TaskRunner {
  #controller: AbortController | null = null;
  #latest = 0;

  /** Starts a task, aborting the one in flight (if any) as superseded. */
  start(): Task {
    this.#controller?.abort(new DOMException('Superseded by a newer task', 'AbortError'));
    const controller = new AbortController();
    this.#controller = controller;
    const id = ++this.#latest;
    const latest = () => this.#latest;
    return {
      signal: controller.signal,
      get stale() {
        return controller.signal.aborted || latest() !== id;
      },
    };
  }

  /** Aborts the task in flight and makes every task stale; false when none was in flight. */
  cancel(): boolean {
    this.#latest++;
    const controller = this.#controller;
    if (!controller) return false;
    this.#controller = null;
    controller.abort(new DOMException('Cancelled', 'AbortError'));
    return true;
  }

  /** Marks `task` finished; true when it is still the latest (so its end may be shown). */
  finish(task: Task): boolean {
    if (task.stale) return false;
    this.#controller = null;
    return true;
  }

  /** A task is in flight (started, and neither finished nor cancelled). */
  get running(): boolean {
    return this.#controller !== null;
  }
}
