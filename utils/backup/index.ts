/**
 * The user's data as a file: export, validated import, a merge that never double counts, backups,
 * deletion and retention. Pure: the shell reads storage and files, passes them in, and writes
 * what comes back. One idea per file:
 * - format.ts   the file format `channel-focus`: its rows, limits and row arithmetic
 * - checks.ts   what dates, platform ids, source ids and channel keys may be
 * - history.ts  own time plus imported time, and what the views show of both
 * - export.ts   history to an export file, its text and name
 * - csv.ts      the rows as a spreadsheet (the CSV writing rules are in utils/csv.ts)
 * - errors.ts   import error and warning codes with their messages
 * - schema.ts   what a valid file looks like, row by row and across rows
 * - clients.ts  the file's clients, checked strictly
 * - upgrades.ts one step per file version, so any export ever written can be read
 * - import.ts   reading an import file: size, JSON, version, upgrades, schema
 * - merge.ts    rows to daily totals, and the merge that never counts twice
 * - preview.ts  what an import would add, before it is written
 * - backups.ts  the ring of backups kept before imports and resets
 * - restore.ts  the state a backup holds, checked before it is written back
 * - delete.ts   deletion of channels and retention of days
 */

export { EXPORT_FORMAT, EXPORT_VERSION, MAX_DAY_SECONDS, type ExportRow } from './format';
export { isCalendarDate } from './checks';
export { visibleUsage, type UsageHistory } from './history';
export { buildExport, exportFileName, exportText, type DateRange } from './export';
export { buildCsv } from './csv';
export { IMPORT_ERROR_CODES, type ImportError, type ImportErrorCode, type ImportWarningCode } from './errors';
export { EXPORT_UPGRADES, type ExportUpgrade } from './upgrades';
export { MAX_IMPORT_BYTES, parseImport, type ValidImport } from './import';
export { importUsage, mergeUsage, toDays, usageBySource } from './merge';
export { previewImport, type ImportPreview } from './preview';
export {
  BACKUPS_KEPT, BACKUPS_MAX_BYTES, backupBytes, backupList, createBackup, parseBackupList, pushBackup,
  type Backup, type BackupReason,
} from './backups';
export { restoreFromBackup } from './restore';
export { applyRetention, deleteHistoryWhere, deletionMatch, mapUsageHistory } from './delete';
