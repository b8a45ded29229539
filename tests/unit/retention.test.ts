import { describe, expect, it } from 'vitest';
import type { UsageHistory } from '@/utils/backup';
import { addDays } from '@/utils/dashboard';
import { MAX_RETENTION_DAYS_PER_RUN, planRetention } from '@/utils/retention';
import type { TotalsByDate } from '@/utils/tracking/totals';

const MIN = 60_000;

/** `count` consecutive dates from `first`, each with a minute on `channel`. */
function days(first: string, count: number, channel = 'linkedin'): TotalsByDate {
  return Object.fromEntries(Array.from({ length: count }, (_, index) => [addDays(first, index), { [channel]: [MIN, 0, 0, 0] }]));
}

describe('planRetention', () => {
  it('drops old days of own and imported time alike, and sources left empty', () => {
    const history: UsageHistory = {
      own: { ...days('2026-04-28', 7), '2026-05-02': { xing: [MIN, 0, 0, 0] } },
      imported: { laptop: days('2026-04-25', 4, 'x:acme'), phone: days('2026-04-30', 3, 'xing') },
    };
    const plan = planRetention({ history, today: '2026-05-04', keepDays: 3 });
    expect(plan).toEqual({
      kind: 'delete',
      history: {
        own: { '2026-05-02': { xing: [MIN, 0, 0, 0] }, '2026-05-03': { linkedin: [MIN, 0, 0, 0] }, '2026-05-04': { linkedin: [MIN, 0, 0, 0] } },
        imported: { phone: { '2026-05-02': { xing: [MIN, 0, 0, 0] } } },
      },
      dates: ['2026-04-25', '2026-04-26', '2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30', '2026-05-01'],
    });
  });

  it('has nothing to do when retention keeps everything, or every day is recent', () => {
    const history: UsageHistory = { own: days('2026-05-01', 4), imported: { laptop: days('2026-05-02', 2) } };
    expect(planRetention({ history, today: '2026-05-04', keepDays: null })).toEqual({ kind: 'nothing' });
    expect(planRetention({ history, today: '2026-05-04', keepDays: 4 })).toEqual({ kind: 'nothing' });
    expect(planRetention({ history: { own: {}, imported: {} }, today: '2026-05-04', keepDays: 1 })).toEqual({ kind: 'nothing' });
  });

  it('judges nothing old against a today that is not a date', () => {
    const history: UsageHistory = { own: days('2026-03-01', 10), imported: {} };
    for (const today of ['2026-05-32', '2026-02-30', 'today']) {
      expect(planRetention({ history, today, keepDays: 1 })).toEqual({ kind: 'nothing' });
    }
  });

  it('refuses when the clock jumped years ahead and would delete the whole history', () => {
    const history: UsageHistory = { own: days('2026-03-01', 60), imported: { laptop: days('2026-04-01', 20) } };
    expect(planRetention({ history, today: '2031-05-04', keepDays: 30 })).toEqual({
      kind: 'refused', reason: 'too-many-days', count: 60, newestDay: '2026-04-29',
    });
  });

  it('refuses when the newest day lies after tomorrow (the clock went back), even when confirmed', () => {
    const history: UsageHistory = { own: days('2026-04-01', 10), imported: { laptop: days('2026-05-06', 1) } };
    for (const confirmed of [false, true]) {
      expect(planRetention({ history, today: '2026-05-04', keepDays: 7, confirmed })).toEqual({
        kind: 'refused', reason: 'future-days', newestDay: '2026-05-06', count: 10,
      });
    }
  });

  it('accepts a newest day of tomorrow (a browser a time zone ahead)', () => {
    const history: UsageHistory = { own: days('2026-04-01', 10), imported: { laptop: days('2026-05-05', 1) } };
    const plan = planRetention({ history, today: '2026-05-04', keepDays: 7 });
    expect(plan.kind === 'delete' && plan.dates).toEqual(Object.keys(days('2026-04-01', 10)));
  });

  it('deletes up to 30 distinct days a run, own and imported dates counted once', () => {
    expect(MAX_RETENTION_DAYS_PER_RUN).toBe(30);
    const thirty: UsageHistory = { own: days('2026-03-01', 30), imported: { laptop: days('2026-03-01', 30, 'xing') } };
    const plan = planRetention({ history: thirty, today: '2026-05-04', keepDays: 7 });
    expect(plan.kind === 'delete' && plan.dates.length).toBe(30);
    expect(plan.kind === 'delete' && plan.history).toEqual({ own: {}, imported: {} });

    const thirtyOne: UsageHistory = { own: thirty.own, imported: { laptop: days('2026-02-28', 31, 'xing') } };
    expect(planRetention({ history: thirtyOne, today: '2026-05-04', keepDays: 7 })).toEqual({
      kind: 'refused', reason: 'too-many-days', count: 31, newestDay: '2026-03-30',
    });
  });

  it('deletes more than 30 days once the user confirmed', () => {
    const history: UsageHistory = { own: { ...days('2026-01-01', 90), ...days('2026-05-01', 4) }, imported: {} };
    const plan = planRetention({ history, today: '2026-05-04', keepDays: 4, confirmed: true });
    expect(plan.kind).toBe('delete');
    expect(plan.kind === 'delete' && plan.dates.length).toBe(90);
    expect(plan.kind === 'delete' && plan.history.own).toEqual(days('2026-05-01', 4));
  });
});
