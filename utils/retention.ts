import { applyRetention, isCalendarDate, mapUsageHistory, type UsageHistory } from '@/utils/backup';
import { addDays } from '@/utils/dashboard';
import { datesToDrop } from '@/utils/tracking/totals';

/**
 * Retention as one decision: which days a run deletes, own and imported alike, or why it deletes
 * nothing. Pure; the background job writes the history it returns, after a backup.
 */

/** More days than this in one run looks like a clock set ahead, unless the user confirmed. */
export const MAX_RETENTION_DAYS_PER_RUN = 30;

export type RetentionPlan =
  | { kind: 'nothing' }
  /** `history` is the history after; `dates` the distinct dates dropped, own or imported, oldest first. */
  | { kind: 'delete'; history: UsageHistory; dates: string[] }
  /** `newestDay` is the newest stored day, `count` how many dates the run would have deleted. */
  | { kind: 'refused'; reason: 'future-days' | 'too-many-days'; newestDay: string; count: number };

export interface RetentionInput {
  history: UsageHistory;
  /** The user's local date, `YYYY-MM-DD`. */
  today: string;
  /** The retention setting: days kept, today included; null keeps everything. */
  keepDays: number | null;
  /** The user saw how many days would go and agreed: lifts the limit of days per run only. */
  confirmed?: boolean;
}

/**
 * What this run of retention does. A clock that looks wrong deletes nothing: a stored day after
 * tomorrow means the clock went back (tomorrow is allowed, for a browser a time zone ahead), and
 * more than MAX_RETENTION_DAYS_PER_RUN days at once means it may have jumped ahead, which would
 * take the whole history. Either matters only when something would be deleted. A `today` that is
 * not a date judges nothing old.
 */
export function planRetention({ history, today, keepDays, confirmed = false }: RetentionInput): RetentionPlan {
  if (!isCalendarDate(today)) return { kind: 'nothing' };
  const stored = new Set(Object.keys(history.own));
  for (const days of Object.values(history.imported)) for (const date of Object.keys(days)) stored.add(date);
  const dates = datesToDrop([...stored], today, keepDays).sort();
  if (dates.length === 0) return { kind: 'nothing' };
  const newestDay = [...stored].sort().at(-1) ?? today;
  if (newestDay > addDays(today, 1)) return { kind: 'refused', reason: 'future-days', newestDay, count: dates.length };
  if (dates.length > MAX_RETENTION_DAYS_PER_RUN && !confirmed) {
    return { kind: 'refused', reason: 'too-many-days', newestDay, count: dates.length };
  }
  return { kind: 'delete', history: mapUsageHistory(history, (days) => applyRetention(days, today, keepDays)), dates };
}
