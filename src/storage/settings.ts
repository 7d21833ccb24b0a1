/**
 * The person's settings, kept in IndexedDB (`settings` store, one record per
 * key). Values read back are checked, so a damaged or older record falls back
 * to the defaults instead of breaking analysis.
 */
import { BURST_PRESETS, defaultBurstSettings, type BurstSettings, type QueueKind } from '../analyze/segment/bursts';
import { captionModel, DEFAULT_CAPTION_MODEL } from '../../models/registry';
import type { CloudSettings } from '../cloud/types';
import { openDatabase } from './db';

const BURST_KEY = 'burst-settings';
/**
 * Load and save for one settings record: what is read back is normalised, so a
 * damaged or older record gives defaults; what is saved is normalised first.
 */
function storedSetting<T>(key: string, normalize: (value: unknown) => T) {
  const load = async (): Promise<T> => normalize((await (await openDatabase()).get('settings', key))?.value);
  const save = async (value: T): Promise<T> => {
    const clean = normalize(value);
    await (await openDatabase()).put('settings', { key, value: clean });
    return clean;
  };
  return [load, save] as const;
}

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

export const [loadBurstSettings, saveBurstSettings] = storedSetting<BurstSettings>(BURST_KEY, normalizeBurstSettings);

const CAPTION_KEY = 'caption-settings';
const READY_MODELS_KEY = 'caption-models-ready';

export interface CaptionSettings {
  /** A key of models/registry.ts, or 'off'. */
  model: string;
  /** 'cpu' runs captions on wasm even where WebGPU exists. */
  device: 'auto' | 'cpu';
}

export const defaultCaptionSettings: CaptionSettings = { model: DEFAULT_CAPTION_MODEL, device: 'auto' };

export function normalizeCaptionSettings(value: unknown): CaptionSettings {
  const input = (typeof value === 'object' && value !== null ? value : {}) as Partial<CaptionSettings>;
  const model =
    input.model === 'off' || (typeof input.model === 'string' && captionModel(input.model))
      ? input.model
      : defaultCaptionSettings.model;
  return { model, device: input.device === 'cpu' ? 'cpu' : 'auto' };
}

export const [loadCaptionSettings, saveCaptionSettings] = storedSetting<CaptionSettings>(
  CAPTION_KEY,
  normalizeCaptionSettings,
);

/**
 * Models that loaded once in this browser, so their files are in its cache. A
 * model from the Hub is downloaded only when the person asks; after that it
 * loads on its own, offline too.
 */
export async function readyCaptionModels(): Promise<string[]> {
  const record = await (await openDatabase()).get('settings', READY_MODELS_KEY);
  return Array.isArray(record?.value) ? record.value.filter((key): key is string => typeof key === 'string') : [];
}

export async function markCaptionModelReady(key: string): Promise<void> {
  const ready = await readyCaptionModels();
  if (ready.includes(key)) return;
  await (await openDatabase()).put('settings', { key: READY_MODELS_KEY, value: [...ready, key] });
}

const CLOUD_KEY = 'cloud-settings';

export const defaultCloudSettings: CloudSettings = {
  backend: 'local',
  localOnly: true,
  timeoutMs: 120_000,
  quality: 'good',
  costLimitTokens: 0,
  providers: {
    gemini: { apiKey: '', model: 'gemini-2.5-flash', baseUrl: '' },
    claude: { apiKey: '', model: 'claude-sonnet-4-5', baseUrl: '' },
    openai: { apiKey: '', model: '', baseUrl: '' },
  },
};

const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value.trim() : fallback);

/** A valid CloudSettings from anything; Local only unless it was switched off explicitly. */
export function normalizeCloudSettings(value: unknown): CloudSettings {
  const input = (typeof value === 'object' && value !== null ? value : {}) as Partial<CloudSettings>;
  const backends: CloudSettings['backend'][] = ['auto', 'local', 'gemini', 'claude', 'openai'];
  const providers = {} as CloudSettings['providers'];
  for (const name of ['gemini', 'claude', 'openai'] as const) {
    const given = input.providers?.[name];
    const fallback = defaultCloudSettings.providers[name];
    const baseUrl = text(given?.baseUrl, fallback.baseUrl);
    providers[name] = {
      apiKey: text(given?.apiKey, ''),
      model: text(given?.model, fallback.model) || fallback.model,
      // Only http(s) URLs: anything else would be an odd place to send screenshots.
      baseUrl: /^https?:\/\//i.test(baseUrl) ? baseUrl : '',
    };
  }
  return {
    backend: backends.includes(input.backend as CloudSettings['backend'])
      ? (input.backend as CloudSettings['backend'])
      : defaultCloudSettings.backend,
    localOnly: input.localOnly !== false,
    timeoutMs: positive(input.timeoutMs, defaultCloudSettings.timeoutMs, 600_000),
    quality: input.quality === 'best' ? 'best' : 'good',
    costLimitTokens:
      typeof input.costLimitTokens === 'number' && input.costLimitTokens >= 0 ? Math.round(input.costLimitTokens) : 0,
    providers,
  };
}

/** Keys stay in this browser's IndexedDB; nothing else reads them. */
export const [loadCloudSettings, saveCloudSettings] = storedSetting<CloudSettings>(CLOUD_KEY, normalizeCloudSettings);

/**
 * Said when settings are saved, to this tab's other parts and to other tabs
 * (a BroadcastChannel reaches every other object with its name): an offer to
 * send to a cloud model made before Local only was switched on must go.
 */
export const SETTINGS_CHANNEL = 'pack2skill-settings';

export function announceSettingsSaved(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(SETTINGS_CHANNEL);
  channel.postMessage({ type: 'saved' });
  channel.close();
}
