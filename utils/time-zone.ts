/**
 * Wall-clock time in an IANA time zone, with Intl only (no time-zone library): the one engine
 * behind tracking's local dates and the working hours of a specialization.
 *
 * Days are not 24 h long: DST days have 23 or 25 hours, so date boundaries are found on the
 * zone's own clock, never by adding 86 400 000 ms.
 *
 * Failure policy: a zone this browser does not know (settings written by another browser or
 * version, a typo in an import) reads as UTC. Counting and every view keep working, and the
 * answer is the same on every device and in every test; throwing would stop the tracker and
 * blank a view for the sake of an hour's difference. Validation belongs where a zone is entered
 * (the settings), not here.
 */

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

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const FALLBACK_TIME_ZONE = 'UTC';

const FORMAT_OPTIONS: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
  hour: 'numeric', minute: 'numeric', second: 'numeric',
};

/** One formatter per zone name as given; an unknown name caches the fallback's formatter. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', { ...FORMAT_OPTIONS, timeZone });
    } catch {
      formatter = new Intl.DateTimeFormat('en-US', { ...FORMAT_OPTIONS, timeZone: FALLBACK_TIME_ZONE });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local date, weekday and time of the instant `at` in `timeZone`. */
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

/** Offset of the zone from UTC at `at`, in ms (positive east of Greenwich). */
export function offsetAt(at: number, timeZone: string): number {
  const clock = wallClock(at, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return asUtc - (at - (((at % 1000) + 1000) % 1000));
}

/** The instants in [from, to) where the zone's offset changes (DST), found by bisection per day. */
export function offsetChanges(from: number, to: number, timeZone: string): number[] {
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
export function instantsOfLocalTime(
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

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local date of the instant `ms` in `timeZone`, as `YYYY-MM-DD`. */
export function localDate(ms: number, timeZone: string): string {
  const { year, month, day } = wallClock(ms, timeZone);
  return formatDate(year, month, day);
}

/** The first instant after `ms` (whole ms) that falls on a later local date than `ms` does. */
export function startOfNextLocalDate(ms: number, timeZone: string): number {
  const start = Math.floor(ms);
  const clock = wallClock(start, timeZone);
  const today = formatDate(clock.year, clock.month, clock.day);
  const isBoundary = (candidate: number) =>
    candidate > start && localDate(candidate, timeZone) !== today && localDate(candidate - 1, timeZone) === today;

  // Fast path: local midnight of the next day, shifted by the zone's offset (before, then after a DST change).
  const nextMidnightAsUtc = Date.UTC(clock.year, clock.month - 1, clock.day + 1);
  const first = nextMidnightAsUtc - offsetAt(start, timeZone);
  if (isBoundary(first)) return first;
  const second = nextMidnightAsUtc - offsetAt(first, timeZone);
  if (isBoundary(second)) return second;

  // Midnight falls into a DST gap in some zones (the day begins at 01:00): search for the change.
  let low = start;
  let high = start + 50 * HOUR;
  while (high - low > 1) {
    const middle = low + Math.floor((high - low) / 2);
    if (localDate(middle, timeZone) === today) low = middle;
    else high = middle;
  }
  return high;
}

/** Splits [from, to) at local midnights: one part per local date, in order, none empty. */
export function splitAtLocalMidnight(
  from: number, to: number, timeZone: string,
): { date: string; from: number; to: number }[] {
  const parts: { date: string; from: number; to: number }[] = [];
  let start = from;
  while (start < to) {
    const date = localDate(start, timeZone);
    const next = startOfNextLocalDate(start, timeZone);
    const end = Math.min(next, to);
    parts.push({ date, from: start, to: end });
    start = end;
  }
  return parts;
}
