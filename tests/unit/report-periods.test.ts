import { describe, expect, it } from 'vitest';
import {
  MAX_REPORT_DAYS, presetRange, previousPeriod, rangeLength, validateRange, weekStartOf,
} from '@/utils/report/periods';
import { readReportQuery, reportSearch } from '@/utils/report/url';

describe('weekStartOf', () => {
  it('follows the locale: Sunday in the US, Monday in Germany and Britain, Saturday in Egypt', () => {
    expect(weekStartOf('en-US')).toBe(0);
    expect(weekStartOf('de-DE')).toBe(1);
    expect(weekStartOf('en-GB')).toBe(1);
    expect(weekStartOf('ar-EG')).toBe(6);
    expect(weekStartOf('ja-JP')).toBe(0);
  });

  it('falls back to Monday for a tag Intl refuses', () => {
    expect(weekStartOf('not a locale!')).toBe(1);
  });
});

describe('presetRange', () => {
  // 2025-06-04 is a Wednesday.
  it('gives this week up to today, from the locale’s first day', () => {
    expect(presetRange('this-week', '2025-06-04', 1)).toEqual({ from: '2025-06-02', to: '2025-06-04' });
    expect(presetRange('this-week', '2025-06-04', 0)).toEqual({ from: '2025-06-01', to: '2025-06-04' });
    expect(presetRange('this-week', '2025-06-04', 6)).toEqual({ from: '2025-05-31', to: '2025-06-04' });
  });

  it('gives last week as seven whole days, across a month and a year boundary', () => {
    expect(presetRange('last-week', '2025-06-04', 1)).toEqual({ from: '2025-05-26', to: '2025-06-01' });
    expect(presetRange('last-week', '2025-06-04', 0)).toEqual({ from: '2025-05-25', to: '2025-05-31' });
    // Friday 2 January 2026: the week before began in 2025.
    expect(presetRange('last-week', '2026-01-02', 1)).toEqual({ from: '2025-12-22', to: '2025-12-28' });
    expect(presetRange('this-week', '2026-01-02', 1)).toEqual({ from: '2025-12-29', to: '2026-01-02' });
  });

  it('gives this month up to today and last month whole, February and January included', () => {
    expect(presetRange('this-month', '2025-06-04', 1)).toEqual({ from: '2025-06-01', to: '2025-06-04' });
    expect(presetRange('last-month', '2025-06-04', 1)).toEqual({ from: '2025-05-01', to: '2025-05-31' });
    expect(presetRange('last-month', '2024-03-15', 1)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetRange('last-month', '2026-01-10', 1)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('this-month', '2026-01-01', 1)).toEqual({ from: '2026-01-01', to: '2026-01-01' });
  });
});

describe('validateRange', () => {
  it('accepts a range of one day up to a year with a leap day', () => {
    expect(validateRange('2025-06-04', '2025-06-04')).toBeNull();
    expect(validateRange('2024-01-01', '2024-12-31')).toBeNull();
    expect(rangeLength({ from: '2024-01-01', to: '2024-12-31' })).toBe(MAX_REPORT_DAYS);
  });

  it('names what is wrong', () => {
    expect(validateRange('', '2025-06-04')).toBe('range-invalid');
    expect(validateRange('2025-02-30', '2025-03-04')).toBe('range-invalid');
    expect(validateRange('2025-06-04', '04.06.2025')).toBe('range-invalid');
    expect(validateRange('2025-06-05', '2025-06-04')).toBe('range-ends-before-start');
    expect(validateRange('2024-01-01', '2025-01-01')).toBe('range-too-long');
  });
});

describe('previousPeriod', () => {
  it('takes the same number of days right before', () => {
    expect(previousPeriod({ from: '2025-06-10', to: '2025-06-29' })).toEqual({ from: '2025-05-21', to: '2025-06-09' });
    // 365 days before a year that follows a leap year start on 2 January.
    expect(previousPeriod({ from: '2025-01-01', to: '2025-12-31' })).toEqual({ from: '2024-01-02', to: '2024-12-31' });
  });

  it('compares a week, or part of one, with the same weekdays a week earlier', () => {
    expect(previousPeriod({ from: '2025-05-26', to: '2025-06-01' })).toEqual({ from: '2025-05-19', to: '2025-05-25' });
    expect(previousPeriod({ from: '2025-06-02', to: '2025-06-04' })).toEqual({ from: '2025-05-26', to: '2025-05-28' });
    expect(previousPeriod({ from: '2026-01-01', to: '2026-01-02' })).toEqual({ from: '2025-12-25', to: '2025-12-26' });
  });

  it('compares a month with the month before, and a month so far with the same days before', () => {
    expect(previousPeriod({ from: '2025-05-01', to: '2025-05-31' })).toEqual({ from: '2025-04-01', to: '2025-04-30' });
    expect(previousPeriod({ from: '2025-03-01', to: '2025-03-31' })).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(previousPeriod({ from: '2025-01-01', to: '2025-01-31' })).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    expect(previousPeriod({ from: '2025-03-01', to: '2025-03-30' })).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(previousPeriod({ from: '2025-06-01', to: '2025-06-20' })).toEqual({ from: '2025-05-01', to: '2025-05-20' });
  });
});

describe('report address', () => {
  it('reads a preset or a custom range, and writes them back', () => {
    expect(readReportQuery('?range=last-week')).toEqual({ choice: 'last-week', custom: null });
    expect(readReportQuery('?from=2025-05-01&to=2025-05-31')).toEqual({ choice: 'custom', custom: { from: '2025-05-01', to: '2025-05-31' } });
    expect(readReportQuery('?range=yesterday')).toEqual({ choice: 'this-week', custom: null });
    expect(readReportQuery('')).toEqual({ choice: 'this-week', custom: null });
    expect(reportSearch('last-month', { from: '2025-05-01', to: '2025-05-31' })).toBe('?range=last-month');
    expect(reportSearch('custom', { from: '2025-05-01', to: '2025-05-31' })).toBe('?from=2025-05-01&to=2025-05-31');
  });
});
