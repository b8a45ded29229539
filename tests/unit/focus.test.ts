import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Channel } from '@/utils/channels';
import {
  budgetForChannel,
  budgetStatus,
  classify,
  focusShare,
  focusStatus,
  isInSpecialization,
  isSnoozed,
  isWithinWorkingHours,
  nextClassificationChange,
  nextWorkingHoursBoundary,
  recordedChannel,
  usedForBudgetKey,
  type UsageRow,
} from '@/utils/focus';
import { wallClock } from '@/utils/time-zone';
import {
  defaultSettings,
  type FocusChannel,
  type Settings,
  type Specialization,
  type WorkingHours,
} from '@/utils/settings';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function spec(channels: FocusChannel[], extra: Partial<Specialization> = {}): Specialization {
  return {
    id: 'acme',
    name: 'Acme',
    channels,
    budgets: { totalMinutes: null, perChannel: {} },
    workingHours: null,
    clientId: null,
    ...extra,
  };
}

function withActive(specialization: Specialization, change: (s: Settings) => Settings = (s) => s): Settings {
  return change({ ...defaultSettings(), specializations: [specialization], activeSpecializationId: specialization.id });
}

function hours(change: Partial<WorkingHours> = {}): WorkingHours {
  return {
    days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00', overnight: false, timeZone: 'Europe/Berlin', trackOutside: true,
    ...change,
  };
}

const NOON_MONDAY = at('2025-06-02T10:00:00Z'); // 12:00 in Berlin, a Monday
const linkedinFeed: Channel = { platform: 'linkedin', account: null };
const acme: Channel = { platform: 'linkedin', account: 'company/acme' };
const rival: Channel = { platform: 'linkedin', account: 'company/rival' };

describe('focus: whole platforms and accounts', () => {
  it('counts everything on a whole focus platform as in focus, other platforms as outside', () => {
    const settings = withActive(spec([{ platform: 'linkedin', accounts: null }]));
    expect(focusStatus(acme, NOON_MONDAY, settings)).toEqual({ status: 'in-focus', afterHours: false });
    expect(focusStatus(linkedinFeed, NOON_MONDAY, settings).status).toBe('in-focus');
    expect(focusStatus({ platform: 'instagram', account: 'acme' }, NOON_MONDAY, settings))
      .toEqual({ status: 'outside', afterHours: false, snoozed: false });
  });

  it('with listed accounts: those accounts and the account-less pages are in focus, other accounts outside', () => {
    const settings = withActive(spec([{ platform: 'linkedin', accounts: ['company/acme'] }]));
    expect(classify(acme, NOON_MONDAY, settings).focus).toBe('in');
    expect(classify(linkedinFeed, NOON_MONDAY, settings).focus).toBe('in');
    expect(classify(rival, NOON_MONDAY, settings).focus).toBe('out');
  });

  it('matches a typed account regardless of case', () => {
    const settings = withActive(spec([{ platform: 'linkedin', accounts: ['Company/ACME'] }]));
    expect(classify(acme, NOON_MONDAY, settings).focus).toBe('in');
  });

  it('without an active specialization, tracks with focus none and never flags', () => {
    const settings = { ...withActive(spec([{ platform: 'linkedin', accounts: null }])), activeSpecializationId: null };
    expect(classify({ platform: 'tiktok', account: null }, NOON_MONDAY, settings))
      .toEqual({ tracked: true, focus: 'none', afterHours: false, notTrackedReason: null });
    expect(focusStatus({ platform: 'tiktok', account: null }, NOON_MONDAY, settings)).toEqual({ status: 'no-specialization' });
  });

  it('uses only the active specialization', () => {
    const other = spec([{ platform: 'tiktok', accounts: null }], { id: 'other', name: 'Other' });
    const settings: Settings = {
      ...defaultSettings(),
      specializations: [spec([{ platform: 'linkedin', accounts: null }]), other],
      activeSpecializationId: 'other',
    };
    expect(classify(acme, NOON_MONDAY, settings).focus).toBe('out');
    expect(classify({ platform: 'tiktok', account: null }, NOON_MONDAY, settings).focus).toBe('in');
  });

  it('with platform-only tracking, records and judges the channel without its account', () => {
    const settings = withActive(spec([{ platform: 'linkedin', accounts: ['company/acme'] }]),
      (s) => ({ ...s, tracking: { ...s.tracking, recordAccounts: false } }));
    expect(recordedChannel(rival, settings)).toEqual(linkedinFeed);
    expect(classify(rival, NOON_MONDAY, settings).focus).toBe('in');
    const custom: Channel = { platform: 'custom', account: 'forum.example.org' };
    expect(recordedChannel(custom, settings)).toBe(custom);
  });
});

describe('focus: custom hosts, excluded platforms, pause', () => {
  const forum: Channel = { platform: 'custom', account: 'forum.example.org' };
  const board: Channel = { platform: 'custom', account: 'board.example.net' };
  const settings = withActive(spec([{ platform: 'custom', accounts: ['forum.example.org'] }]), (s) => ({
    ...s,
    customHosts: [
      { host: 'forum.example.org', platform: 'custom' },
      { host: 'board.example.net', platform: 'custom' },
      { host: 'social.example.com', platform: 'mastodon' },
    ],
  }));

  it('a registered custom host is in focus when listed, outside when not', () => {
    expect(classify(forum, NOON_MONDAY, settings).focus).toBe('in');
    expect(classify(board, NOON_MONDAY, settings).focus).toBe('out');
  });

  it('a custom host that is no longer registered is not tracked', () => {
    const removed = { ...settings, customHosts: settings.customHosts.filter((entry) => entry.host !== 'board.example.net') };
    expect(focusStatus(board, NOON_MONDAY, removed)).toEqual({ status: 'not-tracked', reason: 'excluded' });
  });

  it('a Mastodon instance follows the mastodon platform rules', () => {
    const mastodon: Channel = { platform: 'mastodon', account: '@acme@social.example.com' };
    expect(classify(mastodon, NOON_MONDAY, settings).focus).toBe('out');
    const withMastodon = withActive(spec([{ platform: 'mastodon', accounts: null }]), (s) => ({ ...s, customHosts: settings.customHosts }));
    expect(classify(mastodon, NOON_MONDAY, withMastodon).focus).toBe('in');
  });

  it('an excluded platform is not tracked, even when it is a focus platform', () => {
    const excluded = withActive(spec([{ platform: 'linkedin', accounts: null }]),
      (s) => ({ ...s, platforms: { ...s.platforms, linkedin: { tracked: false } } }));
    expect(focusStatus(acme, NOON_MONDAY, excluded)).toEqual({ status: 'not-tracked', reason: 'excluded' });
    expect(classify({ platform: 'x', account: null }, NOON_MONDAY, excluded).tracked).toBe(true);
  });

  it('a platform missing from the stored map is tracked', () => {
    const sparse = withActive(spec([]), (s) => ({ ...s, platforms: {} }));
    expect(classify(acme, NOON_MONDAY, sparse).tracked).toBe(true);
  });

  it('pause stops tracking until its end, and takes precedence over exclusion', () => {
    const until = NOON_MONDAY + 15 * MINUTE;
    const paused = withActive(spec([{ platform: 'linkedin', accounts: null }]), (s) => ({
      ...s,
      tracking: { ...s.tracking, pausedUntil: until },
      platforms: { ...s.platforms, x: { tracked: false } },
    }));
    expect(focusStatus(acme, NOON_MONDAY, paused)).toEqual({ status: 'not-tracked', reason: 'paused' });
    expect(focusStatus({ platform: 'x', account: null }, NOON_MONDAY, paused)).toEqual({ status: 'not-tracked', reason: 'paused' });
    expect(classify(acme, until - 1, paused).tracked).toBe(false);
    expect(classify(acme, until, paused).tracked).toBe(true);
    expect(nextClassificationChange(NOON_MONDAY, paused)).toBe(until);
    expect(nextClassificationChange(until, paused)).toBeNull();
  });
});

describe('focus: snoozed flags', () => {
  const settings = withActive(spec([{ platform: 'linkedin', accounts: ['company/acme'] }]), (s) => ({
    ...s,
    flags: { ...s.flags, snoozedUntil: { 'linkedin:company/rival': NOON_MONDAY + MINUTE, instagram: NOON_MONDAY + HOUR } },
  }));

  it('snoozes one channel until the given moment', () => {
    expect(isSnoozed(rival, NOON_MONDAY, settings)).toBe(true);
    expect(isSnoozed(rival, NOON_MONDAY + MINUTE, settings)).toBe(false);
    expect(isSnoozed({ platform: 'linkedin', account: 'company/other' }, NOON_MONDAY, settings)).toBe(false);
    expect(focusStatus(rival, NOON_MONDAY, settings)).toEqual({ status: 'outside', afterHours: false, snoozed: true });
  });

  it('a platform snooze covers all its accounts', () => {
    expect(isSnoozed({ platform: 'instagram', account: 'someone' }, NOON_MONDAY, settings)).toBe(true);
    expect(isSnoozed({ platform: 'instagram', account: null }, NOON_MONDAY, settings)).toBe(true);
  });
});

describe('working hours', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('reads the wall clock of the working hours time zone, not the system one', () => {
    const berlin = hours();
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: a system zone far from Berlin
    expect(isWithinWorkingHours(at('2025-06-02T07:00:00Z'), berlin)).toBe(true); // 09:00 Berlin
    expect(isWithinWorkingHours(at('2025-06-02T06:59:59Z'), berlin)).toBe(false);
    expect(isWithinWorkingHours(at('2025-06-02T14:59:59Z'), berlin)).toBe(true);
    expect(isWithinWorkingHours(at('2025-06-02T15:00:00Z'), berlin)).toBe(false); // 17:00: end is exclusive
    process.env.TZ = 'America/Los_Angeles';
    expect(isWithinWorkingHours(at('2025-06-02T07:00:00Z'), berlin)).toBe(true);
  });

  it('the same instant is inside in one zone and outside in another', () => {
    const instant = at('2025-06-02T13:00:00Z'); // Monday 09:00 New York, 22:00 Tokyo
    expect(isWithinWorkingHours(instant, hours({ timeZone: 'America/New_York' }))).toBe(true);
    expect(isWithinWorkingHours(instant, hours({ timeZone: 'Asia/Tokyo' }))).toBe(false);
  });

  it('only on the chosen days', () => {
    expect(isWithinWorkingHours(at('2025-06-07T10:00:00Z'), hours())).toBe(false); // Saturday noon
    expect(isWithinWorkingHours(at('2025-06-07T10:00:00Z'), hours({ days: [6] }))).toBe(true);
  });

  it('an overnight window belongs to the day it starts on', () => {
    const night = hours({ days: [5], from: '22:00', to: '06:00', overnight: true, timeZone: 'America/New_York' });
    expect(isWithinWorkingHours(at('2025-06-07T01:59:00Z'), night)).toBe(false); // Fri 21:59
    expect(isWithinWorkingHours(at('2025-06-07T02:00:00Z'), night)).toBe(true); // Fri 22:00
    expect(isWithinWorkingHours(at('2025-06-07T07:00:00Z'), night)).toBe(true); // Sat 03:00
    expect(isWithinWorkingHours(at('2025-06-07T10:00:00Z'), night)).toBe(false); // Sat 06:00
    expect(isWithinWorkingHours(at('2025-06-08T02:30:00Z'), night)).toBe(false); // Sat 22:30: Saturday not chosen
    expect(isWithinWorkingHours(at('2025-06-02T07:00:00Z'), night)).toBe(false); // Mon 03:00: Sunday not chosen
  });

  it('gives the next boundary: the end when inside, the next start when outside, over the weekend', () => {
    const berlin = hours();
    expect(iso(nextWorkingHoursBoundary(NOON_MONDAY, berlin))).toBe('2025-06-02T15:00:00.000Z');
    expect(iso(nextWorkingHoursBoundary(at('2025-06-02T15:00:00Z'), berlin))).toBe('2025-06-03T07:00:00.000Z');
    expect(iso(nextWorkingHoursBoundary(at('2025-06-06T16:00:00Z'), berlin))).toBe('2025-06-09T07:00:00.000Z');
    expect(nextWorkingHoursBoundary(NOON_MONDAY, hours({ days: [] }))).toBeNull();
  });

  it('a boundary across midnight', () => {
    const night = hours({ days: [5], from: '22:00', to: '06:00', overnight: true, timeZone: 'America/New_York' });
    expect(iso(nextWorkingHoursBoundary(at('2025-06-07T02:00:00Z'), night))).toBe('2025-06-07T10:00:00.000Z');
    expect(iso(nextWorkingHoursBoundary(at('2025-06-07T10:00:00Z'), night))).toBe('2025-06-14T02:00:00.000Z');
  });

  it('keeps the local times across a DST change (Berlin, spring)', () => {
    // Friday 17:00 CET; Monday 09:00 is CEST after the change on Sunday.
    expect(iso(nextWorkingHoursBoundary(at('2025-03-28T16:00:00Z'), hours()))).toBe('2025-03-31T07:00:00.000Z');
  });

  it('a window edge in the skipped hour takes effect at the change', () => {
    const early = hours({ days: [0, 1, 2, 3, 4, 5, 6], from: '02:30', to: '04:00' });
    // 01:30 CET; at 01:00 UTC the clock jumps from 02:00 to 03:00, past 02:30.
    expect(iso(nextWorkingHoursBoundary(at('2025-03-30T00:30:00Z'), early))).toBe('2025-03-30T01:00:00.000Z');
    expect(iso(nextWorkingHoursBoundary(at('2025-03-30T01:00:00Z'), early))).toBe('2025-03-30T02:00:00.000Z');
  });

  it('a window edge in the repeated hour counts at each occurrence (Berlin, autumn)', () => {
    const early = hours({ days: [0, 1, 2, 3, 4, 5, 6], from: '02:30', to: '04:00' });
    const boundaries: string[] = [];
    let cursor = at('2025-10-26T00:00:00Z'); // 02:00 CEST
    for (let i = 0; i < 4; i += 1) {
      const next = nextWorkingHoursBoundary(cursor, early);
      if (next === null) break;
      boundaries.push(iso(next) ?? '');
      cursor = next;
    }
    // 02:30 CEST in, 02:00 CET (clock back) out, 02:30 CET in again, 04:00 CET out.
    expect(boundaries).toEqual([
      '2025-10-26T00:30:00.000Z', '2025-10-26T01:00:00.000Z', '2025-10-26T01:30:00.000Z', '2025-10-26T03:00:00.000Z',
    ]);
  });

  it('the boundary is the first change, in any zone and any window (property)', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Santiago', 'UTC'];
    const time = fc.integer({ min: 0, max: 24 * 60 - 1 });
    fc.assert(fc.property(
      fc.integer({ min: at('2025-01-01T00:00:00Z'), max: at('2026-01-01T00:00:00Z') }),
      fc.constantFrom(...zones),
      time, time,
      fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
      (after, timeZone, a, b, days) => {
        if (a === b) return;
        const text = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        const window = hours({ days, from: text(a), to: text(b), overnight: a > b, timeZone });
        const boundary = nextWorkingHoursBoundary(after, window);
        expect(boundary).not.toBeNull();
        if (boundary === null) return;
        const before = isWithinWorkingHours(after, window);
        expect(boundary).toBeGreaterThan(after);
        expect(isWithinWorkingHours(boundary, window)).not.toBe(before);
        expect(isWithinWorkingHours(Math.max(after, boundary - 1), window)).toBe(before);
        for (let step = 1; step < 40; step += 1) {
          const sample = after + Math.floor(((boundary - after) * step) / 40);
          expect(isWithinWorkingHours(sample, window)).toBe(before);
        }
      },
    ), { numRuns: 150 });
  });

  it('after-hours time is tracked and marked when the user tracks outside, not tracked otherwise', () => {
    const evening = at('2025-06-02T18:00:00Z'); // 20:00 Berlin
    const tracking = withActive(spec([{ platform: 'linkedin', accounts: null }], { workingHours: hours() }));
    expect(classify(acme, evening, tracking)).toEqual({ tracked: true, focus: 'in', afterHours: true, notTrackedReason: null });
    expect(classify(acme, NOON_MONDAY, tracking).afterHours).toBe(false);
    expect(focusStatus({ platform: 'x', account: null }, evening, tracking)).toEqual({ status: 'outside', afterHours: true, snoozed: false });
    const quiet = withActive(spec([{ platform: 'linkedin', accounts: null }], { workingHours: hours({ trackOutside: false }) }));
    expect(focusStatus(acme, evening, quiet)).toEqual({ status: 'not-tracked', reason: 'after-hours' });
    expect(nextClassificationChange(evening, quiet)).toBe(at('2025-06-03T07:00:00Z'));
  });

  it('the next change is the earlier of the pause end and the working hours boundary', () => {
    const settings = withActive(spec([], { workingHours: hours() }),
      (s) => ({ ...s, tracking: { ...s.tracking, pausedUntil: at('2025-06-02T16:00:00Z') } }));
    expect(nextClassificationChange(NOON_MONDAY, settings)).toBe(at('2025-06-02T15:00:00Z'));
    expect(nextClassificationChange(at('2025-06-02T15:30:00Z'), settings)).toBe(at('2025-06-02T16:00:00Z'));
  });

  it('wallClock gives local date, weekday and time', () => {
    expect(wallClock(at('2025-06-01T22:30:00Z'), 'Asia/Tokyo'))
      .toEqual({ year: 2025, month: 6, day: 2, weekday: 1, hour: 7, minute: 30, second: 0 });
  });
});

describe('budgets', () => {
  it('reports used and left, and counts reaching the budget as exceeded', () => {
    expect(budgetStatus(0, 30)).toEqual({ budgetMs: 30 * MINUTE, usedMs: 0, leftMs: 30 * MINUTE, exceeded: false, fraction: 0 });
    expect(budgetStatus(30 * MINUTE - 1, 30)?.exceeded).toBe(false);
    expect(budgetStatus(30 * MINUTE, 30)).toMatchObject({ leftMs: 0, exceeded: true, fraction: 1 });
    expect(budgetStatus(45 * MINUTE, 30)).toMatchObject({ leftMs: 0, exceeded: true, fraction: 1.5 });
  });

  it('has no status without a positive budget', () => {
    expect(budgetStatus(10 * MINUTE, null)).toBeNull();
    expect(budgetStatus(10 * MINUTE, 0)).toBeNull();
    expect(budgetStatus(10 * MINUTE, -5)).toBeNull();
  });

  it('treats negative or non-finite usage as none', () => {
    expect(budgetStatus(-5, 10)?.usedMs).toBe(0);
    expect(budgetStatus(Number.NaN, 10)?.usedMs).toBe(0);
  });

  const rows: UsageRow[] = [
    { channel: acme, inMs: 20 * MINUTE, outMs: 5 * MINUTE, noneMs: 0 },
    { channel: rival, inMs: 0, outMs: 10 * MINUTE, noneMs: 0 },
    { channel: linkedinFeed, inMs: 3 * MINUTE, outMs: 0, noneMs: 2 * MINUTE },
    { channel: { platform: 'tiktok', account: null }, inMs: 0, outMs: 30 * MINUTE, noneMs: 0 },
  ];
  const budgeted = spec([{ platform: 'linkedin', accounts: ['company/acme'] }], {
    budgets: { totalMinutes: 30, perChannel: { 'linkedin:company/acme': 25, linkedin: 60 } },
  });

  it('a platform key covers all its accounts, an account key only that account', () => {
    expect(usedForBudgetKey('linkedin', rows)).toBe(40 * MINUTE);
    expect(usedForBudgetKey('linkedin:company/acme', rows)).toBe(25 * MINUTE);
  });

  it('the panel shows the account budget, else the platform budget', () => {
    expect(budgetForChannel(acme, budgeted, rows)?.key).toBe('linkedin:company/acme');
    expect(budgetForChannel(rival, budgeted, rows)?.key).toBe('linkedin');
    expect(budgetForChannel({ platform: 'tiktok', account: null }, budgeted, rows)).toBeNull();
  });

  it('focus share is time in focus over time in and outside focus; null when there is none', () => {
    expect(focusShare(rows)).toBeCloseTo(23 / 68);
    expect(focusShare([])).toBeNull();
    expect(focusShare([{ channel: acme, inMs: 0, outMs: 0, noneMs: 20 * MINUTE }])).toBeNull();
    expect(focusShare([{ channel: acme, inMs: 10, outMs: 0, noneMs: 1000 }])).toBe(1);
  });
});

describe('isInSpecialization', () => {
  it('a custom entry never matches a channel without host, and custom never matches a built-in', () => {
    const custom = spec([{ platform: 'custom', accounts: ['forum.example.org'] }]);
    expect(isInSpecialization({ platform: 'custom', account: null }, custom)).toBe(false);
    expect(isInSpecialization({ platform: 'reddit', account: 'forum.example.org' }, custom)).toBe(false);
  });
});
