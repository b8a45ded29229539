import * as v from 'valibot';
import { DEFAULT_CLIENT_COLOR, LIMITS, SOURCE_ID_PATTERN } from './limits';
import { migrateSettings } from './migrations';
import type { Client, FocusChannel, Settings } from './model';
import { clientAccountKey } from './queries';
import { ClientSchema, FocusChannelSchema, SettingsSchema, SourceNameSchema } from './schema';
import { isClientColor, isHostName } from './validate';

export type ParseResult = { ok: true; settings: Settings } | { ok: false; error: string };

const MAX_ERROR_LENGTH = 200;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * One stored focus entry of a client, with the accounts that cannot be read left out; null when
 * nothing usable is left. An entry whose every account was bad is dropped, never widened to the
 * whole platform, which would claim time the user never gave this client.
 */
function safeClientEntry(raw: unknown): FocusChannel | null {
  if (!isPlainRecord(raw)) return null;
  let accounts: unknown = raw.accounts;
  if (Array.isArray(accounts)) {
    const seen = new Set<string>();
    const platform = raw.platform;
    accounts = accounts.filter((account): account is string => {
      if (typeof account !== 'string' || account === '' || account.length > LIMITS.accountMaxLength) return false;
      if (platform === 'custom' && !isHostName(account)) return false;
      const key = typeof platform === 'string' ? clientAccountKey(platform as FocusChannel['platform'], account) : account;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }).slice(0, LIMITS.accountsPerPlatform);
    if ((accounts as string[]).length === 0) return null;
  }
  const parsed = v.safeParse(FocusChannelSchema, { platform: raw.platform, accounts });
  return parsed.success ? parsed.output : null;
}

/** A client's entries, one per platform: a second entry of a platform joins the first. */
function safeClientChannels(raw: unknown): FocusChannel[] {
  if (!Array.isArray(raw)) return [];
  const byPlatform = new Map<FocusChannel['platform'], FocusChannel>();
  for (const item of raw) {
    const entry = safeClientEntry(item);
    if (!entry) continue;
    const earlier = byPlatform.get(entry.platform);
    if (!earlier) byPlatform.set(entry.platform, entry);
    else if (earlier.accounts !== null) {
      const accounts = entry.accounts === null ? null : [...earlier.accounts, ...entry.accounts];
      byPlatform.set(entry.platform, safeClientEntry({ platform: entry.platform, accounts }) ?? earlier);
    }
  }
  return [...byPlatform.values()];
}

/**
 * Stored clients made safe one by one, so that a bad client never costs the rest of the settings:
 * unreadable entries and later duplicate ids are dropped, a bad colour becomes the default one,
 * an account (or whole platform) another client listed before stays with that one, and at most
 * LIMITS.clients are kept.
 */
function safeClients(raw: unknown): Client[] {
  if (!Array.isArray(raw)) return [];
  const clients: Client[] = [];
  const claimed = new Set<string>();
  const claimKey = (platform: string, key: string | null) => JSON.stringify([platform, key]);
  for (const item of raw) {
    if (clients.length >= LIMITS.clients) break;
    if (!isPlainRecord(item)) continue;
    const color = typeof item.color === 'string' && isClientColor(item.color) ? item.color : DEFAULT_CLIENT_COLOR;
    const parsed = v.safeParse(ClientSchema, { id: item.id, name: item.name, color, channels: safeClientChannels(item.channels) });
    if (!parsed.success || clients.some((client) => client.id === parsed.output.id)) continue;
    const channels = parsed.output.channels.flatMap((entry): FocusChannel[] => {
      if (entry.accounts === null) {
        const key = claimKey(entry.platform, null);
        if (claimed.has(key)) return [];
        claimed.add(key);
        return [entry];
      }
      const accounts = entry.accounts.filter((account) => {
        const key = claimKey(entry.platform, clientAccountKey(entry.platform, account));
        if (claimed.has(key)) return false;
        claimed.add(key);
        return true;
      });
      return accounts.length > 0 ? [{ ...entry, accounts }] : [];
    });
    clients.push({ ...parsed.output, channels });
  }
  return clients;
}

/**
 * Safe defaults for what version 2 added, applied before the schema: clients (see safeClients),
 * a specialization's client that does not exist becomes none, unreadable names of browsers are
 * dropped, an unreadable reminder choice is off. Everything else is left to the schema.
 */
function withSafeClients(value: Record<string, unknown>): Record<string, unknown> {
  const clients = safeClients(value.clients);
  const ids = new Set(clients.map((client) => client.id));
  const specializations = Array.isArray(value.specializations)
    ? value.specializations.map((spec: unknown) => {
      if (!isPlainRecord(spec)) return spec;
      const clientId = typeof spec.clientId === 'string' && ids.has(spec.clientId) ? spec.clientId : null;
      return { ...spec, clientId };
    })
    : value.specializations;
  const sourceNames = isPlainRecord(value.sourceNames)
    ? Object.fromEntries(Object.entries(value.sourceNames).filter(([source, name]) =>
      SOURCE_ID_PATTERN.test(source) && v.is(SourceNameSchema, name)))
    : {};
  const reports = isPlainRecord(value.reports) && typeof value.reports.weeklyReminder === 'boolean'
    ? value.reports
    : { weeklyReminder: false };
  return { ...value, specializations, clients, sourceNames, reports };
}

/**
 * Validates stored or imported settings, migrating older versions first. Never throws; the error
 * names the first offending field. Keys `__proto__`, `constructor` and `prototype` inside records
 * are dropped, and unknown keys in objects are not copied, so nothing reaches a prototype.
 * Clients and what came with them get safe defaults instead of errors (withSafeClients).
 */
export function parseSettings(value: unknown): ParseResult {
  try {
    const migrated = migrateSettings(value);
    if (!migrated.ok) return migrated;
    const result = v.safeParse(SettingsSchema, withSafeClients(migrated.value));
    if (result.success) return { ok: true, settings: result.output };
    const issue = result.issues[0];
    const path = v.getDotPath(issue);
    const message = `settings${path ? `.${path}` : ''}: ${issue.message}`;
    return {
      ok: false,
      error: message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message,
    };
  } catch {
    // Getters or proxies in a hostile value can throw while being read.
    return { ok: false, error: 'settings: unreadable value' };
  }
}
