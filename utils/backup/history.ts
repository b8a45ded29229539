import { mergeDayTotals, type DayTotals, type TotalsByDate } from '@/utils/tracking/totals';

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
export function visibleDay(history: UsageHistory, date: string): DayTotals {
  let day: DayTotals = history.own[date] ?? {};
  for (const days of Object.values(history.imported)) {
    const other = days[date];
    if (other) day = mergeDayTotals(day, other);
  }
  return day;
}
