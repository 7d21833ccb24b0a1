/**
 * The person's settings as the Settings dialog edits them: loaded fresh for
 * each opening, saved together (each normalised), and the cloud connection
 * test. The dialog keeps its own working copy; storage stays here.
 */
import type { BurstSettings } from '../analyze/segment/bursts';
import { testConnection } from '../cloud/ask';
import { PROVIDER_NAMES } from '../cloud/strategy';
import type { CloudProvider, CloudSettings } from '../cloud/types';
import { describeError } from '../shared/format';
import {
  announceSettingsSaved,
  loadBurstSettings,
  loadCaptionSettings,
  loadCloudSettings,
  normalizeBurstSettings,
  saveBurstSettings,
  saveCaptionSettings,
  saveCloudSettings,
  type CaptionSettings,
} from '../storage/settings';
import type { NoticeState } from './notice.svelte';

export interface SettingsForm {
  burst: BurstSettings;
  captions: CaptionSettings;
  cloud: CloudSettings;
}

export class SettingsState {
  readonly #notice: NoticeState;

  constructor(notice: NoticeState) {
    this.#notice = notice;
  }

  /** The stored settings, as a copy the dialog may change freely. */
  async load(): Promise<SettingsForm | null> {
    try {
      const [burst, captions, cloud] = await Promise.all([
        loadBurstSettings(),
        loadCaptionSettings(),
        loadCloudSettings(),
      ]);
      return { burst, captions, cloud };
    } catch (error) {
      this.#notice.show('error', `Settings could not be read: ${describeError(error)}. Reload to try again.`);
      return null;
    }
  }

  /** Stores the form; returns what was stored (normalised), or null when it could not be (and says why). */
  async save(form: SettingsForm): Promise<SettingsForm | null> {
    try {
      const saved = {
        burst: await saveBurstSettings(normalizeBurstSettings(form.burst)),
        captions: await saveCaptionSettings(form.captions),
        cloud: await saveCloudSettings(form.cloud),
      };
      announceSettingsSaved();
      this.#notice.show('success', 'Settings saved. Press “Analyse again” on a recording’s steps to apply them.');
      return saved;
    } catch (error) {
      this.#notice.show('error', `Settings could not be saved: ${describeError(error)}`);
      return null;
    }
  }

  /** Sends a tiny request with the settings as typed (saved or not) and says how it went. */
  async testConnection(provider: CloudProvider, cloud: CloudSettings): Promise<{ ok: boolean; text: string }> {
    try {
      await testConnection(provider, cloud);
      return { ok: true, text: `${PROVIDER_NAMES[provider]} answered: the connection works.` };
    } catch (error) {
      return { ok: false, text: describeError(error) };
    }
  }
}
