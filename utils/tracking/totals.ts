import * as v from 'valibot';
import { channelKey, parseChannelKey, type Channel } from '@/utils/channels';
import { splitAtLocalMidnight } from '@/utils/time-zone';
import type { CountedPiece } from './tracker';

/**
 * Daily totals: one storage item per local date, compact enough that a year of heavy use stays
 * far under 1 MB. All values are integer milliseconds.
 */

/** [inMs, outMs, noneMs, afterHoursMs]. afterHoursMs is the part of in+out+none outside working hours. */
export type ChannelDayTotals = [inMs: number, outMs: number, noneMs: number, afterHoursMs: number];

/** One local date: channelKey -> totals. */
export type DayTotals = Record<string, ChannelDayTotals>;

/** Several dates (the pending delta, or an export): 'YYYY-MM-DD' -> DayTotals. */
export type TotalsByDate = Record<string, DayTotals>;

export interface ChannelTotalsRow {
  key: string;
  /** null when the key names no channel this version knows (written by a newer one). */
  channel: Channel | null;
  inMs: number;
  outMs: number;
  noneMs: number;
  afterHoursMs: number;
  totalMs: number;
}

/** At most one write of totals to storage.local per this many ms: 4 a minute. */
export const FLUSH_INTERVAL_MS = 15_000;

const FOCUS_INDEX = { in: 0, out: 1, none: 2 } as const;

/**
 * Adds pieces to the totals, split at local midnight in `timeZone`. Pure: returns a new record in
 * which only the touched days are new objects (the input itself when nothing was added).
 * Boundaries are rounded to whole ms, so adjacent pieces add up without drift.
 */
export function addPieces(days: TotalsByDate, pieces: readonly CountedPiece[], timeZone: string): TotalsByDate {
  let result: TotalsByDate | null = null;
  const copied = new Set<string>();
  for (const piece of pieces) {
    const from = Math.round(piece.from);
    const to = Math.round(piece.to);
    if (!(to > from)) continue;
    const key = channelKey(piece.channel);
    for (const part of splitAtLocalMidnight(from, to, timeZone)) {
      result ??= { ...days };
      if (!copied.has(part.date)) {
        result[part.date] = { ...(days[part.date] ?? {}) };
        copied.add(part.date);
      }
      const day = result[part.date] ?? {};
      const totals: ChannelDayTotals = [...(day[key] ?? [0, 0, 0, 0])];
      const ms = part.to - part.from;
      totals[FOCUS_INDEX[piece.focus]] += ms;
      if (piece.afterHours) totals[3] += ms;
      day[key] = totals;
    }
  }
  return result ?? days;
}

/** The sum of two days' totals (e.g. the stored day and the pending delta for it). */
export function mergeDayTotals(a: DayTotals, b: DayTotals): DayTotals {
  const merged: DayTotals = {};
  for (const day of [a, b]) {
    for (const [key, totals] of Object.entries(day)) {
      const sum = merged[key] ?? [0, 0, 0, 0];
      merged[key] = [sum[0] + totals[0], sum[1] + totals[1], sum[2] + totals[2], sum[3] + totals[3]];
    }
  }
  return merged;
}

/** All time counted on the day, whatever its focus. */
/** Adds time not yet written (the background's live figures) to stored days, for the views. */
export function withUnwritten(days: TotalsByDate, unwritten: TotalsByDate): TotalsByDate {
  const result: TotalsByDate = { ...days };
  for (const [date, day] of Object.entries(unwritten)) result[date] = mergeDayTotals(result[date] ?? {}, day);
  return result;
}

/** One row per channel, most time first (ties by key, so the order is stable). */
export function channelTotals(day: DayTotals): ChannelTotalsRow[] {
  return Object.entries(day)
    .map(([key, [inMs, outMs, noneMs, afterHoursMs]]) => ({
      key, channel: parseChannelKey(key), inMs, outMs, noneMs, afterHoursMs, totalMs: inMs + outMs + noneMs,
    }))
    .sort((a, b) => b.totalMs - a.totalMs || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** After failed writes the writer waits longer each time, up to this. */
export const MAX_WRITE_BACKOFF_MS = 5 * 60_000;

/** How long after a write (or a failed try) the next may come: doubled per failure in a row. */
export function writeInterval(failedWrites: number): number {
  const failures = Number.isFinite(failedWrites) ? Math.max(0, Math.min(Math.floor(failedWrites), 10)) : 0;
  return Math.min(FLUSH_INTERVAL_MS * 2 ** failures, MAX_WRITE_BACKOFF_MS);
}

/**
 * The write policy of the batched writer. Pending time is written as soon as the rate limit
 * allows: at most one write per FLUSH_INTERVAL_MS. Every reason to write (the periodic alarm, a
 * channel change, a hidden tab, an unload) obeys the same limit, so the product budget of 4 writes
 * a minute holds whatever asks. After `failedWrites` failures in a row (a full disk, say) the
 * wait grows (writeInterval), and the pending time waits with it. When the write must wait,
 * `writeAt` is the moment to set one timer or alarm for.
 *
 * A `lastFlushAt` in the future means the wall clock went back: writing then is allowed rather
 * than waiting for the old clock to catch up.
 */
export function flushDue(
  lastFlushAt: number | null, now: number, pendingNonEmpty: boolean, failedWrites = 0,
): { writeNow: boolean; writeAt: number | null } {
  if (!pendingNonEmpty) return { writeNow: false, writeAt: null };
  const interval = writeInterval(failedWrites);
  if (lastFlushAt === null || lastFlushAt > now || now - lastFlushAt >= interval) {
    return { writeNow: true, writeAt: now };
  }
  return { writeNow: false, writeAt: lastFlushAt + interval };
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysBefore(date: string, count: number): string | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const shifted = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) - count));
  return shifted.toISOString().slice(0, 10);
}

/**
 * The dates to delete under a retention of `keepDays` days (today counts as one; null keeps
 * everything). Today is always kept; dates that are not `YYYY-MM-DD` are never judged old.
 */
export function datesToDrop(dates: readonly string[], today: string, keepDays: number | null): string[] {
  if (keepDays === null || !Number.isFinite(keepDays)) return [];
  const oldestKept = daysBefore(today, Math.max(1, Math.floor(keepDays)) - 1);
  if (oldestKept === null) return [];
  return dates.filter((date) => DATE_PATTERN.test(date) && date < oldestKept);
}

const MsSchema = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A stored day of totals. */
export const DayTotalsSchema = v.record(
  v.pipe(v.string(), v.minLength(1), v.maxLength(300)),
  v.tuple([MsSchema, MsSchema, MsSchema, MsSchema]),
);
