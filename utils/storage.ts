/**
 * Every storage item, its key, version and migrations, in one place; but the backups' item is in
 * utils/backup/backups.ts: its migration needs the import's validation, which the popup and the
 * report, that read this file, never run.
 *
 * - `settings` (local): the user's settings; they carry their own `version` (utils/settings/).
 * - `usage:YYYY-MM-DD` (local): one local date of totals per channel, `{ version, value }`.
 * - `tracker` (session): the tracker's state and the totals not yet written, `{ version, value }`,
 *   so a terminated service worker resumes exactly where it was.
 * - `quarantine:<key>:<ms>` (local): a value that could not be read, kept aside untouched.
 * - `sourceId`, `imported`, `backups` (local): this profile's id, time imported from other
 *   browsers, and the automatic backups (see below and utils/backup/).
 * - `sync` (local): the state of sync through storage.sync (utils/sync/state.ts): on or off, when
 *   each settings part last changed, what was last published and received, the last problem.
 * - `devices` (local): the other devices' daily totals as last received through storage.sync, a
 *   cache of their data: not part of exports or backups, and rebuilt from storage.sync.
 *
 * Decoding is pure so that a stored example of every old version can be tested. A value that cannot
 * be read (unknown shape, a version from the future, a failed migration) is reported and replaced
 * by the safe default in memory only: the caller copies the original to quarantine before anything
 * writes over it.
 */
import * as v from 'valibot';
import { parseSettings } from './settings/parse';
import { defaultSettings, type Settings } from './settings/model';
import { DayTotalsSchema, type DayTotals, type TotalsByDate } from './tracking/totals';
import { parseTrackerState, initialTrackerState, type TrackerState } from './tracking/tracker';
import { defaultSyncState, parseDevices, parseSyncState, type SyncState } from './sync/state';
import type { DeviceUsage } from './sync/usage-encoding';
// The two backup files the history needs, not the barrel: the views read this file.
import { isValidSourceId } from './backup/source-id';
import { visibleUsage, type ImportedUsage, type UsageHistory } from './backup/history';

export type ReadOutcome<T> =
  | { status: 'ok'; value: T; migratedFrom?: number }
  | { status: 'missing'; value: T }
  | { status: 'unreadable'; value: T; reason: string };

export interface Versioned<T> {
  version: number;
  /** migrations[n] turns a version n+1 value into a version n+2 value. */
  migrations: readonly ((old: unknown) => unknown)[];
  parse(value: unknown): T | null;
  fallback(): T;
}

/** Reads a `{ version, value }` envelope through the item's migrations. */
export function decodeEnvelope<T>(item: Versioned<T>, raw: unknown): ReadOutcome<T> {
  if (raw === undefined || raw === null) return { status: 'missing', value: item.fallback() };
  const unreadable = (reason: string): ReadOutcome<T> => ({ status: 'unreadable', value: item.fallback(), reason });
  if (typeof raw !== 'object' || Array.isArray(raw)) return unreadable('not a versioned value');
  const { version, value } = raw as { version?: unknown; value?: unknown };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return unreadable('no valid version');
  if (version > item.version) return unreadable(`version ${version} is newer than this release reads (${item.version})`);
  let current = value;
  try {
    for (let from = version; from < item.version; from++) {
      const migrate = item.migrations[from - 1];
      if (!migrate) return unreadable(`no migration from version ${from}`);
      current = migrate(current);
    }
  } catch (error) {
    return unreadable(`migration from version ${version} failed: ${String(error)}`);
  }
  const parsed = item.parse(current);
  if (parsed === null) return unreadable('the value does not have the expected shape');
  return version === item.version ? { status: 'ok', value: parsed } : { status: 'ok', value: parsed, migratedFrom: version };
}

export const encodeEnvelope = <T>(item: Versioned<T>, value: T) => ({ version: item.version, value });

// --- settings ---------------------------------------------------------------------------------

export const SETTINGS_KEY = 'settings';

export function decodeSettings(raw: unknown): ReadOutcome<Settings> {
  if (raw === undefined || raw === null) return { status: 'missing', value: defaultSettings() };
  const parsed = parseSettings(raw);
  if (parsed.ok) return { status: 'ok', value: parsed.settings };
  return { status: 'unreadable', value: defaultSettings(), reason: parsed.error };
}

// --- usage history ----------------------------------------------------------------------------

const USAGE_PREFIX = 'usage:';
const DATE_KEY = /^usage:(\d{4}-\d{2}-\d{2})$/;

export const usageKey = (date: string) => `${USAGE_PREFIX}${date}`;
export const usageDateOf = (key: string): string | null => DATE_KEY.exec(key)?.[1] ?? null;

export const usageDay: Versioned<DayTotals> = {
  version: 1,
  migrations: [],
  parse: (value) => {
    const result = v.safeParse(DayTotalsSchema, value);
    return result.success ? result.output : null;
  },
  fallback: () => ({}),
};

/** Picks the usage days out of a `storage.local.get(null)` result. */
export function decodeUsage(all: Record<string, unknown>): { days: TotalsByDate; unreadable: { key: string; reason: string }[] } {
  const days: TotalsByDate = {};
  const unreadable: { key: string; reason: string }[] = [];
  for (const [key, raw] of Object.entries(all)) {
    const date = usageDateOf(key);
    if (!date) continue;
    const outcome = decodeEnvelope(usageDay, raw);
    if (outcome.status === 'unreadable') unreadable.push({ key, reason: outcome.reason });
    else days[date] = outcome.value;
  }
  return { days, unreadable };
}

// --- the tracker's session record ---------------------------------------------------------------

export const TRACKER_KEY = 'tracker';

export interface TrackerRecord {
  state: TrackerState;
  /** Confirmed time not yet written to storage.local. */
  pending: TotalsByDate;
  /** When totals were last written to storage.local, or a write last failed (the write budget is per 15 s). */
  lastFlushAt: number | null;
  /** Writes that failed in a row since the last one that worked: the next waits longer. */
  failedWrites: number;
}

const PendingSchema = v.record(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)), DayTotalsSchema);

export const trackerRecord: Versioned<TrackerRecord> = {
  version: 1,
  migrations: [],
  parse: (value) => {
    if (typeof value !== 'object' || value === null) return null;
    const { state, pending, lastFlushAt, failedWrites } = value as Record<string, unknown>;
    const parsedState = parseTrackerState(state);
    const parsedPending = v.safeParse(PendingSchema, pending);
    if (!parsedState || !parsedPending.success) return null;
    return {
      state: parsedState,
      pending: parsedPending.output,
      lastFlushAt: typeof lastFlushAt === 'number' ? lastFlushAt : null,
      failedWrites: typeof failedWrites === 'number' && Number.isInteger(failedWrites) && failedWrites >= 0 ? failedWrites : 0,
    };
  },
  fallback: () => ({ state: initialTrackerState(), pending: {}, lastFlushAt: null, failedWrites: 0 }),
};

// --- the retention notice ----------------------------------------------------------------------

/**
 * `retentionNotice` (local): why the last retention run deleted nothing although days were old
 * enough — the clock looked wrong — for the options page to say so. Removed by the next run that
 * goes through.
 */
export const RETENTION_NOTICE_KEY = 'retentionNotice';

export interface RetentionNotice {
  reason: 'future-days' | 'too-many-days';
  /** The newest stored day. */
  newestDay: string;
  /** How many days the run would have deleted. */
  count: number;
  /** When the run was refused. */
  at: number;
}

const RetentionNoticeSchema = v.object({
  reason: v.picklist(['future-days', 'too-many-days'] as const),
  newestDay: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/)),
  count: v.pipe(v.number(), v.integer(), v.minValue(0)),
  at: v.pipe(v.number(), v.finite()),
});

export const retentionNotice: Versioned<RetentionNotice> = {
  version: 1,
  migrations: [],
  parse: (value) => {
    const result = v.safeParse(RetentionNoticeSchema, value);
    return result.success ? result.output : null;
  },
  fallback: () => ({ reason: 'too-many-days', newestDay: '1970-01-01', count: 0, at: 0 }),
};

// --- quarantine ------------------------------------------------------------------------------

export const QUARANTINE_PREFIX = 'quarantine:';
export const quarantineKey = (key: string, at: number) => `${QUARANTINE_PREFIX}${key}:${at}`;

// --- this browser profile's source id -------------------------------------------------------------

/**
 * `sourceId` (local): a random id of this browser profile, created once (utils/backup/ tells
 * apart own and imported time by it) and kept across "Delete all data", so an export made
 * before a reset is still recognised as this browser's own time.
 */
export const SOURCE_ID_KEY = 'sourceId';

/** The stored source id, or null when there is none yet (or it is not a valid one). */
export function decodeSourceId(raw: unknown): string | null {
  return typeof raw === 'string' && isValidSourceId(raw) ? raw : null;
}

// --- time imported from other browsers -----------------------------------------------------------

/** `imported` (local): utils/backup/history.ts's ImportedUsage, source id -> date -> totals, `{ version, value }`. */
export const IMPORTED_KEY = 'imported';

const SourceIdSchema = v.pipe(v.string(), v.check(isValidSourceId));

const ImportedUsageSchema = v.record(SourceIdSchema, PendingSchema);

export const importedUsage: Versioned<ImportedUsage> = {
  version: 1,
  migrations: [],
  parse: (value) => {
    const result = v.safeParse(ImportedUsageSchema, value);
    return result.success ? result.output : null;
  },
  fallback: () => ({}),
};

// --- automatic backups -------------------------------------------------------------------------

/**
 * `backups` (local): a ring of backups (utils/backup/backups.ts pushBackup: at most BACKUPS_KEPT and
 * BACKUPS_MAX_BYTES), newest first, `{ version, value }`; its item is backupList there.
 */
export const BACKUPS_KEY = 'backups';

// --- sync through storage.sync -------------------------------------------------------------------

/** `sync` (local): SyncState, `{ version, value }`; written by the background's sync service only. */
export const SYNC_STATE_KEY = 'sync';

export const syncStateItem: Versioned<SyncState> = {
  version: 1,
  migrations: [],
  parse: (value) => parseSyncState(value),
  fallback: defaultSyncState,
};

/** The stored sync state; off (the default) when missing or unreadable: sync is opt-in. */
export function decodeSyncState(raw: unknown): SyncState {
  return decodeEnvelope(syncStateItem, raw).value;
}

/** `devices` (local): device id -> DeviceUsage of every other device, as last received, `{ version, value }`. */
export const DEVICES_KEY = 'devices';

export const devicesItem: Versioned<Record<string, DeviceUsage>> = {
  version: 1,
  migrations: [],
  parse: (value) => parseDevices(value),
  fallback: () => ({}),
};

/** The other devices' totals as last received; none when missing or unreadable (storage.sync has them again). */
export function decodeDevices(raw: unknown): Record<string, DeviceUsage> {
  return decodeEnvelope(devicesItem, raw).value;
}

// --- the whole history -------------------------------------------------------------------------

export interface StoredHistory extends UsageHistory {
  /** Own plus imported time: what the popup, dashboard and options page show. */
  visible: TotalsByDate;
}

/**
 * This browser's own days, the time imported from other browsers, and their sum, from a
 * `storage.local.get(null)` result. Unreadable items count as empty here; callers that write
 * over them quarantine them first.
 */
export function readHistory(all: Record<string, unknown>): StoredHistory {
  const own = decodeUsage(all).days;
  const imported = decodeEnvelope(importedUsage, all[IMPORTED_KEY]).value;
  return { own, imported, visible: visibleUsage({ own, imported }) };
}
