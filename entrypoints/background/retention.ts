/** When the daily clean-up of old days runs (the run itself: DataCommands.retention). */
import { browser } from 'wxt/browser';

export const RETENTION_ALARM = 'retention';

/** Once a day, and whenever the setting changes. */
export async function scheduleRetention(): Promise<void> {
  if (!(await browser.alarms.get(RETENTION_ALARM))) {
    await browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
  }
}
