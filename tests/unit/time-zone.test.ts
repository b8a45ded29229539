import { describe, expect, it } from 'vitest';
import { isWithinWorkingHours, nextWorkingHoursBoundary } from '@/utils/focus';
import type { WorkingHours } from '@/utils/settings';
import {
  instantsOfLocalTime,
  localDate,
  offsetAt,
  offsetChanges,
  splitAtLocalMidnight,
  startOfNextLocalDate,
  wallClock,
} from '@/utils/time-zone';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const utc = (iso: string) => Date.parse(iso);

// 2025 transitions: Berlin springs forward 30 March 01:00Z (02:00 → 03:00 local) and falls back
// 26 October 01:00Z (03:00 → 02:00); New York springs forward 9 March 07:00Z (02:00 → 03:00)
// and falls back 2 November 06:00Z (02:00 → 01:00).
const ZONES = [
  {
    zone: 'Europe/Berlin',
    winter: HOUR, summer: 2 * HOUR,
    spring: utc('2025-03-30T01:00:00Z'), fall: utc('2025-10-26T01:00:00Z'),
    gap: { date: [2025, 3, 30], minute: 2 * 60 + 30 },
    overlap: { date: [2025, 10, 26], minute: 2 * 60 + 30, instants: ['2025-10-26T00:30:00.000Z', '2025-10-26T01:30:00.000Z'] },
  },
  {
    zone: 'America/New_York',
    winter: -5 * HOUR, summer: -4 * HOUR,
    spring: utc('2025-03-09T07:00:00Z'), fall: utc('2025-11-02T06:00:00Z'),
    gap: { date: [2025, 3, 9], minute: 2 * 60 + 30 },
    overlap: { date: [2025, 11, 2], minute: 60 + 30, instants: ['2025-11-02T05:30:00.000Z', '2025-11-02T06:30:00.000Z'] },
  },
] as const;

describe('wall clock', () => {
  it('gives the local date, weekday and time', () => {
    expect(wallClock(utc('2025-06-01T22:30:00Z'), 'Asia/Tokyo'))
      .toEqual({ year: 2025, month: 6, day: 2, weekday: 1, hour: 7, minute: 30, second: 0 });
    expect(wallClock(utc('2025-06-01T22:30:15Z'), 'America/New_York'))
      .toEqual({ year: 2025, month: 6, day: 1, weekday: 0, hour: 18, minute: 30, second: 15 });
  });

  it('reads midnight as hour 0, not 24', () => {
    expect(wallClock(utc('2025-06-01T22:00:00Z'), 'Europe/Berlin')).toMatchObject({ day: 2, hour: 0, minute: 0 });
  });
});

describe.each(ZONES)('DST in $zone', ({ zone, winter, summer, spring, fall, gap, overlap }) => {
  it('the offset changes exactly at the transitions', () => {
    expect(offsetAt(spring - 1000, zone)).toBe(winter);
    expect(offsetAt(spring, zone)).toBe(summer);
    expect(offsetAt(fall - 1000, zone)).toBe(summer);
    expect(offsetAt(fall, zone)).toBe(winter);
  });

  it('finds the transitions, and nothing else, in a range', () => {
    expect(offsetChanges(spring - 3 * DAY, spring + 3 * DAY, zone)).toEqual([spring]);
    expect(offsetChanges(fall - 3 * DAY + 123, fall + 3 * DAY, zone)).toEqual([fall]);
    expect(offsetChanges(utc('2025-06-01T00:00:00Z'), utc('2025-06-20T00:00:00Z'), zone)).toEqual([]);
  });

  it('a local time in the spring gap has no instant', () => {
    const [year, month, day] = gap.date;
    expect(instantsOfLocalTime(year, month, day, gap.minute, zone)).toEqual([]);
    // An hour later the clock reads it again, once.
    expect(instantsOfLocalTime(year, month, day, gap.minute + 60, zone)).toHaveLength(1);
  });

  it('a local time in the autumn overlap has two instants, an hour apart', () => {
    const [year, month, day] = overlap.date;
    const found = instantsOfLocalTime(year, month, day, overlap.minute, zone);
    expect(found.map((instant) => new Date(instant).toISOString())).toEqual([...overlap.instants]);
    for (const instant of found) {
      expect(wallClock(instant, zone)).toMatchObject({ hour: Math.floor(overlap.minute / 60), minute: overlap.minute % 60 });
    }
  });

  it('the spring day has 23 hours and the autumn day 25, and spans split at their midnights', () => {
    for (const [transition, hours] of [[spring, 23], [fall, 25]] as const) {
      // Every transition here is in the small hours, so 12 hours before lies on the day before.
      const start = startOfNextLocalDate(transition - 12 * HOUR, zone);
      const end = startOfNextLocalDate(transition, zone);
      expect(localDate(start, zone)).toBe(localDate(transition, zone));
      expect(localDate(start - 1, zone)).not.toBe(localDate(start, zone));
      expect((end - start) / HOUR).toBe(hours);
      const parts = splitAtLocalMidnight(start - HOUR, end + HOUR, zone);
      expect(parts.map((part) => part.to - part.from)).toEqual([HOUR, hours * HOUR, HOUR]);
      expect(parts[1]?.date).toBe(localDate(transition, zone));
    }
  });
});

describe('a zone this browser does not know', () => {
  const bad = ['Mars/Olympus_Mons', '', 'not a zone'];
  const instant = utc('2025-03-30T23:30:45Z');

  it.each(bad)('%j reads as UTC and never throws', (zone) => {
    expect(wallClock(instant, zone)).toEqual(wallClock(instant, 'UTC'));
    expect(offsetAt(instant, zone)).toBe(0);
    expect(offsetChanges(instant, instant + 30 * DAY, zone)).toEqual([]);
    expect(instantsOfLocalTime(2025, 3, 30, 150, zone)).toEqual([utc('2025-03-30T02:30:00Z')]);
    expect(localDate(instant, zone)).toBe('2025-03-30');
    expect(startOfNextLocalDate(instant, zone)).toBe(utc('2025-03-31T00:00:00Z'));
    expect(splitAtLocalMidnight(instant, instant + HOUR, zone)).toEqual(splitAtLocalMidnight(instant, instant + HOUR, 'UTC'));
  });

  it('gives the same answer when asked again (the fallback is cached under the bad name)', () => {
    expect(localDate(instant, 'Mars/Olympus_Mons')).toBe(localDate(instant, 'Mars/Olympus_Mons'));
    expect(localDate(instant, 'Europe/Berlin')).toBe('2025-03-31');
  });

  it('working hours in an unknown zone run on UTC', () => {
    const hours: WorkingHours = {
      days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00', overnight: false, timeZone: 'Mars/Olympus_Mons', trackOutside: true,
    };
    expect(isWithinWorkingHours(utc('2025-06-02T09:00:00Z'), hours)).toBe(true);
    expect(isWithinWorkingHours(utc('2025-06-02T08:59:59Z'), hours)).toBe(false);
    expect(nextWorkingHoursBoundary(utc('2025-06-02T12:00:00Z'), hours)).toBe(utc('2025-06-02T17:00:00Z'));
  });
});
