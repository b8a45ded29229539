import { browser } from 'wxt/browser';
import { detectChannel } from '@/utils/channels';
import { recordedChannel } from '@/utils/focus';
import {
  isOwnPage, isOwnSender, parseMessage,
  type LiveReply, type Message, type MessageSender, type PanelView, type StatusReply, type WriteNowReply,
} from '@/utils/messages';
import { buildPanelView } from '@/utils/panel-view';
import { SETTINGS_KEY, decodeEnvelope, usageDay, usageKey } from '@/utils/storage';
import { mergeDayTotals } from '@/utils/tracking/totals';
import { tabUpdateEvent } from '@/utils/tracking/tab-updates';
import { panelAction, registerPanelShortcut } from './panel-actions';
import { clearBadge, updateBadge } from './badge';
import { notifyIfDue } from './notifications';
import { SettingsStore } from './settings-store';
import { FLUSH_ALARM, TrackerService } from './tracker-service';
import { RETENTION_ALARM, applyRetention, scheduleRetention } from './retention';
import { registerOptionsLifecycle } from './custom-hosts';

export default defineBackground(() => {
  registerOptionsLifecycle();
  registerPanelShortcut();
  const settings = new SettingsStore();
  const tracker = new TrackerService(
    () => settings.current,
    (tabId) => browser.tabs.sendMessage(tabId, { type: 'report-now' }).then((answer) => answer === true),
  );
  const channelOf = (url: string) => {
    const channel = detectChannel(url, settings.current.customHosts);
    return channel ? recordedChannel(channel, settings.current) : null;
  };

  // Browser events -> tracker events. Registered synchronously so a woken worker gets them.
  browser.tabs.onActivated.addListener(({ tabId, windowId }) => void tracker.handle({ type: 'tab-activated', tabId, windowId }));
  browser.tabs.onRemoved.addListener((tabId) => void tracker.handle({ type: 'tab-removed', tabId }));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // Chrome keeps a tab's badge across loads, and the next page may be no platform at all.
    if (change.status === 'loading') void clearBadge(tabId);
    const event = tabUpdateEvent(tabId, change, tab, channelOf);
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
    if (alarm.name === RETENTION_ALARM) void applyRetention(settings.current);
  });
  // "Delete all data" removes the settings too: time not yet written must not come back after it.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes && changes[SETTINGS_KEY]?.newValue === undefined) void tracker.reset();
  });
  let retentionDays = settings.current.tracking.retentionDays;
  settings.onChange((current) => {
    if (current.tracking.retentionDays !== retentionDays) {
      retentionDays = current.tracking.retentionDays;
      void applyRetention(current);
    }
    browser.idle.setDetectionInterval(current.tracking.idleThresholdSeconds);
    void tracker.handle({ type: 'reclassify' });
  });

  void settings.ready.then(async () => {
    browser.idle.setDetectionInterval(settings.current.tracking.idleThresholdSeconds);
    retentionDays = settings.current.tracking.retentionDays;
    await scheduleRetention();
    if (await tracker.isFresh()) await seedFocus(tracker);
  });

  browser.runtime.onMessage.addListener((raw: unknown, sender: MessageSender) => {
    if (!isOwnSender(sender, browser.runtime.id)) return undefined;
    const message = parseMessage(raw);
    if (!message) return undefined;
    return settings.ready.then(() => answer(message, sender));
  });

  async function answer(message: Message, sender: MessageSender): Promise<unknown> {
    switch (message.type) {
      case 'status':
        return { product: 'channel-focus', version: browser.runtime.getManifest().version } satisfies StatusReply;
      case 'live':
        return (await tracker.live()) satisfies LiveReply;
      case 'write-now':
        if (!isOwnPage(sender, browser.runtime.getURL('/'))) return null;
        return { written: await tracker.writeNow() } satisfies WriteNowReply;
      case 'page-report': {
        const tabId = sender.tab?.id;
        const windowId = sender.tab?.windowId;
        if (tabId === undefined || windowId === undefined || !speaksForTab(sender, message.gone === true)) return null;
        const channel = channelOf(message.url);
        const report = {
          type: 'page', tabId, windowId, channel, visible: message.visible,
          lastInputAt: message.lastInputAt, mediaPlaying: message.mediaPlaying, document: message.document,
        } as const;
        if (message.gone) {
          await tracker.handle({ ...report, gone: true });
          return null;
        }
        // A page with focus proves its window has it, whatever the focus events said.
        if (message.focused) await tracker.handle({ type: 'window-focused', windowId });
        await tracker.handle(report);
        const view = await panelView(tabId, channel);
        void updateBadge(tabId, view, settings.current);
        void notifyIfDue(view, settings.current);
        return view;
      }
      case 'panel-placement': case 'panel-add-to-focus': case 'panel-snooze': case 'panel-open': case 'panel-unhide':
        return panelAction(message, sender);
    }
  }

  async function panelView(tabId: number, channel: ReturnType<typeof channelOf>): Promise<PanelView> {
    const { snapshot, unwritten, idleThresholdMs } = await tracker.live();
    const date = tracker.today();
    const stored = decodeEnvelope(usageDay, (await browser.storage.local.get(usageKey(date)))[usageKey(date)]).value;
    return buildPanelView({
      channel, tabId, snapshot, idleThresholdMs, settings: settings.current, now: Date.now(),
      today: mergeDayTotals(stored, unwritten[date] ?? {}),
    });
  }
});

/**
 * Only the page a tab shows speaks for it: its top frame, in an active document (Chrome names
 * prerendered and back/forward-cached documents; the content script itself waits out prerendering).
 * A page that goes may still say so from the cache it goes into.
 */
function speaksForTab(sender: MessageSender, gone: boolean): boolean {
  if (sender.frameId !== undefined && sender.frameId !== 0) return false;
  return gone || sender.documentLifecycle === undefined || sender.documentLifecycle === 'active';
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
