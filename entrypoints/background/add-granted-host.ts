import { browser } from 'wxt/browser';
import { hostMatchPattern, isValidHost, type UserHost } from '@/utils/channels';
import type { CommandReply } from '@/utils/messages';
import { addCustomHost } from '@/utils/settings';
import { injectIntoOpenTabs } from './inject-open-tabs';
import type { SettingsStore } from './settings-store';

/**
 * Adds a host whose access the user has just granted (the popup's "Track <host> as Mastodon")
 * and brings the panel into its open tabs at once. A host already tracked is no error; a host
 * without its access is refused: there would be nothing to count.
 */
export async function addGrantedHost(settings: SettingsStore, input: string, platform: UserHost['platform']): Promise<CommandReply> {
  const host = isValidHost(input);
  if (host === null) return { ok: false, error: 'host-invalid' };
  if (!(await browser.permissions.contains({ origins: [hostMatchPattern(host)] }).catch(() => false))) {
    return { ok: false, error: 'permission-missing' };
  }
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
