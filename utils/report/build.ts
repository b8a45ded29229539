import { parseChannelKey } from '@/utils/channels';
import { clientOf } from '@/utils/clients/membership';
import { summarizeDates, type ChannelRow, type PlatformRow, type TimeSplit } from '@/utils/dashboard';
import type { UsageHistory } from '@/utils/backup/history';
import { focusShare, isInSpecialization } from '@/utils/focus';
import type { Settings } from '@/utils/settings';
import { activeSpecialization } from '@/utils/settings/queries';
import type { Client } from '@/utils/settings/model';
import type { DayTotals, TotalsByDate } from '@/utils/tracking/totals';
import { previousPeriod, rangeDates, type DateRange } from './periods';

/**
 * The agency report: one range of days, grouped by client, platform, source and the time that
 * pulled the user away from the focus. Pure; it reads only the dates of the range and of the
 * period it is compared with, so a year of history costs no more than the range.
 *
 * Decisions:
 * - A channel's time counts for the client `clientOf` names today (an account beats a whole
 *   platform); the rest forms the "no client" group. History is not rewritten when clients change,
 *   it is only regrouped, as a report for a client should show all of that client's channels.
 * - In / outside / none are the statuses the time was counted with (as on the dashboard).
 * - Every configured client gets a row, also without time: "nothing for Acme this week" is a
 *   figure an agency bills by. The no-client group shows only when it holds time.
 */

/** One browser's days: this browser's own, or those imported from another one. */
export interface ReportSource {
  id: string;
  days: TotalsByDate;
}

export interface ReportInput {
  sources: readonly ReportSource[];
  settings: Settings;
  range: DateRange;
  /** This browser's source id (null before it has one): its column is "This browser". */
  ownSourceId: string | null;
}

export interface Figures extends TimeSplit {
  /** in / (in + out); null when nothing was measured against a specialization. */
  focusShare: number | null;
}

export interface Change {
  /** Total now minus total before. */
  deltaMs: number;
  /** deltaMs relative to the total before; null when there was nothing before. */
  ratio: number | null;
}

/** A channel over the range, with the client its time counts for. */
interface ReportChannel extends ChannelRow {
  client: Client | null;
}

/** The key of the group of channels that belong to no client. */
export const NO_CLIENT = '';

export interface ClientGroup extends Figures {
  /** The client's id, or NO_CLIENT. */
  key: string;
  client: Client | null;
  previous: TimeSplit;
  change: Change;
  /** The group's channels, most time first. */
  channels: ReportChannel[];
}

export interface SourceColumn {
  id: string;
  own: boolean;
  total: TimeSplit;
  /** Total ms per client key (NO_CLIENT included), only keys with time. */
  clients: Record<string, number>;
  /** Total ms per platform group key (PlatformRow.key), only keys with time. */
  platforms: Record<string, number>;
}

export interface Report {
  range: DateRange;
  previousRange: DateRange;
  total: Figures;
  previous: Figures;
  change: Change;
  /** Configured clients by time (settings order on ties), then the no-client group. */
  clients: ClientGroup[];
  /** Channels grouped by platform, with their accounts, most time first. */
  platforms: PlatformRow[];
  /** Channels with time outside the focus, most of it first: what pulled the user away. */
  outside: ReportChannel[];
  afterHours: {
    /** Clients with after-hours time, most first. */
    clients: ClientGroup[];
    /** Channels with after-hours time, most first. */
    channels: ReportChannel[];
  };
  /** One column per source, own first; null unless more than one source has time in the range. */
  sources: SourceColumn[] | null;
}

function emptySplit(): TimeSplit {
  return { totalMs: 0, inMs: 0, outMs: 0, noneMs: 0, afterHoursMs: 0 };
}

/** Stored values are trusted to be ms, but one bad value must not turn the report into NaN. */
function ms(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function addTotals(split: TimeSplit, inMs: number, outMs: number, noneMs: number, afterHoursMs: number): void {
  split.inMs += inMs;
  split.outMs += outMs;
  split.noneMs += noneMs;
  split.afterHoursMs += afterHoursMs;
  split.totalMs += inMs + outMs + noneMs;
}

function addSplit(target: TimeSplit, source: TimeSplit): void {
  addTotals(target, source.inMs, source.outMs, source.noneMs, source.afterHoursMs);
}

function figures(split: TimeSplit): Figures {
  return { ...split, focusShare: focusShare([{ channel: { platform: 'custom', account: null }, ...split }]) };
}

function changeOf(now: TimeSplit, before: TimeSplit): Change {
  const deltaMs = now.totalMs - before.totalMs;
  return { deltaMs, ratio: before.totalMs > 0 ? deltaMs / before.totalMs : null };
}

function dayOf(days: TotalsByDate, date: string): DayTotals | undefined {
  return Object.hasOwn(days, date) ? days[date] : undefined;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Sums {
  /** Per channel key over all sources. */
  channels: Map<string, TimeSplit>;
  /** Per source id, per channel key. */
  bySource: Map<string, Map<string, TimeSplit>>;
  /** All sources added up, for the dates asked only (what summarizeDates reads). */
  merged: TotalsByDate;
}

/** Sums the given dates of every source; never touches another date. */
function sumDates(sources: readonly ReportSource[], dates: readonly string[]): Sums {
  const channels = new Map<string, TimeSplit>();
  const bySource = new Map<string, Map<string, TimeSplit>>();
  const merged: TotalsByDate = {};
  for (const source of sources) {
    let own = bySource.get(source.id);
    if (!own) {
      own = new Map();
      bySource.set(source.id, own);
    }
    for (const date of dates) {
      const day = dayOf(source.days, date);
      if (!day) continue;
      const mergedDay = (merged[date] ??= {});
      for (const key of Object.keys(day)) {
        const totals = day[key];
        if (!totals) continue;
        const values = [ms(totals[0]), ms(totals[1]), ms(totals[2]), ms(totals[3])] as const;
        for (const map of [channels, own]) {
          let split = map.get(key);
          if (!split) map.set(key, (split = emptySplit()));
          addTotals(split, ...values);
        }
        const sum = mergedDay[key] ?? [0, 0, 0, 0];
        mergedDay[key] = [sum[0] + values[0], sum[1] + values[1], sum[2] + values[2], sum[3] + values[3]];
      }
    }
  }
  return { channels, bySource, merged };
}

/** The sources of a stored history: this browser's own days first, then each imported browser. */
export function reportSources(history: UsageHistory, ownSourceId: string | null): ReportSource[] {
  return [
    { id: ownSourceId ?? '', days: history.own },
    ...Object.entries(history.imported)
      .filter(([id]) => id !== ownSourceId)
      .map(([id, days]) => ({ id, days })),
  ];
}

export function buildReport({ sources, settings, range, ownSourceId }: ReportInput): Report {
  const previousRange = previousPeriod(range);
  const now = sumDates(sources, rangeDates(range));
  const before = sumDates(sources, rangeDates(previousRange));
  const spec = activeSpecialization(settings);

  // The client of each key, looked up once per key (not once per day).
  const clientCache = new Map<string, Client | null>();
  const clientOfKey = (key: string): Client | null => {
    if (!clientCache.has(key)) {
      const channel = parseChannelKey(key);
      clientCache.set(key, channel ? clientOf(settings, channel) : null);
    }
    return clientCache.get(key) ?? null;
  };
  const groupKey = (key: string): string => clientOfKey(key)?.id ?? NO_CLIENT;

  const channels: ReportChannel[] = [...now.channels].map(([key, split]) => {
    const channel = parseChannelKey(key);
    return {
      ...split, key, channel, client: clientOfKey(key), budget: null,
      outsideFocus: spec !== null && channel !== null && !isInSpecialization(channel, spec),
    };
  }).sort((a, b) => b.totalMs - a.totalMs || byKey(a.key, b.key));

  const groups = new Map<string, ClientGroup>();
  const group = (key: string, client: Client | null): ClientGroup => {
    let found = groups.get(key);
    if (!found) {
      found = { ...emptySplit(), key, client, focusShare: null, previous: emptySplit(), change: { deltaMs: 0, ratio: null }, channels: [] };
      groups.set(key, found);
    }
    return found;
  };
  for (const client of settings.clients) group(client.id, client);
  for (const row of channels) {
    const target = group(groupKey(row.key), row.client);
    addSplit(target, row);
    target.channels.push(row);
  }
  for (const [key, split] of before.channels) {
    const id = groupKey(key);
    // A group with time only before the range has nothing to report now, except a configured client.
    if (groups.has(id)) addSplit(groups.get(id)!.previous, split);
  }
  const order = new Map(settings.clients.map((client, index) => [client.id, index]));
  const clients = [...groups.values()]
    .filter((entry) => entry.client !== null || entry.totalMs > 0)
    .map((entry) => ({ ...entry, focusShare: figures(entry).focusShare, change: changeOf(entry, entry.previous) }))
    .sort((a, b) => Number(a.client === null) - Number(b.client === null)
      || b.totalMs - a.totalMs || (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));

  const summary = summarizeDates(now.merged, range.from, range.to, spec);
  const total = emptySplit();
  for (const row of channels) addSplit(total, row);
  const previous = emptySplit();
  for (const split of before.channels.values()) addSplit(previous, split);

  const outside = channels.filter((row) => row.outMs > 0)
    .sort((a, b) => b.outMs - a.outMs || byKey(a.key, b.key));
  const afterHours = {
    clients: clients.filter((entry) => entry.afterHoursMs > 0)
      .sort((a, b) => b.afterHoursMs - a.afterHoursMs || byKey(a.key, b.key)),
    channels: channels.filter((row) => row.afterHoursMs > 0)
      .sort((a, b) => b.afterHoursMs - a.afterHoursMs || byKey(a.key, b.key)),
  };

  return {
    range, previousRange,
    total: figures(total), previous: figures(previous), change: changeOf(total, previous),
    clients, platforms: summary.platforms, outside, afterHours,
    sources: sourceColumns(now, summary.platforms, groupKey, ownSourceId),
  };
}

function sourceColumns(
  sums: Sums, platforms: readonly PlatformRow[], groupKey: (key: string) => string, ownSourceId: string | null,
): SourceColumn[] | null {
  // The platform group of a key, as the platform rows grouped it (no second grouping rule here).
  const platformOf = new Map<string, string>();
  for (const platform of platforms) for (const row of platform.accounts) platformOf.set(row.key, platform.key);
  const columns: SourceColumn[] = [];
  for (const [id, channels] of sums.bySource) {
    const column: SourceColumn = { id, own: id === (ownSourceId ?? ''), total: emptySplit(), clients: {}, platforms: {} };
    for (const [key, split] of channels) {
      if (split.totalMs <= 0) continue;
      addSplit(column.total, split);
      const client = groupKey(key);
      column.clients[client] = (column.clients[client] ?? 0) + split.totalMs;
      const platform = platformOf.get(key) ?? key;
      column.platforms[platform] = (column.platforms[platform] ?? 0) + split.totalMs;
    }
    if (column.total.totalMs > 0) columns.push(column);
  }
  if (columns.length < 2) return null;
  return columns.sort((a, b) => Number(b.own) - Number(a.own));
}
