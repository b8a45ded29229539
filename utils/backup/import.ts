import * as v from 'valibot';
import { addDays } from '@/utils/dashboard';
import { isPlatformId } from '@/utils/platforms';
import { parseSettings, type Settings } from '@/utils/settings';
import { findForbiddenKey, isCalendarDate, isPlainObject } from './checks';
import { checkFileClients } from './clients';
import { importError, shown, type ImportError, type ImportWarningCode } from './errors';
import { compareText, type ExportRow } from './format';
import { ExportSchema, HeaderSchema, issueError } from './schema';
import { EXPORT_UPGRADES, type ExportUpgrade } from './upgrades';

/**
 * Reading an import file: size, JSON, format and version, upgrades, then the schema. Never throws,
 * changes nothing; the merge (merge.ts) is a separate step.
 *
 * Decisions:
 * - Unknown platform ids (well-formed, e.g. from a newer release) are kept, not rejected: the
 *   time is the user's, and views already show keys they cannot name as unknown. The import
 *   reports them with the warning `unknown-platforms`.
 * - Duplicate rows (same source, date, channel and focus) are rejected: our exporter never writes
 *   them, so the file was edited or concatenated, and neither adding nor keeping one is safe.
 * - More than 25 hours (the longest local day, when daylight saving time ends) on one row, on
 *   one channel and date of one source, or on all channels of one source and date, is absurd and
 *   rejected: one browser counts one channel at a time. "One source" is the row's effective
 *   source (its `source`, else the file's), so the file's own total adds its rows without
 *   `source` to those that name the file's source, wherever they sit in the file.
 * - At most MAX_IMPORT_SOURCES sources in one file (its `source` and those of its rows): no real
 *   user merges more browsers, and each becomes a stored source of its own.
 * - Given the user's local `today`, a row dated after tomorrow is rejected: such a day comes from
 *   a wrong clock, and once stored it would hold retention back (utils/retention.ts). Tomorrow
 *   still passes, for a file from a browser a time zone ahead.
 * - `__proto__`, `constructor` and `prototype` as keys anywhere reject the file: no export has
 *   them, and nothing of such a file should reach an object.
 * - Settings that fail parseSettings do not block the usage: the import goes on without them and
 *   warns `settings-unusable`. A missing `settings` field, or one that is not an object, is a
 *   broken file and rejected.
 * - Clients come from the file's top-level `clients` and join its settings before those are read
 *   (a specialization's client must be among them). Files without that field (older ones) keep
 *   the clients their settings hold, if any. Either way the clients are checked strictly
 *   (clients.ts): a malformed list, or an account two clients claim, rejects the file, although
 *   stored settings would only drop the offending entry: an import is a choice the user can redo
 *   with a corrected file, and silently moving an account between clients would skew reports.
 */

/** Files above this size are refused before parsing. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export interface ValidImport {
  /** The version the file was written in (before upgrades). */
  version: number;
  exportedAt: string;
  source: string;
  /** null when unusable: `settingsError` says why, the warnings hold `settings-unusable`. */
  settings: Settings | null;
  settingsError: string | null;
  usage: ExportRow[];
  /** Platform ids this release does not know, each once (warning `unknown-platforms`). */
  unknownPlatforms: string[];
}

export type ImportResult =
  | { ok: true; data: ValidImport; warnings: ImportWarningCode[] }
  | { ok: false; error: ImportError };

function typeOfJson(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string' ? 'text' : `a ${typeof value}`;
}

/** The file's settings with its clients (see the decisions above), or why the clients are refused. */
function withFileClients(
  file: { settings: Record<string, unknown>; clients?: unknown },
): { ok: true; settings: Record<string, unknown> } | { ok: false; error: ImportError } {
  const topLevel = Object.hasOwn(file, 'clients') && file.clients !== undefined;
  if (!topLevel && !Object.hasOwn(file.settings, 'clients')) return { ok: true, settings: file.settings };
  const checked = checkFileClients(topLevel ? file.clients : file.settings.clients);
  if (!checked.ok) return checked;
  return { ok: true, settings: { ...file.settings, clients: checked.clients } };
}

function validate(value: unknown, upgrades: readonly ExportUpgrade[]): ImportResult {
  if (!isPlainObject(value)) return { ok: false, error: importError('not-an-object', { found: typeOfJson(value) }) };
  const forbidden = findForbiddenKey(value);
  if (forbidden) return { ok: false, error: importError('forbidden-key', { key: forbidden.key, path: forbidden.path }) };

  const header = v.safeParse(HeaderSchema, value, { abortEarly: true });
  if (!header.success) {
    const error = issueError(header.issues[0]);
    if (error.params.field === 'format') {
      const found = Object.hasOwn(value, 'format') ? shown(value.format) : 'missing';
      return { ok: false, error: importError('wrong-format', { found }) };
    }
    if (error.code === 'field-missing') return { ok: false, error: importError('version-missing') };
    return { ok: false, error: importError('version-invalid', { found: shown(value.version) }) };
  }
  const version = header.output.version;
  const supported = upgrades.length + 1;
  if (version > supported) return { ok: false, error: importError('version-from-future', { version, supported }) };

  let current: Record<string, unknown> = value;
  for (let from = version; from < supported; from += 1) {
    const upgrade = upgrades[from - 1];
    let next: unknown;
    try {
      next = upgrade?.(current);
    } catch {
      next = undefined;
    }
    if (!isPlainObject(next)) return { ok: false, error: importError('upgrade-failed', { version: from, supported: from + 1 }) };
    current = next;
  }

  const parsed = v.safeParse(ExportSchema, current, { abortEarly: true });
  if (!parsed.success) return { ok: false, error: issueError(parsed.issues[0]) };
  const file = parsed.output;

  const fileSettings = withFileClients(file);
  if (!fileSettings.ok) return fileSettings;
  const warnings: ImportWarningCode[] = [];
  const settings = parseSettings(fileSettings.settings);
  if (!settings.ok) warnings.push('settings-unusable');
  const unknownPlatforms = [...new Set(file.usage.map((row) => row.platform))]
    .filter((platform) => platform !== 'custom' && !isPlatformId(platform))
    .sort(compareText);
  if (unknownPlatforms.length > 0) warnings.push('unknown-platforms');
  return {
    ok: true,
    warnings,
    data: {
      version,
      exportedAt: file.exportedAt,
      source: file.source,
      settings: settings.ok ? settings.settings : null,
      settingsError: settings.ok ? null : settings.error,
      usage: file.usage,
      unknownPlatforms,
    },
  };
}

/**
 * Validates an already parsed export (a stored backup, say). Never throws; the value is only read.
 * `upgrades` is for tests of the upgrade mechanism.
 */
export function parseExportValue(value: unknown, upgrades: readonly ExportUpgrade[] = EXPORT_UPGRADES): ImportResult {
  try {
    return validate(value, upgrades);
  } catch {
    // Getters or proxies in a hostile value can throw while being read.
    return { ok: false, error: importError('unreadable') };
  }
}

export interface ImportOptions {
  /** Default MAX_IMPORT_BYTES. */
  maxBytes?: number;
  upgrades?: readonly ExportUpgrade[];
  /** The user's local date `YYYY-MM-DD`: rows dated after the day after it are refused. None: no check. */
  today?: string;
}

/** The first row dated after the day after `today` as an error; null when there is none. */
function rowAfterTomorrow(usage: readonly ExportRow[], today: string): ImportError | null {
  if (!isCalendarDate(today)) return null;
  const latest = addDays(today, 1);
  const index = usage.findIndex((row) => row.date > latest);
  const row = usage[index];
  return row ? importError('date-after-tomorrow', { row: index + 1, date: row.date, latest }) : null;
}

/**
 * Reads the text of an import file. Never throws, changes nothing. The size is checked before
 * parsing: `text.length` counts UTF-16 code units, never more than the file's UTF-8 bytes, so a
 * text over the limit is a file over it (the shell may check File.size before reading at all).
 */
export function parseImport(text: string, options: ImportOptions = {}): ImportResult {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (typeof text !== 'string') return { ok: false, error: importError('not-json', { detail: 'no text' }) };
  if (text.length > maxBytes) return { ok: false, error: importError('too-large', { size: text.length, maxBytes }) };
  // Editors on Windows like to save a byte order mark, which JSON.parse refuses.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: importError('empty') };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 120) : 'unreadable';
    return { ok: false, error: importError('not-json', { detail }) };
  }
  const result = parseExportValue(value, options.upgrades);
  if (!result.ok || options.today === undefined) return result;
  const error = rowAfterTomorrow(result.data.usage, options.today);
  return error ? { ok: false, error } : result;
}
