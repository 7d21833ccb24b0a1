/**
 * A Web Lock held by the tab that is recording. A recording stored as "still
 * recording" whose lock nobody holds was left by a tab that closed or crashed.
 */
const PREFIX = 'pack2skill-recording:';

export function holdRecordingLock(recordingId: string): Promise<() => void> {
  return new Promise((resolve) => {
    if (!navigator.locks) {
      resolve(() => undefined);
      return;
    }
    void navigator.locks.request(
      PREFIX + recordingId,
      () =>
        new Promise<void>((release) => {
          resolve(release);
        }),
    );
  });
}

/** Ids of recordings some open tab is recording right now. */
export async function recordingsInProgress(): Promise<Set<string>> {
  if (!navigator.locks) return new Set();
  const { held = [] } = await navigator.locks.query();
  return new Set(held.flatMap((lock) => (lock.name?.startsWith(PREFIX) ? [lock.name.slice(PREFIX.length)] : [])));
}
