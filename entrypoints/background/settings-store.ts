import { browser } from 'wxt/browser';
import { defaultSettings, parseSettings, type Settings } from '@/utils/settings';
import { SETTINGS_KEY, decodeSettings } from '@/utils/storage';
import type { CommandReply } from '@/utils/messages';
import type { StorageDoor } from './storage-door';

/**
 * The settings as the background sees them: read once, then kept current by storage.onChanged;
 * and the one way to change them (`edit`), for the panel's actions, the popup's switches and
 * the options page alike.
 */
export class SettingsStore {
  #current: Settings = defaultSettings();
  readonly ready: Promise<void>;
  #listeners: ((settings: Settings) => void)[] = [];

  constructor(private readonly door: StorageDoor) {
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
      await this.door.run(() => this.door.keepAside(SETTINGS_KEY, raw, Date.now())).catch(() => {});
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

  /**
   * Reads the stored settings, applies `edit` at `now`, validates and writes, one edit at a time
   * in the storage door. Stored settings that cannot be read are kept aside (once) and the edit
   * applies to the defaults. An edit that changes nothing writes nothing; one that would not
   * validate writes nothing and says why.
   */
  edit(edit: (settings: Settings, now: number) => Settings | unknown): Promise<CommandReply> {
    return this.door.run(async () => {
      try {
        const raw = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
        const outcome = decodeSettings(raw);
        const next = edit(outcome.value, Date.now());
        if (next === outcome.value) return { ok: true } as const;
        const checked = parseSettings(next);
        if (!checked.ok) return { ok: false, error: checked.error };
        if (outcome.status === 'unreadable') await this.door.keepAside(SETTINGS_KEY, raw, Date.now());
        await browser.storage.local.set({ [SETTINGS_KEY]: checked.settings });
        // Current at once: a view made before the storage event arrives already shows the edit.
        this.#current = checked.settings;
        return { ok: true } as const;
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    });
  }
}
