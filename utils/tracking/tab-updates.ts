import type { Channel } from '@/utils/channels';
import type { TrackerEventWithoutClock } from './events';

/**
 * `tabs.onUpdated` as the tracker needs it. Without the `tabs` permission the browser shows a
 * tab's URL only on hosts we may access, so a page that starts loading on any other host comes
 * with no URL at all: that is the moment the tab leaves the platforms.
 *
 * Seen in Chromium: `{ status: 'loading' }` with no `tab.url` when a platform tab goes to another
 * site; `{ status: 'loading', url }` for a platform page, SPA navigations included. Seen in
 * Firefox: first `{ status: 'loading' }` with the old `tab.url`, then `{ status: 'loading' }`
 * with none. Other changes (title, favicon, `isArticle`, `frozen`) say nothing about the page.
 */
export function tabUpdateEvent(
  tabId: number,
  change: { status?: string; url?: string },
  tab: { url?: string; windowId?: number },
  channelOf: (url: string) => Channel | null,
): Extract<TrackerEventWithoutClock, { type: 'tab-updated' }> | null {
  const windowId = tab.windowId ?? -1;
  if (change.status === 'loading') {
    const url = change.url ?? tab.url;
    return { type: 'tab-updated', tabId, windowId, channel: url ? channelOf(url) : null, newPage: true };
  }
  if (change.url) return { type: 'tab-updated', tabId, windowId, channel: channelOf(change.url) };
  return null;
}
