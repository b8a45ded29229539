import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { backupList, type Backup, type ImportError } from '@/utils/backup';
import type { CommandReply } from '@/utils/messages';
import type { Settings } from '@/utils/settings';
import {
  BACKUPS_KEY, DEVICES_KEY, RETENTION_NOTICE_KEY, SETTINGS_KEY, SYNC_STATE_KEY, decodeDevices, decodeEnvelope,
  decodeSettings, decodeSyncState, readHistory, retentionNotice, type RetentionNotice, type StoredHistory,
} from '@/utils/storage';
import type { SyncState } from '@/utils/sync/state';
import type { DeviceUsage } from '@/utils/sync/usage-encoding';
import { keptAside, storageUse, type KeptAsideItem, type StorageUse } from '@/utils/storage-use';
import { send } from '@/components/send';
import { writeUnwrittenTime } from '@/components/write-unwritten';

/**
 * The options page's shell around storage: reads everything once and follows storage.onChanged
 * (so two open tabs stay in sync). It never writes: settings edits and the data actions (import,
 * restore, deletion) are commands the background carries out in its storage door.
 */

export interface OptionsData {
  settings: Settings;
  /** Why the stored settings could not be read (defaults are shown), or null. */
  settingsProblem: string | null;
  history: StoredHistory;
  backups: Backup[];
  /** What takes the room in storage.local. */
  use: StorageUse;
  keptAside: KeptAsideItem[];
  /** Why the last clean-up of old days deleted nothing, or null. */
  retentionNotice: RetentionNotice | null;
  /** Whether sync is on, and how its last turns went. */
  syncState: SyncState;
  /** The user's other devices as sync last brought them, by device id (this device is not among them). */
  devices: Record<string, DeviceUsage>;
}

function decodeAll(all: Record<string, unknown>): OptionsData {
  const settings = decodeSettings(all[SETTINGS_KEY]);
  const notice = decodeEnvelope(retentionNotice, all[RETENTION_NOTICE_KEY]);
  return {
    settings: settings.value,
    settingsProblem: settings.status === 'unreadable' ? settings.reason : null,
    history: readHistory(all),
    backups: decodeEnvelope(backupList, all[BACKUPS_KEY]).value,
    use: storageUse(all),
    keptAside: keptAside(all),
    retentionNotice: notice.status === 'ok' ? notice.value : null,
    syncState: decodeSyncState(all[SYNC_STATE_KEY]),
    devices: decodeDevices(all[DEVICES_KEY]),
  };
}

const readAll = () => browser.storage.local.get(null) as Promise<Record<string, unknown>>;

/** What storage holds with every counted second in it: the background writes what it holds first. */
export async function readFreshData(): Promise<OptionsData> {
  await writeUnwrittenTime();
  return decodeAll(await readAll());
}

let queue: Promise<unknown> = Promise.resolve();

/** Sends settings saves one after another, so the last edit is the one that stays. */
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => {});
  return run;
}

export interface OptionsStore {
  data: OptionsData | null;
  /** Writes the whole settings object; the page shows it at once. Resolves to why it failed, or null. */
  save(next: Settings): Promise<string | null>;
  /** The last failed write, for a message at the top of the page; null when all is well. */
  saveError: string | null;
}

export function useOptionsStore(): OptionsStore {
  const [data, setData] = useState<OptionsData | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    const reload = (first = false) => (first ? writeUnwrittenTime() : Promise.resolve()).then(readAll).then((all) => {
      if (!alive) return;
      setData(decodeAll(all));
    });
    void reload(true);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const keys = Object.keys(changes);
      if (keys.some((key) => key !== SETTINGS_KEY)) {
        // History, backups, values kept aside, notices: read again (the figures of the room they take too).
        void reload();
        return;
      }
      if (SETTINGS_KEY in changes) {
        const outcome = decodeSettings(changes[SETTINGS_KEY]?.newValue);
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
    // One save at a time, in order: the background keeps an unreadable value aside before the first.
    return serial(async () => {
      let problem: string | null;
      try {
        const reply = await send({ type: 'settings-save', settings: next });
        problem = reply.ok ? null : reply.error;
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      setSaveError(problem);
      return problem;
    });
  }, []);

  return { data, save, saveError };
}

// ---------------------------------------------------------------------------------------------
// Data actions: commands the background runs in its storage door (the one writer).

/** A command the background refused or could not carry out; `importError` when a file was at fault. */
export class CommandFailed extends Error {
  constructor(message: string, readonly importError?: ImportError) {
    super(message);
  }
}

const done = (reply: CommandReply): void => {
  if (!reply.ok) throw new CommandFailed(reply.error, reply.importError);
};

/** This profile's source id, created by the background the first time it is asked for. */
export async function ensureSourceId(): Promise<string> {
  return (await send({ type: 'source-id' })).sourceId;
}

/** Merges an import file (its text: the background checks it again), keeping a backup first. */
export async function commitImport(text: string, takeSettings: boolean): Promise<void> {
  done(await send({ type: 'data-import', text, takeSettings }));
}

/** Puts a backup's state in place of the current one, after keeping the current one as a backup. */
export async function restoreBackup(backup: Backup): Promise<{ settingsError: string | null }> {
  const reply = await send({ type: 'data-restore', backupId: backup.id });
  done(reply);
  return { settingsError: reply.ok ? reply.settingsError ?? null : null };
}

/** Deletes one channel's history (its key) or a whole platform's, own and imported; a backup keeps it restorable. */
export async function deleteHistory(target: { channelKey: string } | { platform: string }): Promise<void> {
  done(await send({ type: 'data-delete', ...target }));
}

/**
 * Deletes everything Channel Focus stored except the profile's source id. Returns the settings
 * that were in place, so the caller can give back the permissions of their custom hosts.
 */
export async function deleteAllData(): Promise<Settings> {
  const before = decodeSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).value;
  done(await send({ type: 'data-delete-all' }));
  return before;
}

/** Lets go of one value kept aside. */
export async function discardKeptAside(key: string): Promise<void> {
  done(await send({ type: 'kept-aside-discard', key }));
}

/** Turns sync through the browser's storage.sync on or off. */
export async function enableSync(enabled: boolean): Promise<void> {
  done(await send({ type: 'sync-enable', enabled }));
}

/** Publishes this device's totals and settings now rather than at the next turn. */
export async function syncNow(): Promise<void> {
  done(await send({ type: 'sync-now' }));
}

/** Takes another device out of this view; it comes back when that device publishes again. */
export async function removeDevice(deviceId: string): Promise<void> {
  done(await send({ type: 'device-remove', deviceId }));
}

/** Runs the clean-up of old days that was refused for deleting too many at once, now that the user agreed. */
export async function confirmRetention(): Promise<void> {
  done(await send({ type: 'retention-run', confirmed: true }));
}
