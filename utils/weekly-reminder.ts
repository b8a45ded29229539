import { defaultWorkingHours, parseTimeOfDay, type WorkingHours } from '@/utils/settings';
import { instantsOfLocalTime, wallClock } from '@/utils/time-zone';

/**
 * When the weekly report reminder shows: on the first working day of each week, at the start of
 * the working hours, on their own wall clock. The week starts on the locale's first day, so a
 * Sunday-first locale with Monday-to-Friday hours is reminded on Monday, and a team that works
 * Sunday to Thursday on Sunday. Without working hours the defaults (Monday to Friday, 9:00) hold.
 */

/** How many days ahead to look: two weeks always hold the next first working day. */
const SEARCH_DAYS = 15;

/** The first working weekday of a week that starts on `weekStart` (0 = Sunday), or null. */
export function firstWorkingWeekday(days: readonly number[], weekStart: number): number | null {
  for (let offset = 0; offset < 7; offset += 1) {
    const weekday = (weekStart + offset) % 7;
    if (days.includes(weekday)) return weekday;
  }
  return null;
}

/** The next instant strictly after `after` at which the reminder is due; null when no day is a working day. */
export function nextWeeklyReminder(
  after: number, hours: WorkingHours | null, weekStart: number, fallbackTimeZone: string,
): number | null {
  const used = hours ?? defaultWorkingHours(fallbackTimeZone);
  const weekday = firstWorkingWeekday(used.days, weekStart);
  const from = parseTimeOfDay(used.from);
  if (weekday === null || from === null) return null;
  const today = wallClock(after, used.timeZone);
  for (let offset = 0; offset < SEARCH_DAYS; offset += 1) {
    if ((today.weekday + offset) % 7 !== weekday) continue;
    // A start that falls into a DST gap has no instant of its own: the hour after it is used.
    const instants = instantsOfLocalTime(today.year, today.month, today.day + offset, from, used.timeZone);
    const due = instants[0] ?? instantsOfLocalTime(today.year, today.month, today.day + offset, from + 60, used.timeZone)[0];
    if (due !== undefined && due > after) return due;
  }
  return null;
}
