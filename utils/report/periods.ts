import { addDays, datesBetween, startOfWeek, weekStart } from '@/utils/dashboard';
import { calendarDateMs } from '@/utils/format';

/**
 * The report's periods: presets, the custom range and the period it is compared with. Dates are
 * inclusive `YYYY-MM-DD` local dates; arithmetic runs on the calendar (utils/dashboard.ts addDays).
 */

export interface DateRange {
  from: string;
  to: string;
}

export const RANGE_PRESETS = ['this-week', 'last-week', 'this-month', 'last-month'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type RangeChoice = RangePreset | 'custom';

export type ReportRangeError = 'range-invalid' | 'range-ends-before-start' | 'range-too-long';

/** A year, leap day included: longer custom ranges are refused (a typo in a year, mostly). */
export const MAX_REPORT_DAYS = 366;

export function isRangePreset(value: unknown): value is RangePreset {
  return typeof value === 'string' && (RANGE_PRESETS as readonly string[]).includes(value);
}

/**
 * The first day of the week for `locale`: 0 = Sunday .. 6 = Saturday. Node 20 and Chrome have the
 * `weekInfo` getter, newer engines `getWeekInfo()`, Firefox neither: utils/dashboard.ts weekStart
 * reads whichever is there and falls back to the CLDR regions (Sunday for US, CA, JP, ...; Saturday
 * for much of the Middle East; Monday otherwise).
 */
export function weekStartOf(locale: string): number {
  return weekStart(locale);
}

function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

function monthEnd(date: string): string {
  return addDays(monthStart(addDays(monthStart(date), 31)), -1);
}

/**
 * The range of a preset, for `today` (the user's local date). "This week" and "this month" end
 * today: days still to come hold no time and would only thin out the figures.
 */
export function presetRange(preset: RangePreset, today: string, firstWeekday: number): DateRange {
  switch (preset) {
    case 'this-week':
      return { from: startOfWeek(today, firstWeekday), to: today };
    case 'last-week': {
      const from = addDays(startOfWeek(today, firstWeekday), -7);
      return { from, to: addDays(from, 6) };
    }
    case 'this-month':
      return { from: monthStart(today), to: today };
    case 'last-month': {
      const to = addDays(monthStart(today), -1);
      return { from: monthStart(to), to };
    }
  }
}

/** Days in the range, both ends included (the range must be valid). */
export function rangeLength(range: DateRange): number {
  const from = calendarDateMs(range.from);
  const to = calendarDateMs(range.to);
  if (from === null || to === null) return 0;
  return Math.round((to - from) / 86_400_000) + 1;
}

/** Why a custom range cannot be reported, or null when it can. */
export function validateRange(from: string, to: string): ReportRangeError | null {
  if (calendarDateMs(from) === null || calendarDateMs(to) === null) return 'range-invalid';
  if (to < from) return 'range-ends-before-start';
  if (rangeLength({ from, to }) > MAX_REPORT_DAYS) return 'range-too-long';
  return null;
}

/**
 * The period a range is compared with: the same number of days right before it. Two cases read
 * better aligned to the calendar, and keep that length or less:
 * - a range of up to 7 days compares with the same weekdays a week earlier (for a week that is
 *   the week before; for "this week so far" Monday to Wednesday against last Monday to Wednesday);
 * - a range from the 1st of a month within that month compares with the same days of the month
 *   before (a whole month with the whole month before: May against April, not against 31 days).
 */
export function previousPeriod(range: DateRange): DateRange {
  const days = rangeLength(range);
  if (days <= 7) return { from: addDays(range.from, -7), to: addDays(range.to, -7) };
  if (range.from === monthStart(range.from) && range.to <= monthEnd(range.from)) {
    const from = monthStart(addDays(range.from, -1));
    const end = monthEnd(from);
    if (range.to === monthEnd(range.from)) return { from, to: end };
    const sameDay = `${from.slice(0, 8)}${range.to.slice(8)}`;
    return { from, to: sameDay <= end && calendarDateMs(sameDay) !== null ? sameDay : end };
  }
  return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
}

/** Every date of a valid range, in order. */
export function rangeDates(range: DateRange): string[] {
  return datesBetween(range.from, range.to, MAX_REPORT_DAYS);
}
