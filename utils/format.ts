/**
 * Locale-aware formatting of durations, shares and dates with Intl, except where our own
 * languages write a small whole number exactly as Intl would (below). Pure: the locale and time
 * zone are arguments, never read from the environment.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

type DurationUnit = 'hour' | 'minute' | 'second';

/**
 * The abbreviations our own languages use on screen. Intl's short units read `1 hr` in English;
 * the product writes `1 h 05 min`, so English and German come from this table and every other
 * language from Intl's short unit names.
 */
const UNIT_WORDS: Record<string, Record<DurationUnit, string>> = {
  en: { hour: 'h', minute: 'min', second: 's' },
  de: { hour: 'Std.', minute: 'Min.', second: 'Sek.' },
};

/**
 * Plain tags of our own languages, which write whole numbers below 1000 in Latin digits with no
 * grouping: those are written here without Intl. A page's first Intl format loads locale data
 * (about 20 ms in a content script), on the way to the panel's first paint.
 */
const PLAIN_DIGITS = /^(?:en|de)(?:-(?:[A-Za-z]{2}|\d{3}))?$/;

/** Where the percent sign goes, for the locales whose pattern tests/unit/format.test.ts checks against Intl. */
const PERCENT_SIGN: Record<string, string> = {
  en: '%', 'en-US': '%', 'en-GB': '%', de: '\u00a0%', 'de-DE': '\u00a0%', 'de-AT': '\u00a0%',
};

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const cacheKey = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(safeLocale(locale), options);
    numberFormats.set(cacheKey, format);
  }
  return format;
}

/** A locale tag Intl accepts: an invalid tag falls back to English rather than throwing in a view. */
function safeLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

function language(locale: string): string {
  if (PLAIN_DIGITS.test(locale)) return locale.slice(0, 2).toLowerCase();
  return safeLocale(locale).split('-')[0]?.toLowerCase() ?? 'en';
}

/** A whole number as `locale` writes it, `pad` to two digits. */
function wholeNumber(value: number, locale: string, pad: boolean): string {
  if (PLAIN_DIGITS.test(locale) && Number.isInteger(value) && value >= 0 && value < 1000) {
    return pad ? String(value).padStart(2, '0') : String(value);
  }
  return numberFormat(locale, { minimumIntegerDigits: pad ? 2 : 1, maximumFractionDigits: 0 }).format(value);
}

function unitPart(value: number, unit: DurationUnit, locale: string, pad: boolean): string {
  const digits = wholeNumber(value, locale, pad);
  const words = UNIT_WORDS[language(locale)];
  if (words) return `${digits}\u00a0${words[unit]}`;
  if (!pad) return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  // Intl cannot pad a unit value: swap the padded digits into its formatted parts.
  return numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' })
    .formatToParts(value)
    .map((part) => (part.type === 'integer' ? digits : part.value))
    .join('');
}

function wholeMs(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? Math.floor(ms) : 0;
}

/**
 * A duration as people read it: `1 h 05 min` / `1 Std. 05 Min.`, `42 s` / `42 Sek.` under a
 * minute, `0 min` for nothing. Rounds down, so a budget never reads as used up before it is.
 */
export function formatDuration(ms: number, locale: string): string {
  const total = wholeMs(ms);
  if (total === 0) return unitPart(0, 'minute', locale, false);
  if (total < MINUTE) return unitPart(Math.floor(total / SECOND), 'second', locale, false);
  const hours = Math.floor(total / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  if (hours === 0) return unitPart(minutes, 'minute', locale, false);
  return `${unitPart(hours, 'hour', locale, false)} ${unitPart(minutes, 'minute', locale, true)}`;
}

/** A round duration for chart axes: `2 h`, `30 min`, `1 h 30 min` (no padded zero minutes). */
export function formatAxisDuration(ms: number, locale: string): string {
  const total = wholeMs(ms);
  const hours = Math.floor(total / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  if (hours === 0) return unitPart(minutes, 'minute', locale, false);
  if (minutes === 0) return unitPart(hours, 'hour', locale, false);
  return `${unitPart(hours, 'hour', locale, false)} ${unitPart(minutes, 'minute', locale, false)}`;
}

/** A share from 0 to 1 as a whole percentage: `73%` / `73 %`. */
export function formatPercent(share: number, locale: string): string {
  const value = Number.isFinite(share) ? share : 0;
  const sign = PERCENT_SIGN[locale];
  // Rounded as Intl rounds: half away from zero, on the decimal the number prints as.
  const percent = Math.round(Number((value * 100).toPrecision(15)));
  if (sign && percent >= 0 && percent < 1000) return `${percent}${sign}`;
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC midnight of a `YYYY-MM-DD` calendar date, or null when it is not one. */
/** A size in storage: `812 B`, `4.2 kB`, `1.35 MB` (decimal units, like the browsers' quotas). */
export function formatBytes(bytes: number, locale: string): string {
  const value = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  const [amount, unit] = value < 1000 ? [value, 'byte'] : value < 1e6 ? [value / 1000, 'kilobyte'] : [value / 1e6, 'megabyte'];
  const digits = unit === 'byte' ? 0 : amount < 10 ? 2 : 1;
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits }).format(amount);
}

export function calendarDateMs(date: string): number | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms : null;
}

export type DateStyle = 'long' | 'medium' | 'short' | 'weekday' | 'day-month' | 'weekday-day';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' },
  medium: { weekday: 'short', month: 'short', day: 'numeric' },
  short: { year: 'numeric', month: '2-digit', day: '2-digit' },
  weekday: { weekday: 'short' },
  'day-month': { month: 'numeric', day: 'numeric' },
  'weekday-day': { weekday: 'short', day: 'numeric' },
};

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = dateFormats.get(cacheKey);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(safeLocale(locale), { ...options, timeZone });
    } catch {
      // A zone this engine does not know: UTC rather than a broken view.
      format = new Intl.DateTimeFormat(safeLocale(locale), { ...options, timeZone: 'UTC' });
    }
    dateFormats.set(cacheKey, format);
  }
  return format;
}

/**
 * A date in the user's locale. A `YYYY-MM-DD` string is a calendar date (a day of the history,
 * already local to the user) and reads the same in every zone; a number is an instant, shown on
 * the wall clock of `timeZone`.
 */
export function formatDate(date: string | number, locale: string, timeZone: string, style: DateStyle = 'medium'): string {
  if (typeof date === 'string') {
    const ms = calendarDateMs(date);
    if (ms === null) return date;
    return dateFormat(locale, 'UTC', DATE_OPTIONS[style]).format(ms);
  }
  return dateFormat(locale, timeZone, DATE_OPTIONS[style]).format(date);
}

/** The time of day of an instant on the wall clock of `timeZone`: `2:30 PM` / `14:30`. */
export function formatTime(at: number, locale: string, timeZone: string): string {
  return dateFormat(locale, timeZone, { hour: 'numeric', minute: '2-digit' }).format(at);
}
