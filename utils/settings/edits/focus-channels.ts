import { isValidHost, type Channel, type ChannelPlatform } from '@/utils/channels';
import type { PlatformId } from '@/utils/platforms/types';
import { LIMITS } from '../limits';
import type { FocusChannel, Settings, Specialization } from '../model';
import { budgetKeys, findSpecialization } from '../queries';
import { updateSpecialization } from './specializations';

// Which channels a specialization focuses on: whole platforms or listed accounts.

/** Drops per-channel budgets whose key is no longer a focus key, so none lingers unseen. */
function withoutStaleBudgets(spec: Specialization): Specialization {
  const keys = new Set(budgetKeys(spec));
  const perChannel = Object.fromEntries(Object.entries(spec.budgets.perChannel).filter(([key]) => keys.has(key)));
  return { ...spec, budgets: { ...spec.budgets, perChannel } };
}

/** Adds a whole platform to the focus, or removes it (with its account list and budgets). */
export function toggleFocusPlatform(settings: Settings, specId: string, platform: PlatformId): Settings {
  return updateSpecialization(settings, specId, (spec) => {
    const present = spec.channels.some((entry) => entry.platform === platform);
    const channels = present
      ? spec.channels.filter((entry) => entry.platform !== platform)
      : [...spec.channels, { platform, accounts: null }];
    return withoutStaleBudgets({ ...spec, channels });
  });
}

function cleanAccounts(accounts: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of accounts) {
    const account = raw.trim();
    const key = account.toLowerCase();
    if (account === '' || account.length > LIMITS.accountMaxLength || seen.has(key)) continue;
    seen.add(key);
    result.push(account);
  }
  return result.slice(0, LIMITS.accountsPerPlatform);
}

/**
 * Sets "only these accounts" for a platform (adding the platform if needed). An empty list or
 * null means the whole platform. For `custom` the accounts are hosts: invalid ones are dropped,
 * and an empty list removes custom channels from the focus.
 */
export function setFocusAccounts(
  settings: Settings, specId: string, platform: ChannelPlatform, accounts: readonly string[] | null,
): Settings {
  return updateSpecialization(settings, specId, (spec) => {
    let listed = accounts ? cleanAccounts(accounts) : [];
    if (platform === 'custom') {
      listed = [...new Set(listed.map(isValidHost).filter((host): host is string => host !== null))];
    }
    const entry: FocusChannel | null = listed.length > 0
      ? { platform, accounts: listed }
      : platform === 'custom' ? null : { platform, accounts: null };
    const index = spec.channels.findIndex((existing) => existing.platform === platform);
    const channels = [...spec.channels];
    if (index === -1 && entry) channels.push(entry);
    else if (index !== -1 && entry) channels[index] = entry;
    else if (index !== -1) channels.splice(index, 1);
    return withoutStaleBudgets({ ...spec, channels });
  });
}

/**
 * The panel's quick action: bring this channel into the focus. Without an account the whole
 * platform is added; with one, the account joins the platform's list (a whole platform stays whole).
 */
export function addChannelToFocus(settings: Settings, specId: string, channel: Channel): Settings {
  const spec = findSpecialization(settings, specId);
  if (!spec) return settings;
  const existing = spec.channels.find((entry) => entry.platform === channel.platform);
  // A listed platform's account-less pages already count as in focus (see utils/focus/classify.ts).
  if (channel.account === null) {
    if (channel.platform === 'custom' || existing) return settings;
    return setFocusAccounts(settings, specId, channel.platform, null);
  }
  if (existing && existing.accounts === null) return settings;
  return setFocusAccounts(settings, specId, channel.platform, [...(existing?.accounts ?? []), channel.account]);
}
