/**
 * How every worker reports a failure to the page: the stage it was in and the
 * error's own name and words (never `String(error)`, which prefixes the class
 * name, and never an Error object, which does not survive postMessage whole).
 */
export interface WorkerFailure<Stage extends string> {
  stage: Stage;
  /** The error's name (`QuotaExceededError`, `OperationError`…), for the page to tell kinds apart. */
  name: string;
  message: string;
}

export function workerFailure<Stage extends string>(stage: Stage, error: unknown): WorkerFailure<Stage> {
  if (error instanceof Error || error instanceof DOMException) {
    return { stage, name: error.name, message: error.message || error.name };
  }
  return { stage, name: 'Error', message: String(error) };
}
