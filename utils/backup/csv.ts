import { csvDocument } from '@/utils/csv';
import { compareRows, rowMilliseconds, toSeconds, type ExportRow } from './format';

const CSV_HEADER = ['date', 'platform', 'account', 'seconds', 'focus'] as const;

/**
 * The usage rows as CSV (see utils/csv.ts for quoting, BOM and locales): one line per date,
 * channel and focus, the rows of several sources added up, in export order. Lines that round
 * to 0 seconds are left out: a spreadsheet reader has no use for them.
 */
export function buildCsv(rows: readonly ExportRow[]): string {
  const lines = new Map<string, ExportRow & { milliseconds: number }>();
  for (const row of rows) {
    const id = JSON.stringify([row.date, row.platform, row.account, row.focus]);
    const line = lines.get(id);
    if (line) line.milliseconds += rowMilliseconds(row);
    else {
      lines.set(id, {
        date: row.date, platform: row.platform, account: row.account, focus: row.focus,
        seconds: 0, milliseconds: rowMilliseconds(row),
      });
    }
  }
  const sorted = [...lines.values()].sort(compareRows);
  return csvDocument(CSV_HEADER, sorted
    .map((line) => ({ ...line, seconds: toSeconds(line.milliseconds) }))
    .filter((line) => line.seconds > 0)
    .map((line) => [line.date, line.platform, line.account, line.seconds, line.focus]));
}
