import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  createBackup, importUsage, mapUsageHistory, pushBackup, restoreFromBackup,
  type Backup, type BackupReason, type RestoreResult, type UsageHistory, type ValidImport,
} from '@/utils/backup';
import { writeUnwrittenTime } from '@/components/write-unwritten';
import { planHistoryWrite } from '@/utils/options-data';
import type { Settings } from '@/utils/settings';
import {
  BACKUPS_KEY, SETTINGS_KEY, SOURCE_ID_KEY, USAGE_PREFIX, IMPORTED_KEY, backupList, decodeEnvelope,
  decodeSettings, decodeSourceId, encodeEnvelope, quarantineKey, readHistory, type StoredHistory,
} from '@/utils/storage';

/**
 * The options page's shell around storage: reads everything once, follows storage.onChanged
 * (so two open tabs stay in sync), writes settings after every change, and runs the data
 * actions (import, restore, deletion), each from a fresh read and one at a time.
 */

export interface OptionsData {
  settings: Settings;
  /** Why the stored settings could not be read (defaults are shown), or null. */
  settingsProblem: string | null;
  history: StoredHistory;
  backups: Backup[];
}

function decodeAll(all: Record<string, unknown>): OptionsData {
  const settings = decodeSettings(all[SETTINGS_KEY]);
  return {
    settings: settings.value,
    settingsProblem: settings.status === 'unreadable' ? settings.reason : null,
    history: readHistory(all),
    backups: decodeEnvelope(backupList, all[BACKUPS_KEY]).value,
  };
}

const readAll = () => browser.storage.local.get(null) as Promise<Record<string, unknown>>;

/** What storage holds with every counted second in it: the background writes what it holds first. */
export async function readFreshData(): Promise<OptionsData> {
  await writeUnwrittenTime();
  return decodeAll(await readAll());
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs storage changes one after another: a second click must not read before the first wrote. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => {});
  return run;
}

export interface OptionsStore {
  data: OptionsData | null;
  /** Writes the whole settings object; the page shows it at once. */
  save(next: Settings): Promise<void>;
  /** The last failed write, for a message at the top of the page; null when all is well. */
  saveError: string | null;
}

export function useOptionsStore(): OptionsStore {
  const [data, setData] = useState<OptionsData | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  // The unreadable stored settings, kept aside before the first save writes over them.
  const unreadable = useRef<{ raw: unknown } | null>(null);

  useEffect(() => {
    let alive = true;
    const reload = (first = false) => (first ? writeUnwrittenTime() : Promise.resolve()).then(readAll).then((all) => {
      if (!alive) return;
      const decoded = decodeAll(all);
      unreadable.current = decoded.settingsProblem === null ? null : { raw: all[SETTINGS_KEY] };
      setData(decoded);
    });
    void reload(true);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const keys = Object.keys(changes);
      if (keys.some((key) => key.startsWith(USAGE_PREFIX) || key === IMPORTED_KEY || key === BACKUPS_KEY)) {
        void reload();
        return;
      }
      if (SETTINGS_KEY in changes) {
        const outcome = decodeSettings(changes[SETTINGS_KEY]?.newValue);
        unreadable.current = outcome.status === 'unreadable' ? { raw: changes[SETTINGS_KEY]?.newValue } : null;
        setData((current) => current && {
          ...current,
          settings: outcome.value,
          settingsProblem: outcome.status === 'unreadable' ? outcome.reason : null,
        });
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      alive = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  const save = useCallback((next: Settings) => {
    setData((current) => current && { ...current, settings: next, settingsProblem: null });
    return serial(async () => {
      const items: Record<string, unknown> = { [SETTINGS_KEY]: next };
      if (unreadable.current) items[quarantineKey(SETTINGS_KEY, Date.now())] = unreadable.current.raw;
      try {
        await browser.storage.local.set(items);
        unreadable.current = null;
        setSaveError(null);
      } catch (error) {
        setSaveError(error instanceof Error ? error.message : String(error));
      }
    });
  }, []);

  return { data, save, saveError };
}

// ---------------------------------------------------------------------------------------------
// Data actions.

const newId = () => crypto.randomUUID();

/** This profile's source id, created and stored the first time it is needed. */
export function ensureSourceId(): Promise<string> {
  return serial(async () => {
    const stored = decodeSourceId((await browser.storage.local.get(SOURCE_ID_KEY))[SOURCE_ID_KEY]);
    if (stored) return stored;
    const created = newId();
    await browser.storage.local.set({ [SOURCE_ID_KEY]: created });
    return created;
  });
}

interface Current {
  all: Record<string, unknown>;
  data: OptionsData;
  sourceId: string;
}

async function readCurrent(): Promise<Current> {
  const all = await readAll();
  let sourceId = decodeSourceId(all[SOURCE_ID_KEY]);
  if (!sourceId) {
    sourceId = newId();
    await browser.storage.local.set({ [SOURCE_ID_KEY]: sourceId });
  }
  return { all, data: decodeAll(all), sourceId };
}

/** Keeps the current state as a backup (the last five); throws when it cannot be stored. */
async function backUp(current: Current, reason: BackupReason): Promise<void> {
  const backup = createBackup({
    id: newId(), createdAt: new Date(), reason, settings: current.data.settings,
    sourceId: current.sourceId, history: current.data.history,
  });
  await browser.storage.local.set({ [BACKUPS_KEY]: encodeEnvelope(backupList, pushBackup(current.data.backups, backup)) });
}

async function writeHistory(current: Current, next: UsageHistory, extra: Record<string, unknown> = {}): Promise<void> {
  const plan = planHistoryWrite(current.all, current.data.history, next, Date.now());
  const items = { ...plan.set, ...extra };
  if (Object.keys(items).length > 0) await browser.storage.local.set(items);
  if (plan.remove.length > 0) await browser.storage.local.remove(plan.remove);
}

/**
 * Merges a validated import into the stored history: a backup of the current state first, then
 * one write. The merge runs on a fresh read, so time counted since the preview is kept.
 */
export function commitImport(incoming: ValidImport, takeSettings: boolean): Promise<void> {
  return serial(async () => {
    const current = await readCurrent();
    await backUp(current, 'before-import');
    const next = importUsage(current.data.history, incoming, current.sourceId);
    const settings = takeSettings && incoming.settings ? { [SETTINGS_KEY]: incoming.settings } : {};
    await writeHistory(current, next, settings);
  });
}

/** Puts a backup's state in place of the current one, after keeping the current one as a backup. */
export function restoreBackup(backup: Backup): Promise<RestoreResult> {
  return serial(async () => {
    const restored = restoreFromBackup(backup);
    if (!restored.ok) return restored;
    const current = await readCurrent();
    await backUp(current, 'manual');
    let history = restored.history;
    if (restored.sourceId !== current.sourceId) {
      // Made under another id (the id was lost): its own time is kept apart, like imported time.
      history = { own: {}, imported: { ...restored.history.imported, [restored.sourceId]: restored.history.own } };
    }
    await writeHistory(current, history, restored.settings ? { [SETTINGS_KEY]: restored.settings } : {});
    return restored;
  });
}

/** Deletes one channel's (or platform's) history, own and imported; a backup keeps it restorable. */
export function deleteHistory(change: (days: StoredHistory['own']) => StoredHistory['own']): Promise<void> {
  return serial(async () => {
    const current = await readCurrent();
    const next = mapUsageHistory(current.data.history, change);
    if (next === current.data.history) return;
    await backUp(current, 'before-reset');
    await writeHistory(current, next);
  });
}

/**
 * Deletes everything Channel Focus stored except the profile's source id: settings, history,
 * imported time, backups and quarantined items. Returns the settings that were in place, so the
 * caller can give back the permissions of their custom hosts.
 */
export function deleteAllData(): Promise<Settings> {
  return serial(async () => {
    const all = await readAll();
    const settings = decodeSettings(all[SETTINGS_KEY]).value;
    const keys = Object.keys(all).filter((key) => key !== SOURCE_ID_KEY);
    if (keys.length > 0) await browser.storage.local.remove(keys);
    return settings;
  });
}
