import { describe, expect, it } from 'vitest';
import { defaultWorkingHours, type WorkingHours } from '@/utils/settings';
import { firstWorkingWeekday, nextWeeklyReminder } from '@/utils/weekly-reminder';

const at = (iso: string) => Date.parse(iso);
const berlin = (overrides: Partial<WorkingHours> = {}): WorkingHours => ({ ...defaultWorkingHours('Europe/Berlin'), ...overrides });

describe('firstWorkingWeekday', () => {
  it('is the first working day counted from the week start', () => {
    expect(firstWorkingWeekday([1, 2, 3, 4, 5], 1)).toBe(1);
    expect(firstWorkingWeekday([1, 2, 3, 4, 5], 0)).toBe(1);
    expect(firstWorkingWeekday([0, 1, 2, 3, 4], 0)).toBe(0);
    expect(firstWorkingWeekday([0, 1, 2, 3, 4], 1)).toBe(1);
    expect(firstWorkingWeekday([6], 1)).toBe(6);
    expect(firstWorkingWeekday([], 1)).toBeNull();
  });
});

describe('nextWeeklyReminder', () => {
  it('is Monday at the start of working hours on their own wall clock', () => {
    // Wednesday 2 December 2026: next Monday is 7 December, 09:00 in Berlin = 08:00 UTC.
    expect(nextWeeklyReminder(at('2026-12-02T10:00:00Z'), berlin(), 1, 'UTC')).toBe(at('2026-12-07T08:00:00Z'));
  });

  it('is today when today is the first working day and the hours have not started', () => {
    expect(nextWeeklyReminder(at('2026-12-07T07:59:00Z'), berlin(), 1, 'UTC')).toBe(at('2026-12-07T08:00:00Z'));
    // At the very moment it is due, the next one is a week later.
    expect(nextWeeklyReminder(at('2026-12-07T08:00:00Z'), berlin(), 1, 'UTC')).toBe(at('2026-12-14T08:00:00Z'));
  });

  it('follows the working hours: a Sunday-to-Thursday team in a Sunday-first week hears on Sunday', () => {
    const hours = berlin({ days: [0, 1, 2, 3, 4], from: '08:30', timeZone: 'Asia/Dubai' });
    // Sunday 6 December 2026, 08:30 in Dubai (UTC+4) = 04:30 UTC.
    expect(nextWeeklyReminder(at('2026-12-02T10:00:00Z'), hours, 0, 'UTC')).toBe(at('2026-12-06T04:30:00Z'));
    // The same team in a Monday-first locale: Monday comes first in its week.
    expect(nextWeeklyReminder(at('2026-12-02T10:00:00Z'), hours, 1, 'UTC')).toBe(at('2026-12-07T04:30:00Z'));
  });

  it('uses the default hours (Monday, 9:00) in the browser zone without working hours', () => {
    expect(nextWeeklyReminder(at('2026-12-02T10:00:00Z'), null, 0, 'America/New_York')).toBe(at('2026-12-07T14:00:00Z'));
  });

  it('keeps 9:00 local across a daylight-saving change', () => {
    // Europe moves to summer time on Sunday 29 March 2026: Monday 30 March, 09:00 CEST = 07:00 UTC.
    expect(nextWeeklyReminder(at('2026-03-27T12:00:00Z'), berlin(), 1, 'UTC')).toBe(at('2026-03-30T07:00:00Z'));
  });

  it('takes the hour after a start that falls into a DST gap', () => {
    const hours = berlin({ days: [0], from: '02:30' });
    // Sunday 29 March 2026 02:30 does not exist in Berlin; 03:30 CEST = 01:30 UTC.
    expect(nextWeeklyReminder(at('2026-03-27T12:00:00Z'), hours, 0, 'UTC')).toBe(at('2026-03-29T01:30:00Z'));
  });

  it('is never when no day is a working day', () => {
    expect(nextWeeklyReminder(at('2026-12-02T10:00:00Z'), berlin({ days: [] }), 1, 'UTC')).toBeNull();
  });
});
