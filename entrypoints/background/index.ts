import { browser } from 'wxt/browser';
import { tabUpdateEvent } from '@/utils/tracking/tab-updates';
import { followSettings } from './follow-settings';
import { registerPanelShortcut } from './panel-actions';
import { clearBadge } from './badge';
import { registerMessages } from './messages';
import { createBackgroundParts } from './parts';
import { FLUSH_ALARM, TrackerService } from './tracker-service';
import { RETENTION_ALARM, scheduleRetention } from './retention';
import { WEEKLY_REMINDER_ALARM, registerWeeklyReminder, remindOfWeeklyReport } from './weekly-reminder';
import { registerOptionsLifecycle } from './custom-hosts';
import { registerOpenTabInjection } from './inject-open-tabs';
import { registerHostOffers } from './add-granted-host';
import { registerSync } from './sync-service';

export default defineBackground(() => {
  registerOptionsLifecycle();
  registerOpenTabInjection();
  registerPanelShortcut();
  const parts = createBackgroundParts();
  const { door, settings, tracker, channelOf } = parts;

  // Browser events -> tracker events. Registered synchronously so a woken worker gets them.
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => void tracker.handle({ type: 'tab-activated', tabId, windowId }));
  browser.tabs.onRemoved.addListener((tabId) => void tracker.handle({ type: 'tab-removed', tabId }));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // Chrome keeps a tab's badge across loads, and the next page may be no platform at all.
    if (change.status === 'loading') void clearBadge(tabId);
    const event = tabUpdateEvent(tabId, change, tab, (url) => channelOf(url, tab.incognito));
    if (event) void tracker.handle(event);
  });
  browser.windows.onFocusChanged.addListener((windowId) => {
    if (windowId !== browser.windows.WINDOW_ID_NONE) {
      void tracker.handle({ type: 'window-focused', windowId });
      return;
    }
    void tracker.handle({ type: 'window-focused', windowId: null });
    // On Linux desktops "no window" also comes while a window keeps focus (menus, new windows):
    // ask again once the dust has settled.
    setTimeout(() => {
      browser.windows.getLastFocused().then((win) => {
        if (win.focused && win.id !== undefined) void tracker.handle({ type: 'window-focused', windowId: win.id });
      }, () => {});
    }, 250);
  });
  browser.windows.onRemoved.addListener((windowId) => void tracker.handle({ type: 'window-removed', windowId }));
  browser.idle.onStateChanged.addListener((state) => void tracker.handle({ type: 'system', state }));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === FLUSH_ALARM) void tracker.flush();
    if (alarm.name === RETENTION_ALARM) void parts.data.retention(settings.current);
    if (alarm.name === WEEKLY_REMINDER_ALARM) void settings.ready.then(() => remindOfWeeklyReport(settings.current));
  });
  followSettings(parts);
  registerHostOffers(settings);
  registerWeeklyReminder(settings);
  registerSync(parts);

  void settings.ready.then(async () => {
    browser.idle.setDetectionInterval(settings.current.tracking.idleThresholdSeconds);
    await scheduleRetention();
    if (await tracker.isFresh()) await seedFocus(tracker);
  });

  registerMessages(parts);
});

/** A new browser session: learn which window has focus and which tabs are active. */
async function seedFocus(tracker: TrackerService): Promise<void> {
  const [focused, active] = await Promise.all([
    browser.windows.getLastFocused().catch(() => null),
    browser.tabs.query({ active: true }),
  ]);
  for (const tab of active) {
    if (tab.id !== undefined && tab.windowId !== undefined) await tracker.handle({ type: 'tab-activated', tabId: tab.id, windowId: tab.windowId });
  }
  if (focused?.focused && focused.id !== undefined) await tracker.handle({ type: 'window-focused', windowId: focused.id });
}
