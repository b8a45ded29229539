import type { Settings } from '@/utils/settings';
import type { TotalsByDate } from '@/utils/tracking/totals';
import { isCalendarDate, isValidSourceId, splitChannelKey } from './checks';
import {
  EXPORT_FORMAT, EXPORT_VERSION, FOCUS_INDEX, USAGE_FOCUS, compareRows, toSeconds,
  type ChannelFocusExport, type ExportRow,
} from './format';
import type { ImportedUsage } from './history';
import { mergeUsage } from './merge';

/** The export: the user's history as rows of the file format (format.ts), and the file's text and name. */

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

/** Stored ms as the exporter writes them: whole, not negative; anything else counts as none. */
function storedMs(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

/**
 * The rows of one source's days. Cells the importer would refuse (a date or key the tracker never
 * writes) are left out, so every export can be imported again.
 */
function rowsOfDays(days: TotalsByDate, range: DateRange | undefined, source: string | undefined): ExportRow[] {
  const rows: ExportRow[] = [];
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
  // Clients get a field of their own: the customer list is what agencies look for in the file.
  const { clients, ...settings } = input.settings;
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: input.exportedAt.toISOString(),
    source: input.sourceId,
    settings,
    clients,
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
