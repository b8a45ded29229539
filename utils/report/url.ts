import { isRangePreset, type DateRange, type RangeChoice, type RangePreset } from './periods';

/**
 * The report's address: `report.html?range=last-week` (the weekly reminder opens that) or
 * `report.html?from=YYYY-MM-DD&to=YYYY-MM-DD`. The page writes the range it shows back, so a
 * reload or a bookmark shows the same period.
 */

export interface ReportQuery {
  choice: RangeChoice;
  /** The custom range as typed (it may not be valid: the page says why); null for a preset. */
  custom: DateRange | null;
}

export const DEFAULT_CHOICE: RangePreset = 'this-week';

/** What the address asks for; an unknown preset or a half range falls back to the default. */
export function readReportQuery(search: string): ReportQuery {
  const params = new URLSearchParams(search);
  const range = params.get('range');
  if (isRangePreset(range)) return { choice: range, custom: null };
  const from = params.get('from');
  const to = params.get('to');
  if (from !== null && to !== null) return { choice: 'custom', custom: { from, to } };
  return { choice: DEFAULT_CHOICE, custom: null };
}

/** The search part for a choice: `?range=<preset>`, or `?from=..&to=..` for a custom range. */
export function reportSearch(choice: RangeChoice, range: DateRange): string {
  const params = choice === 'custom' ? new URLSearchParams({ from: range.from, to: range.to }) : new URLSearchParams({ range: choice });
  return `?${params.toString()}`;
}
