import * as v from 'valibot';
import type { Settings } from '@/utils/settings';
import type { TotalsByDate } from '@/utils/tracking/totals';
import type { Versioned } from '@/utils/storage';
import { isPlainObject, isValidSourceId } from './checks';
import type { ImportedUsage, UsageHistory } from './history';
import { parseExportValue } from './import';
import { usageBySource } from './merge';

// Backups: the ring of whole-state copies kept before imports and resets (restore.ts reads one back).

export const BACKUPS_KEPT = 5;

export type BackupReason = 'before-import' | 'before-reset' | 'manual';

/**
 * A backup of the whole state in the form storage keeps it, which is compact: a year of heavy
 * use takes about 0.6 MB, where the same as an export's rows takes several times that. Read
 * from storage, the state is only trusted once restoreFromBackup has checked it.
 */
export interface Backup {
  id: string;
  createdAt: string;
  reason: BackupReason;
  settings: Settings;
  /** The profile whose own time `own` is. */
  sourceId: string;
  own: TotalsByDate;
  imported: ImportedUsage;
}

/** A backup of the whole state: settings, own time and imported time. Throws on an invalid source id. */
export function createBackup(input: {
  id: string; createdAt: Date; reason: BackupReason; settings: Settings; sourceId: string; history: UsageHistory;
}): Backup {
  if (!isValidSourceId(input.sourceId)) throw new RangeError(`Not a valid source id: ${input.sourceId}`);
  return {
    id: input.id,
    createdAt: input.createdAt.toISOString(),
    reason: input.reason,
    settings: input.settings,
    sourceId: input.sourceId,
    own: input.history.own,
    imported: input.history.imported,
  };
}

/** What a backup takes in storage: the UTF-8 bytes of its JSON (storage quotas count these). */
export function backupBytes(backup: Backup): number {
  return new TextEncoder().encode(JSON.stringify(backup)).length;
}

function createdAtMs(backup: Backup): number {
  const ms = Date.parse(backup.createdAt);
  return Number.isFinite(ms) ? ms : Number.NEGATIVE_INFINITY;
}

/** Together the backups stay under this, so they never fill the storage the user's time needs. */
export const BACKUPS_MAX_BYTES = 20 * 1024 * 1024;

export interface BackupRingLimits {
  /** Default BACKUPS_KEPT. */
  keep?: number;
  /** Bytes of the list's JSON; default BACKUPS_MAX_BYTES. */
  maxBytes?: number;
}

/**
 * The list with `backup` added (replacing one with the same id), newest first: the newest `keep`,
 * then the oldest dropped until the list's JSON takes at most `maxBytes`. The newest stays even
 * when it alone is larger: the state just before a change is the one worth having.
 */
export function pushBackup(
  list: readonly Backup[], backup: Backup, { keep = BACKUPS_KEPT, maxBytes = BACKUPS_MAX_BYTES }: BackupRingLimits = {},
): Backup[] {
  const count = Math.max(1, Math.floor(Number.isFinite(keep) ? keep : BACKUPS_KEPT));
  const ring = [backup, ...list.filter((entry) => entry.id !== backup.id)]
    .map((entry, index) => ({ entry, index }))
    // Newest first; among equal times the one pushed later first.
    .sort((a, b) => createdAtMs(b.entry) - createdAtMs(a.entry) || a.index - b.index)
    .slice(0, count)
    .map(({ entry }) => entry);
  const sizes = ring.map(backupBytes);
  // The list's JSON: the entries, a comma between each two, and the brackets.
  let bytes = sizes.reduce((sum, size) => sum + size, ring.length + 1);
  while (ring.length > 1 && bytes > maxBytes) {
    bytes -= (sizes.pop() ?? 0) + 1;
    ring.pop();
  }
  return ring;
}

const BackupSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  createdAt: v.pipe(v.string(), v.isoTimestamp()),
  reason: v.picklist(['before-import', 'before-reset', 'manual'] as const),
  settings: v.custom<Settings>(isPlainObject),
  sourceId: v.string(),
  own: v.custom<TotalsByDate>(isPlainObject),
  imported: v.custom<ImportedUsage>(isPlainObject),
});

/**
 * The stored backup list, unreadable entries left out (in memory only: nothing is deleted).
 * The state inside is checked in full when one is restored: reading the list stays cheap.
 */
export function parseBackupList(value: unknown): Backup[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const parsed = v.safeParse(BackupSchema, entry);
    return parsed.success ? [parsed.output] : [];
  });
}

/**
 * One version 1 backup in the version 2 form, through the import's validation; null when its
 * export does not pass (the backup could not have been restored either). Never throws.
 */
function backupV1ToV2(entry: unknown): Record<string, unknown> | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const { export: exported, ...header } = entry as Record<string, unknown>;
  const parsed = parseExportValue(exported);
  if (!parsed.ok) return null;
  const { [parsed.data.source]: own = {}, ...imported } = usageBySource(parsed.data);
  // The settings as they were: the restore reads them, from any settings version.
  const { settings } = exported as Record<string, unknown>;
  return { ...header, settings, sourceId: parsed.data.source, own, imported };
}

/**
 * The `backups` storage item (utils/storage.ts BACKUPS_KEY). Version 1 kept each backup's state
 * as a full export (`export`); version 2 keeps it as storage does (`settings`, `sourceId`, `own`,
 * `imported`), about a third of the size. Here rather than in storage.ts, which the popup reads:
 * the migration needs the import's validation.
 */
export const backupList: Versioned<Backup[]> = {
  version: 2,
  migrations: [
    (old) => (Array.isArray(old) ? old.flatMap((entry) => backupV1ToV2(entry) ?? []) : old),
  ],
  // Unreadable entries are left out in memory only; the state inside is checked on restore.
  parse: (value) => (Array.isArray(value) ? parseBackupList(value) : null),
  fallback: () => [],
};
