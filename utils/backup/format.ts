import type { Client, Settings } from '@/utils/settings';

/**
 * The file format `channel-focus`, version 1 (tests/fixtures/exports/channel-focus-v1.json is an example):
 *   { format: 'channel-focus', version: 1, exportedAt: ISO 8601, source: <id>, settings: {...},
 *     clients: [{ id, name, color, channels }], usage: [{ date, platform, account, seconds, focus, ...optional fields }] }
 *   (tests/fixtures/exports/channel-focus-v1-clients.json is an example with clients.)
 * - `clients`: the agency's clients, each `{ id, name, color: '#rrggbb', channels: [{ platform,
 *   accounts: null (the whole platform) or [accounts] }] }`; an account, or a whole platform,
 *   belongs to at most one client. `settings` is written without them. Files written before
 *   clients existed lack the field and import without clients; it was added within version 1,
 *   since older readers ignore it and still read the time.
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
 * This file holds the format's types and the arithmetic of a row; what an import accepts is
 * decided in import.ts, schema.ts and clients.ts.
 */

export const EXPORT_FORMAT = 'channel-focus';
export const EXPORT_VERSION = 1;

/** The longest local day: 25 hours, when daylight saving time ends. */
export const MAX_DAY_SECONDS = 25 * 60 * 60;
export const MAX_DAY_MS = MAX_DAY_SECONDS * 1000;

export const USAGE_FOCUS = ['in', 'out', 'none'] as const;
export type UsageFocus = (typeof USAGE_FOCUS)[number];

/** Index of each focus status in ChannelDayTotals. */
export const FOCUS_INDEX: Readonly<Record<UsageFocus, 0 | 1 | 2>> = { in: 0, out: 1, none: 2 };

/** One row of an export. */
export interface ExportRow {
  date: string;
  /** A PlatformId, `custom`, or an id this release does not know (kept, see the decisions in import.ts). */
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
  /** The settings without their clients, which have the field `clients`. */
  settings: Omit<Settings, 'clients'>;
  clients: Client[];
  usage: ExportRow[];
}

/** Exact time of a row: `milliseconds` when present, else whole seconds. */
export function rowMilliseconds(row: ExportRow): number {
  return row.milliseconds ?? row.seconds * 1000;
}

export function rowAfterHoursMilliseconds(row: ExportRow): number {
  return row.afterHoursMilliseconds ?? (row.afterHoursSeconds ?? 0) * 1000;
}

/** Seconds shown for a time in ms: rounded half up. */
export function toSeconds(ms: number): number {
  return Math.round(ms / 1000);
}

export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Date, then channel (platform, then account, none first), then focus in, out, none, then source. */
export function compareRows(a: ExportRow, b: ExportRow): number {
  return compareText(a.date, b.date)
    || compareText(a.platform, b.platform)
    || (a.account === b.account ? 0 : a.account === null ? -1 : b.account === null ? 1 : compareText(a.account, b.account))
    || FOCUS_INDEX[a.focus] - FOCUS_INDEX[b.focus]
    || compareText(a.source ?? '', b.source ?? '');
}
