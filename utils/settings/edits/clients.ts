import { isValidHost, type Channel } from '@/utils/channels';
import { LIMITS, SOURCE_ID_PATTERN } from '../limits';
import type { Client, FocusChannel, Settings } from '../model';
import { clientAccountKey, clientHolding, findSpecialization } from '../queries';
import { isClientColor, validateClientName } from '../validate';
import { fail, type EditError, type EditResult } from './result';
import { updateSpecialization } from './specializations';

// Clients of an agency: creating, naming, colouring, deleting them, which channels they hold,
// which specialization is for which client; and the names of imported browsers, the weekly
// reminder (both edited on the same page of the options).

/**
 * An assignment refused because another client holds the channel: `otherClientId` lets the UI
 * offer to move it here (moveToClient).
 */
export type ClientConflict = EditError & {
  code: 'account-has-client' | 'platform-has-client';
  otherClientId: string;
};

function findClientIn(settings: Settings, id: string): Client | null {
  return settings.clients.find((client) => client.id === id) ?? null;
}

function otherClientNames(settings: Settings, exceptId: string | null): string[] {
  return settings.clients.filter((client) => client.id !== exceptId).map((client) => client.name);
}

function updateClient(settings: Settings, id: string, update: (client: Client) => Client): Settings {
  return { ...settings, clients: settings.clients.map((client) => (client.id === id ? update(client) : client)) };
}

/** `#RRGGBB` and `#rrggbb` are one colour: stored in lower case. */
function colorError(color: string): EditError | null {
  return isClientColor(color) ? null : fail('color', 'color-invalid');
}

export function createClient(
  settings: Settings, name: string, color: string, idFactory: () => string,
): EditResult<{ id: string }> {
  if (settings.clients.length >= LIMITS.clients) return fail('clients', 'too-many-clients');
  const nameError = validateClientName(name, otherClientNames(settings, null));
  if (nameError) return fail('name', nameError);
  const badColor = colorError(color);
  if (badColor) return badColor;
  const id = idFactory();
  if (findClientIn(settings, id)) return fail('id', 'client-id-taken');
  const client: Client = { id, name: name.trim(), color: color.toLowerCase(), channels: [] };
  return { ok: true, id, settings: { ...settings, clients: [...settings.clients, client] } };
}

export function renameClient(settings: Settings, id: string, name: string): EditResult {
  if (!findClientIn(settings, id)) return fail('id', 'client-not-found');
  const nameError = validateClientName(name, otherClientNames(settings, id));
  if (nameError) return fail('name', nameError);
  return { ok: true, settings: updateClient(settings, id, (client) => ({ ...client, name: name.trim() })) };
}

export function recolorClient(settings: Settings, id: string, color: string): EditResult {
  if (!findClientIn(settings, id)) return fail('id', 'client-not-found');
  const badColor = colorError(color);
  if (badColor) return badColor;
  return { ok: true, settings: updateClient(settings, id, (client) => ({ ...client, color: color.toLowerCase() })) };
}

/**
 * Removes a client. Its specializations stay (the active one stays active) and belong to no
 * client: the user's focus choices outlive the customer list.
 */
export function deleteClient(settings: Settings, id: string): EditResult {
  if (!findClientIn(settings, id)) return fail('id', 'client-not-found');
  return {
    ok: true,
    settings: {
      ...settings,
      clients: settings.clients.filter((client) => client.id !== id),
      specializations: settings.specializations.map((spec) => (spec.clientId === id ? { ...spec, clientId: null } : spec)),
    },
  };
}

/**
 * The channel as a client stores it, or null when it cannot be one: a custom channel needs its
 * host (normalised, as detection reports it), an account is trimmed and within the length limit.
 */
function clientChannel(channel: Channel): Channel | null {
  if (channel.platform === 'custom') {
    const host = channel.account === null ? null : isValidHost(channel.account);
    return host === null ? null : { platform: 'custom', account: host };
  }
  if (channel.account === null) return { platform: channel.platform, account: null };
  const account = channel.account.trim();
  if (account === '' || account.length > LIMITS.accountMaxLength) return null;
  return { platform: channel.platform, account };
}

/** A client without the channel: the account off its list, or (account null) the platform's entry. */
function withoutChannel(client: Client, channel: Channel): Client {
  const account = channel.account;
  const channels = client.channels.flatMap((entry): FocusChannel[] => {
    if (entry.platform !== channel.platform) return [entry];
    if (account === null) return [];
    if (entry.accounts === null) return [entry];
    const key = clientAccountKey(channel.platform, account);
    const accounts = entry.accounts.filter((listed) => clientAccountKey(channel.platform, listed) !== key);
    return accounts.length > 0 ? [{ ...entry, accounts }] : [];
  });
  return { ...client, channels };
}

/**
 * Gives a channel to a client. Refused with the other client's id when another client lists the
 * account, or holds the whole platform and the whole platform is asked for; another client's
 * whole platform does not block an account (the account goes before it, see clientOf).
 * The whole platform replaces the accounts the client listed on it; an account on a platform
 * the client holds whole changes nothing.
 */
export function assignToClient(settings: Settings, clientId: string, channel: Channel): EditResult | ClientConflict {
  const client = findClientIn(settings, clientId);
  if (!client) return fail('id', 'client-not-found');
  const target = clientChannel(channel);
  if (!target) return fail('channel', 'channel-invalid');
  const other = clientHolding(settings.clients, target.platform, target.account, clientId);
  if (other) {
    const code = target.account === null ? 'platform-has-client' : 'account-has-client';
    return { ...fail('channel', code), code, otherClientId: other.id };
  }
  const index = client.channels.findIndex((entry) => entry.platform === target.platform);
  const existing = client.channels[index];
  let entry: FocusChannel;
  if (target.account === null) {
    entry = { platform: target.platform, accounts: null };
  } else if (existing?.accounts === null) {
    return { ok: true, settings };
  } else {
    const listed = existing?.accounts ?? [];
    const key = clientAccountKey(target.platform, target.account);
    if (listed.some((account) => clientAccountKey(target.platform, account) === key)) return { ok: true, settings };
    if (listed.length >= LIMITS.accountsPerPlatform) return fail('channel', 'too-many-accounts');
    entry = { platform: target.platform, accounts: [...listed, target.account] };
  }
  const channels = [...client.channels];
  if (index === -1) channels.push(entry);
  else channels[index] = entry;
  return { ok: true, settings: updateClient(settings, clientId, (current) => ({ ...current, channels })) };
}

/** "Move here": takes the channel from whichever client holds it, then gives it to this one. */
export function moveToClient(settings: Settings, clientId: string, channel: Channel): EditResult | ClientConflict {
  if (!findClientIn(settings, clientId)) return fail('id', 'client-not-found');
  const target = clientChannel(channel);
  if (!target) return fail('channel', 'channel-invalid');
  const released = {
    ...settings,
    clients: settings.clients.map((client) => {
      if (client.id === clientId) return client;
      // Only the conflicting entry goes: another client's accounts stay when the platform moves.
      const holds = clientHolding([client], target.platform, target.account) !== null;
      if (!holds) return client;
      return target.account === null
        ? { ...client, channels: client.channels.filter((entry) => entry.platform !== target.platform || entry.accounts !== null) }
        : withoutChannel(client, target);
    }),
  };
  return assignToClient(released, clientId, target);
}

/** Takes a channel from a client: an account off its list, or (account null) the whole platform's entry. */
export function unassignFromClient(settings: Settings, clientId: string, channel: Channel): EditResult {
  if (!findClientIn(settings, clientId)) return fail('id', 'client-not-found');
  const target = clientChannel(channel) ?? channel;
  return { ok: true, settings: updateClient(settings, clientId, (client) => withoutChannel(client, target)) };
}

/** Says which client a specialization is for, or (null) none. */
export function setSpecializationClient(settings: Settings, specializationId: string, clientId: string | null): EditResult {
  if (!findSpecialization(settings, specializationId)) return fail('id', 'specialization-not-found');
  if (clientId !== null && !findClientIn(settings, clientId)) return fail('clientId', 'client-not-found');
  return { ok: true, settings: updateSpecialization(settings, specializationId, (spec) => ({ ...spec, clientId })) };
}

const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Names an imported browser (a source) for the reports; an empty name removes the name. */
export function renameSource(settings: Settings, sourceId: string, name: string): EditResult {
  // These have the form of a source id, but no real one (a random UUID) is one, and parsing drops them.
  if (!SOURCE_ID_PATTERN.test(sourceId) || PROTOTYPE_KEYS.has(sourceId)) return fail('sourceId', 'source-invalid');
  const trimmed = name.trim();
  if ([...trimmed].length > LIMITS.sourceNameMaxLength) return fail('name', 'name-too-long');
  const sourceNames = Object.fromEntries(Object.entries(settings.sourceNames).filter(([source]) => source !== sourceId));
  if (trimmed !== '') sourceNames[sourceId] = trimmed;
  return { ok: true, settings: { ...settings, sourceNames } };
}

export function setWeeklyReminder(settings: Settings, on: boolean): EditResult {
  return { ok: true, settings: { ...settings, reports: { ...settings.reports, weeklyReminder: on } } };
}
