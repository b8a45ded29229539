import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Channel } from '@/utils/channels';
import { localDate, splitAtLocalMidnight, startOfNextLocalDate } from '@/utils/time-zone';
import {
  addPieces, channelTotals, datesToDrop, DayTotalsSchema, FLUSH_INTERVAL_MS, flushDue, MAX_WRITE_BACKOFF_MS, writeInterval,
  mergeDayTotals, type DayTotals, type TotalsByDate,
} from '@/utils/tracking/totals';
import type { CountedPiece } from '@/utils/tracking/tracker';

const HOUR = 3_600_000;
const LI: Channel = { platform: 'linkedin', account: 'company/acme' };
const X: Channel = { platform: 'x', account: null };

/** All of a day's time: in, out of and without a focus (after-hours time is within these). */
const dayTotalMs = (day: DayTotals) => Object.values(day).reduce((total, [inFocus, outOfFocus, none]) => total + inFocus + outOfFocus + none, 0);

const piece = (from: number, to: number, o: Partial<CountedPiece> = {}): CountedPiece =>
  ({ channel: LI, from, to, focus: 'none', afterHours: false, ...o });

describe('local dates', () => {
  it('reads the date on the zone’s own clock', () => {
    const instant = Date.UTC(2024, 4, 6, 22, 30); // 00:30 in Berlin, 18:30 in New York, 07:30 in Tokyo
    expect(localDate(instant, 'Europe/Berlin')).toBe('2024-05-07');
    expect(localDate(instant, 'America/New_York')).toBe('2024-05-06');
    expect(localDate(instant, 'Asia/Tokyo')).toBe('2024-05-07');
    expect(localDate(instant, 'UTC')).toBe('2024-05-06');
  });

  it('reads an unknown time zone as UTC rather than stopping the count (see utils/time-zone.ts)', () => {
    const instant = Date.UTC(2024, 4, 6, 23, 30);
    expect(localDate(instant, 'Mars/Olympus_Mons')).toBe('2024-05-06');
    expect(startOfNextLocalDate(instant, 'Mars/Olympus_Mons')).toBe(Date.UTC(2024, 4, 7));
    expect(addPieces({}, [piece(instant, instant + HOUR)], 'Mars/Olympus_Mons')).toEqual(
      addPieces({}, [piece(instant, instant + HOUR)], 'UTC'),
    );
  });

  it.each([
    ['Europe/Berlin', 'an ordinary day', Date.UTC(2024, 4, 6, 10), Date.UTC(2024, 4, 5, 22), Date.UTC(2024, 4, 6, 22), 24],
    ['Europe/Berlin', 'spring forward', Date.UTC(2024, 2, 31, 10), Date.UTC(2024, 2, 30, 23), Date.UTC(2024, 2, 31, 22), 23],
    ['Europe/Berlin', 'fall back', Date.UTC(2024, 9, 27, 10), Date.UTC(2024, 9, 26, 22), Date.UTC(2024, 9, 27, 23), 25],
    ['America/New_York', 'spring forward', Date.UTC(2024, 2, 10, 15), Date.UTC(2024, 2, 10, 5), Date.UTC(2024, 2, 11, 4), 23],
    ['America/New_York', 'fall back', Date.UTC(2024, 10, 3, 15), Date.UTC(2024, 10, 3, 4), Date.UTC(2024, 10, 4, 5), 25],
    ['Asia/Tokyo', 'no DST (Berlin’s spring day)', Date.UTC(2024, 2, 31, 3), Date.UTC(2024, 2, 30, 15), Date.UTC(2024, 2, 31, 15), 24],
    // Havana moves its clocks at midnight: that day begins at 01:00.
    ['America/Havana', 'midnight in a DST gap', Date.UTC(2024, 2, 10, 15), Date.UTC(2024, 2, 10, 5), Date.UTC(2024, 2, 11, 4), 23],
  ])('%s, %s: the day has its true length', (zone, _label, inside, dayStart, nextStart, hours) => {
    expect(startOfNextLocalDate(inside, zone)).toBe(nextStart);
    expect(startOfNextLocalDate(dayStart - 1, zone)).toBe(dayStart);
    expect(localDate(dayStart, zone)).not.toBe(localDate(dayStart - 1, zone));
    expect((nextStart - dayStart) / HOUR).toBe(hours);
  });

  it('splits a span into one part per local date', () => {
    const from = Date.UTC(2024, 4, 6, 21, 0); // 23:00 Berlin
    const to = Date.UTC(2024, 4, 8, 1, 0); // 03:00 Berlin, two days later
    expect(splitAtLocalMidnight(from, to, 'Europe/Berlin')).toEqual([
      { date: '2024-05-06', from, to: Date.UTC(2024, 4, 6, 22) },
      { date: '2024-05-07', from: Date.UTC(2024, 4, 6, 22), to: Date.UTC(2024, 4, 7, 22) },
      { date: '2024-05-08', from: Date.UTC(2024, 4, 7, 22), to },
    ]);
    expect(splitAtLocalMidnight(from, from, 'Europe/Berlin')).toEqual([]);
  });
});

describe('addPieces', () => {
  it('splits a piece across local midnight', () => {
    const midnightBerlin = Date.UTC(2024, 4, 6, 22);
    const days = addPieces({}, [piece(midnightBerlin - 30_000, midnightBerlin + 30_000)], 'Europe/Berlin');
    expect(days).toEqual({
      '2024-05-06': { 'linkedin:company/acme': [0, 0, 30_000, 0] },
      '2024-05-07': { 'linkedin:company/acme': [0, 0, 30_000, 0] },
    });
    // The same minute is mid-evening in New York.
    expect(addPieces({}, [piece(midnightBerlin - 30_000, midnightBerlin + 30_000)], 'America/New_York'))
      .toEqual({ '2024-05-06': { 'linkedin:company/acme': [0, 0, 60_000, 0] } });
  });

  it('splits at New York midnight', () => {
    const midnight = Date.UTC(2024, 4, 7, 4);
    const days = addPieces({}, [piece(midnight - 1_000, midnight + 2_000, { focus: 'in' })], 'America/New_York');
    expect(days).toEqual({
      '2024-05-06': { 'linkedin:company/acme': [1_000, 0, 0, 0] },
      '2024-05-07': { 'linkedin:company/acme': [2_000, 0, 0, 0] },
    });
  });

  it('puts all of a 23-hour and a 25-hour day on their dates', () => {
    const spring = addPieces({}, [piece(Date.UTC(2024, 2, 30, 23), Date.UTC(2024, 2, 31, 22))], 'Europe/Berlin');
    expect(Object.keys(spring)).toEqual(['2024-03-31']);
    expect(dayTotalMs(spring['2024-03-31'] ?? {})).toBe(23 * HOUR);
    const autumn = addPieces({}, [piece(Date.UTC(2024, 9, 26, 22), Date.UTC(2024, 9, 27, 23))], 'Europe/Berlin');
    expect(dayTotalMs(autumn['2024-10-27'] ?? {})).toBe(25 * HOUR);
  });

  it('files time by focus and counts after-hours time within the total', () => {
    const at = Date.UTC(2024, 4, 6, 10);
    const days = addPieces({}, [
      piece(at, at + 1_000, { focus: 'in' }),
      piece(at + 1_000, at + 3_000, { focus: 'out', afterHours: true }),
      piece(at + 3_000, at + 7_000, { focus: 'none', afterHours: true }),
      piece(at, at + 5_000, { channel: X, focus: 'out' }),
    ], 'UTC');
    expect(days['2024-05-06']).toEqual({ 'linkedin:company/acme': [1_000, 2_000, 4_000, 6_000], x: [0, 5_000, 0, 0] });
    expect(dayTotalMs(days['2024-05-06'] ?? {})).toBe(12_000);
  });

  it('is pure and copies only the days it touches', () => {
    const before: TotalsByDate = { '2024-05-05': { x: [0, 0, 1, 0] }, '2024-05-06': { x: [0, 0, 2, 0] } };
    const snapshot = structuredClone(before);
    const after = addPieces(before, [piece(Date.UTC(2024, 4, 6, 10), Date.UTC(2024, 4, 6, 11))], 'UTC');
    expect(before).toEqual(snapshot);
    expect(after['2024-05-05']).toBe(before['2024-05-05']);
    expect(after['2024-05-06']).not.toBe(before['2024-05-06']);
    expect(after['2024-05-06']).toEqual({ x: [0, 0, 2, 0], 'linkedin:company/acme': [0, 0, HOUR, 0] });
    expect(addPieces(before, [], 'UTC')).toBe(before);
  });

  it('rounds boundaries, so adjacent fractional pieces add up exactly', () => {
    const at = Date.UTC(2024, 4, 6, 10);
    const days = addPieces({}, [piece(at + 0.4, at + 1_000.6), piece(at + 1_000.6, at + 2_000.2), piece(at + 5, at + 4.8)], 'UTC');
    expect(days['2024-05-06']?.['linkedin:company/acme']).toEqual([0, 0, 2_000, 0]);
  });
});

describe('reading totals', () => {
  const day: DayTotals = {
    x: [0, 5_000, 0, 0],
    'linkedin:company/acme': [60_000, 0, 0, 10_000],
    'reddit:r/typescript': [0, 0, 5_000, 0],
    'myspace:tom': [0, 0, 1, 0],
  };

  it('merges two days channel by channel', () => {
    expect(mergeDayTotals(day, { x: [1, 2, 3, 4], 'youtube:@news': [0, 0, 7, 0] })).toEqual({
      ...day, x: [1, 5_002, 3, 4], 'youtube:@news': [0, 0, 7, 0],
    });
    expect(mergeDayTotals({}, day)).toEqual(day);
  });

  it('lists channels by time, ties by key, with the channel read back from its key', () => {
    expect(channelTotals(day)).toEqual([
      { key: 'linkedin:company/acme', channel: LI, inMs: 60_000, outMs: 0, noneMs: 0, afterHoursMs: 10_000, totalMs: 60_000 },
      { key: 'reddit:r/typescript', channel: { platform: 'reddit', account: 'r/typescript' }, inMs: 0, outMs: 0, noneMs: 5_000, afterHoursMs: 0, totalMs: 5_000 },
      { key: 'x', channel: X, inMs: 0, outMs: 5_000, noneMs: 0, afterHoursMs: 0, totalMs: 5_000 },
      { key: 'myspace:tom', channel: null, inMs: 0, outMs: 0, noneMs: 1, afterHoursMs: 0, totalMs: 1 },
    ]);
    expect(channelTotals({ 'custom:example.com': [0, 0, 1, 0] })[0]?.channel).toEqual({ platform: 'custom', account: 'example.com' });
  });

  it('validates stored days', () => {
    expect(v.is(DayTotalsSchema, day)).toBe(true);
    expect(v.is(DayTotalsSchema, { x: [0, 0, -1, 0] })).toBe(false);
    expect(v.is(DayTotalsSchema, { x: [0, 0, 1.5, 0] })).toBe(false);
    expect(v.is(DayTotalsSchema, { x: [0, 0, 1] })).toBe(false);
  });
});

describe('flushDue', () => {
  it('writes pending time at once when the last write is long enough ago', () => {
    expect(flushDue(null, 1_000, true)).toEqual({ writeNow: true, writeAt: 1_000 });
    expect(flushDue(0, FLUSH_INTERVAL_MS, true)).toEqual({ writeNow: true, writeAt: FLUSH_INTERVAL_MS });
  });

  it('makes an early request wait for the rate limit and says until when', () => {
    expect(flushDue(10_000, 12_000, true)).toEqual({ writeNow: false, writeAt: 25_000 });
  });

  it('writes nothing when nothing is pending', () => {
    expect(flushDue(0, 60_000, false)).toEqual({ writeNow: false, writeAt: null });
  });

  it('does not wait for a wall clock that went back', () => {
    expect(flushDue(100_000, 50_000, true)).toEqual({ writeNow: true, writeAt: 50_000 });
  });

  it('keeps to 4 writes a minute when something asks every 250 ms', () => {
    let lastFlushAt: number | null = null;
    const writes: number[] = [];
    for (let now = 0; now < 10 * 60_000; now += 250) {
      const due = flushDue(lastFlushAt, now, true);
      if (due.writeNow) {
        writes.push(now);
        lastFlushAt = now;
      }
    }
    for (const at of writes) expect(writes.filter((other) => other >= at && other < at + 60_000).length).toBeLessThanOrEqual(4);
    expect(writes.length).toBe(40);
  });

  it('waits longer after each failed write, doubling up to five minutes, and back to 15 s after one works', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(writeInterval)).toEqual([15_000, 30_000, 60_000, 120_000, 240_000, MAX_WRITE_BACKOFF_MS, MAX_WRITE_BACKOFF_MS]);
    expect(flushDue(10_000, 30_000, true, 1)).toEqual({ writeNow: false, writeAt: 40_000 });
    expect(flushDue(10_000, 40_000, true, 1)).toEqual({ writeNow: true, writeAt: 40_000 });
    expect(flushDue(10_000, 30_000, true, 0)).toEqual({ writeNow: true, writeAt: 30_000 });
  });

  it('reads a nonsense failure count as none', () => {
    expect(writeInterval(Number.NaN)).toBe(FLUSH_INTERVAL_MS);
    expect(writeInterval(-3)).toBe(FLUSH_INTERVAL_MS);
  });
});

describe('datesToDrop', () => {
  const dates = ['2023-12-30', '2023-12-31', '2024-01-01', '2024-01-29', '2024-01-30', 'quarantine', '2024-02-01'];

  it('keeps the last N days counting today', () => {
    expect(datesToDrop(dates, '2024-01-30', 30)).toEqual(['2023-12-30', '2023-12-31']);
    expect(datesToDrop(dates, '2024-01-30', 2)).toEqual(['2023-12-30', '2023-12-31', '2024-01-01']);
  });

  it('keeps everything without a retention, and today whatever the setting', () => {
    expect(datesToDrop(dates, '2024-01-30', null)).toEqual([]);
    expect(datesToDrop(dates, '2024-01-30', 0)).toEqual(['2023-12-30', '2023-12-31', '2024-01-01', '2024-01-29']);
    expect(datesToDrop(dates, 'not a date', 1)).toEqual([]);
  });
});

describe('storage size', () => {
  it('keeps a year of heavy use (365 days x 40 channels) far under 1 MB', () => {
    // Deterministic pseudo-random figures: 12 hours of social media a day spread over 40
    // channels, each time filed under one focus, a fifth of the channels partly after hours.
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const keys = Array.from({ length: 40 }, (_, index) => [
      `linkedin:company/client-company-${index}`, `youtube:@creator-channel-${index}`, `reddit:r/subreddit${index}`, `x:handle_${index}`,
    ][index % 4] ?? 'x');
    const year: TotalsByDate = {};
    for (let day = 0; day < 365; day += 1) {
      const date = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
      const weights = keys.map(() => random() + 0.05);
      const sum = weights.reduce((a, b) => a + b, 0);
      const totals: DayTotals = {};
      keys.forEach((key, index) => {
        const ms = Math.round(((weights[index] ?? 0) / sum) * 12 * HOUR);
        const bucket = Math.floor(random() * 3);
        const afterHours = random() < 0.2 ? Math.round(ms * random()) : 0;
        totals[key] = [bucket === 0 ? ms : 0, bucket === 1 ? ms : 0, bucket === 2 ? ms : 0, afterHours];
      });
      year[date] = totals;
      expect(dayTotalMs(totals)).toBeLessThan(24 * HOUR);
    }
    const bytes = new TextEncoder().encode(JSON.stringify(year)).length;
    console.log(`a year of 40 channels a day: ${(bytes / 1024).toFixed(0)} KiB as JSON`);
    expect(Object.keys(year)).toHaveLength(365);
    expect(bytes).toBeLessThan(1024 * 1024);
  });
});
