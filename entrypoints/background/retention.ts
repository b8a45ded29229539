import { browser } from 'wxt/browser';
import type { Settings } from '@/utils/settings';
import { usageDateOf, usageKey } from '@/utils/storage';
import { localDate } from '@/utils/tracking/local-date';
import { datesToDrop } from '@/utils/tracking/totals';

export const RETENTION_ALARM = 'retention';

/** Deletes the days older than the user's retention setting (none when it keeps everything). */
export async function applyRetention(settings: Settings): Promise<void> {
  const keepDays = settings.tracking.retentionDays;
  if (keepDays === null) return;
  const keys = Object.keys(await browser.storage.local.get(null));
  const dates = keys.flatMap((key) => usageDateOf(key) ?? []);
  const today = localDate(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
  const drop = datesToDrop(dates, today, keepDays);
  if (drop.length > 0) await browser.storage.local.remove(drop.map(usageKey));
}

/** Once a day, and whenever the setting changes. */
export async function scheduleRetention(): Promise<void> {
  if (!(await browser.alarms.get(RETENTION_ALARM))) {
    await browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
  }
}
