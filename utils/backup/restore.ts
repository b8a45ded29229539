import * as v from 'valibot';
import { parseSettings, type Settings } from '@/utils/settings';
import { DayTotalsSchema } from '@/utils/tracking/totals';
import type { Backup } from './backups';
import { findForbiddenKey, isCalendarDate, isPlainObject, isValidSourceId } from './checks';
import { importError, shown, type ImportError } from './errors';
import type { UsageHistory } from './history';

export type RestoreResult =
  | { ok: true; sourceId: string; settings: Settings | null; settingsError: string | null; history: UsageHistory }
  | { ok: false; error: ImportError };

const StoredDaysSchema = v.record(v.pipe(v.string(), v.check(isCalendarDate)), DayTotalsSchema);

const BackupStateSchema = v.object({
  sourceId: v.pipe(v.string(), v.check(isValidSourceId)),
  settings: v.custom<Record<string, unknown>>(isPlainObject),
  own: StoredDaysSchema,
  imported: v.record(v.pipe(v.string(), v.check(isValidSourceId)), StoredDaysSchema),
});

function damagedBackup(path: string, found: unknown): RestoreResult {
  return { ok: false, error: importError('backup-damaged', { path, found: shown(found) }) };
}

/**
 * The state a backup holds, to write in place of the current one (settings only when usable).
 * Checked in full first, as stored data can be damaged: a damaged backup restores nothing, and
 * the error names where it is damaged and what it holds there.
 */
export function restoreFromBackup(backup: Backup): RestoreResult {
  const forbidden = findForbiddenKey(backup);
  if (forbidden) return damagedBackup(forbidden.path, forbidden.value);
  const parsed = v.safeParse(BackupStateSchema, backup, { abortEarly: true });
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = (issue.path ?? []).map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`));
    return damagedBackup(path.join('').replace(/^\./, ''), issue.input);
  }
  const { sourceId, own, imported } = parsed.output;
  const settings = parseSettings(parsed.output.settings);
  return {
    ok: true,
    sourceId,
    settings: settings.ok ? settings.settings : null,
    settingsError: settings.ok ? null : settings.error,
    history: { own, imported },
  };
}
