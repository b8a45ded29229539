import * as v from 'valibot';
import {
  MAX_CHANNEL_KEY_LENGTH, isCalendarDate, isPlainObject, isPlatformName, isValidSourceId, rowChannelKey,
} from './checks';
import {
  IMPORT_ERROR_CODES, importError, shown, type ImportError, type ImportErrorCode, type ImportParams,
} from './errors';
import {
  EXPORT_FORMAT, MAX_DAY_MS, MAX_DAY_SECONDS, USAGE_FOCUS, rowAfterHoursMilliseconds, rowMilliseconds, toSeconds,
  type ExportRow,
} from './format';

/**
 * What a valid export file looks like, as valibot schemas: each row on its own, then the checks
 * across rows (see the decisions in import.ts). issueError turns the first failure into an
 * ImportError.
 */

/** Source ids one file may hold, its own included. */
const MAX_IMPORT_SOURCES = 50;

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

type RowAddIssue = Parameters<Parameters<typeof v.rawCheck<ExportRow>>[0]>[0]['addIssue'];

function rowIssue(addIssue: RowAddIssue, row: ExportRow, key: keyof ExportRow, message: ImportErrorCode, input: unknown): void {
  addIssue({ message, input, path: [{ type: 'object', origin: 'value', input: row as unknown as Record<string, unknown>, key, value: row[key] }] });
}

const ExportRowSchema = v.pipe(
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
  v.rawCheck<ExportRow>(({ dataset, addIssue }) => {
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
  clients?: unknown;
  usage: ExportRow[];
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

export const ExportSchema = v.pipe(
  v.object({
    exportedAt: v.pipe(
      v.string('field-invalid'),
      v.isoTimestamp('field-invalid'),
      v.check((text) => isCalendarDate(text.slice(0, 10)), 'field-invalid'),
    ),
    source: SourceIdSchema,
    settings: v.custom<Record<string, unknown>>(isPlainObject, 'field-invalid'),
    // Checked on its own (clients.ts), after the rows: optional, as older files lack it.
    clients: v.optional(v.unknown()),
    usage: v.array(ExportRowSchema, 'field-invalid'),
  }),
  v.rawCheck<ParsedExport>(checkAcrossRows),
);

export const HeaderSchema = v.object({
  format: v.literal(EXPORT_FORMAT, 'wrong-format'),
  version: v.pipe(v.number('version-invalid'), v.integer('version-invalid'), v.minValue(1, 'version-invalid')),
});

const KNOWN_CODES: ReadonlySet<string> = new Set(IMPORT_ERROR_CODES);

/** The first valibot issue as an ImportError: the code is the schema's message, row and field come from the path. */
export function issueError(issue: v.BaseIssue<unknown>): ImportError {
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
    params.total = rowMilliseconds(last.input as unknown as ExportRow);
  }
  return importError(code, params);
}
