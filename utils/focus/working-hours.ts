import type { WorkingHours } from '@/utils/settings';
import { parseTimeOfDay } from '@/utils/settings/validate';
import { instantsOfLocalTime, offsetChanges, wallClock } from '@/utils/time-zone';

/**
 * A specialization's working hours, read on the wall clock of their own time zone (through the
 * one time-zone engine, so an unknown zone reads as UTC there as everywhere).
 */

const DAY = 24 * 3_600_000;

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
