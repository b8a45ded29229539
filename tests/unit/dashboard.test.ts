import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  datesBetween,
  hasTimeBetween,
  startOfWeek,
  summarizeDates,
  summarizeDay,
  summarizeRange,
  weekStart,
  weekdayOf,
} from '@/utils/dashboard';
import { budgetForChannel } from '@/utils/focus';
import { usageRows } from '@/utils/panel-view';
import type { Specialization } from '@/utils/settings';
import { localDate } from '@/utils/time-zone';
import type { ChannelDayTotals, TotalsByDate } from '@/utils/tracking/totals';

const MIN = 60_000;
const HOUR = 60 * MIN;

function totals(inMs: number, outMs = 0, noneMs = 0, afterHoursMs = 0): ChannelDayTotals {
  return [inMs, outMs, noneMs, afterHoursMs];
}

function spec(partial: Partial<Specialization> = {}): Specialization {
  return {
    id: 'b2b',
    name: 'B2B DACH',
    channels: [{ platform: 'linkedin', accounts: ['company/acme'] }, { platform: 'xing', accounts: null }],
    budgets: { totalMinutes: null, perChannel: {} },
    workingHours: null,
    clientId: null,
    ...partial,
  };
}

describe('calendar dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-03-01', -30)).toBe('2025-01-30');
  });

  it('rejects what is not a date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('yesterday', 1)).toThrow(RangeError);
  });

  it('steps over DST days one calendar day at a time, whatever the process time zone', () => {
    const original = process.env.TZ;
    try {
      // A zone with DST in the process: arithmetic on local ms would skip or repeat a date here.
      process.env.TZ = 'Europe/Berlin';
      expect(datesBetween('2025-03-29', '2025-04-01')).toEqual(['2025-03-29', '2025-03-30', '2025-03-31', '2025-04-01']);
      expect(datesBetween('2025-10-25', '2025-10-27')).toEqual(['2025-10-25', '2025-10-26', '2025-10-27']);
      process.env.TZ = 'America/New_York';
      expect(addDays('2025-11-02', 1)).toBe('2025-11-03');
      expect(weekdayOf('2025-03-09')).toBe(0);
    } finally {
      process.env.TZ = original;
    }
  });

  it('lists a range in order whichever end comes first', () => {
    expect(datesBetween('2025-01-03', '2025-01-01')).toEqual(['2025-01-01', '2025-01-02', '2025-01-03']);
    expect(datesBetween('2025-01-01', '2025-01-01')).toEqual(['2025-01-01']);
  });

  it('knows the weekday and the start of the week', () => {
    expect(weekdayOf('2025-06-02')).toBe(1);
    expect(startOfWeek('2025-06-04', 1)).toBe('2025-06-02');
    expect(startOfWeek('2025-06-04', 0)).toBe('2025-06-01');
    expect(startOfWeek('2025-06-01', 1)).toBe('2025-05-26');
    expect(startOfWeek('2025-06-02', 1)).toBe('2025-06-02');
    expect(startOfWeek('2025-06-06', 6)).toBe('2025-05-31');
  });
});

describe('weekStart', () => {
  afterEach(() => vi.restoreAllMocks());

  it('follows the locale', () => {
    expect(weekStart('de-DE')).toBe(1);
    expect(weekStart('de')).toBe(1);
    expect(weekStart('en-US')).toBe(0);
    expect(weekStart('en-GB')).toBe(1);
    expect(weekStart('fa-IR')).toBe(6);
  });

  it('falls back to the region where the engine has no week info', () => {
    const prototype = Intl.Locale.prototype as unknown as { weekInfo?: unknown; getWeekInfo?: () => unknown };
    vi.spyOn(prototype, 'weekInfo', 'get').mockReturnValue(undefined);
    // Newer engines have the method as well: take it away too, so the fallback is what answers.
    if (typeof prototype.getWeekInfo === 'function') vi.spyOn(prototype, 'getWeekInfo').mockReturnValue(undefined);
    expect((new Intl.Locale('de') as unknown as { weekInfo?: unknown }).weekInfo).toBeUndefined();
    expect(weekStart('de')).toBe(1);
    expect(weekStart('en-US')).toBe(0);
    expect(weekStart('en')).toBe(0);
    expect(weekStart('pt-BR')).toBe(0);
    expect(weekStart('ar-EG')).toBe(6);
    expect(weekStart('fr-FR')).toBe(1);
  });

  it('survives a malformed locale', () => {
    expect(weekStart('not a locale!')).toBe(1);
  });
});

describe('summarizeDay', () => {
  const date = '2025-06-04';
  const days: TotalsByDate = {
    [date]: {
      linkedin: totals(10 * MIN, 0, 0, 0),
      'linkedin:company/acme': totals(50 * MIN, 0, 0, 5 * MIN),
      'linkedin:in/jane': totals(0, 20 * MIN),
      xing: totals(15 * MIN),
      'x:acme': totals(0, 40 * MIN, 0, 40 * MIN),
      'custom:mastodon.example': totals(0, 5 * MIN),
      'custom:forum.example': totals(0, 0, 3 * MIN),
      'newnet:someone': totals(0, 0, 2 * MIN),
    },
    '2025-06-03': { facebook: totals(0, 9 * HOUR) },
  };

  it('adds up the day, split by focus, with after-hours apart', () => {
    const summary = summarizeDay(days, date);
    expect(summary.date).toBe(date);
    expect(summary.totalMs).toBe(145 * MIN);
    expect(summary.inMs).toBe(75 * MIN);
    expect(summary.outMs).toBe(65 * MIN);
    expect(summary.noneMs).toBe(5 * MIN);
    expect(summary.afterHoursMs).toBe(45 * MIN);
    expect(summary.focusShare).toBeCloseTo(75 / 140);
  });

  it('groups accounts under their platform and ranks by time', () => {
    const summary = summarizeDay(days, date);
    expect(summary.platforms.map((row) => row.key)).toEqual([
      'linkedin', 'x', 'xing', 'custom:mastodon.example', 'custom:forum.example', 'newnet',
    ]);
    const linkedin = summary.platforms[0]!;
    expect(linkedin.totalMs).toBe(80 * MIN);
    expect(linkedin.inMs).toBe(60 * MIN);
    expect(linkedin.outMs).toBe(20 * MIN);
    expect(linkedin.afterHoursMs).toBe(5 * MIN);
    expect(linkedin.channel).toEqual({ platform: 'linkedin', account: null });
    expect(linkedin.accounts.map((row) => row.key)).toEqual(['linkedin:company/acme', 'linkedin:in/jane', 'linkedin']);
    expect(linkedin.accounts[0]?.channel).toEqual({ platform: 'linkedin', account: 'company/acme' });
  });

  it('keeps each custom host a channel of its own and keeps time of unknown keys', () => {
    const summary = summarizeDay(days, date);
    const custom = summary.platforms.find((row) => row.key === 'custom:mastodon.example');
    expect(custom?.platform).toBe('custom');
    expect(custom?.channel).toEqual({ platform: 'custom', account: 'mastodon.example' });
    expect(custom?.accounts).toHaveLength(1);
    const unknown = summary.platforms.find((row) => row.key === 'newnet');
    expect(unknown?.platform).toBeNull();
    expect(unknown?.channel).toBeNull();
    expect(unknown?.noneMs).toBe(2 * MIN);
  });

  it('breaks ties by key so the order is stable', () => {
    const tie = summarizeDay({ [date]: { youtube: totals(MIN), bluesky: totals(MIN), reddit: totals(2 * MIN) } }, date);
    expect(tie.platforms.map((row) => row.key)).toEqual(['reddit', 'bluesky', 'youtube']);
  });

  it('flags channels outside the active specialization, accounts included', () => {
    const summary = summarizeDay(days, date, spec());
    const byKey = new Map(summary.platforms.map((row) => [row.key, row]));
    const linkedin = byKey.get('linkedin')!;
    // LinkedIn is in focus for company/acme only: the platform row is not flagged, one account is.
    expect(linkedin.outsideFocus).toBe(false);
    expect(linkedin.outsideAccounts).toBe(1);
    expect(linkedin.accounts.find((row) => row.key === 'linkedin:in/jane')?.outsideFocus).toBe(true);
    expect(linkedin.accounts.find((row) => row.key === 'linkedin:company/acme')?.outsideFocus).toBe(false);
    expect(linkedin.accounts.find((row) => row.key === 'linkedin')?.outsideFocus).toBe(false);
    expect(byKey.get('xing')?.outsideFocus).toBe(false);
    expect(byKey.get('x')?.outsideFocus).toBe(true);
    expect(byKey.get('x')?.outsideAccounts).toBe(0);
    expect(byKey.get('custom:forum.example')?.outsideFocus).toBe(true);
    expect(byKey.get('newnet')?.outsideFocus).toBe(false);
  });

  it('flags nothing without an active specialization', () => {
    const summary = summarizeDay(days, date, null);
    expect(summary.platforms.some((row) => row.outsideFocus || row.outsideAccounts > 0)).toBe(false);
  });

  it('reports budgets per platform, per account and for the whole specialization', () => {
    const budgets = { totalMinutes: 60, perChannel: { linkedin: 120, 'linkedin:Company/Acme': 30, xing: 10 } };
    const summary = summarizeDay(days, date, spec({ budgets }));
    const linkedin = summary.platforms.find((row) => row.key === 'linkedin')!;
    expect(linkedin.budget?.usedMs).toBe(80 * MIN);
    expect(linkedin.budget?.budgetMs).toBe(120 * MIN);
    expect(linkedin.budget?.exceeded).toBe(false);
    const acme = linkedin.accounts.find((row) => row.key === 'linkedin:company/acme')!;
    expect(acme.budget?.usedMs).toBe(50 * MIN);
    expect(acme.budget?.exceeded).toBe(true);
    // A platform budget is shown once, on the platform, not on every account.
    expect(linkedin.accounts.find((row) => row.key === 'linkedin:in/jane')?.budget).toBeNull();
    expect(summary.platforms.find((row) => row.key === 'xing')?.budget?.exceeded).toBe(true);
    expect(summary.platforms.find((row) => row.key === 'x')?.budget).toBeNull();
    // The specialization's channels today: LinkedIn account-less + company/acme, and XING.
    expect(summary.budget?.usedMs).toBe(75 * MIN);
    expect(summary.budget?.budgetMs).toBe(60 * MIN);
  });

  it('shows the same budget as the panel for keys written in another case', () => {
    const budgeted = spec({ budgets: { totalMinutes: null, perChannel: { LinkedIn: 120, 'LINKEDIN:Company/ACME': 30 } } });
    const summary = summarizeDay(days, date, budgeted);
    const linkedin = summary.platforms.find((row) => row.key === 'linkedin')!;
    const acme = linkedin.accounts.find((row) => row.key === 'linkedin:company/acme')!;
    const panel = (channel: Parameters<typeof budgetForChannel>[0]) =>
      budgetForChannel(channel, budgeted, usageRows(days[date]!))?.status ?? null;
    expect(acme.budget).toMatchObject({ usedMs: 50 * MIN, budgetMs: 30 * MIN });
    expect(panel({ platform: 'linkedin', account: 'company/acme' })).toEqual(acme.budget);
    expect(linkedin.budget).toMatchObject({ usedMs: 80 * MIN, budgetMs: 120 * MIN });
    expect(panel({ platform: 'linkedin', account: 'in/jane' })).toEqual(linkedin.budget);
    expect(panel({ platform: 'linkedin', account: null })).toEqual(linkedin.budget);
  });

  it('has no focus share with zero time or with time measured against no specialization', () => {
    expect(summarizeDay({}, date).focusShare).toBeNull();
    expect(summarizeDay({}, date).totalMs).toBe(0);
    expect(summarizeDay({ [date]: { x: totals(0, 0, HOUR) } }, date).focusShare).toBeNull();
    expect(summarizeDay({ [date]: { x: totals(0, HOUR) } }, date).focusShare).toBe(0);
    expect(summarizeDay({ [date]: { x: totals(HOUR, 0, 5 * HOUR) } }, date).focusShare).toBe(1);
  });

  it('treats broken stored values as no time', () => {
    const broken = { [date]: { x: [Number.NaN, -5, 3 * MIN, Infinity] as ChannelDayTotals } };
    const summary = summarizeDay(broken, date);
    expect(summary.totalMs).toBe(3 * MIN);
    expect(summary.afterHoursMs).toBe(0);
  });

  it('does not read inherited properties as dates', () => {
    expect(summarizeDay({}, 'constructor').totalMs).toBe(0);
  });
});

describe('summarizeRange', () => {
  const days: TotalsByDate = {
    '2025-05-28': { linkedin: totals(HOUR), x: totals(0, 30 * MIN) },
    '2025-06-01': { xing: totals(20 * MIN), 'x:acme': totals(0, 2 * HOUR), tiktok: totals(0, 0, 10 * MIN) },
    '2025-06-03': { 'x:acme': totals(0, 10 * MIN), reddit: totals(0, 5 * MIN), pinterest: totals(0, MIN) },
    '2025-06-04': { 'instagram:acme': totals(0, 4 * MIN), facebook: totals(0, 3 * MIN), 'youtube:@acme': totals(0, 2 * MIN) },
    '2025-06-05': { linkedin: totals(99 * HOUR) },
  };

  it('gives one bar per calendar day ending with the end date, empty days included', () => {
    const range = summarizeRange(days, '2025-06-04', 7);
    expect(range.from).toBe('2025-05-29');
    expect(range.to).toBe('2025-06-04');
    expect(range.days.map((bar) => bar.date)).toEqual([
      '2025-05-29', '2025-05-30', '2025-05-31', '2025-06-01', '2025-06-02', '2025-06-03', '2025-06-04',
    ]);
    expect(range.days[0]).toMatchObject({ totalMs: 0, focusShare: null, weekday: 4 });
    expect(range.days[3]).toMatchObject({ inMs: 20 * MIN, outMs: 2 * HOUR, noneMs: 10 * MIN, totalMs: 150 * MIN });
    expect(range.days[3]?.focusShare).toBeCloseTo(20 / 140);
    // The day after the end and the day before the start stay out.
    expect(range.totalMs).toBe(150 * MIN + 16 * MIN + 9 * MIN);
  });

  it('covers 30 days across a month boundary', () => {
    const range = summarizeRange(days, '2025-06-04', 30);
    expect(range.days).toHaveLength(30);
    expect(range.from).toBe('2025-05-06');
    expect(range.inMs).toBe(HOUR + 20 * MIN);
    expect(range.focusShare).toBeCloseTo(80 / (80 + 30 + 120 + 16 + 9));
  });

  it('ranks the top channels outside focus by their time outside, at most five', () => {
    const range = summarizeRange(days, '2025-06-04', 30);
    expect(range.topOutside.map((row) => [row.key, row.outMs])).toEqual([
      ['x:acme', 130 * MIN], ['x', 30 * MIN], ['reddit', 5 * MIN], ['instagram:acme', 4 * MIN], ['facebook', 3 * MIN],
    ]);
    expect(range.topOutside.every((row) => row.outMs > 0)).toBe(true);
  });

  it('sums accounts over the range for the per-account tables', () => {
    const range = summarizeRange(days, '2025-06-04', 30);
    const x = range.platforms.find((row) => row.key === 'x')!;
    expect(x.totalMs).toBe(160 * MIN);
    expect(x.accounts.map((row) => [row.key, row.totalMs])).toEqual([['x:acme', 130 * MIN], ['x', 30 * MIN]]);
    expect(x.budget).toBeNull();
  });

  it('counts a 23-hour and a 25-hour day as one day each', () => {
    // Europe/Berlin: 2025-03-30 has 23 hours, 2025-10-26 has 25.
    const dst: TotalsByDate = {
      '2025-03-30': { linkedin: totals(23 * HOUR) },
      '2025-10-26': { linkedin: totals(25 * HOUR) },
    };
    const spring = summarizeRange(dst, '2025-03-31', 3);
    expect(spring.days.map((bar) => [bar.date, bar.totalMs])).toEqual([
      ['2025-03-29', 0], ['2025-03-30', 23 * HOUR], ['2025-03-31', 0],
    ]);
    const autumn = summarizeRange(dst, '2025-10-27', 2);
    expect(autumn.days.map((bar) => [bar.date, bar.totalMs])).toEqual([['2025-10-26', 25 * HOUR], ['2025-10-27', 0]]);
  });

  it('ends on the local date of the user, which differs between time zones for one instant', () => {
    const now = Date.UTC(2025, 5, 4, 20, 0);
    const auckland = localDate(now, 'Pacific/Auckland');
    const losAngeles = localDate(now, 'America/Los_Angeles');
    expect(auckland).toBe('2025-06-05');
    expect(losAngeles).toBe('2025-06-04');
    expect(summarizeRange(days, auckland, 1).totalMs).toBe(99 * HOUR);
    expect(summarizeRange(days, losAngeles, 1).totalMs).toBe(9 * MIN);
  });

  it('reads only the dates of the range', () => {
    const read = new Set<string>();
    const heavy: TotalsByDate = {};
    for (let index = 0; index < 365; index += 1) heavy[addDays('2025-06-04', -index)] = { linkedin: totals(MIN) };
    const watched = new Proxy(heavy, {
      get(target, property, receiver) {
        if (typeof property === 'string') read.add(property);
        return Reflect.get(target, property, receiver);
      },
    });
    const range = summarizeRange(watched, '2025-06-04', 30);
    expect(range.totalMs).toBe(30 * MIN);
    expect([...read].filter((key) => /^\d{4}-/.test(key)).length).toBeLessThanOrEqual(30);
  });

  it('accepts a chosen range in either order and clamps a silly length', () => {
    const range = summarizeDates(days, '2025-06-03', '2025-06-01');
    expect(range.from).toBe('2025-06-01');
    expect(range.to).toBe('2025-06-03');
    expect(range.days).toHaveLength(3);
    expect(summarizeRange(days, '2025-06-04', 0).days).toHaveLength(1);
    expect(summarizeRange(days, '2025-06-04', 100_000).days).toHaveLength(3660);
  });
});

describe('hasTimeBetween', () => {
  it('finds time within the range only', () => {
    const days: TotalsByDate = { '2025-06-01': { x: totals(0, 0, 1) }, '2025-06-02': { x: totals(0) } };
    expect(hasTimeBetween(days, '2025-05-01', '2025-06-01')).toBe(true);
    expect(hasTimeBetween(days, '2025-06-02', '2025-06-30')).toBe(false);
    expect(hasTimeBetween({}, '2025-06-02', '2025-06-30')).toBe(false);
  });
});
