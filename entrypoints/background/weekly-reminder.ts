import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { weekStart } from '@/utils/dashboard';
import { activeSpecialization, type Settings } from '@/utils/settings';
import { nextWeeklyReminder } from '@/utils/weekly-reminder';
import type { SettingsStore } from './settings-store';

/**
 * The weekly report reminder (off by default): an alarm at the start of the first working day of
 * each week shows a notification that opens last week's report. The `notifications` permission is
 * optional and asked for by the options page; without it the alarm still runs and shows nothing.
 */

export const WEEKLY_REMINDER_ALARM = 'weekly-report';
const NOTIFICATION_ID = 'weekly-report';

function nextDue(settings: Settings, now: number): number | null {
  const hours = activeSpecialization(settings)?.workingHours ?? null;
  return nextWeeklyReminder(now, hours, weekStart(browser.i18n.getUILanguage()), Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/**
 * Sets the alarm for the next reminder, or clears it when the reminder is off. An alarm that is
 * already due (missed while the browser was closed) is left alone: it fires next and shows the
 * reminder late rather than never.
 */
export async function scheduleWeeklyReminder(settings: Settings, now = Date.now()): Promise<void> {
  if (!settings.reports.weeklyReminder) {
    await browser.alarms.clear(WEEKLY_REMINDER_ALARM);
    return;
  }
  const existing = await browser.alarms.get(WEEKLY_REMINDER_ALARM);
  if (existing && existing.scheduledTime <= now) return;
  const due = nextDue(settings, now);
  if (due === null) {
    await browser.alarms.clear(WEEKLY_REMINDER_ALARM);
    return;
  }
  if (existing?.scheduledTime !== due) await browser.alarms.create(WEEKLY_REMINDER_ALARM, { when: due });
}

/** The alarm went off: show the reminder (when still wanted and allowed), then set the next one. */
export async function remindOfWeeklyReport(settings: Settings): Promise<void> {
  await browser.alarms.clear(WEEKLY_REMINDER_ALARM);
  if (settings.reports.weeklyReminder && browser.notifications
    && (await browser.permissions.contains({ permissions: ['notifications'] }))) {
    await browser.notifications.create(NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: i18n.t('alerts.weekly.title'),
      message: i18n.t('alerts.weekly.message'),
    });
  }
  await scheduleWeeklyReminder(settings);
}

/** The report page on last week. */
const lastWeekReportUrl = () => browser.runtime.getURL('/report.html?range=last-week');

/** The reminder's alarm, and a click on the reminder opens last week's report. Registered when the background starts. */
export function registerWeeklyReminder(settings: SettingsStore): void {
  // notifications is optional: the API (and its events) exist only once it is granted, which
  // may happen while the background runs.
  let listening = false;
  const listen = () => {
    if (listening || !browser.notifications) return;
    listening = true;
    browser.notifications.onClicked.addListener((id) => {
      if (id !== NOTIFICATION_ID) return;
      void browser.notifications.clear(id);
      void browser.tabs.create({ url: lastWeekReportUrl() });
    });
  };
  listen();
  browser.permissions.onAdded.addListener(listen);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === WEEKLY_REMINDER_ALARM) void settings.ready.then(() => remindOfWeeklyReport(settings.current));
  });
  void settings.ready.then(() => scheduleWeeklyReminder(settings.current));
  settings.onChange((current) => void scheduleWeeklyReminder(current));
}
