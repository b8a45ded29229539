import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXPORT_FORMAT, EXPORT_UPGRADES, EXPORT_VERSION, MAX_DAY_SECONDS, buildCsv, buildExport, exportFileName, exportText,
  parseImport, toDays, usageBySource, type ExportUpgrade, type ExportRow,
} from '@/utils/backup';
import { CSV_BOM, csvField } from '@/utils/csv';
import { defaultSettings } from '@/utils/settings';
import type { ChannelDayTotals, TotalsByDate } from '@/utils/tracking/totals';

const SOURCE = 'own-browser-1';
const OTHER = 'other-browser-2';
const AT = new Date('2026-05-04T16:20:05.123Z');
const FIXTURES = fileURLToPath(new URL('../fixtures/exports/', import.meta.url));

function exportOf(days: TotalsByDate, imported = {}) {
  return buildExport({ settings: defaultSettings(), sourceId: SOURCE, days, imported, exportedAt: AT });
}

/** A test-side RFC 4180 reader, so the quoting is checked by reading it back, not by string shape. */
function readCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') { record.push(field); field = ''; }
    else if (char === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i += 1; }
    else field += char;
  }
  if (field !== '' || record.length > 0) throw new Error('last line not ended by CRLF');
  return records;
}

// Days as the tracker writes them: valid keys, integer ms, after-hours within the channel's time,
// and at most 25 hours a day over all channels (5 channels × 3 statuses × 100 minutes).
const keyArb = fc.constantFrom(
  'linkedin', 'linkedin:company/acme', 'xing', 'x:acme', 'youtube:@Müller, "Bäckerei"', 'custom:forum.example.org',
  'reddit:r/=cmd', 'instagram:acme.studio',
);
const totalsArb: fc.Arbitrary<ChannelDayTotals> = fc
  .tuple(fc.nat({ max: 100 * 60_000 }), fc.nat({ max: 100 * 60_000 }), fc.nat({ max: 100 * 60_000 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .filter(([a, b, c]) => a + b + c > 0)
  .map(([a, b, c, share]) => [a, b, c, Math.floor((a + b + c) * share)]);
const daysArb: fc.Arbitrary<TotalsByDate> = fc.dictionary(
  fc.constantFrom('2026-04-30', '2026-05-01', '2026-05-02', '2026-10-25', '2027-01-01'),
  fc.dictionary(keyArb, totalsArb, { minKeys: 1, maxKeys: 5 }),
  { maxKeys: 5 },
);

describe('buildExport', () => {
  it('writes the documented header fields', () => {
    const { clients, ...settings } = defaultSettings();
    const result = buildExport({ settings: { ...settings, clients }, sourceId: SOURCE, days: {}, exportedAt: AT });
    expect(result).toEqual({
      format: 'channel-focus', version: EXPORT_VERSION, exportedAt: '2026-05-04T16:20:05.123Z',
      source: SOURCE, settings, clients: [], usage: [],
    });
  });

  it('writes one row per date, channel and focus with time, sorted by date, channel, focus', () => {
    const result = exportOf({
      '2026-05-02': { xing: [1000, 0, 0, 0] },
      '2026-05-01': { 'linkedin:company/acme': [0, 3000, 2000, 0], linkedin: [4000, 0, 0, 0], bluesky: [0, 0, 0, 0] },
    });
    expect(result.usage.map((row) => [row.date, row.platform, row.account, row.focus, row.seconds])).toEqual([
      ['2026-05-01', 'linkedin', null, 'in', 4],
      ['2026-05-01', 'linkedin', 'company/acme', 'out', 3],
      ['2026-05-01', 'linkedin', 'company/acme', 'none', 2],
      ['2026-05-02', 'xing', null, 'in', 1],
    ]);
  });

  it('rounds seconds half up and keeps the exact milliseconds', () => {
    const rows = exportOf({ '2026-05-01': { xing: [1500, 1499, 400, 0] } }).usage;
    expect(rows.map((row) => [row.focus, row.seconds, row.milliseconds])).toEqual([
      ['in', 2, 1500], ['out', 1, 1499], ['none', 0, 400],
    ]);
  });

  it('assigns after-hours time to the rows in the order in, out, none, never more than a row holds', () => {
    const rows = exportOf({ '2026-05-01': { xing: [1000, 5000, 0, 5500] } }).usage;
    expect(rows.map((row) => [row.focus, row.afterHoursMilliseconds, row.afterHoursSeconds])).toEqual([
      ['in', 1000, 1], ['out', 4500, 5],
    ]);
    expect(exportOf({ '2026-05-01': { xing: [1000, 0, 0, 0] } }).usage[0]).not.toHaveProperty('afterHoursSeconds');
  });

  it('writes imported time with its source and files time under our own id as ours', () => {
    const result = exportOf(
      { '2026-05-01': { xing: [1000, 0, 0, 0] } },
      { [OTHER]: { '2026-05-01': { xing: [7000, 0, 0, 0] } }, [SOURCE]: { '2026-05-01': { xing: [3000, 0, 0, 0] } } },
    );
    expect(result.usage.map((row) => [row.source, row.milliseconds])).toEqual([[undefined, 3000], [OTHER, 7000]]);
  });

  it('keeps only the dates in the range, both ends included', () => {
    const days: TotalsByDate = {
      '2026-04-30': { xing: [1000, 0, 0, 0] }, '2026-05-01': { xing: [2000, 0, 0, 0] },
      '2026-05-02': { xing: [3000, 0, 0, 0] }, '2026-05-03': { xing: [4000, 0, 0, 0] },
    };
    const dates = (range: { from?: string; to?: string }) =>
      buildExport({ settings: defaultSettings(), sourceId: SOURCE, days, exportedAt: AT, range }).usage.map((row) => row.date);
    expect(dates({ from: '2026-05-01', to: '2026-05-02' })).toEqual(['2026-05-01', '2026-05-02']);
    expect(dates({ from: '2026-05-02' })).toEqual(['2026-05-02', '2026-05-03']);
    expect(dates({ to: '2026-04-30' })).toEqual(['2026-04-30']);
  });

  it('leaves out cells no import would take back and refuses an invalid source id', () => {
    const result = exportOf({
      'not-a-date': { xing: [1000, 0, 0, 0] },
      '2026-05-01': { 'Bad Key': [1000, 0, 0, 0], 'custom': [1000, 0, 0, 0], xing: [1000.4, -5, Number.NaN, 0] },
    });
    expect(result.usage.map((row) => [row.platform, row.milliseconds])).toEqual([['xing', 1000]]);
    expect(() => buildExport({ settings: defaultSettings(), sourceId: '__proto__', days: {}, exportedAt: AT })).toThrow(RangeError);
  });

  it('writes the text with one row per line, read back as the same object', () => {
    fc.assert(fc.property(daysArb, (own) => {
      const file = exportOf(own);
      const text = exportText(file);
      expect(JSON.parse(text)).toEqual(file);
      const lines = text.split('\n');
      for (const row of file.usage) expect(lines).toContain(`    ${JSON.stringify(row)}${row === file.usage.at(-1) ? '' : ','}`);
      expect(text.endsWith('\n}\n')).toBe(true);
    }));
    expect(JSON.parse(exportText(exportOf({}))).usage).toEqual([]);
  });

  it('names files after the local date', () => {
    expect(exportFileName('2026-05-04', 'json')).toBe('channel-focus-2026-05-04.json');
    expect(exportFileName('2026-05-04', 'csv')).toBe('channel-focus-2026-05-04.csv');
    expect(() => exportFileName('2026-02-30', 'json')).toThrow(RangeError);
  });
});

describe('round trip: days -> export -> JSON text -> import -> days', () => {
  it('gives back the same totals to the millisecond, imported sources included', () => {
    fc.assert(fc.property(daysArb, daysArb, (own, theirs) => {
      const text = JSON.stringify(exportOf(own, { [OTHER]: theirs }), null, 2);
      const parsed = parseImport(text);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const bySource = usageBySource(parsed.data);
      expect(bySource[SOURCE] ?? {}).toEqual(own);
      expect(bySource[OTHER] ?? {}).toEqual(theirs);
    }));
  });

  it('without the milliseconds fields, each cell is within half a second', () => {
    fc.assert(fc.property(daysArb, (own) => {
      const file = exportOf(own);
      const secondsOnly = { ...file, usage: file.usage.map(({ milliseconds: _ms, afterHoursMilliseconds: _ah, ...row }) => row) };
      const parsed = parseImport(JSON.stringify(secondsOnly));
      if (!parsed.ok) throw new Error(parsed.error.message);
      const back = toDays(parsed.data.usage);
      for (const [date, day] of Object.entries(own)) {
        for (const [key, totals] of Object.entries(day)) {
          const read = back[date]?.[key] ?? [0, 0, 0, 0];
          for (const index of [0, 1, 2] as const) expect(Math.abs(read[index] - totals[index])).toBeLessThanOrEqual(500);
          // After hours is rounded once per row it was spread over (at most the three focus rows).
          expect(Math.abs(read[3] - totals[3])).toBeLessThanOrEqual(1500);
        }
      }
    }));
  });
});

describe('stored examples of every version', () => {
  const files = readdirSync(FIXTURES).filter((name) => /^channel-focus-v\d+\.json$/.test(name));

  it('has one upgrade step per version after the first, and an example file of each version', () => {
    expect(EXPORT_UPGRADES).toHaveLength(EXPORT_VERSION - 1);
    const versions = files.map((name) => Number(/v(\d+)/.exec(name)?.[1])).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: EXPORT_VERSION }, (_, index) => index + 1));
  });

  it.each(files)('%s parses without warnings', (name) => {
    const result = parseImport(readFileSync(`${FIXTURES}${name}`, 'utf8'));
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });

  it('reads the v1 example to the documented totals', () => {
    const result = parseImport(readFileSync(`${FIXTURES}channel-focus-v1.json`, 'utf8'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.version).toBe(1);
    expect(result.data.settings?.activeSpecializationId).toBe('spec-acme');
    const bySource = usageBySource(result.data);
    expect(bySource[result.data.source]?.['2026-05-01']?.['x:acme']).toEqual([0, 925_600, 0, 125_600]);
    expect(bySource['b2f0e6d4-91aa-4f0e-8c7d-5e3b2a1f9c08']?.['2026-05-01']).toEqual({ 'linkedin:company/acme': [3_600_000, 0, 0, 0] });
    expect(toDays(result.data.usage)['2026-05-01']?.['linkedin:company/acme']).toEqual([5_404_250, 0, 0, 0]);
  });

  it('runs older files through every upgrade step in order, and only those after their version', () => {
    const calls: number[] = [];
    // Pretend version 2 renamed `seconds` to `duration` and version 3 renamed it back.
    const upgrades: ExportUpgrade[] = [
      (old) => {
        calls.push(1);
        return { ...old, version: 2, usage: (old.usage as ExportRow[]).map(({ seconds, ...row }) => ({ ...row, duration: seconds })) };
      },
      (old) => {
        calls.push(2);
        return { ...old, version: 3, usage: (old.usage as { duration: number }[]).map(({ duration, ...row }) => ({ ...row, seconds: duration })) };
      },
    ];
    const v1 = JSON.parse(readFileSync(`${FIXTURES}channel-focus-v1.json`, 'utf8')) as { usage: ExportRow[] };
    const fromV1 = parseImport(JSON.stringify(v1), { upgrades });
    expect(fromV1.ok && fromV1.data.usage.map((row) => row.seconds)).toEqual(v1.usage.map((row) => row.seconds));
    expect(calls).toEqual([1, 2]);

    calls.length = 0;
    const v2 = { ...v1, version: 2, usage: v1.usage.map(({ seconds, ...row }) => ({ ...row, duration: seconds })) };
    expect(parseImport(JSON.stringify(v2), { upgrades }).ok).toBe(true);
    expect(calls).toEqual([2]);

    const v4 = parseImport(JSON.stringify({ ...v1, version: 4 }), { upgrades });
    expect(!v4.ok && v4.error.params).toEqual({ version: 4, supported: 3 });
    const failing = parseImport(JSON.stringify(v1), { upgrades: [() => { throw new Error('boom'); }] });
    expect(!failing.ok && failing.error.code).toBe('upgrade-failed');
  });
});

describe('buildCsv', () => {
  const row = (account: string | null, seconds: number, extra: Partial<ExportRow> = {}): ExportRow => ({
    date: '2026-05-01', platform: 'youtube', account, seconds, focus: 'out', ...extra,
  });

  it('starts with a BOM and the header, ends every line with CRLF', () => {
    const text = buildCsv([row('acme', 60)]);
    expect(text.startsWith(`${CSV_BOM}date,platform,account,seconds,focus\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual(['date,platform,account,seconds,focus', '2026-05-01,youtube,acme,60,out', '']);
    expect(buildCsv([])).toBe(`${CSV_BOM}date,platform,account,seconds,focus\r\n`);
  });

  it('quotes commas, quotes, line breaks and keeps umlauts, read back field for field', () => {
    const accounts = ['Müller, Söhne', 'the "best" page', 'line\nbreak', 'cr\rhere', 'Ærø Straße ß', 'plain'];
    const text = buildCsv(accounts.map((account, index) => row(account, index + 1, { date: `2026-05-0${index + 1}` })));
    const records = readCsv(text.slice(1));
    expect(records[0]).toEqual(['date', 'platform', 'account', 'seconds', 'focus']);
    expect(records.slice(1).map((record) => record[2])).toEqual(accounts);
    expect(records.slice(1).every((record) => record.length === 5)).toBe(true);
    expect(text).toContain('"Müller, Söhne"');
    expect(text).toContain('"the ""best"" page"');
  });

  it('defuses formula injection in account names', () => {
    const hostile = ['=HYPERLINK("http://evil")', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd', '\0x'];
    const records = readCsv(buildCsv(hostile.map((account, index) => row(account, index + 1, { date: `2026-05-0${index + 1}` }))).slice(1));
    expect(records.slice(1).map((record) => record[2])).toEqual(hostile.map((account) => `'${account}`));
    // YouTube handles start with `@` too: a spreadsheet would read `@acme` as a function call.
    expect(readCsv(buildCsv([row('@acme', 1)]).slice(1))[1]?.[2]).toBe("'@acme");
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
  });

  it('adds up the rows of several sources and leaves out lines of 0 seconds', () => {
    const records = readCsv(buildCsv([
      row('acme', 1, { milliseconds: 1400 }),
      row('acme', 2, { milliseconds: 1600, source: OTHER }),
      row('tiny', 0, { milliseconds: 400 }),
      row(null, 5, { platform: 'xing', focus: 'in' }),
    ]).slice(1));
    expect(records.slice(1)).toEqual([
      ['2026-05-01', 'xing', '', '5', 'in'],
      ['2026-05-01', 'youtube', 'acme', '3', 'out'],
    ]);
  });

  it('writes the export rows of a real history to the same seconds', () => {
    fc.assert(fc.property(daysArb, (own) => {
      const records = readCsv(buildCsv(exportOf(own).usage).slice(1)).slice(1);
      const total = records.reduce((sum, record) => sum + Number(record[3]), 0);
      const expected = Object.values(own).flatMap((day) => Object.values(day))
        .flatMap((totals) => [totals[0], totals[1], totals[2]]).reduce((sum, ms) => sum + Math.round(ms / 1000), 0);
      expect(total).toBe(expected);
      expect(records.every((record) => Number(record[3]) > 0 && Number(record[3]) <= MAX_DAY_SECONDS)).toBe(true);
    }));
  });
});

it('exports under the format name the importer checks', () => {
  expect(exportOf({}).format).toBe(EXPORT_FORMAT);
});
