import { describe, expect, it } from 'vitest';
import { NO_CLIENT, type ReportSource } from '@/utils/report/build';
import { CLIENT_CSV_HEADER, clientCsv, clientCsvFileName } from '@/utils/report/csv';
import { defaultSettings, type Settings } from '@/utils/settings';

const MIN = 60_000;
const RANGE = { from: '2025-05-26', to: '2025-06-01' };

const settings: Settings = {
  ...defaultSettings(),
  clients: [
    { id: 'acme', name: 'Acme', color: '#cc0000', channels: [{ platform: 'linkedin', accounts: null }] },
    { id: 'beta', name: 'Beta', color: '#00aa00', channels: [{ platform: 'linkedin', accounts: ['company/beta'] }] },
  ],
};

const sources: ReportSource[] = [
  {
    id: 'own',
    days: {
      '2025-05-25': { linkedin: [60 * MIN, 0, 0, 0] }, // before the range
      '2025-05-26': { linkedin: [200, 0, 0, 0] }, // rounds to 0 s: left out
      '2025-05-27': {
        linkedin: [30 * MIN + 400, 5 * MIN + 600, 0, 10 * MIN],
        'linkedin:company/beta': [15 * MIN, 0, 0, 0],
        'linkedin:=HYPERLINK("x")': [0, 0, 2 * MIN, 0],
        instagram: [0, 7 * MIN, 0, 0],
      },
    },
  },
  { id: 'laptop', days: { '2025-05-27': { linkedin: [MIN, 0, 0, 0] } } },
];

function lines(text: string): string[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  return text.slice(1, -2).split('\r\n');
}

describe('clientCsv', () => {
  it('writes one line per date and channel of the client, sources added up, in whole seconds', () => {
    expect(lines(clientCsv(sources, settings, RANGE, 'acme'))).toEqual([
      'date,platform,account,in_focus_seconds,outside_seconds,none_seconds,after_hours_seconds,total_seconds',
      // 30 min 0.4 s here and 1 min on the laptop; the total is the sum of the rounded parts.
      '2025-05-27,linkedin,,1860,301,0,600,2161',
      // An account is text a spreadsheet will not run as a formula.
      `2025-05-27,linkedin,"'=HYPERLINK(""x"")",0,0,120,0,120`,
    ]);
  });

  it('gives an account’s own client its lines, and the rest to no client', () => {
    expect(lines(clientCsv(sources, settings, RANGE, 'beta')).slice(1)).toEqual(['2025-05-27,linkedin,company/beta,900,0,0,0,900']);
    expect(lines(clientCsv(sources, settings, RANGE, NO_CLIENT)).slice(1)).toEqual(['2025-05-27,instagram,,0,420,0,0,420']);
  });

  it('writes the header alone when the client has no time', () => {
    expect(lines(clientCsv(sources, settings, { from: '2025-06-01', to: '2025-06-01' }, 'acme'))).toEqual([CLIENT_CSV_HEADER.join(',')]);
  });
});

describe('clientCsvFileName', () => {
  it('names the client and the range in the export’s style', () => {
    expect(clientCsvFileName('Acme', RANGE)).toBe('channel-focus-acme-2025-05-26-to-2025-06-01.csv');
    expect(clientCsvFileName('Müller & Söhne GmbH', RANGE)).toBe('channel-focus-müller-söhne-gmbh-2025-05-26-to-2025-06-01.csv');
    expect(clientCsvFileName('../..', RANGE)).toBe('channel-focus-client-2025-05-26-to-2025-06-01.csv');
    expect(clientCsvFileName(null, RANGE)).toBe('channel-focus-no-client-2025-05-26-to-2025-06-01.csv');
  });
});
