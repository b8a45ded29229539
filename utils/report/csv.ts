import { compareText, toSeconds } from '@/utils/backup/format';
import { parseChannelKey } from '@/utils/channels';
import { clientOf } from '@/utils/clients/membership';
import { csvDocument, type CsvValue } from '@/utils/csv';
import type { Settings } from '@/utils/settings';
import { NO_CLIENT, type ReportSource } from './build';
import { rangeDates, type DateRange } from './periods';

/**
 * A client's time as CSV for billing: one line per date and channel, all sources added up. The
 * conventions are the export's (utils/backup/csv.ts, utils/csv.ts): lower-case English header
 * names, whole seconds rounded half up, the platform id and the raw account (empty for none),
 * comma separator, BOM and CRLF, formula guard.
 *
 * `total_seconds` is the sum of the three rounded statuses, so every line adds up in a
 * spreadsheet; after hours is a part of that total, not a fourth status.
 */
export const CLIENT_CSV_HEADER = [
  'date', 'platform', 'account', 'in_focus_seconds', 'outside_seconds', 'none_seconds', 'after_hours_seconds', 'total_seconds',
] as const;

function ms(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** `clientKey` is a client's id or NO_CLIENT. Lines without time are left out. */
export function clientCsv(
  sources: readonly ReportSource[], settings: Pick<Settings, 'clients'>, range: DateRange, clientKey: string,
): string {
  const clientCache = new Map<string, boolean>();
  const belongs = (key: string): boolean => {
    let yes = clientCache.get(key);
    if (yes === undefined) {
      const channel = parseChannelKey(key);
      yes = ((channel ? clientOf(settings, channel)?.id : undefined) ?? NO_CLIENT) === clientKey;
      clientCache.set(key, yes);
    }
    return yes;
  };
  const lines = new Map<string, { date: string; platform: string; account: string | null; ms: [number, number, number, number] }>();
  for (const date of rangeDates(range)) {
    for (const source of sources) {
      const day = Object.hasOwn(source.days, date) ? source.days[date] : undefined;
      if (!day) continue;
      for (const [key, totals] of Object.entries(day)) {
        if (!belongs(key)) continue;
        const id = `${date}\n${key}`;
        let line = lines.get(id);
        if (!line) {
          const colon = key.indexOf(':');
          line = {
            date, platform: colon === -1 ? key : key.slice(0, colon), account: colon === -1 ? null : key.slice(colon + 1),
            ms: [0, 0, 0, 0],
          };
          lines.set(id, line);
        }
        line.ms = line.ms.map((sum, i) => sum + ms(totals[i])) as typeof line.ms;
      }
    }
  }
  const rows: CsvValue[][] = [...lines.values()]
    .sort((a, b) => compareText(a.date, b.date) || compareText(a.platform, b.platform)
      || (a.account === b.account ? 0 : a.account === null ? -1 : b.account === null ? 1 : compareText(a.account, b.account)))
    .map((line) => {
      const [inS, outS, noneS, afterS] = line.ms.map(toSeconds) as [number, number, number, number];
      return [line.date, line.platform, line.account, inS, outS, noneS, afterS, inS + outS + noneS];
    })
    .filter((row) => row[7] !== 0);
  return csvDocument(CLIENT_CSV_HEADER, rows);
}

/** A name part safe in file names on every system: letters and digits, the rest as single dashes. */
function slug(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
}

/**
 * `channel-focus-<client>-<from>-to-<to>.csv`, in the style of the export's
 * `channel-focus-<date>.csv`; `clientName` null (or nothing usable) for the no-client group.
 */
export function clientCsvFileName(clientName: string | null, range: DateRange): string {
  const name = clientName === null ? 'no-client' : slug(clientName) || 'client';
  return `channel-focus-${name}-${range.from}-to-${range.to}.csv`;
}
