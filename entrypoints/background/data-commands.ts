/**
 * The options page's data actions, run by the background inside the storage door: import,
 * restore, deletion of one channel's or all history, the clean-up of old days, this profile's
 * source id, and the values kept aside. Each reads afresh inside its task, so a flush can never land between its read and
 * its write, and a deletion takes the matching unwritten time with it.
 */
import { browser } from 'wxt/browser';
import {
  backupList, createBackup, deleteHistoryWhere, deletionMatch, importUsage, mapUsageHistory, parseImport, pushBackup, restoreFromBackup,
  type BackupReason, type UsageHistory,
} from '@/utils/backup';
import type { CommandReply, Replies } from '@/utils/messages';
import { planHistoryWrite } from '@/utils/options-data';
import {
  BACKUPS_KEY, QUARANTINE_PREFIX, RETENTION_NOTICE_KEY, SETTINGS_KEY, SOURCE_ID_KEY, decodeEnvelope, decodeSettings, decodeSourceId,
  encodeEnvelope, readHistory, retentionNotice,
} from '@/utils/storage';
import { planRetention } from '@/utils/retention';
import type { Settings } from '@/utils/settings';
import { localDate } from '@/utils/time-zone';
import type { StorageDoor } from './storage-door';
import type { TrackerService } from './tracker-service';

interface Current {
  all: Record<string, unknown>;
  history: UsageHistory;
  sourceId: string;
}

const failed = (error: unknown): CommandReply => ({ ok: false, error: error instanceof Error ? error.message : String(error) });

export class DataCommands {
  constructor(private readonly door: StorageDoor, private readonly tracker: TrackerService) {}

  /** This profile's source id, created and stored the first time it is needed. */
  sourceId(): Promise<Replies['source-id']> {
    return this.door.run(async () => ({ sourceId: (await this.#read()).sourceId }));
  }

  /** Merges an import file: checked again here, a backup of the current state first, then one write. */
  import(text: string, takeSettings: boolean): Promise<CommandReply> {
    const parsed = parseImport(text, { today: localDate(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone) });
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error.code, importError: parsed.error });
    return this.#task(async () => {
      const current = await this.#read();
      await this.#backUp(current, 'before-import');
      const next = importUsage(current.history, parsed.data, current.sourceId);
      const settings = takeSettings && parsed.data.settings ? { [SETTINGS_KEY]: parsed.data.settings } : {};
      await this.#writeHistory(current, next, settings);
    });
  }

  /** Puts a backup's state in place of the current one, after keeping the current one as a backup. */
  restore(backupId: string): Promise<Replies['data-restore']> {
    return this.door.run(async () => {
      try {
        const current = await this.#read();
        const backup = decodeEnvelope(backupList, current.all[BACKUPS_KEY]).value.find((entry) => entry.id === backupId);
        if (!backup) return { ok: false, error: 'no such backup' };
        const restored = restoreFromBackup(backup);
        if (!restored.ok) return { ok: false, error: restored.error.code, importError: restored.error };
        await this.#backUp(current, 'manual');
        let history = restored.history;
        if (restored.sourceId !== current.sourceId) {
          // Made under another id (the id was lost): its own time is kept apart, like imported time.
          history = { own: {}, imported: { ...restored.history.imported, [restored.sourceId]: restored.history.own } };
        }
        await this.#writeHistory(current, history, restored.settings ? { [SETTINGS_KEY]: restored.settings } : {});
        return { ok: true, settingsError: restored.settingsError };
      } catch (error) {
        return failed(error);
      }
    });
  }

  /**
   * Deletes one channel's history (its key) or a whole platform's, own and imported, with the
   * time not yet written; a backup keeps it restorable.
   */
  delete(target: { channelKey?: string | undefined; platform?: string | undefined }): Promise<CommandReply> {
    const { channelKey, platform } = target;
    const matches = channelKey !== undefined ? deletionMatch({ channelKey })
      : platform !== undefined ? deletionMatch({ platform }) : null;
    if (!matches) return Promise.resolve({ ok: false, error: 'nothing to delete' });
    return this.#task(async () => {
      await this.tracker.forgetUnwrittenInTask(matches);
      const current = await this.#read();
      const next = mapUsageHistory(current.history, (days) => deleteHistoryWhere(days, matches));
      if (next === current.history) return;
      await this.#backUp(current, 'before-reset');
      await this.#writeHistory(current, next);
    });
  }

  /**
   * Deletes everything Channel Focus stored except the profile's source id: settings, history,
   * imported time, backups and values kept aside, and the time not yet written.
   */
  deleteAll(): Promise<CommandReply> {
    return this.#task(async () => {
      await this.tracker.resetInTask();
      const keys = Object.keys(await browser.storage.local.get(null)).filter((key) => key !== SOURCE_ID_KEY);
      if (keys.length > 0) await browser.storage.local.remove(keys);
    });
  }

  /**
   * The clean-up of old days, own and imported alike (utils/retention.ts decides): a backup before
   * its first deletion, nothing deleted when the clock looks wrong. A refusal is stored as the
   * retention notice, which the options page shows with the way on. `confirmed`: the user saw how
   * many days go and agreed.
   */
  retention(settings: Settings, confirmed = false): Promise<CommandReply> {
    return this.door.run(async () => {
      try {
        const current = await this.#read();
        const now = Date.now();
        const plan = planRetention({
          history: current.history, today: localDate(now, Intl.DateTimeFormat().resolvedOptions().timeZone),
          keepDays: settings.tracking.retentionDays, confirmed,
        });
        if (plan.kind === 'refused') {
          const notice = { reason: plan.reason, newestDay: plan.newestDay, count: plan.count, at: now };
          await browser.storage.local.set({ [RETENTION_NOTICE_KEY]: encodeEnvelope(retentionNotice, notice) });
          return { ok: false, error: plan.reason };
        }
        if (plan.kind === 'delete') {
          // Taken before the first deletion: a clock that fooled the checks still loses nothing.
          await this.#backUp(current, 'before-reset');
          await this.#writeHistory(current, plan.history);
        }
        if (current.all[RETENTION_NOTICE_KEY] !== undefined) await browser.storage.local.remove(RETENTION_NOTICE_KEY);
        return { ok: true };
      } catch (error) {
        return failed(error);
      }
    });
  }

  /** Lets go of one value kept aside. */
  discardKeptAside(key: string): Promise<CommandReply> {
    if (!key.startsWith(QUARANTINE_PREFIX)) return Promise.resolve({ ok: false, error: 'not a value kept aside' });
    return this.#task(() => browser.storage.local.remove(key));
  }

  /** Runs a command in the door and answers ok, or with the browser's reason it failed. */
  #task(work: () => Promise<void>): Promise<CommandReply> {
    return this.door.run(async () => {
      try {
        await work();
        return { ok: true } as const;
      } catch (error) {
        return failed(error);
      }
    });
  }

  async #read(): Promise<Current> {
    const all = await browser.storage.local.get(null);
    let sourceId = decodeSourceId(all[SOURCE_ID_KEY]);
    if (!sourceId) {
      sourceId = crypto.randomUUID();
      await browser.storage.local.set({ [SOURCE_ID_KEY]: sourceId });
    }
    return { all, history: readHistory(all), sourceId };
  }

  /** Keeps the current state as a backup; throws when it cannot be stored (nothing else is written then). */
  async #backUp(current: Current, reason: BackupReason): Promise<void> {
    const backup = createBackup({
      id: crypto.randomUUID(), createdAt: new Date(), reason, settings: decodeSettings(current.all[SETTINGS_KEY]).value,
      sourceId: current.sourceId, history: current.history,
    });
    const list = decodeEnvelope(backupList, current.all[BACKUPS_KEY]).value;
    await browser.storage.local.set({ [BACKUPS_KEY]: encodeEnvelope(backupList, pushBackup(list, backup)) });
  }

  async #writeHistory(current: Current, next: UsageHistory, extra: Record<string, unknown> = {}): Promise<void> {
    const plan = planHistoryWrite(current.all, current.history, next, Date.now());
    const items = { ...plan.set, ...extra };
    if (Object.keys(items).length > 0) await browser.storage.local.set(items);
    if (plan.remove.length > 0) await browser.storage.local.remove(plan.remove);
  }
}
