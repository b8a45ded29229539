import { channelKey, type Channel } from '@/utils/channels';
import type { Specialization } from '@/utils/settings';
import { sameAccount } from './classify';
import { rowTotal, type UsageRow } from './usage';

/**
 * Daily budgets of a specialization: per channel key (`linkedin` for a whole platform,
 * `linkedin:company/acme` for one account) and, in `budgets.totalMinutes`, for all of its channels.
 *
 * Budget keys compare as accounts do, without regard to case, so a budget typed for
 * `company/Acme` is the budget of `company/acme` in the panel and in the report alike.
 */

const MINUTE = 60_000;

export interface BudgetStatus {
  budgetMs: number;
  usedMs: number;
  leftMs: number;
  /** Used up: reaching the budget counts as exceeding it, so a notification fires at that moment. */
  exceeded: boolean;
  /** usedMs / budgetMs, above 1 when exceeded (for the budget bar). */
  fraction: number;
}

/** Used and left of a daily budget; null when there is no (positive) budget. */
export function budgetStatus(usedMs: number, budgetMinutes: number | null): BudgetStatus | null {
  if (budgetMinutes === null || !Number.isFinite(budgetMinutes) || budgetMinutes <= 0) return null;
  const budgetMs = budgetMinutes * MINUTE;
  const used = Number.isFinite(usedMs) ? Math.max(0, usedMs) : 0;
  return {
    budgetMs,
    usedMs: used,
    leftMs: Math.max(0, budgetMs - used),
    exceeded: used >= budgetMs,
    fraction: used / budgetMs,
  };
}

/** A budget key (`linkedin`, `linkedin:company/acme`) covers a row: a platform key covers all its accounts. */
function keyCovers(key: string, channel: Channel): boolean {
  return sameAccount(key, channel.platform) || sameAccount(key, channelKey(channel));
}

/**
 * Time on a budget key today. All of a channel's time counts, whatever status it was recorded
 * with, so switching the specialization during the day does not reset a budget.
 */
export function usedForBudgetKey(key: string, rows: readonly UsageRow[]): number {
  return rows.filter((row) => keyCovers(key, row.channel)).reduce((sum, row) => sum + rowTotal(row), 0);
}

/**
 * The budget set on `key`, the one lookup every reader uses: the key as written in the settings
 * and its minutes. A key written exactly so wins over one that differs only in case.
 */
function budgetEntry(spec: Specialization, key: string): { key: string; minutes: number | null } | null {
  const perChannel = spec.budgets.perChannel;
  if (Object.hasOwn(perChannel, key)) return { key, minutes: perChannel[key] ?? null };
  const found = Object.keys(perChannel).find((candidate) => sameAccount(candidate, key));
  return found === undefined ? null : { key: found, minutes: perChannel[found] ?? null };
}

/** The status of the budget set on `key` today; null when none (or no positive one) is set. */
export function budgetForKey(
  key: string, spec: Specialization, rows: readonly UsageRow[],
): { key: string; status: BudgetStatus } | null {
  const entry = budgetEntry(spec, key);
  if (!entry) return null;
  const status = budgetStatus(usedForBudgetKey(entry.key, rows), entry.minutes);
  return status ? { key: entry.key, status } : null;
}

/** The budget the panel shows for a channel: its account's if set, else its platform's. */
export function budgetForChannel(
  channel: Channel, spec: Specialization, rows: readonly UsageRow[],
): { key: string; status: BudgetStatus } | null {
  for (const key of [channelKey(channel), channel.platform]) {
    const found = budgetForKey(key, spec, rows);
    if (found) return found;
  }
  return null;
}
