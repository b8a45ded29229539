import { mergeUsage } from '@/utils/backup/merge';
import type { ChannelDayTotals, DayTotals, TotalsByDate } from '@/utils/tracking/totals';

// Accounts folded into their platform, and the grow-only merge that knows about folded days.

/** The platform a channel key folds into; null for keys that never fold (custom hosts, platforms). */
function foldTarget(key: string): string | null {
  const colon = key.indexOf(':');
  if (colon === -1) return null;
  const platform = key.slice(0, colon);
  // `custom:<host>` names its own channel: a bare `custom` key would name none.
  return platform === 'custom' ? null : platform;
}

/** The group a key belongs to when days are compared: its platform, or the key itself. */
function groupOf(key: string): string {
  return foldTarget(key) ?? key;
}

function add(a: ChannelDayTotals, b: ChannelDayTotals): ChannelDayTotals {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]];
}

function max(a: ChannelDayTotals, b: ChannelDayTotals): ChannelDayTotals {
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

function atMost(a: ChannelDayTotals, b: ChannelDayTotals): boolean {
  return a[0] <= b[0] && a[1] <= b[1] && a[2] <= b[2] && a[3] <= b[3];
}

/** A day with every account's time added to its platform (custom hosts stay as they are). */
export function foldDay(day: DayTotals): DayTotals {
  const folded: DayTotals = {};
  for (const [key, totals] of Object.entries(day)) {
    const target = foldTarget(key) ?? key;
    folded[target] = add(folded[target] ?? [0, 0, 0, 0], totals);
  }
  return folded;
}

/** Keys of a day by group. */
function groups(day: DayTotals): Map<string, string[]> {
  const byGroup = new Map<string, string[]>();
  for (const key of Object.keys(day)) {
    const group = groupOf(key);
    const keys = byGroup.get(group) ?? [];
    keys.push(key);
    byGroup.set(group, keys);
  }
  return byGroup;
}

function hasAccounts(keys: readonly string[] | undefined, group: string): boolean {
  return keys?.some((key) => key !== group) ?? false;
}

/** True when, for some platform, one day lists accounts and the other only the platform. */
function foldConflict(a: DayTotals, b: DayTotals): boolean {
  const groupsA = groups(a);
  const groupsB = groups(b);
  for (const [group, keysB] of groupsB) {
    const keysA = groupsA.get(group);
    if (keysA && hasAccounts(keysA, group) !== hasAccounts(keysB, group)) return true;
  }
  return false;
}

/**
 * Two versions of one device's day where a platform is detailed in one and folded in the other.
 * The detailed cells stay when they explain at least the folded time; otherwise the platform
 * becomes one cell with the larger of both sums. Either way no time counts twice.
 */
function mergeFoldedDay(a: DayTotals, b: DayTotals): DayTotals {
  const groupsA = groups(a);
  const groupsB = groups(b);
  const result: DayTotals = {};
  for (const group of new Set([...groupsA.keys(), ...groupsB.keys()])) {
    const keysA = groupsA.get(group) ?? [];
    const keysB = groupsB.get(group) ?? [];
    if (hasAccounts(keysA, group) === hasAccounts(keysB, group)) {
      for (const key of new Set([...keysA, ...keysB])) {
        const cellA = a[key];
        const cellB = b[key];
        result[key] = cellA && cellB ? max(cellA, cellB) : [...(cellA ?? cellB ?? [0, 0, 0, 0])];
      }
      continue;
    }
    const [detailed, detailedKeys, folded] = hasAccounts(keysA, group) ? [a, keysA, b] : [b, keysB, a];
    const detailedSum = detailedKeys.reduce<ChannelDayTotals>((sum, key) => add(sum, detailed[key] ?? [0, 0, 0, 0]), [0, 0, 0, 0]);
    const foldedCell = folded[group] ?? [0, 0, 0, 0];
    if (atMost(foldedCell, detailedSum)) {
      for (const key of detailedKeys) result[key] = [...(detailed[key] ?? [0, 0, 0, 0])];
    } else {
      result[group] = max(foldedCell, detailedSum);
    }
  }
  return result;
}

/**
 * The grow-only merge of two copies of one device's days: the cell-wise maximum (mergeUsage), and
 * where one copy has a platform's accounts folded, mergeFoldedDay. Commutative and idempotent.
 */
export function mergeDeviceDays(current: TotalsByDate, incoming: TotalsByDate): TotalsByDate {
  let plain: TotalsByDate | null = null;
  const conflicts: string[] = [];
  for (const [date, day] of Object.entries(incoming)) {
    const before = Object.hasOwn(current, date) ? current[date] : undefined;
    if (before && foldConflict(before, day)) conflicts.push(date);
    else (plain ??= {})[date] = day;
  }
  const merged = plain ? mergeUsage(current, plain) : current;
  if (conflicts.length === 0) return merged;
  const result = { ...merged };
  for (const date of conflicts) result[date] = mergeFoldedDay(current[date] ?? {}, incoming[date] ?? {});
  return result;
}
