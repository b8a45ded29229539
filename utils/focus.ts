import { channelKey, isValidHost, type Channel } from '@/utils/channels';
import {
  activeSpecialization,
  isPlatformTracked,
  parseTimeOfDay,
  type Settings,
  type Specialization,
  type WorkingHours,
} from '@/utils/settings';

/**
 * The specialization rules, pure: whether a channel is tracked at a moment, in focus or flagged,
 * working hours in their own time zone, and budgets.
 *
 * Decisions:
 * - No active specialization: every tracked channel counts with focus `none`, never flagged.
 * - A platform listed with "only these accounts" keeps its account-less pages (feed, search,
 *   messages) in focus: managing an account needs them. Other accounts on it are outside.
 * - Accounts compare without regard to case, so a typed `company/Acme` matches `company/acme`.
 * - With platform-only tracking (`recordAccounts: false`) accounts are ignored; custom channels
 *   keep their host, which is what identifies them.
 * - Order of the not-tracked reasons: paused, then excluded, then after hours.
 */

export type NotTrackedReason = 'paused' | 'excluded' | 'after-hours';

export type FocusStatus =
  | { status: 'in-focus'; afterHours: boolean }
  | { status: 'outside'; afterHours: boolean; snoozed: boolean }
  | { status: 'no-specialization' }
  | { status: 'not-tracked'; reason: NotTrackedReason };

/** What the tracker stores with each span of time. */
export interface Classification {
  tracked: boolean;
  focus: 'in' | 'out' | 'none';
  /** Counted outside the active specialization's working hours (only when tracked then). */
  afterHours: boolean;
  notTrackedReason: NotTrackedReason | null;
}

function sameAccount(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The channel time is recorded under: without the account when the user chose platform-only tracking. */
export function recordedChannel<C extends Channel>(channel: C, settings: Settings): C {
  if (settings.tracking.recordAccounts || channel.platform === 'custom' || channel.account === null) return channel;
  return { ...channel, account: null };
}

/** Whether a channel belongs to a specialization's focus (see the decisions above). */
export function isInSpecialization(channel: Channel, spec: Specialization): boolean {
  const entry = spec.channels.find((candidate) => candidate.platform === channel.platform);
  if (!entry) return false;
  if (entry.accounts === null) return true;
  const account = channel.account;
  if (account === null) return channel.platform !== 'custom';
  return entry.accounts.some((listed) => sameAccount(listed, account));
}

function isExcluded(channel: Channel, settings: Settings): boolean {
  if (channel.platform === 'custom') {
    const host = channel.account;
    return host === null
      || !settings.customHosts.some((entry) => entry.platform === 'custom' && isValidHost(entry.host) === isValidHost(host));
  }
  return !isPlatformTracked(settings, channel.platform);
}

export function isPaused(at: number, settings: Settings): boolean {
  return settings.tracking.pausedUntil !== null && at < settings.tracking.pausedUntil;
}

/** The classification the tracker records for time on `channel` at the moment `at`. */
export function classify(channel: Channel, at: number, settings: Settings): Classification {
  const notTracked = (reason: NotTrackedReason): Classification =>
    ({ tracked: false, focus: 'none', afterHours: false, notTrackedReason: reason });
  if (isPaused(at, settings)) return notTracked('paused');
  if (isExcluded(channel, settings)) return notTracked('excluded');
  const spec = activeSpecialization(settings);
  if (!spec) return { tracked: true, focus: 'none', afterHours: false, notTrackedReason: null };
  const afterHours = spec.workingHours !== null && !isWithinWorkingHours(at, spec.workingHours);
  if (afterHours && spec.workingHours && !spec.workingHours.trackOutside) return notTracked('after-hours');
  const inFocus = isInSpecialization(recordedChannel(channel, settings), spec);
  return { tracked: true, focus: inFocus ? 'in' : 'out', afterHours, notTrackedReason: null };
}

/** The status the panel, badge and popup show for a channel now. */
export function focusStatus(channel: Channel, now: number, settings: Settings): FocusStatus {
  const result = classify(channel, now, settings);
  if (!result.tracked) return { status: 'not-tracked', reason: result.notTrackedReason ?? 'excluded' };
  if (result.focus === 'none') return { status: 'no-specialization' };
  if (result.focus === 'in') return { status: 'in-focus', afterHours: result.afterHours };
  return { status: 'outside', afterHours: result.afterHours, snoozed: isSnoozed(channel, now, settings) };
}

/** A flag is snoozed for this channel, or for its whole platform. */
export function isSnoozed(channel: Channel, now: number, settings: Settings): boolean {
  const snoozes = settings.flags.snoozedUntil;
  const keys = [channelKey(channel)];
  if (channel.platform !== 'custom' && channel.account !== null) keys.push(channel.platform);
  return keys.some((key) => Object.hasOwn(snoozes, key) && (snoozes[key] ?? 0) > now);
}

/**
 * The next moment after `at` when `classify` may give another answer for the same channel
 * (a pause ends, working hours begin or end), so the tracker can split its segment there.
 */
export function nextClassificationChange(at: number, settings: Settings): number | null {
  const candidates: number[] = [];
  if (isPaused(at, settings) && settings.tracking.pausedUntil !== null) candidates.push(settings.tracking.pausedUntil);
  const hours = activeSpecialization(settings)?.workingHours;
  if (hours) {
    const boundary = nextWorkingHoursBoundary(at, hours);
    if (boundary !== null) candidates.push(boundary);
  }
  return candidates.length > 0 ? Math.min(...candidates) : null;
}

// ---------------------------------------------------------------------------------------------
// Wall-clock time in an IANA time zone, with Intl only (no time-zone library).

export interface WallClock {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday .. 6 = Saturday */
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = {
      hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    };
    try {
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    } catch {
      // A zone this browser does not know (settings from another browser): UTC rather than no tracking.
      formatter = new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function wallClock(at: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const year = parts.year ?? 1970;
  const month = parts.month ?? 1;
  const day = parts.day ?? 1;
  return {
    year, month, day,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Offset of the zone from UTC at `at`, in ms (positive east of Greenwich). */
function offsetAt(at: number, timeZone: string): number {
  const clock = wallClock(at, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

/** The instants in [from, to) where the zone's offset changes (DST), found by bisection per day. */
function offsetChanges(from: number, to: number, timeZone: string): number[] {
  const changes: number[] = [];
  // Offsets change on whole seconds, so the search runs on whole seconds.
  const first = Math.floor(from / 1000) * 1000;
  for (let start = first; start < to; start += DAY) {
    const end = Math.ceil(Math.min(start + DAY, to) / 1000) * 1000;
    const before = offsetAt(start, timeZone);
    if (offsetAt(end, timeZone) === before) continue;
    let low = start;
    let high = end;
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (offsetAt(middle, timeZone) === before) low = middle;
      else high = middle;
    }
    changes.push(high);
  }
  return changes;
}

/**
 * Every instant whose local wall clock reads `minuteOfDay`:00 on the local date
 * `year-month-day` (overflowing days roll over): none in a DST gap, two in a DST overlap.
 */
function instantsOfLocalTime(
  year: number, month: number, day: number, minuteOfDay: number, timeZone: string,
): number[] {
  const naive = Date.UTC(year, month - 1, day, Math.floor(minuteOfDay / 60), minuteOfDay % 60);
  const date = new Date(Date.UTC(year, month - 1, day));
  const found = new Set<number>();
  for (const probe of [naive - DAY, naive, naive + DAY]) {
    const instant = naive - offsetAt(probe, timeZone);
    const clock = wallClock(instant, timeZone);
    if (clock.year === date.getUTCFullYear() && clock.month === date.getUTCMonth() + 1
      && clock.day === date.getUTCDate() && clock.hour * 60 + clock.minute === minuteOfDay && clock.second === 0) {
      found.add(instant);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * Whether `at` lies within the working hours, read on the wall clock of their time zone.
 * An overnight window belongs to the day it starts on: Friday 22:00–06:00 covers Saturday early.
 */
export function isWithinWorkingHours(at: number, hours: WorkingHours): boolean {
  const from = parseTimeOfDay(hours.from);
  const to = parseTimeOfDay(hours.to);
  if (from === null || to === null) return false;
  const clock = wallClock(at, hours.timeZone);
  const minute = clock.hour * 60 + clock.minute;
  if (!hours.overnight) return hours.days.includes(clock.weekday) && from <= minute && minute < to;
  const yesterday = (clock.weekday + 6) % 7;
  return (hours.days.includes(clock.weekday) && minute >= from) || (hours.days.includes(yesterday) && minute < to);
}

/**
 * The first instant after `after` at which `isWithinWorkingHours` changes, or null when it never
 * does within the next week. Correct across midnight and DST: a window edge that falls into a
 * DST gap takes effect at the transition, one in an overlap at each of its occurrences.
 */
export function nextWorkingHoursBoundary(after: number, hours: WorkingHours): number | null {
  const from = parseTimeOfDay(hours.from);
  const to = parseTimeOfDay(hours.to);
  if (from === null || to === null || hours.days.length === 0) return null;
  const today = wallClock(after, hours.timeZone);
  const candidates = offsetChanges(after, after + 9 * DAY, hours.timeZone);
  for (let offset = -1; offset <= 8; offset += 1) {
    for (const minuteOfDay of [from, to]) {
      candidates.push(...instantsOfLocalTime(today.year, today.month, today.day + offset, minuteOfDay, hours.timeZone));
    }
  }
  const within = isWithinWorkingHours(after, hours);
  const sorted = [...new Set(candidates)].filter((instant) => instant > after).sort((a, b) => a - b);
  return sorted.find((instant) => isWithinWorkingHours(instant, hours) !== within) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Budgets and today's figures.

/** Today's time on one channel, split by the focus status it was counted with. */
export interface UsageRow {
  channel: Channel;
  inMs: number;
  outMs: number;
  noneMs: number;
}

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

/**
 * The moment the budget was used up, given the day's spans on the channel (any order), or null
 * when it has not been.
 */
export function budgetExceededAt(
  spans: readonly { start: number; end: number }[], budgetMinutes: number | null,
): number | null {
  if (budgetMinutes === null || budgetMinutes <= 0) return null;
  let left = budgetMinutes * MINUTE;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const length = Math.max(0, span.end - span.start);
    if (length >= left) return span.start + left;
    left -= length;
  }
  return null;
}

/** When the budget will be used up if the channel keeps counting from `now`; null if it already is. */
export function budgetRunsOutAt(status: BudgetStatus | null, now: number): number | null {
  if (!status || status.exceeded) return null;
  return now + status.leftMs;
}

function rowTotal(row: UsageRow): number {
  return row.inMs + row.outMs + row.noneMs;
}

/** A budget key (`linkedin`, `linkedin:company/acme`) covers a row: a platform key covers all its accounts. */
function keyCovers(key: string, channel: Channel): boolean {
  return key === channel.platform || key.toLowerCase() === channelKey(channel).toLowerCase();
}

/**
 * Time on a budget key today. All of a channel's time counts, whatever status it was recorded
 * with, so switching the specialization during the day does not reset a budget.
 */
export function usedForBudgetKey(key: string, rows: readonly UsageRow[]): number {
  return rows.filter((row) => keyCovers(key, row.channel)).reduce((sum, row) => sum + rowTotal(row), 0);
}

/** Every per-channel budget of the specialization, in the order they were set. */
export function channelBudgets(
  spec: Specialization, rows: readonly UsageRow[],
): { key: string; status: BudgetStatus }[] {
  return Object.entries(spec.budgets.perChannel).flatMap(([key, minutes]) => {
    const status = budgetStatus(usedForBudgetKey(key, rows), minutes);
    return status ? [{ key, status }] : [];
  });
}

/** The budget the panel shows for a channel: its account's if set, else its platform's. */
export function budgetForChannel(
  channel: Channel, spec: Specialization, rows: readonly UsageRow[],
): { key: string; status: BudgetStatus } | null {
  const keys = [channelKey(channel), channel.platform];
  for (const key of keys) {
    if (!Object.hasOwn(spec.budgets.perChannel, key)) continue;
    const status = budgetStatus(usedForBudgetKey(key, rows), spec.budgets.perChannel[key] ?? null);
    if (status) return { key, status };
  }
  return null;
}

/** The whole specialization's budget: all of today's time on channels that belong to it. */
export function specializationBudget(spec: Specialization, rows: readonly UsageRow[]): BudgetStatus | null {
  const used = rows.filter((row) => isInSpecialization(row.channel, spec)).reduce((sum, row) => sum + rowTotal(row), 0);
  return budgetStatus(used, spec.budgets.totalMinutes);
}

/**
 * Share of today's time in focus: in / (in + out). Time with no active specialization has no
 * focus to measure against and stays out of the share. Null when there is nothing to divide.
 */
export function focusShare(rows: readonly UsageRow[]): number | null {
  let inMs = 0;
  let outMs = 0;
  for (const row of rows) {
    inMs += Math.max(0, row.inMs);
    outMs += Math.max(0, row.outMs);
  }
  const measured = inMs + outMs;
  return measured > 0 ? inMs / measured : null;
}
