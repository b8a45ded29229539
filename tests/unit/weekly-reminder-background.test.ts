import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsStore } from '@/entrypoints/background/settings-store';
import {
  WEEKLY_REMINDER_ALARM, registerWeeklyReminder, remindOfWeeklyReport, scheduleWeeklyReminder,
} from '@/entrypoints/background/weekly-reminder';
import { weekStart } from '@/utils/dashboard';
import { defaultSettings, type Settings } from '@/utils/settings';
import { nextWeeklyReminder } from '@/utils/weekly-reminder';
import { installLocale } from './dashboard-locale';

const NOW = Date.parse('2026-12-02T10:00:00Z');
const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const reminderOn = (): Settings => ({ ...defaultSettings(), reports: { weeklyReminder: true } });
let granted = true;

beforeEach(async () => {
  fakeBrowser.reset();
  await installLocale('en');
  granted = true;
  Object.assign(fakeBrowser.permissions, {
    contains: vi.fn(async ({ permissions = [] }: { permissions?: string[] }) => granted && permissions.every((p) => p === 'notifications')),
    // WXT's fake browser has no permission events.
    onAdded: { addListener: vi.fn() },
  });
});

describe('weekly report reminder (background)', () => {
  it('sets its alarm for the first working day of the week only while it is on', async () => {
    await scheduleWeeklyReminder(defaultSettings(), NOW);
    expect(await fakeBrowser.alarms.get(WEEKLY_REMINDER_ALARM)).toBeUndefined();
    await scheduleWeeklyReminder(reminderOn(), NOW);
    const due = nextWeeklyReminder(NOW, null, weekStart('en-US'), zone());
    expect((await fakeBrowser.alarms.get(WEEKLY_REMINDER_ALARM))?.scheduledTime).toBe(due);
    await scheduleWeeklyReminder(defaultSettings(), NOW);
    expect(await fakeBrowser.alarms.get(WEEKLY_REMINDER_ALARM)).toBeUndefined();
  });

  it('leaves an alarm that is already due, so a reminder missed while the browser was closed still shows', async () => {
    await fakeBrowser.alarms.create(WEEKLY_REMINDER_ALARM, { when: NOW - 3_600_000 });
    await scheduleWeeklyReminder(reminderOn(), NOW);
    expect((await fakeBrowser.alarms.get(WEEKLY_REMINDER_ALARM))?.scheduledTime).toBe(NOW - 3_600_000);
  });

  it('shows the notification when allowed, and sets the next one either way', async () => {
    await remindOfWeeklyReport(reminderOn());
    const shown = await fakeBrowser.notifications.getAll() as Record<string, { title: string; message: string }>;
    expect(Object.values(shown).map((n) => n.title)).toEqual(['Your weekly focus report']);
    expect((await fakeBrowser.alarms.get(WEEKLY_REMINDER_ALARM))!.scheduledTime).toBeGreaterThan(Date.now());

    await fakeBrowser.notifications.clear('weekly-report');
    granted = false;
    await remindOfWeeklyReport(reminderOn());
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await fakeBrowser.alarms.get(WEEKLY_REMINDER_ALARM)).toBeDefined();
  });

  it('opens last week’s report when the notification is clicked, and follows the settings', async () => {
    let current = reminderOn();
    const listeners: ((settings: Settings) => void)[] = [];
    const store = { ready: Promise.resolve(), get current() { return current; }, onChange: (l: (s: Settings) => void) => listeners.push(l) };
    registerWeeklyReminder(store as unknown as SettingsStore);
    await store.ready;
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(WEEKLY_REMINDER_ALARM)).toBeDefined());

    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger('weekly-report');
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/report.html?range=last-week') });

    current = defaultSettings();
    for (const listener of listeners) listener(current);
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(WEEKLY_REMINDER_ALARM)).toBeUndefined());
  });
});
