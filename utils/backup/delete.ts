import { datesToDrop, type TotalsByDate } from '@/utils/tracking/totals';
import type { UsageHistory } from './history';

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
