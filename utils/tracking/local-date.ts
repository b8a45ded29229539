/**
 * Local calendar dates in an IANA time zone, with Intl only. Days are not 24 h long: DST days
 * have 23 or 25 hours, so date boundaries are found on the zone's own clock, never by adding
 * 86 400 000 ms.
 */

const HOUR = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws a RangeError for a zone this engine does not know: a wrong date is worse than none.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; second: number }

function localParts(ms: number, timeZone: string): LocalParts {
  const found: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') found[part.type] = Number(part.value);
  }
  return {
    year: found.year ?? 1970, month: found.month ?? 1, day: found.day ?? 1,
    hour: (found.hour ?? 0) % 24, minute: found.minute ?? 0, second: found.second ?? 0,
  };
}

function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local date of the instant `ms` in `timeZone`, as `YYYY-MM-DD`. */
export function localDate(ms: number, timeZone: string): string {
  const { year, month, day } = localParts(ms, timeZone);
  return formatDate(year, month, day);
}

/** The first instant after `ms` (whole ms) that falls on a later local date than `ms` does. */
export function startOfNextLocalDate(ms: number, timeZone: string): number {
  const start = Math.floor(ms);
  const parts = localParts(start, timeZone);
  const today = formatDate(parts.year, parts.month, parts.day);
  const isBoundary = (candidate: number) =>
    candidate > start && localDate(candidate, timeZone) !== today && localDate(candidate - 1, timeZone) === today;

  // Fast path: local midnight of the next day, shifted by the zone's offset (before, then after a DST change).
  const nextMidnightAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day + 1);
  const offsetNow = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second)
    - (start - (((start % 1000) + 1000) % 1000));
  const first = nextMidnightAsUtc - offsetNow;
  if (isBoundary(first)) return first;
  const atFirst = localParts(first, timeZone);
  const offsetThen = Date.UTC(atFirst.year, atFirst.month - 1, atFirst.day, atFirst.hour, atFirst.minute, atFirst.second)
    - (first - (((first % 1000) + 1000) % 1000));
  const second = nextMidnightAsUtc - offsetThen;
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
