import { browser } from 'wxt/browser';
import { detectChannel, type UserHost } from '@/utils/channels';
import { isMastodonPage } from '@/utils/page-account/mastodon-page';

/**
 * The host of the page in front when it is a Mastodon instance Channel Focus does not know yet,
 * else null. Runs when the user opens the popup (`activeTab` lets it see that one tab, nothing
 * else); the page is asked through its own markup, in our isolated world. Never throws.
 */
export async function mastodonInFront(known: readonly UserHost[]): Promise<string | null> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined || !tab.url) return null;
    const url = new URL(tab.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (detectChannel(tab.url, known) !== null) return null;
    // The Public Suffix List only now, and only here: most popups never need it.
    const { checkCustomHost } = await import('@/utils/custom-host-check');
    const check = checkCustomHost(url.hostname);
    if (!check.ok) return null;
    const [answer] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: isMastodonPage });
    return answer?.result === true ? check.host : null;
  } catch {
    // A page we may not script (the store, a PDF viewer, a tab closed meanwhile): no offer.
    return null;
  }
}
