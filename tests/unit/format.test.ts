import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calendarDateMs, formatAxisDuration, formatBytes, formatDate, formatDuration, formatPercent, formatTime } from '@/utils/format';

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;

/** Intl and our units use no-break spaces; the tests read them as spaces. */
function plain(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('formatDuration', () => {
  it('writes English as 1 h 05 min', () => {
    expect(plain(formatDuration(0, 'en'))).toBe('0 min');
    expect(plain(formatDuration(999, 'en'))).toBe('0 s');
    expect(plain(formatDuration(42 * SEC, 'en'))).toBe('42 s');
    expect(plain(formatDuration(MIN - 1, 'en'))).toBe('59 s');
    expect(plain(formatDuration(MIN, 'en-US'))).toBe('1 min');
    expect(plain(formatDuration(59 * MIN + 59 * SEC, 'en'))).toBe('59 min');
    expect(plain(formatDuration(HOUR + 5 * MIN + 30 * SEC, 'en-GB'))).toBe('1 h 05 min');
    expect(plain(formatDuration(2 * HOUR, 'en'))).toBe('2 h 00 min');
    expect(plain(formatDuration(1234 * HOUR + 10 * MIN, 'en'))).toBe('1,234 h 10 min');
  });

  it('writes German as 1 Std. 05 Min.', () => {
    expect(plain(formatDuration(0, 'de'))).toBe('0 Min.');
    expect(plain(formatDuration(42 * SEC, 'de-DE'))).toBe('42 Sek.');
    expect(plain(formatDuration(7 * MIN, 'de'))).toBe('7 Min.');
    expect(plain(formatDuration(HOUR + 5 * MIN, 'de-AT'))).toBe('1 Std. 05 Min.');
    expect(plain(formatDuration(1234 * HOUR, 'de'))).toBe('1.234 Std. 00 Min.');
  });

  it('keeps number and unit together', () => {
    expect(formatDuration(HOUR + 5 * MIN, 'en')).toBe('1\u00a0h 05\u00a0min');
  });

  it('reads nonsense as no time', () => {
    expect(plain(formatDuration(-5 * MIN, 'en'))).toBe('0 min');
    expect(plain(formatDuration(Number.NaN, 'de'))).toBe('0 Min.');
  });

  it('uses Intl units for other languages, with padded minutes', () => {
    const french = plain(formatDuration(HOUR + 5 * MIN, 'fr'));
    expect(french).toMatch(/^1 h 05 min$/);
    expect(plain(formatDuration(HOUR + 5 * MIN, 'xx-invalid-@@'))).toBe('1 h 05 min');
  });
});

describe('formatAxisDuration', () => {
  it('drops zero minutes and never pads', () => {
    expect(plain(formatAxisDuration(0, 'en'))).toBe('0 min');
    expect(plain(formatAxisDuration(30 * MIN, 'en'))).toBe('30 min');
    expect(plain(formatAxisDuration(2 * HOUR, 'en'))).toBe('2 h');
    expect(plain(formatAxisDuration(90 * MIN, 'de'))).toBe('1 Std. 30 Min.');
    expect(plain(formatAxisDuration(HOUR + 5 * MIN, 'en'))).toBe('1 h 5 min');
  });
});

describe('formatPercent', () => {
  it('gives whole percentages in the locale', () => {
    expect(formatPercent(0.734, 'en')).toBe('73%');
    expect(plain(formatPercent(0.736, 'de'))).toBe('74 %');
    expect(formatPercent(0, 'en')).toBe('0%');
    expect(formatPercent(1, 'en')).toBe('100%');
    expect(formatPercent(Number.NaN, 'en')).toBe('0%');
  });
});

describe('numbers written without Intl', () => {
  // The panel writes English and German figures itself (Intl's first use costs its first paint
  // about 20 ms): each must read exactly as Intl writes it.
  const ourLocales = ['en', 'en-US', 'en-GB', 'en-IN', 'en-CH', 'en-150', 'de', 'de-DE', 'de-AT', 'de-CH', 'de-LI'];

  it('writes durations as Intl would, padded minutes included', () => {
    fc.assert(fc.property(fc.constantFrom(...ourLocales), fc.integer({ min: 0, max: 2000 * HOUR }), (locale, ms) => {
      const reference = (value: number, pad: boolean) =>
        plain(new Intl.NumberFormat(locale, { minimumIntegerDigits: pad ? 2 : 1, maximumFractionDigits: 0 }).format(value)).replace(/[.,']/g, '\\$&');
      const hours = Math.floor(ms / HOUR);
      const minutes = Math.floor((ms % HOUR) / MIN);
      const text = plain(formatDuration(ms, locale));
      if (hours > 0) expect(text).toMatch(new RegExp(`^${reference(hours, false)} \\S+ ${reference(minutes, true)} \\S+$`));
      else if (ms >= MIN) expect(text).toMatch(new RegExp(`^${reference(minutes, false)} \\S+$`));
      else expect(text).toMatch(new RegExp(`^${reference(ms > 0 ? Math.floor(ms / SEC) : 0, false)} \\S+$`));
    }));
  });

  it('writes shares as Intl would, rounding halves the same way', () => {
    const shares = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000 + 0.005));
    fc.assert(fc.property(fc.constantFrom(...ourLocales, 'fr', 'ar-EG'), shares, (locale, share) => {
      expect(formatPercent(share, locale)).toBe(new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share));
    }));
  });

  it('leaves locales with other digits to Intl', () => {
    expect(formatDuration(HOUR + 5 * MIN, 'en-u-nu-arab')).toBe(`${new Intl.NumberFormat('en-u-nu-arab').format(1)}\u00a0h ${new Intl.NumberFormat('en-u-nu-arab', { minimumIntegerDigits: 2 }).format(5)}\u00a0min`);
  });
});

describe('formatDate', () => {
  it('shows a calendar date as the same day in every time zone', () => {
    for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      expect(formatDate('2025-03-30', 'en-US', zone, 'long')).toBe('Sunday, March 30, 2025');
      expect(formatDate('2025-03-30', 'de-DE', zone, 'long')).toBe('Sonntag, 30. März 2025');
    }
    expect(formatDate('2025-06-02', 'de', 'UTC', 'day-month')).toBe('2.6.');
    expect(formatDate('2025-06-02', 'en-US', 'UTC', 'day-month')).toBe('6/2');
    expect(formatDate('2025-06-02', 'en-US', 'UTC', 'weekday')).toBe('Mon');
    expect(formatDate('2025-06-02', 'de', 'UTC', 'weekday')).toBe('Mo');
  });

  it('shows an instant on the wall clock of the time zone', () => {
    const instant = Date.UTC(2025, 0, 1, 23, 30);
    expect(formatDate(instant, 'en-US', 'Europe/Berlin', 'short')).toBe('01/02/2025');
    expect(formatDate(instant, 'en-US', 'America/New_York', 'short')).toBe('01/01/2025');
    expect(formatDate(instant, 'de-DE', 'Europe/Berlin', 'short')).toBe('02.01.2025');
  });

  it('leaves a string that is no date as it is and survives an unknown zone', () => {
    expect(formatDate('2025-02-30', 'en', 'UTC')).toBe('2025-02-30');
    expect(formatDate(Date.UTC(2025, 0, 1, 12), 'en-US', 'Mars/Olympus', 'short')).toBe('01/01/2025');
  });
});

describe('formatTime', () => {
  it('writes the time of day in the locale and zone', () => {
    const instant = Date.UTC(2025, 5, 1, 12, 30);
    expect(plain(formatTime(instant, 'en-US', 'Europe/Berlin'))).toBe('2:30 PM');
    expect(formatTime(instant, 'de-DE', 'Europe/Berlin')).toBe('14:30');
    expect(formatTime(instant, 'de-DE', 'America/New_York')).toBe('8:30');
  });
});

describe('calendarDateMs', () => {
  it('accepts real dates only', () => {
    expect(calendarDateMs('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(calendarDateMs('2023-02-29')).toBeNull();
    expect(calendarDateMs('2023-2-1')).toBeNull();
  });
});

describe('formatBytes', () => {
  it('writes sizes in decimal units, as the browsers count their quotas', () => {
    expect(formatBytes(812, 'en')).toBe('812 byte');
    expect(formatBytes(4_217, 'en')).toBe('4.22 kB');
    expect(formatBytes(587_552, 'en')).toBe('587.6 kB');
    expect(formatBytes(2_937_771, 'en')).toBe('2.94 MB');
    expect(formatBytes(2_937_771, 'de')).toBe('2,94 MB');
    expect(formatBytes(-1, 'en')).toBe('0 byte');
  });
});
