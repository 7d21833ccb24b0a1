/**
 * The person's settings, kept in IndexedDB (`settings` store, one record per
 * key). Values read back are checked, so a damaged or older record falls back
 * to the defaults instead of breaking analysis.
 */
import { BURST_PRESETS, defaultBurstSettings, type BurstSettings, type QueueKind } from '../../workers/segment/bursts';
import { openDatabase } from './db';

const BURST_KEY = 'burst-settings';
const QUEUES: QueueKind[] = ['click', 'key', 'scroll', 'move', 'visual'];

const positive = (value: unknown, fallback: number, max = 600_000): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= max ? value : fallback;

/** A valid BurstSettings from anything (a stored record, a form). */
export function normalizeBurstSettings(value: unknown): BurstSettings {
  const input = (typeof value === 'object' && value !== null ? value : {}) as Partial<BurstSettings>;
  const mode = input.mode === 'rough' || input.mode === 'simple' ? input.mode : 'accurate';
  const preset = BURST_PRESETS[mode === 'rough' ? 'rough' : 'accurate'];
  const queues = Object.fromEntries(
    QUEUES.map((kind) => {
      const given = input.queues?.[kind];
      return [
        kind,
        {
          gapMs: positive(given?.gapMs, preset[kind].gapMs),
          maxSpanMs: positive(given?.maxSpanMs, preset[kind].maxSpanMs),
        },
      ];
    }),
  ) as BurstSettings['queues'];
  return {
    mode,
    queues,
    simple: {
      gapMs: positive(input.simple?.gapMs, defaultBurstSettings.simple.gapMs),
      minEvents: Math.round(positive(input.simple?.minEvents, defaultBurstSettings.simple.minEvents, 1000)),
    },
  };
}

export async function loadBurstSettings(): Promise<BurstSettings> {
  const record = await (await openDatabase()).get('settings', BURST_KEY);
  return normalizeBurstSettings(record?.value);
}

export async function saveBurstSettings(settings: BurstSettings): Promise<BurstSettings> {
  const clean = normalizeBurstSettings(settings);
  await (await openDatabase()).put('settings', { key: BURST_KEY, value: clean });
  return clean;
}
