import { channelKey, isValidHost, type ChannelPlatform } from '@/utils/channels';
import type { PlatformId } from '@/utils/platforms/types';
import { LIMITS } from './limits';
import { DEFAULT_PANEL_PLACEMENT, type Client, type PanelPlacement, type Settings, type Specialization } from './model';
import { nameKey } from './validate';

// Queries shared by the editor and the focus rules.

export function activeSpecialization(settings: Settings): Specialization | null {
  if (settings.activeSpecializationId === null) return null;
  return settings.specializations.find((spec) => spec.id === settings.activeSpecializationId) ?? null;
}

export function findSpecialization(settings: Settings, id: string): Specialization | null {
  return settings.specializations.find((spec) => spec.id === id) ?? null;
}

export function isPlatformTracked(settings: Settings, platform: PlatformId): boolean {
  return settings.platforms[platform]?.tracked ?? true;
}

/**
 * The keys a budget can be set on for this specialization: every focus platform (all its time),
 * and every listed account. Custom channels only have per-host keys.
 */
export function budgetKeys(spec: Specialization): string[] {
  return spec.channels.flatMap((entry) => {
    const accountKeys = (entry.accounts ?? []).map((account) => channelKey({ platform: entry.platform, account }));
    return entry.platform === 'custom' ? accountKeys : [entry.platform, ...accountKeys];
  });
}

export function panelPlacement(settings: Settings, key: string): PanelPlacement {
  return Object.hasOwn(settings.panel.perPlatform, key)
    ? settings.panel.perPlatform[key] ?? DEFAULT_PANEL_PLACEMENT
    : DEFAULT_PANEL_PLACEMENT;
}

/**
 * The first name `candidate(n)` for n = 1, 2, ... that no specialization uses, e.g. for the
 * localized "Acme (copy)", "Acme (copy 2)" of a duplicate.
 */
export function firstFreeName(settings: Settings, candidate: (n: number) => string): string {
  const taken = new Set(settings.specializations.map((spec) => nameKey(spec.name)));
  for (let n = 1; n <= LIMITS.specializations + 1; n += 1) {
    const name = candidate(n);
    if (!taken.has(nameKey(name))) return name;
  }
  return candidate(LIMITS.specializations + 2);
}

/**
 * The form in which accounts of clients compare: without regard to case (as focus does), and a
 * custom channel's host in its normal form, as channel detection reports it.
 */
export function clientAccountKey(platform: ChannelPlatform, account: string): string {
  return platform === 'custom' ? isValidHost(account) ?? account.toLowerCase() : account.toLowerCase();
}

/** The client that holds an account of a platform (or, with null, the whole platform), other than `exceptId`. */
export function clientHolding(
  clients: readonly Client[], platform: ChannelPlatform, account: string | null, exceptId: string | null = null,
): Client | null {
  const key = account === null ? null : clientAccountKey(platform, account);
  return clients.find((client) => client.id !== exceptId && client.channels.some((entry) => {
    if (entry.platform !== platform) return false;
    if (key === null) return entry.accounts === null;
    return entry.accounts !== null && entry.accounts.some((listed) => clientAccountKey(platform, listed) === key);
  })) ?? null;
}

/** A channel two clients claim: the same account (see clientAccountKey), or both the whole platform. */
export interface SharedClientChannel {
  platform: ChannelPlatform;
  /** null: both hold the whole platform. */
  account: string | null;
  first: Client;
  second: Client;
}

/** The first channel held by two clients, in the order of the list; null when none is. */
export function firstSharedClientChannel(clients: readonly Client[]): SharedClientChannel | null {
  const holders = new Map<string, Client>();
  for (const client of clients) {
    for (const entry of client.channels) {
      const accounts = entry.accounts ?? [null];
      for (const account of accounts) {
        const key = JSON.stringify([entry.platform, account === null ? null : clientAccountKey(entry.platform, account)]);
        const first = holders.get(key);
        if (first && first !== client) return { platform: entry.platform, account, first, second: client };
        holders.set(key, client);
      }
    }
  }
  return null;
}
