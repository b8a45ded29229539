/**
 * The background's end of the protocol (utils/messages.ts): every message is validated, its
 * sender checked against the role the protocol gives it, and answered. Pages report and act on
 * the panel; views (popup, report, options) send the commands that change the user's data.
 */
import { browser } from 'wxt/browser';
import { detectChannel, type Channel } from '@/utils/channels';
import {
  SENDER_ROLES, parseMessage, senderMayAsk, type Message, type MessageSender, type PanelView, type Replies,
} from '@/utils/messages';
import { buildPanelView } from '@/utils/panel-view';
import { pauseTracking, resumeTracking, setActiveSpecialization } from '@/utils/settings';
import type { TrackerEventWithoutClock } from '@/utils/tracking/events';
import { mergeDayTotals } from '@/utils/tracking/totals';
import { updateBadge } from './badge';
import { addGrantedHost } from './add-granted-host';
import { notifyIfDue } from './notifications';
import { panelAction } from './panel-actions';
import type { BackgroundParts } from './parts';


/** The message listener: validates, checks the sender's role, answers (undefined: ignored). */
export function messageHandler(parts: BackgroundParts): (raw: unknown, sender: MessageSender) => Promise<unknown> | undefined {
  return (raw, sender) => {
    const message = parseMessage(raw);
    if (!message) return undefined;
    const ours = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
    const onTrackedHost = (url: string) => detectChannel(url, parts.settings.current.customHosts) !== null;
    const leaving = message.type === 'page-report' && message.gone === true;
    if (!senderMayAsk(sender, SENDER_ROLES[message.type], ours, onTrackedHost, { leaving })) return undefined;
    return parts.settings.ready.then(() => answer(parts, message, sender));
  };
}

/** Registers the message listener. Call once, synchronously, when the background starts. */
export function registerMessages(parts: BackgroundParts): void {
  browser.runtime.onMessage.addListener(messageHandler(parts));
}

async function answer(parts: BackgroundParts, message: Message, sender: MessageSender): Promise<Replies[Message['type']]> {
  const { settings, tracker, data } = parts;
  switch (message.type) {
    case 'status':
      return { product: 'channel-focus', version: browser.runtime.getManifest().version } satisfies Replies['status'];
    case 'live':
      return (await tracker.live()) satisfies Replies['live'];
    case 'write-now':
      return { written: await tracker.writeNow() } satisfies Replies['write-now'];
    case 'settings-save':
      return settings.edit(() => message.settings);
    case 'tracking-pause':
      return settings.edit((current) => pauseTracking(current, message.until));
    case 'tracking-resume':
      return settings.edit(resumeTracking);
    case 'specialization-activate':
      return settings.edit((current) => setActiveSpecialization(current, message.id));
    case 'data-import':
      return data.import(message.text, message.takeSettings);
    case 'data-restore':
      return data.restore(message.backupId);
    case 'data-delete':
      return data.delete({ channelKey: message.channelKey, platform: message.platform });
    case 'data-delete-all':
      return data.deleteAll();
    case 'source-id':
      return data.sourceId();
    case 'kept-aside-discard':
      return data.discardKeptAside(message.key);
    case 'retention-run':
      return data.retention(settings.current, message.confirmed);
    case 'sync-enable':
      return parts.sync.enable(message.enabled);
    case 'sync-now':
      return parts.sync.syncNow();
    case 'device-remove':
      return parts.sync.removeDevice(message.deviceId);
    case 'page-report':
      return pageReport(parts, message, sender);
    case 'custom-host-add':
      return addGrantedHost(settings, message.host, message.platform);
    case 'panel-placement': case 'panel-add-to-focus': case 'panel-snooze': case 'panel-open': case 'panel-unhide':
      return panelAction(message, sender, (edit) => settings.edit(edit));
  }
}

async function pageReport(
  parts: BackgroundParts, message: Extract<Message, { type: 'page-report' }>, sender: MessageSender,
): Promise<Replies['page-report']> {
  const { settings, tracker } = parts;
  const tabId = sender.tab?.id;
  const windowId = sender.tab?.windowId;
  if (tabId === undefined || windowId === undefined) return null;
  // A private window the user did not allow: nothing is counted or kept, and the panel stays away.
  if (sender.tab?.incognito && !settings.current.tracking.countPrivateWindows) return panelView(parts, tabId, null, null);
  const channel = parts.channelOf(message.url, sender.tab?.incognito, message.clues);
  const report = {
    type: 'page', tabId, windowId, channel, visible: message.visible, focused: message.focused === true,
    lastInputAt: message.lastInputAt, mediaPlaying: message.mediaPlaying, document: message.document,
  } as const;
  if (message.gone) {
    await tracker.handle({ ...report, gone: true });
    return null;
  }
  const view = await panelView(parts, tabId, channel, report);
  void updateBadge(tabId, view, settings.current);
  void notifyIfDue(view, settings.current);
  return view;
}

/** The view a page's panel shows, after the tracker took the page's report (if it counts). */
async function panelView(parts: BackgroundParts, tabId: number, channel: Channel | null, report: TrackerEventWithoutClock | null): Promise<PanelView> {
  const date = parts.tracker.today();
  const [{ snapshot, unwritten, idleThresholdMs, storedDay }, hostName] = await Promise.all([
    parts.tracker.forPanel(date, report), parts.panelHostName(),
  ]);
  return buildPanelView({
    channel, tabId, snapshot, idleThresholdMs, hostName, settings: parts.settings.current, now: Date.now(),
    today: mergeDayTotals(storedDay, unwritten[date] ?? {}),
  });
}
