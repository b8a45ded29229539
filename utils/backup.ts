import * as v from 'valibot';
import { channelKey, type Channel, type ChannelPlatform } from '@/utils/channels';
import { csvDocument } from '@/utils/csv';
import { addDays } from '@/utils/dashboard';
import { isPlatformId } from '@/utils/platforms';
import { parseSettings, type Settings } from '@/utils/settings';
import {
  DayTotalsSchema, datesToDrop, mergeDayTotals, type ChannelDayTotals, type DayTotals, type TotalsByDate,
} from '@/utils/tracking/totals';

/**
 * The user's data as a file: export, validated import, a merge that never double counts, backups,
 * deletion and retention. Pure: the shell reads storage and files, passes them in, and writes
 * what comes back.
 *
 * File format `channel-focus`, version 1 (tests/fixtures/exports/channel-focus-v1.json is an example):
 *   { format: 'channel-focus', version: 1, exportedAt: ISO 8601, source: <id>, settings: {...},
 *     usage: [{ date, platform, account, seconds, focus, ...optional fields }] }
 * - One row per local date, channel, focus status and source; rows without time are left out.
 * - `seconds` is the row's time in whole seconds, rounded half up. `milliseconds` carries the
 *   exact time and an import prefers it, so a round trip loses nothing; a row of less than half a
 *   second therefore reads `seconds: 0` and is still written. Files made by hand may leave
 *   `milliseconds` out; when present it must agree with `seconds` to within a second.
 * - `afterHoursSeconds` / `afterHoursMilliseconds`: the part outside working hours. Storage keeps
 *   that part per channel and date, not per focus status, so the export assigns it to the
 *   channel's rows of that date in the order in, out, none, never more than a row's own time.
 *   Per channel and date the sum is exact; readers should add the rows up.
 * - `source`: a stable random id of the browser profile that counted the time. A row of time this
 *   browser imported from another one carries that browser's id in its own `source`; rows without
 *   it belong to the file's `source`. The same date, channel and focus may therefore appear once
 *   per source: add them up for totals (buildCsv does).
 * - Unknown fields are ignored on import, so later versions may add fields; these stay.
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
 */

export const EXPORT_FORMAT = 'channel-focus';
export const EXPORT_VERSION = 1;

/** Files above this size are refused before parsing. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The longest local day: 25 hours, when daylight saving time ends. */
export const MAX_DAY_SECONDS = 25 * 60 * 60;
const MAX_DAY_MS = MAX_DAY_SECONDS * 1000;

/** Source ids one file may hold, its own included. */
export const MAX_IMPORT_SOURCES = 50;

/** Storage keys of a day's channels are at most this long (DayTotalsSchema). */
const MAX_CHANNEL_KEY_LENGTH = 300;

export const BACKUPS_KEPT = 5;

export const USAGE_FOCUS = ['in', 'out', 'none'] as const;
export type UsageFocus = (typeof USAGE_FOCUS)[number];

/** Index of each focus status in ChannelDayTotals. */
const FOCUS_INDEX: Readonly<Record<UsageFocus, 0 | 1 | 2>> = { in: 0, out: 1, none: 2 };

/** One row of an export. */
export interface UsageRow {
  date: string;
  /** A PlatformId, `custom`, or an id this release does not know (kept, see the decisions). */
  platform: string;
  account: string | null;
  seconds: number;
  focus: UsageFocus;
  milliseconds?: number;
  afterHoursSeconds?: number;
  afterHoursMilliseconds?: number;
  /** The browser that counted the time, when it is not the file's `source`. */
  source?: string;
}

export interface ChannelFocusExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  source: string;
  settings: Settings;
  usage: UsageRow[];
}

/** Time imported from other browsers, per source id: kept apart so a re-import replaces, not adds. */
export type ImportedUsage = Record<string, TotalsByDate>;

/**
 * Everything this browser shows: its own counted time plus what it imported. The visible totals
 * are own + the sum over imported sources (`visibleUsage`).
 */
export interface UsageHistory {
  own: TotalsByDate;
  imported: ImportedUsage;
}

// ---------------------------------------------------------------------------------------------
// Small predicates shared by export and import.

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date `YYYY-MM-DD` from 1970 on (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_SHAPE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1970) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Names that must never become object keys (prototype pollution), nor ids used as keys. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

const PLATFORM_NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** A platform id of this or a later release: lower-case letters, digits and `-`. */
function isPlatformName(value: string): boolean {
  return PLATFORM_NAME.test(value) && !FORBIDDEN_KEYS.has(value);
}

const SOURCE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A source id: 1 to 64 letters, digits, `-` or `_` (a UUID fits). */
export function isValidSourceId(value: string): boolean {
  return SOURCE_ID.test(value) && !FORBIDDEN_KEYS.has(value);
}

/** The storage key of a row's channel; the same form for platforms this release does not know. */
function rowChannelKey(platform: string, account: string | null): string {
  return channelKey({ platform: platform as ChannelPlatform, account });
}

/** A stored channel key split into platform and account; null when no row could carry it. */
function splitChannelKey(key: string): { platform: string; account: string | null } | null {
  if (key.length > MAX_CHANNEL_KEY_LENGTH) return null;
  const colon = key.indexOf(':');
  const platform = colon === -1 ? key : key.slice(0, colon);
  const account = colon === -1 ? null : key.slice(colon + 1);
  if (!isPlatformName(platform) || account === '') return null;
  if (platform === 'custom' && account === null) return null;
  return { platform, account };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Exact time of a row: `milliseconds` when present, else whole seconds. */
export function rowMilliseconds(row: UsageRow): number {
  return row.milliseconds ?? row.seconds * 1000;
}

export function rowAfterHoursMilliseconds(row: UsageRow): number {
  return row.afterHoursMilliseconds ?? (row.afterHoursSeconds ?? 0) * 1000;
}

/** Seconds shown for a time in ms: rounded half up. */
function toSeconds(ms: number): number {
  return Math.round(ms / 1000);
}

// ---------------------------------------------------------------------------------------------
// Export.

export interface DateRange {
  /** First local date included, `YYYY-MM-DD`; none: from the beginning. */
  from?: string;
  /** Last local date included; none: up to the newest. */
  to?: string;
}

function inRange(date: string, range: DateRange | undefined): boolean {
  if (!range) return true;
  return (range.from === undefined || date >= range.from) && (range.to === undefined || date <= range.to);
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Date, then channel (platform, then account, none first), then focus in, out, none, then source. */
function compareRows(a: UsageRow, b: UsageRow): number {
  return compareText(a.date, b.date)
    || compareText(a.platform, b.platform)
    || (a.account === b.account ? 0 : a.account === null ? -1 : b.account === null ? 1 : compareText(a.account, b.account))
    || FOCUS_INDEX[a.focus] - FOCUS_INDEX[b.focus]
    || compareText(a.source ?? '', b.source ?? '');
}

/** Stored ms as the exporter writes them: whole, not negative; anything else counts as none. */
function storedMs(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

/**
 * The rows of one source's days. Cells the importer would refuse (a date or key the tracker never
 * writes) are left out, so every export can be imported again.
 */
function rowsOfDays(days: TotalsByDate, range: DateRange | undefined, source: string | undefined): UsageRow[] {
  const rows: UsageRow[] = [];
  for (const [date, day] of Object.entries(days)) {
    if (!isCalendarDate(date) || !inRange(date, range)) continue;
    for (const [key, totals] of Object.entries(day)) {
      const channel = splitChannelKey(key);
      if (channel === null || !Array.isArray(totals)) continue;
      let afterHoursLeft = storedMs(totals[3]);
      for (const focus of USAGE_FOCUS) {
        const ms = storedMs(totals[FOCUS_INDEX[focus]]);
        if (ms === 0) continue;
        const afterHours = Math.min(afterHoursLeft, ms);
        afterHoursLeft -= afterHours;
        rows.push({
          date, platform: channel.platform, account: channel.account,
          seconds: toSeconds(ms), focus, milliseconds: ms,
          ...(afterHours > 0 ? { afterHoursSeconds: toSeconds(afterHours), afterHoursMilliseconds: afterHours } : {}),
          ...(source === undefined ? {} : { source }),
        });
      }
    }
  }
  return rows;
}

export interface ExportInput {
  settings: Settings;
  /** This browser profile's stable id (see UsageHistory). */
  sourceId: string;
  /** This browser's own counted time. */
  days: TotalsByDate;
  /** Time imported from other browsers; written with their source ids so it is never counted twice. */
  imported?: ImportedUsage;
  exportedAt: Date;
  range?: DateRange;
}

/** The export object; `JSON.stringify(result, null, 2)` is the file. Throws on an invalid source id or date. */
export function buildExport(input: ExportInput): ChannelFocusExport {
  if (!isValidSourceId(input.sourceId)) throw new RangeError(`Not a valid source id: ${input.sourceId}`);
  const imported = input.imported ?? {};
  // Time filed under our own id among the imported sources (never written by importUsage) is ours.
  const own = Object.hasOwn(imported, input.sourceId)
    ? mergeUsage(input.days, imported[input.sourceId] ?? {})
    : input.days;
  const usage = rowsOfDays(own, input.range, undefined);
  for (const [source, days] of Object.entries(imported)) {
    if (source === input.sourceId || !isValidSourceId(source)) continue;
    usage.push(...rowsOfDays(days, input.range, source));
  }
  usage.sort(compareRows);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: input.exportedAt.toISOString(),
    source: input.sourceId,
    settings: input.settings,
    usage,
  };
}

/**
 * The file's text: the header and settings indented, one usage row per line. As readable as fully
 * indented JSON at about half the size, which keeps years of history under MAX_IMPORT_BYTES.
 */
export function exportText(file: ChannelFocusExport): string {
  const { usage, ...header } = file;
  const head = JSON.stringify(header, null, 2);
  const rows = usage.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  // `head` ends with "\n}": reopen it to append the rows as the last field.
  return `${head.slice(0, -2)},\n  "usage": [${usage.length > 0 ? `\n${rows}\n  ` : ''}]\n}\n`;
}

/** `channel-focus-YYYY-MM-DD.json` for the user's local date of the export. */
export function exportFileName(localDate: string, kind: 'json' | 'csv'): string {
  if (!isCalendarDate(localDate)) throw new RangeError(`Not a date YYYY-MM-DD: ${localDate}`);
  return `channel-focus-${localDate}.${kind}`;
}

export const CSV_HEADER = ['date', 'platform', 'account', 'seconds', 'focus'] as const;

/**
 * The usage rows as CSV (see utils/csv.ts for quoting, BOM and locales): one line per date,
 * channel and focus, the rows of several sources added up, in export order. Lines that round
 * to 0 seconds are left out: a spreadsheet reader has no use for them.
 */
export function buildCsv(rows: readonly UsageRow[]): string {
  const lines = new Map<string, UsageRow & { milliseconds: number }>();
  for (const row of rows) {
    const id = JSON.stringify([row.date, row.platform, row.account, row.focus]);
    const line = lines.get(id);
    if (line) line.milliseconds += rowMilliseconds(row);
    else {
      lines.set(id, {
        date: row.date, platform: row.platform, account: row.account, focus: row.focus,
        seconds: 0, milliseconds: rowMilliseconds(row),
      });
    }
  }
  const sorted = [...lines.values()].sort(compareRows);
  return csvDocument(CSV_HEADER, sorted
    .map((line) => ({ ...line, seconds: toSeconds(line.milliseconds) }))
    .filter((line) => line.seconds > 0)
    .map((line) => [line.date, line.platform, line.account, line.seconds, line.focus]));
}

// ---------------------------------------------------------------------------------------------
// Import: codes, messages, schema.

export type ImportErrorCode =
  | 'too-large' | 'empty' | 'not-json' | 'not-an-object' | 'unreadable' | 'forbidden-key'
  | 'wrong-format' | 'version-missing' | 'version-invalid' | 'version-from-future' | 'upgrade-failed'
  | 'field-missing' | 'field-invalid' | 'row-not-object'
  | 'date-invalid' | 'platform-invalid' | 'account-invalid' | 'account-required'
  | 'seconds-invalid' | 'seconds-too-large' | 'milliseconds-mismatch' | 'after-hours-exceeds-time'
  | 'duplicate-row' | 'day-too-long' | 'source-day-too-long' | 'too-many-sources' | 'date-after-tomorrow'
  | 'backup-damaged';

export const IMPORT_ERROR_CODES: readonly ImportErrorCode[] = [
  'too-large', 'empty', 'not-json', 'not-an-object', 'unreadable', 'forbidden-key',
  'wrong-format', 'version-missing', 'version-invalid', 'version-from-future', 'upgrade-failed',
  'field-missing', 'field-invalid', 'row-not-object',
  'date-invalid', 'platform-invalid', 'account-invalid', 'account-required',
  'seconds-invalid', 'seconds-too-large', 'milliseconds-mismatch', 'after-hours-exceeds-time',
  'duplicate-row', 'day-too-long', 'source-day-too-long', 'too-many-sources', 'date-after-tomorrow',
  'backup-damaged',
];

export type ImportWarningCode = 'settings-unusable' | 'unknown-platforms';

export type ImportParams = Record<string, string | number | null>;

/** English `message` for logs and as a fallback; views map `code` and `params` to their locale. */
export interface ImportError {
  code: ImportErrorCode;
  message: string;
  params: ImportParams;
}

export interface ValidImport {
  /** The version the file was written in (before upgrades). */
  version: number;
  exportedAt: string;
  source: string;
  /** null when unusable: `settingsError` says why, the warnings hold `settings-unusable`. */
  settings: Settings | null;
  settingsError: string | null;
  usage: UsageRow[];
  /** Platform ids this release does not know, each once (warning `unknown-platforms`). */
  unknownPlatforms: string[];
}

export type ImportResult =
  | { ok: true; data: ValidImport; warnings: ImportWarningCode[] }
  | { ok: false; error: ImportError };

const FIELD_EXPECTED: Readonly<Record<string, string>> = {
  exportedAt: 'an ISO 8601 time such as "2026-05-01T09:30:00.000Z"',
  source: 'an id of 1 to 64 letters, digits, "-" or "_"',
  settings: 'an object',
  usage: 'a list of rows',
  date: 'a date "YYYY-MM-DD"',
  platform: 'a platform id such as "linkedin"',
  account: 'text or null',
  seconds: 'a whole number',
  milliseconds: 'a whole number',
  afterHoursSeconds: 'a whole number',
  afterHoursMilliseconds: 'a whole number',
  focus: '"in", "out" or "none"',
};

/** A value as it may appear in a message: short, never the whole of a big object. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function errorMessage(code: ImportErrorCode, p: ImportParams): string {
  const where = p.row === null || p.row === undefined ? 'The export' : `Usage row ${p.row}`;
  const field = `"${p.field ?? ''}"`;
  switch (code) {
    case 'too-large':
      return `The file is too large (${p.size} characters); the limit is ${p.maxBytes} bytes. Nothing was imported.`;
    case 'empty': return 'The file is empty.';
    case 'not-json': return `The file is not valid JSON, perhaps cut off or not an export (${p.detail}).`;
    case 'not-an-object': return `The file holds ${p.found}, not a Channel Focus export object.`;
    case 'unreadable': return 'The export could not be read.';
    case 'forbidden-key':
      return `The file contains the key "${p.key}" at ${p.path}; no Channel Focus export has it, so nothing was imported.`;
    case 'wrong-format':
      return `This is not a Channel Focus export: "format" is ${p.found}, expected "${EXPORT_FORMAT}".`;
    case 'version-missing': return 'The export has no "version".';
    case 'version-invalid': return `"version" must be a whole number from 1, found ${p.found}.`;
    case 'version-from-future':
      return `The export has version ${p.version}, written by a newer Channel Focus; this one reads up to version ${p.supported}. Update the extension, then import again.`;
    case 'upgrade-failed': return `The export of version ${p.version} could not be brought to version ${p.supported}.`;
    case 'field-missing': return `${where}: ${field} is missing.`;
    case 'field-invalid':
      return `${where}: ${field} must be ${FIELD_EXPECTED[String(p.field)] ?? 'of another type'}, found ${p.found}.`;
    case 'row-not-object': return `${where} must be an object with date, platform, account, seconds and focus, found ${p.found}.`;
    case 'date-invalid': return `${where}: "date" must be a real calendar date YYYY-MM-DD, found ${p.found}.`;
    case 'platform-invalid':
      return `${where}: "platform" must be a platform id of lower-case letters, digits and "-", found ${p.found}.`;
    case 'account-invalid':
      return `${where}: "account" must be null or text that keeps the channel key within ${MAX_CHANNEL_KEY_LENGTH} characters, found ${p.found}.`;
    case 'account-required': return `${where}: a custom channel needs its host in "account".`;
    case 'seconds-invalid': return `${where}: ${field} must be a whole number from 0, found ${p.found}.`;
    case 'seconds-too-large':
      return `${where}: ${field} is ${p.found}, more than the ${MAX_DAY_SECONDS} seconds (25 hours) of the longest day.`;
    case 'milliseconds-mismatch':
      return `${where}: ${field} (${p.found}) does not agree with "${p.secondsField}" (${p.seconds}).`;
    case 'after-hours-exceeds-time':
      return `${where}: ${field} gives ${p.found} ms after hours, more than the row's time (${p.total} ms).`;
    case 'duplicate-row':
      return `${where} repeats usage row ${p.firstRow}: the same date, channel and focus (${p.date}, ${p.channel}, ${p.focus}).`;
    case 'day-too-long':
      return `${where}: on ${p.date} the rows of channel ${p.channel} add up to ${p.seconds} seconds, more than the ${MAX_DAY_SECONDS} seconds (25 hours) of the longest day.`;
    case 'source-day-too-long':
      return `On ${p.date} the rows of browser ${p.source} add up to ${p.seconds} seconds over all channels, more than the ${MAX_DAY_SECONDS} seconds (25 hours) of the longest day.`;
    case 'too-many-sources':
      return `The file holds the time of ${p.count} browsers (source ids); at most ${p.max} can be imported from one file.`;
    case 'date-after-tomorrow':
      return `${where} is dated ${p.date}, after tomorrow (${p.latest}): the clock of the browser that made the file, or of this one, is wrong.`;
    case 'backup-damaged': return `The backup is damaged: at ${p.path} it holds ${p.found}. Nothing was restored.`;
  }
}

function importError(code: ImportErrorCode, params: ImportParams = {}): ImportError {
  return { code, message: errorMessage(code, params), params };
}

/** Details a cross-row check hands to the error: valibot carries them as the issue's input. */
interface RowDetails {
  rowDetails: true;
  params: ImportParams;
}

function isRowDetails(value: unknown): value is RowDetails {
  return isPlainObject(value) && value.rowDetails === true;
}

// Schema messages are ImportErrorCodes; issueError turns the first issue into code, params and text.

const wholeTime = (max: number) => v.pipe(
  v.number('field-invalid'),
  v.integer('seconds-invalid'),
  v.minValue(0, 'seconds-invalid'),
  v.maxValue(max, 'seconds-too-large'),
);

const SourceIdSchema = v.pipe(v.string('field-invalid'), v.check(isValidSourceId, 'field-invalid'));

type RowAddIssue = Parameters<Parameters<typeof v.rawCheck<UsageRow>>[0]>[0]['addIssue'];

function rowIssue(addIssue: RowAddIssue, row: UsageRow, key: keyof UsageRow, message: ImportErrorCode, input: unknown): void {
  addIssue({ message, input, path: [{ type: 'object', origin: 'value', input: row as unknown as Record<string, unknown>, key, value: row[key] }] });
}

const UsageRowSchema = v.pipe(
  v.custom<Record<string, unknown>>(isPlainObject, 'row-not-object'),
  v.object({
    date: v.pipe(v.string('field-invalid'), v.check(isCalendarDate, 'date-invalid')),
    platform: v.pipe(v.string('field-invalid'), v.check(isPlatformName, 'platform-invalid')),
    account: v.nullable(v.pipe(v.string('field-invalid'), v.minLength(1, 'account-invalid'))),
    seconds: wholeTime(MAX_DAY_SECONDS),
    focus: v.picklist(USAGE_FOCUS, 'field-invalid'),
    milliseconds: v.optional(wholeTime(MAX_DAY_MS)),
    afterHoursSeconds: v.optional(wholeTime(MAX_DAY_SECONDS)),
    afterHoursMilliseconds: v.optional(wholeTime(MAX_DAY_MS)),
    source: v.optional(SourceIdSchema),
  }),
  v.rawCheck<UsageRow>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const row = dataset.value;
    // Either form of a time may be rounded; closer than a second apart they agree.
    const disagree = (ms: number | undefined, seconds: number) => ms !== undefined && Math.abs(ms - seconds * 1000) >= 1000;
    if (row.platform === 'custom' && row.account === null) {
      rowIssue(addIssue, row, 'account', 'account-required', null);
    } else if (rowChannelKey(row.platform, row.account).length > MAX_CHANNEL_KEY_LENGTH) {
      rowIssue(addIssue, row, 'account', 'account-invalid', row.account);
    } else if (disagree(row.milliseconds, row.seconds)) {
      rowIssue(addIssue, row, 'milliseconds', 'milliseconds-mismatch', row.milliseconds);
    } else if (disagree(row.afterHoursMilliseconds, row.afterHoursSeconds ?? 0)) {
      rowIssue(addIssue, row, 'afterHoursMilliseconds', 'milliseconds-mismatch', row.afterHoursMilliseconds);
    } else if (rowAfterHoursMilliseconds(row) > rowMilliseconds(row)) {
      rowIssue(addIssue, row, 'afterHoursSeconds', 'after-hours-exceeds-time', rowAfterHoursMilliseconds(row));
    }
  }),
);

interface ParsedExport {
  exportedAt: string;
  source: string;
  settings: Record<string, unknown>;
  usage: UsageRow[];
}

/**
 * Checks across rows: not too many sources, and per source no duplicate row, no channel with
 * more than the longest day on one date, and no date with more than that over all channels.
 */
function checkAcrossRows({ dataset, addIssue }: Parameters<Parameters<typeof v.rawCheck<ParsedExport>>[0]>[0]): void {
  if (!dataset.typed) return;
  const file = dataset.value;
  const firstRowOf = new Map<string, number>();
  const channelDayMs = new Map<string, number>();
  const sourceDayMs = new Map<string, { source: string; date: string; ms: number }>();
  const failFile = (message: ImportErrorCode, params: ImportParams) => {
    const details: RowDetails = { rowDetails: true, params };
    addIssue({ message, input: details });
  };
  const fail = (index: number, message: ImportErrorCode, params: ImportParams) => {
    const details: RowDetails = { rowDetails: true, params };
    addIssue({
      message,
      input: details,
      path: [
        { type: 'object', origin: 'value', input: file as unknown as Record<string, unknown>, key: 'usage', value: file.usage },
        { type: 'array', origin: 'value', input: file.usage, key: index, value: file.usage[index] },
      ],
    });
  };
  const sources = new Set([file.source, ...file.usage.flatMap((row) => row.source ?? [])]);
  if (sources.size > MAX_IMPORT_SOURCES) {
    failFile('too-many-sources', { count: sources.size, max: MAX_IMPORT_SOURCES });
    return;
  }
  for (const [index, row] of file.usage.entries()) {
    const source = row.source ?? file.source;
    const channel = rowChannelKey(row.platform, row.account);
    const cell = JSON.stringify([source, row.date, channel, row.focus]);
    const first = firstRowOf.get(cell);
    if (first !== undefined) {
      fail(index, 'duplicate-row', { firstRow: first + 1, date: row.date, channel, focus: row.focus });
      return;
    }
    firstRowOf.set(cell, index);
    const channelDay = JSON.stringify([source, row.date, channel]);
    const ms = (channelDayMs.get(channelDay) ?? 0) + rowMilliseconds(row);
    if (ms > MAX_DAY_MS) {
      fail(index, 'day-too-long', { date: row.date, channel, seconds: toSeconds(ms) });
      return;
    }
    channelDayMs.set(channelDay, ms);
    const sourceDay = JSON.stringify([source, row.date]);
    const total = sourceDayMs.get(sourceDay) ?? { source, date: row.date, ms: 0 };
    total.ms += rowMilliseconds(row);
    sourceDayMs.set(sourceDay, total);
  }
  // After the loop, so the refusal names the whole total, not the sum up to some row.
  for (const { source, date, ms } of sourceDayMs.values()) {
    if (ms > MAX_DAY_MS) {
      failFile('source-day-too-long', { source, date, seconds: toSeconds(ms) });
      return;
    }
  }
}

const ExportSchema = v.pipe(
  v.object({
    exportedAt: v.pipe(
      v.string('field-invalid'),
      v.isoTimestamp('field-invalid'),
      v.check((text) => isCalendarDate(text.slice(0, 10)), 'field-invalid'),
    ),
    source: SourceIdSchema,
    settings: v.custom<Record<string, unknown>>(isPlainObject, 'field-invalid'),
    usage: v.array(UsageRowSchema, 'field-invalid'),
  }),
  v.rawCheck<ParsedExport>(checkAcrossRows),
);

const HeaderSchema = v.object({
  format: v.literal(EXPORT_FORMAT, 'wrong-format'),
  version: v.pipe(v.number('version-invalid'), v.integer('version-invalid'), v.minValue(1, 'version-invalid')),
});

const KNOWN_CODES: ReadonlySet<string> = new Set(IMPORT_ERROR_CODES);

/** The first valibot issue as an ImportError: the code is the schema's message, row and field come from the path. */
function issueError(issue: v.BaseIssue<unknown>): ImportError {
  const path = issue.path ?? [];
  let row: number | null = null;
  for (const [index, item] of path.entries()) {
    const next = path[index + 1];
    if (item.key === 'usage' && next && typeof next.key === 'number') row = next.key + 1;
  }
  const last = path.at(-1);
  const field = typeof last?.key === 'string' ? last.key : null;
  if (last?.origin === 'key') return importError('field-missing', { row, field });
  const code = KNOWN_CODES.has(issue.message) ? (issue.message as ImportErrorCode) : 'field-invalid';
  if (isRowDetails(issue.input)) return importError(code, { row, ...issue.input.params });
  const params: ImportParams = { row, field, found: shown(issue.input) };
  if (code === 'milliseconds-mismatch' && isPlainObject(last?.input)) {
    const secondsField = field === 'afterHoursMilliseconds' ? 'afterHoursSeconds' : 'seconds';
    const seconds = last.input[secondsField];
    params.secondsField = secondsField;
    params.seconds = typeof seconds === 'number' ? seconds : 0;
  }
  if (code === 'after-hours-exceeds-time' && isPlainObject(last?.input)) {
    params.found = Number(issue.input);
    params.total = rowMilliseconds(last.input as unknown as UsageRow);
  }
  return importError(code, params);
}

/** The first `__proto__` / `constructor` / `prototype` key anywhere, walked without recursion. */
function findForbiddenKey(root: unknown): { key: string; path: string; value: unknown } | null {
  interface Step { value: unknown; path: string }
  const stack: Step[] = [{ value: root, path: '' }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    const { value, path } = step;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]` }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const keyPath = path === '' ? key : `${path}.${key}`;
      if (FORBIDDEN_KEYS.has(key)) return { key, path: keyPath, value: (value as Record<string, unknown>)[key] };
      stack.push({ value: (value as Record<string, unknown>)[key], path: keyPath });
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Versions: any export ever written can be read.

/** One step turns a parsed export of version n into version n + 1 (format fields included). */
export type ExportUpgrade = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * EXPORT_UPGRADES[n - 1] upgrades version n to n + 1; the list grows with EXPORT_VERSION, and
 * tests/fixtures/exports keeps an example file of every version. Version 1 is the first.
 */
export const EXPORT_UPGRADES: readonly ExportUpgrade[] = [];

function typeOfJson(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'string' ? 'text' : `a ${typeof value}`;
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

  const warnings: ImportWarningCode[] = [];
  const settings = parseSettings(file.settings);
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
function rowAfterTomorrow(usage: readonly UsageRow[], today: string): ImportError | null {
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

// ---------------------------------------------------------------------------------------------
// Usage arithmetic and the merge.

/** Rows as daily totals, all rows added up whatever their source. Rows without time add nothing. */
export function toDays(rows: readonly UsageRow[]): TotalsByDate {
  const days: TotalsByDate = {};
  for (const row of rows) {
    const ms = rowMilliseconds(row);
    if (ms <= 0) continue;
    // Keys are validated dates and `platform[:account]` with a checked platform: never a prototype name.
    const day = (days[row.date] ??= {});
    const key = rowChannelKey(row.platform, row.account);
    const totals: ChannelDayTotals = day[key] ?? [0, 0, 0, 0];
    totals[FOCUS_INDEX[row.focus]] += ms;
    totals[3] += rowAfterHoursMilliseconds(row);
    day[key] = totals;
  }
  return days;
}

/** The file's rows as daily totals per source (rows without `source` belong to the file's). */
export function usageBySource(data: Pick<ValidImport, 'source' | 'usage'>): Record<string, TotalsByDate> {
  const rowsBySource = new Map<string, UsageRow[]>();
  for (const row of data.usage) {
    const source = row.source ?? data.source;
    const rows = rowsBySource.get(source) ?? [];
    rows.push(row);
    rowsBySource.set(source, rows);
  }
  const result: Record<string, TotalsByDate> = {};
  for (const [source, rows] of rowsBySource) result[source] = toDays(rows);
  return result;
}

function cellHasTime(totals: ChannelDayTotals): boolean {
  return totals[0] > 0 || totals[1] > 0 || totals[2] > 0 || totals[3] > 0;
}

function sameTotals(a: ChannelDayTotals, b: ChannelDayTotals): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}

/**
 * The cell-wise maximum of two histories of the same source: idempotent, commutative and
 * associative, so importing a file again, or an older export of the same browser, changes
 * nothing. Days and the result that did not change are returned as the same objects, so the
 * shell writes only what changed.
 */
export function mergeUsage(current: TotalsByDate, incoming: TotalsByDate): TotalsByDate {
  let result: TotalsByDate | null = null;
  for (const [date, incomingDay] of Object.entries(incoming)) {
    const currentDay = current[date];
    let day: DayTotals | null = null;
    for (const [key, totals] of Object.entries(incomingDay)) {
      if (!cellHasTime(totals)) continue;
      const before = currentDay?.[key];
      const merged: ChannelDayTotals = before
        ? [Math.max(before[0], totals[0]), Math.max(before[1], totals[1]), Math.max(before[2], totals[2]), Math.max(before[3], totals[3])]
        : [totals[0], totals[1], totals[2], totals[3]];
      if (before && sameTotals(before, merged)) continue;
      day ??= { ...currentDay };
      day[key] = merged;
    }
    if (day) {
      result ??= { ...current };
      result[date] = day;
    }
  }
  return result ?? current;
}

/**
 * Merges an import into the history. Each source keeps its own cells and takes the maximum with
 * what the file holds for it, so no time is ever counted twice: the same file again changes
 * nothing, this browser's own export (its rows carry our id) only fills what is missing (after
 * a reset, say), and another browser's time is added beside ours. Returns `history` itself when
 * nothing changes.
 */
export function importUsage(
  history: UsageHistory, data: Pick<ValidImport, 'source' | 'usage'>, ownSourceId: string,
): UsageHistory {
  let own = history.own;
  let imported = history.imported;
  for (const [source, days] of Object.entries(usageBySource(data))) {
    if (source === ownSourceId) {
      own = mergeUsage(own, days);
      continue;
    }
    const before = Object.hasOwn(imported, source) ? imported[source] ?? {} : {};
    const after = mergeUsage(before, days);
    if (after !== before) imported = { ...imported, [source]: after };
  }
  return own === history.own && imported === history.imported ? history : { own, imported };
}

/** What the views show: own time plus every imported source, added up. */
export function visibleUsage(history: UsageHistory): TotalsByDate {
  const visible: TotalsByDate = { ...history.own };
  for (const days of Object.values(history.imported)) {
    for (const [date, day] of Object.entries(days)) {
      visible[date] = mergeDayTotals(visible[date] ?? {}, day);
    }
  }
  return visible;
}

/** Visible totals of one date (cheaper than visibleUsage when only a few dates matter). */
function visibleDay(history: UsageHistory, date: string): DayTotals {
  let day: DayTotals = history.own[date] ?? {};
  for (const days of Object.values(history.imported)) {
    const other = days[date];
    if (other) day = mergeDayTotals(day, other);
  }
  return day;
}

export interface ImportPreview {
  /** Dates whose visible time grows. */
  days: number;
  /** Channels whose visible time grows on some date. */
  channels: number;
  secondsAdded: number;
  millisecondsAdded: number;
  /** The file's settings are usable and not the same as the current ones. */
  settingsDiffer: boolean;
  /** The merge the preview was computed from: write this one, and the preview holds. */
  history: UsageHistory;
}

/** JSON with object keys sorted, so equal settings compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (isPlainObject(item)
    ? Object.fromEntries(Object.keys(item).sort(compareText).map((key) => [key, item[key]]))
    : item));
}

/** What an import would add, from the real merge result minus the current state. */
export function previewImport(
  current: { history: UsageHistory; settings: Settings; sourceId: string }, incoming: ValidImport,
): ImportPreview {
  const history = importUsage(current.history, incoming, current.sourceId);
  let days = 0;
  let millisecondsAdded = 0;
  const channels = new Set<string>();
  const dates = new Set(incoming.usage.map((row) => row.date));
  for (const date of dates) {
    const before = visibleDay(current.history, date);
    const after = visibleDay(history, date);
    let grew = false;
    for (const [key, totals] of Object.entries(after)) {
      const was = before[key] ?? [0, 0, 0, 0];
      const added = totals[0] + totals[1] + totals[2] - (was[0] + was[1] + was[2]);
      if (added > 0) {
        grew = true;
        channels.add(key);
        millisecondsAdded += added;
      }
    }
    if (grew) days += 1;
  }
  return {
    days,
    channels: channels.size,
    secondsAdded: toSeconds(millisecondsAdded),
    millisecondsAdded,
    settingsDiffer: incoming.settings !== null && canonicalJson(incoming.settings) !== canonicalJson(current.settings),
    history,
  };
}

// ---------------------------------------------------------------------------------------------
// Backups.

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

// ---------------------------------------------------------------------------------------------
// Deletion and retention. Each returns the same object when nothing changes and keeps untouched
// days as they were; dates left without channels are removed, so the shell deletes their items.

/**
 * The channel keys a deletion takes: one channel by its stored key (a key this release cannot
 * name, from a newer version, included), or a platform with every account on it (any id).
 */
export function deletionMatch(target: { channelKey: string } | { platform: string }): (key: string) => boolean {
  if ('channelKey' in target) return (key) => key === target.channelKey;
  return (key) => key === target.platform || key.startsWith(`${target.platform}:`);
}

/** Removes the channels `drop` names from every day; dates left without channels go. */
export function deleteHistoryWhere(days: TotalsByDate, drop: (key: string) => boolean): TotalsByDate {
  let result: TotalsByDate | null = null;
  for (const [date, day] of Object.entries(days)) {
    const keys = Object.keys(day);
    if (!keys.some(drop)) continue;
    result ??= { ...days };
    const kept = Object.fromEntries(Object.entries(day).filter(([key]) => !drop(key)));
    if (Object.keys(kept).length === 0) delete result[date];
    else result[date] = kept;
  }
  return result ?? days;
}

/** Drops the dates older than the retention (see datesToDrop: today counts, null keeps all). */
export function applyRetention(days: TotalsByDate, today: string, keepDays: number | null): TotalsByDate {
  const dropped = datesToDrop(Object.keys(days), today, keepDays);
  if (dropped.length === 0) return days;
  const result = { ...days };
  for (const date of dropped) delete result[date];
  return result;
}

/** Applies a change (deletion, retention) to own time and every imported source alike. */
export function mapUsageHistory(history: UsageHistory, change: (days: TotalsByDate) => TotalsByDate): UsageHistory {
  const own = change(history.own);
  let imported = history.imported;
  for (const [source, days] of Object.entries(history.imported)) {
    const changed = change(days);
    if (changed === days) continue;
    imported = imported === history.imported ? { ...history.imported } : imported;
    if (Object.keys(changed).length === 0) delete imported[source];
    else imported[source] = changed;
  }
  return own === history.own && imported === history.imported ? history : { own, imported };
}
