import type { Channel } from '@/utils/channels';
import type { Client, Settings } from '@/utils/settings/model';
import { clientAccountKey } from '@/utils/settings/queries';

/**
 * Which client a channel's time counts for.
 *
 * Decisions:
 * - A client that names the account wins over a client that holds the whole platform, so an
 *   agency can give LinkedIn to one client and one company page on it to another.
 * - Account-less pages (a feed, search, messages) count for a client only when it holds the
 *   whole platform: they cannot be told apart between clients who share a platform.
 * - Accounts compare without regard to case, as focus and budgets do; a custom channel's host in
 *   its normal form (clientAccountKey), so `www.Example.com` listed matches `example.com` detected.
 * - An account listed by two clients (only a hand-made file can do that; the editor and the
 *   import refuse it) belongs to the first.
 */
export function clientOf(settings: Pick<Settings, 'clients'>, channel: Channel): Client | null {
  const account = channel.account === null ? null : clientAccountKey(channel.platform, channel.account);
  let wholePlatform: Client | null = null;
  for (const client of settings.clients) {
    for (const entry of client.channels) {
      if (entry.platform !== channel.platform) continue;
      if (entry.accounts === null) {
        wholePlatform ??= client;
      } else if (account !== null && entry.accounts.some((listed) => clientAccountKey(channel.platform, listed) === account)) {
        return client;
      }
    }
  }
  return wholePlatform;
}

export function findClient(settings: Pick<Settings, 'clients'>, id: string | null): Client | null {
  return id === null ? null : settings.clients.find((client) => client.id === id) ?? null;
}
