/** When the daily clean-up of old days runs (the run itself: DataCommands.retention). */
import { browser } from 'wxt/browser';
import type { BackgroundParts } from './parts';

const RETENTION_ALARM = 'retention';

/** Once a day (the first a minute after the start); a changed setting runs it at once (followSettings). */
export function registerRetention({ settings, data }: BackgroundParts): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void data.retention(settings.current);
  });
  void settings.ready.then(async () => {
    if (!(await browser.alarms.get(RETENTION_ALARM))) {
      await browser.alarms.create(RETENTION_ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
    }
  });
}
