import { parseChannelKey, type Channel, type ChannelPlatform } from '@/utils/channels';
import {
  budgetForKey,
  budgetStatus,
  focusShare,
  isInSpecialization,
  type BudgetStatus,
  type UsageRow,
} from '@/utils/focus';
import { calendarDateMs } from '@/utils/format';
import type { Specialization } from '@/utils/settings';
import type { DayTotals, TotalsByDate } from '@/utils/tracking/totals';

/**
 * What the dashboard shows, computed from the daily totals. Pure, and it only reads the dates
 * it is asked about, so a year of history costs no more than the range on screen.
 *
 * Decisions:
 * - In focus / outside / none are the statuses the time was counted with: switching the
 *   specialization later does not rewrite history. The flag on a row (`outsideFocus`) is the
 *   active specialization's verdict now, so the list answers "where am I drifting".
 * - Channels group by platform; a custom host is a group of its own. A key from a newer version
 *   (unknown platform) keeps its time in the totals and forms a group without a platform.
 */

/** Time on a day or range, split by the focus status it was counted with. */
export interface TimeSplit {
  totalMs: number;
  inMs: number;
  outMs: number;
  noneMs: number;
  /** The part of the total outside working hours, whatever its focus. */
  afterHoursMs: number;
}

export interface ChannelRow extends TimeSplit {
  key: string;
  /** null for a key this version cannot read (written by a newer version). */
  channel: Channel | null;
  /** The active specialization does not include this channel (false without one). */
  outsideFocus: boolean;
  /** The channel's own daily budget, on day summaries only. */
  budget: BudgetStatus | null;
}

export interface PlatformRow extends TimeSplit {
  /** The platform id, `custom:<host>` for a custom channel, or the raw prefix of an unknown key. */
  key: string;
  platform: ChannelPlatform | null;
  /** The channel that stands for the whole group: the platform without account, or the custom host. */
  channel: Channel | null;
  outsideFocus: boolean;
  /** Accounts of the platform (the account-less part as a row with `account: null`), most time first. */
  accounts: ChannelRow[];
  /** Accounts flagged while the platform itself is in focus ("only these accounts"). */
  outsideAccounts: number;
  /** The platform's daily budget (all its accounts), on day summaries only. */
  budget: BudgetStatus | null;
}

export interface DaySummary extends TimeSplit {
  date: string;
  /** in / (in + out); null when nothing was measured against a specialization. */
  focusShare: number | null;
  platforms: PlatformRow[];
  /** The active specialization's budget for all its channels together. */
  budget: BudgetStatus | null;
}

export interface DayBar extends TimeSplit {
  date: string;
  /** 0 = Sunday .. 6 = Saturday */
  weekday: number;
  focusShare: number | null;
}

export interface RangeSummary extends TimeSplit {
  from: string;
  to: string;
  days: DayBar[];
  focusShare: number | null;
  /** Every channel over the range, grouped by platform (no budgets: they are daily). */
  platforms: PlatformRow[];
  /** The channels with the most time outside focus over the range, most first. */
  topOutside: ChannelRow[];
}

/** The longest range the report aggregates: ten years, against a typo in a date field. */
const MAX_RANGE_DAYS = 3660;

const TOP_OUTSIDE_COUNT = 5;

// ---------------------------------------------------------------------------------------------
// Calendar dates. Dates are `YYYY-MM-DD` local dates; arithmetic runs on the calendar (a UTC
// date has no DST), so a 23- or 25-hour day is still exactly one day.

function toDateString(utcMidnight: number): string {
  return new Date(utcMidnight).toISOString().slice(0, 10);
}

/** The calendar date `count` days after `date` (before, when negative). Throws on a non-date. */
export function addDays(date: string, count: number): string {
  const ms = calendarDateMs(date);
  if (ms === null) throw new RangeError(`Not a date: ${date}`);
  const day = new Date(ms);
  return toDateString(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + count));
}

/** 0 = Sunday .. 6 = Saturday, for a calendar date. */
export function weekdayOf(date: string): number {
  const ms = calendarDateMs(date);
  if (ms === null) throw new RangeError(`Not a date: ${date}`);
  return new Date(ms).getUTCDay();
}

/** Every date from `from` to `to`, both included (in order, whichever is given first). */
export function datesBetween(from: string, to: string, maxDays = MAX_RANGE_DAYS): string[] {
  const [first, last] = from <= to ? [from, to] : [to, from];
  const dates: string[] = [];
  for (let date = first; date <= last && dates.length < maxDays; date = addDays(date, 1)) dates.push(date);
  return dates;
}

// Week starts by region (CLDR), for engines without Intl.Locale week info.
const SUNDAY_REGIONS = new Set([
  'AG', 'AS', 'BD', 'BR', 'BS', 'BT', 'BW', 'BZ', 'CA', 'CO', 'DM', 'DO', 'ET', 'GT', 'GU', 'HK', 'HN',
  'ID', 'IL', 'IN', 'JM', 'JP', 'KE', 'KH', 'KR', 'LA', 'MH', 'MM', 'MO', 'MT', 'MX', 'MZ', 'NI', 'NP',
  'PA', 'PE', 'PH', 'PK', 'PR', 'PT', 'PY', 'SA', 'SG', 'SV', 'TH', 'TT', 'TW', 'UM', 'US', 'VE', 'VI',
  'WS', 'YE', 'ZA', 'ZW',
]);
const SATURDAY_REGIONS = new Set(['AE', 'AF', 'BH', 'DJ', 'DZ', 'EG', 'IQ', 'IR', 'JO', 'KW', 'LY', 'OM', 'QA', 'SD', 'SY']);

interface WeekInfo { firstDay: number }
type LocaleWithWeekInfo = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/** The first day of the week as the locale says: 0 = Sunday, 1 = Monday, 6 = Saturday. */
export function weekStart(locale: string): number {
  let tag: LocaleWithWeekInfo;
  try {
    tag = new Intl.Locale(locale) as LocaleWithWeekInfo;
  } catch {
    return 1;
  }
  // Newer engines have getWeekInfo(), older ones the weekInfo getter; firstDay is 1..7 (7 = Sunday).
  const info = typeof tag.getWeekInfo === 'function' ? tag.getWeekInfo() : tag.weekInfo;
  if (info && Number.isInteger(info.firstDay) && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay % 7;
  const region = tag.region ?? tag.maximize().region;
  if (region && SUNDAY_REGIONS.has(region)) return 0;
  if (region && SATURDAY_REGIONS.has(region)) return 6;
  return 1;
}

// ---------------------------------------------------------------------------------------------
// Aggregation.

function emptySplit(): TimeSplit {
  return { totalMs: 0, inMs: 0, outMs: 0, noneMs: 0, afterHoursMs: 0 };
}

function addTo(split: TimeSplit, inMs: number, outMs: number, noneMs: number, afterHoursMs: number): void {
  split.inMs += inMs;
  split.outMs += outMs;
  split.noneMs += noneMs;
  split.afterHoursMs += afterHoursMs;
  split.totalMs += inMs + outMs + noneMs;
}

function addSplit(target: TimeSplit, source: TimeSplit): void {
  addTo(target, source.inMs, source.outMs, source.noneMs, source.afterHoursMs);
}

/** Stored values are trusted to be ms, but a bad one must not turn a whole view into NaN. */
function ms(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

// focusShare only reads the times; the channel is there to satisfy the row type.
const WHOLE: Channel = { platform: 'custom', account: null };

function shareOf(split: TimeSplit): number | null {
  return focusShare([{ channel: WHOLE, inMs: split.inMs, outMs: split.outMs, noneMs: split.noneMs }]);
}

function byTimeThenKey(a: TimeSplit & { key: string }, b: TimeSplit & { key: string }): number {
  return b.totalMs - a.totalMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function groupOf(key: string, channel: Channel | null): { key: string; platform: ChannelPlatform | null; channel: Channel | null } {
  if (channel === null) {
    const colon = key.indexOf(':');
    return { key: colon === -1 ? key : key.slice(0, colon), platform: null, channel: null };
  }
  if (channel.platform === 'custom') return { key, platform: 'custom', channel };
  return { key: channel.platform, platform: channel.platform, channel: { platform: channel.platform, account: null } };
}

function isOutside(channel: Channel | null, spec: Specialization | null): boolean {
  return spec !== null && channel !== null && !isInSpecialization(channel, spec);
}

/** Per channel key, the sum of the given days. Reads only those dates. */
function sumChannels(days: TotalsByDate, dates: readonly string[]): Map<string, TimeSplit> {
  const sums = new Map<string, TimeSplit>();
  for (const date of dates) {
    const day: DayTotals | undefined = Object.hasOwn(days, date) ? days[date] : undefined;
    if (!day) continue;
    for (const key of Object.keys(day)) {
      const totals = day[key];
      if (!totals) continue;
      let split = sums.get(key);
      if (!split) {
        split = emptySplit();
        sums.set(key, split);
      }
      addTo(split, ms(totals[0]), ms(totals[1]), ms(totals[2]), ms(totals[3]));
    }
  }
  return sums;
}

/** The budget set on exactly this key, looked up as the panel does (utils/focus/budgets.ts). */
function ownBudget(key: string, spec: Specialization | null, usage: readonly UsageRow[]): BudgetStatus | null {
  return spec === null ? null : (budgetForKey(key, spec, usage)?.status ?? null);
}

function usageRows(sums: Map<string, TimeSplit>): UsageRow[] {
  const rows: UsageRow[] = [];
  for (const [key, split] of sums) {
    const channel = parseChannelKey(key);
    if (channel) rows.push({ channel, inMs: split.inMs, outMs: split.outMs, noneMs: split.noneMs });
  }
  return rows;
}

/** Groups channel sums by platform, ranked by time; budgets only when `withBudgets`. */
function groupByPlatform(
  sums: Map<string, TimeSplit>, spec: Specialization | null, withBudgets: boolean,
): { platforms: PlatformRow[]; channels: ChannelRow[] } {
  const usage = withBudgets ? usageRows(sums) : [];
  const groups = new Map<string, PlatformRow>();
  const channels: ChannelRow[] = [];
  for (const [key, split] of sums) {
    const channel = parseChannelKey(key);
    const row: ChannelRow = {
      ...split, key, channel, outsideFocus: isOutside(channel, spec),
      budget: withBudgets ? ownBudget(key, spec, usage) : null,
    };
    channels.push(row);
    const group = groupOf(key, channel);
    let platform = groups.get(group.key);
    if (!platform) {
      platform = {
        ...emptySplit(), ...group, outsideFocus: isOutside(group.channel, spec), accounts: [], outsideAccounts: 0,
        budget: withBudgets && group.platform !== 'custom' ? ownBudget(group.key, spec, usage) : null,
      };
      groups.set(group.key, platform);
    }
    addSplit(platform, split);
    platform.accounts.push(row);
  }
  const platforms = [...groups.values()];
  for (const platform of platforms) {
    platform.accounts.sort(byTimeThenKey);
    if (!platform.outsideFocus) platform.outsideAccounts = platform.accounts.filter((row) => row.outsideFocus).length;
    // A custom host is its own channel: its budget is its channel's.
    if (platform.platform === 'custom') platform.budget = platform.accounts[0]?.budget ?? null;
  }
  platforms.sort(byTimeThenKey);
  channels.sort(byTimeThenKey);
  return { platforms, channels };
}

/** Today (or any date): totals, focus share, and the channels ranked by time. */
export function summarizeDay(days: TotalsByDate, date: string, spec: Specialization | null = null): DaySummary {
  const sums = sumChannels(days, [date]);
  const { platforms } = groupByPlatform(sums, spec, true);
  const total = emptySplit();
  for (const platform of platforms) addSplit(total, platform);
  let budget: BudgetStatus | null = null;
  if (spec) {
    const usage = usageRows(sums);
    const used = usage.filter((row) => isInSpecialization(row.channel, spec))
      .reduce((sum, row) => sum + row.inMs + row.outMs + row.noneMs, 0);
    budget = budgetStatus(used, spec.budgets.totalMinutes);
  }
  return { ...total, date, focusShare: shareOf(total), platforms, budget };
}

/** The days from `from` to `to` (both included): one bar per day and the channels over the range. */
export function summarizeDates(
  days: TotalsByDate, from: string, to: string, spec: Specialization | null = null,
): RangeSummary {
  const dates = datesBetween(from, to);
  const bars: DayBar[] = dates.map((date) => {
    const bar: DayBar = { ...emptySplit(), date, weekday: weekdayOf(date), focusShare: null };
    const day: DayTotals | undefined = Object.hasOwn(days, date) ? days[date] : undefined;
    if (day) {
      for (const totals of Object.values(day)) addTo(bar, ms(totals[0]), ms(totals[1]), ms(totals[2]), ms(totals[3]));
    }
    bar.focusShare = shareOf(bar);
    return bar;
  });
  const total = emptySplit();
  for (const bar of bars) addSplit(total, bar);
  const { platforms, channels } = groupByPlatform(sumChannels(days, dates), spec, false);
  const topOutside = channels
    .filter((row) => row.outMs > 0)
    .sort((a, b) => b.outMs - a.outMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, TOP_OUTSIDE_COUNT);
  return {
    ...total, from: dates[0] ?? from, to: dates[dates.length - 1] ?? to,
    days: bars, focusShare: shareOf(total), platforms, topOutside,
  };
}

/** The `nDays` days ending with `endDate` (today, in the user's zone): the 7- and 30-day trends. */
export function summarizeRange(
  days: TotalsByDate, endDate: string, nDays: number, spec: Specialization | null = null,
): RangeSummary {
  const count = Math.min(MAX_RANGE_DAYS, Math.max(1, Math.floor(nDays)));
  return summarizeDates(days, addDays(endDate, -(count - 1)), endDate, spec);
}

/** Whether any day from `from` to `to` holds time; stops at the first that does. */
export function hasTimeBetween(days: TotalsByDate, from: string, to: string): boolean {
  return datesBetween(from, to).some((date) => {
    const day: DayTotals | undefined = Object.hasOwn(days, date) ? days[date] : undefined;
    return day !== undefined && Object.values(day).some((totals) => ms(totals[0]) + ms(totals[1]) + ms(totals[2]) > 0);
  });
}

/** The first date of the week `date` falls in, for a week starting on `firstWeekday` (0 = Sunday). */
export function startOfWeek(date: string, firstWeekday: number): string {
  return addDays(date, -((weekdayOf(date) - firstWeekday + 7) % 7));
}
