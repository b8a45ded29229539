import type { ChannelDayTotals, DayTotals, TotalsByDate } from '@/utils/tracking/totals';
import { rowChannelKey } from './checks';
import { FOCUS_INDEX, rowAfterHoursMilliseconds, rowMilliseconds, type ExportRow } from './format';
import type { UsageHistory } from './history';
import type { ValidImport } from './import';

// Usage arithmetic and the merge.

/** Rows as daily totals, all rows added up whatever their source. Rows without time add nothing. */
export function toDays(rows: readonly ExportRow[]): TotalsByDate {
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
  const rowsBySource = new Map<string, ExportRow[]>();
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
