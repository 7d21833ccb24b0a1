/**
 * Settings from pack2skill 0.1's `config.yaml`: the analysis backend and its
 * model, and burst detection. Keys in it are references to environment
 * variables (`${GEMINI_API_KEY}`), which a browser cannot read, so keys are
 * never taken; the report says so, and what else was taken or ignored.
 */
import type { BurstSettings } from '../analyze/segment/bursts';
import type { CloudSettings } from '../cloud/types';
import { parseYaml } from '../shared/yaml';
import { isRecord } from '../shared/records';

export interface ConfigImport {
  burst: BurstSettings;
  cloud: CloudSettings;
  taken: string[];
  ignored: string[];
}

type YamlMap = Record<string, unknown>;
const isMap = (value: unknown): value is YamlMap => isRecord(value);

export function importPack2SkillConfig(text: string, burst: BurstSettings, cloud: CloudSettings): ConfigImport {
  const parsed = parseYaml(text, { scalars: 'python' });
  if (parsed !== null && parsed !== undefined && !isMap(parsed)) throw new Error('the file is not a map of settings');
  const config: YamlMap = parsed ?? {};
  const taken: string[] = [];
  const ignored: string[] = [];
  const nextBurst: BurstSettings = structuredClone(burst);
  const nextCloud: CloudSettings = structuredClone(cloud);

  const analysis = config['analysis'];
  if (isMap(analysis)) {
    const backend = analysis['vlm_backend'];
    const models: Record<string, { provider: 'gemini' | 'claude' | 'openai'; section: string }> = {
      gemini: { provider: 'gemini', section: 'gemini' },
      claude: { provider: 'claude', section: 'claude' },
      qwen: { provider: 'openai', section: 'qwen' },
    };
    for (const [name, { provider, section }] of Object.entries(models)) {
      const part = analysis[section];
      if (!isMap(part)) continue;
      if (typeof part['model'] === 'string' && part['model']) {
        nextCloud.providers[provider].model = part['model'];
        taken.push(`analysis.${section}.model → ${name === 'qwen' ? 'endpoint' : name} model "${part['model']}"`);
      }
      if ('api_key' in part) ignored.push(`analysis.${section}.api_key (keys are entered in Settings, never imported)`);
      for (const other of Object.keys(part).filter((k) => k !== 'model' && k !== 'api_key')) {
        ignored.push(`analysis.${section}.${other}`);
      }
    }
    if (isMap(analysis['blip'])) ignored.push('analysis.blip (captions run on Florence-2 here)');
    if (typeof backend === 'string') {
      const mapped = backend === 'blip' ? 'local' : (models[backend]?.provider ?? null);
      if (mapped) {
        nextCloud.backend = mapped;
        taken.push(
          `analysis.vlm_backend "${backend}" → ${mapped === 'local' ? 'this device' : mapped === 'openai' ? 'OpenAI-compatible endpoint (set its URL)' : mapped}` +
            (mapped !== 'local' && nextCloud.localOnly ? ' (Local only stays on until you switch it off)' : ''),
        );
      } else ignored.push(`analysis.vlm_backend "${backend}" (unknown backend)`);
    }
  }

  const events = config['event_processing'];
  if (isMap(events)) {
    const use = events['use_burst_detection'];
    const threshold = events['burst_threshold'];
    const minimum = events['burst_min_events'];
    if (use === false) {
      ignored.push(
        'event_processing.use_burst_detection false (events are always grouped here; the current mode is kept)',
      );
    } else {
      nextBurst.mode = 'simple';
      taken.push('event_processing.use_burst_detection → step detection "Simple"');
      if (typeof threshold === 'number' && threshold > 0) {
        nextBurst.simple.gapMs = Math.round(threshold * 1000);
        taken.push(`event_processing.burst_threshold ${threshold} s → gap ${threshold} s`);
      }
      if (typeof minimum === 'number' && minimum >= 1) {
        nextBurst.simple.minEvents = Math.round(minimum);
        taken.push(`event_processing.burst_min_events ${minimum} → minimum events ${Math.round(minimum)}`);
      }
    }
    for (const other of Object.keys(events)) {
      if (!['use_burst_detection', 'burst_threshold', 'burst_min_events'].includes(other)) {
        ignored.push(`event_processing.${other}`);
      }
    }
  }
  for (const [section, value] of Object.entries(config)) {
    if (section !== 'analysis' && section !== 'event_processing') ignored.push(section);
    else if (!isMap(value)) ignored.push(`${section} (not a section of settings)`);
  }
  if (taken.length === 0 && ignored.length === 0) throw new Error('the file holds no pack2skill settings');
  return { burst: nextBurst, cloud: nextCloud, taken, ignored };
}
