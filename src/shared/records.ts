/** Whether a parsed value (JSON, YAML, a Python literal) is a map of keys to values: not null, not a list. */
export function isRecord<V = unknown>(value: unknown): value is Record<string, V> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
