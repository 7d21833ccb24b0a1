/** Formatting shared by the UI. */

/** 83_000 → "1:23"; an hour or more → "1:02:03". */
export function formatDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

export function formatDate(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * An error as a person can read it: its message, or its name when the browser
 * gave none (IndexedDB's QuotaExceededError often comes without a message).
 */
export function describeError(error: unknown): string {
  // Said inside a sentence ("… could not be imported: <this>. Nothing was added."): no full stop of its own.
  if (error instanceof Error) return (error.message || error.name).replace(/\.$/, '');
  return String(error).replace(/\.$/, '');
}

/** "1 marker", "3 markers": a count with its noun, singular or plural (`plural` where not just +s). */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
