import { i18n } from '#i18n';
import { calendarDateMs, formatDuration, formatPercent } from '@/utils/format';
import type { Change, Figures } from '@/utils/report/build';
import type { DateRange } from '@/utils/report/periods';

/** Figures of the report as text, in the page's locale (durations from utils/format.ts). */

function safe<T>(make: (locale: string) => T, locale: string): T {
  try {
    return make(locale);
  } catch {
    return make('en'); // a tag Intl refuses: English rather than a blank report
  }
}

/** `Jun 2 – 8, 2025` / `2.–8. Juni 2025`: one range, the year once. */
export function rangeText(range: DateRange, locale: string): string {
  const from = calendarDateMs(range.from);
  const to = calendarDateMs(range.to);
  if (from === null || to === null) return `${range.from} – ${range.to}`;
  const format = safe((tag) => new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }), locale);
  return from === to ? format.format(from) : format.formatRange(from, to);
}

export const duration = formatDuration;

export function share(figures: Pick<Figures, 'focusShare'>, locale: string): string {
  return figures.focusShare === null ? i18n.t('report.notMeasured') : formatPercent(figures.focusShare, locale);
}

/** `+1 h 05 min (+12%)`, `−30 min (−8%)`, `no change`; `+2 h, nothing before` without a base. */
export function changeText(change: Change, locale: string): string {
  if (change.deltaMs === 0) return i18n.t('report.summary.noChange');
  // U+2212 minus: the sign reads as one, and a screen reader says "minus".
  const amount = `${change.deltaMs > 0 ? '+' : '\u2212'}${formatDuration(Math.abs(change.deltaMs), locale)}`;
  if (change.ratio === null) return i18n.t('report.summary.newTime', [amount]);
  const percent = safe((tag) => new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' }), locale)
    .format(change.ratio).replace('-', '\u2212');
  return `${amount} (${percent})`;
}
