/**
 * Browser events to tracker events: tabs, windows, idleness and the write alarm. Registered
 * synchronously when the worker starts, so a worker woken by one of these events receives it.
 */
import { browser } from 'wxt/browser';
import { tabUpdateEvent } from '@/utils/tracking/tab-updates';
import { clearBadge } from './badge';
import type { BackgroundParts } from './parts';
import { FLUSH_ALARM, type TrackerService } from './tracker-service';

export function registerTracking({ settings, tracker, channelOf }: BackgroundParts): void {
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
  });

  void settings.ready.then(async () => {
    browser.idle.setDetectionInterval(settings.current.tracking.idleThresholdSeconds);
    if (await tracker.isFresh()) await seedFocus(tracker);
  });
}

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
