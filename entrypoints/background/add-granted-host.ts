import { browser } from 'wxt/browser';
import { hostMatchPattern, isValidHost, type UserHost } from '@/utils/channels';
import type { CommandReply } from '@/utils/messages';
import { addCustomHost } from '@/utils/settings';
import { injectIntoOpenTabs } from './inject-open-tabs';
import type { SettingsStore } from './settings-store';

/** How long an offer waits for the user's answer to the browser's access prompt. */
const OFFER_WAITS_MS = 5 * 60_000;

/** Hosts the user chose to track whose access the browser is still asking for. */
const offered = new Map<string, { platform: UserHost['platform']; until: number }>();

/**
 * Adds a host whose access the user granted (the popup's "Track <host> as Mastodon") and brings
 * the panel into its open tabs at once. A host already tracked is no error. A host whose access
 * is not granted yet is remembered for a few minutes and added when it is: Firefox may close the
 * popup while its prompt shows, and the popup then never hears the answer.
 */
export async function addGrantedHost(settings: SettingsStore, input: string, platform: UserHost['platform']): Promise<CommandReply> {
  const host = isValidHost(input);
  if (host === null) return { ok: false, error: 'host-invalid' };
  if (!(await browser.permissions.contains({ origins: [hostMatchPattern(host)] }).catch(() => false))) {
    offered.set(host, { platform, until: Date.now() + OFFER_WAITS_MS });
    return { ok: false, error: 'permission-missing' };
  }
  offered.delete(host);
  const reply = await settings.edit((current) => {
    if (current.customHosts.some((entry) => entry.host === host)) return current;
    const added = addCustomHost(current, host, platform);
    if (!added.ok) throw new Error(added.code);
    return added.settings;
  });
  if (reply.ok) {
    // The registration follows the settings by itself; the tab in front should not wait for a reload.
    await injectIntoOpenTabs(settings.current.customHosts).catch(() => undefined);
  }
  return reply;
}

/** Adds an offered host once the browser grants its access. Call once, synchronously, at start. */
export function registerHostOffers(settings: SettingsStore): void {
  browser.permissions.onAdded.addListener(() => {
    const now = Date.now();
    for (const [host, offer] of offered) {
      if (offer.until < now) offered.delete(host);
      else void settings.ready.then(() => addGrantedHost(settings, host, offer.platform));
    }
  });
}
