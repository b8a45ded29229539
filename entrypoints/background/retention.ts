/**
 * The daily clean-up of old days, own and imported alike (utils/retention.ts decides), run in
 * the storage door: a backup before its first deletion, and nothing deleted when the clock looks
 * wrong. A refusal is stored as the retention notice, which the options page shows with the way
 * to go on.
 */
import { browser } from 'wxt/browser';
import { createBackup, pushBackup } from '@/utils/backup';
import type { CommandReply } from '@/utils/messages';
import { planHistoryWrite } from '@/utils/options-data';
import { planRetention } from '@/utils/retention';
import type { Settings } from '@/utils/settings';
import {
  BACKUPS_KEY, RETENTION_NOTICE_KEY, SOURCE_ID_KEY, backupList, decodeEnvelope, decodeSourceId, encodeEnvelope,
  readHistory, retentionNotice,
} from '@/utils/storage';
import { localDate } from '@/utils/tracking/local-date';
import type { StorageDoor } from './storage-door';

export const RETENTION_ALARM = 'retention';

/**
 * One run of retention. `confirmed`: the user saw how many days go and agreed (the options
 * page's button after a refusal for too many days at once).
 */
export function runRetention(door: StorageDoor, settings: Settings, confirmed = false): Promise<CommandReply> {
  return door.run(async () => {
    try {
      const all = await browser.storage.local.get(null);
      const history = readHistory(all);
      const now = Date.now();
      const plan = planRetention({
        history, today: localDate(now, Intl.DateTimeFormat().resolvedOptions().timeZone),
        keepDays: settings.tracking.retentionDays, confirmed,
      });
      if (plan.kind === 'refused') {
        const notice = { reason: plan.reason, newestDay: plan.newestDay, count: plan.count, at: now };
        await browser.storage.local.set({ [RETENTION_NOTICE_KEY]: encodeEnvelope(retentionNotice, notice) });
        return { ok: false, error: plan.reason };
      }
      if (plan.kind === 'delete') {
        // Taken before the first deletion: a clock that fooled the checks still loses nothing.
        const sourceId = decodeSourceId(all[SOURCE_ID_KEY]) ?? crypto.randomUUID();
        const backup = createBackup({ id: crypto.randomUUID(), createdAt: new Date(now), reason: 'before-reset', settings, sourceId, history });
        const backups = pushBackup(decodeEnvelope(backupList, all[BACKUPS_KEY]).value, backup);
        const write = planHistoryWrite(all, history, plan.history, now);
        await browser.storage.local.set({ [BACKUPS_KEY]: encodeEnvelope(backupList, backups), [SOURCE_ID_KEY]: sourceId, ...write.set });
        if (write.remove.length > 0) await browser.storage.local.remove(write.remove);
      }
      if (all[RETENTION_NOTICE_KEY] !== undefined) await browser.storage.local.remove(RETENTION_NOTICE_KEY);
      return { ok: true };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  });
}

/** Once a day, and whenever the setting changes. */
export async function scheduleRetention(): Promise<void> {
  if (!(await browser.alarms.get(RETENTION_ALARM))) {
    await browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
  }
}
