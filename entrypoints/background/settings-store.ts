import { browser } from 'wxt/browser';
import { defaultSettings, type Settings } from '@/utils/settings';
import { SETTINGS_KEY, decodeSettings, quarantineKey } from '@/utils/storage';

/** The settings as the background sees them: read once, then kept current by storage.onChanged. */
export class SettingsStore {
  #current: Settings = defaultSettings();
  readonly ready: Promise<void>;
  #listeners: ((settings: Settings) => void)[] = [];

  constructor() {
    this.ready = browser.storage.local.get(SETTINGS_KEY).then((all) => this.#accept(all[SETTINGS_KEY], true));
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && SETTINGS_KEY in changes) void this.#accept(changes[SETTINGS_KEY]?.newValue, false);
    });
  }

  async #accept(raw: unknown, initial: boolean): Promise<void> {
    const outcome = decodeSettings(raw);
    if (outcome.status === 'unreadable') {
      // Keep the user's value aside before anything could write over it; run on defaults meanwhile.
      console.warn(`Channel Focus: settings unreadable (${outcome.reason}); kept aside, using defaults.`);
      await browser.storage.local.set({ [quarantineKey(SETTINGS_KEY, Date.now())]: raw });
    }
    this.#current = outcome.value;
    if (!initial) for (const listener of this.#listeners) listener(this.#current);
  }

  get current(): Settings {
    return this.#current;
  }

  onChange(listener: (settings: Settings) => void): void {
    this.#listeners.push(listener);
  }
}
