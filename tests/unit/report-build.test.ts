import { describe, expect, it } from 'vitest';
import { buildReport, NO_CLIENT, reportSources, type ReportSource } from '@/utils/report/build';
import { defaultSettings, type Settings } from '@/utils/settings';
import type { TotalsByDate } from '@/utils/tracking/totals';

const MIN = 60_000;
const LAST_WEEK = { from: '2025-05-26', to: '2025-06-01' };

function agencySettings(): Settings {
  return {
    ...defaultSettings(),
    clients: [
      // Acme holds LinkedIn as a whole; Beta one company page on it, which goes before.
      { id: 'acme', name: 'Acme', color: '#cc0000', channels: [{ platform: 'linkedin', accounts: null }] },
      { id: 'beta', name: 'Beta', color: '#00aa00', channels: [{ platform: 'linkedin', accounts: ['company/beta'] }, { platform: 'xing', accounts: null }] },
      { id: 'idle', name: 'Idle Ltd', color: '#0000cc', channels: [{ platform: 'tiktok', accounts: null }] },
    ],
    specializations: [{
      id: 'b2b', name: 'B2B', channels: [{ platform: 'linkedin', accounts: null }],
      budgets: { totalMinutes: null, perChannel: {} }, workingHours: null, clientId: null,
    }],
    activeSpecializationId: 'b2b',
  };
}

const own: TotalsByDate = {
  '2025-05-01': { linkedin: [500 * MIN, 0, 0, 0] }, // long before: never read
  '2025-05-20': { linkedin: [30 * MIN, 0, 0, 0] }, // the previous period
  '2025-05-26': {
    linkedin: [60 * MIN, 0, 0, 10 * MIN],
    'linkedin:company/beta': [30 * MIN, 0, 0, 0],
    instagram: [0, 20 * MIN, 0, 5 * MIN],
  },
  '2025-06-01': { xing: [0, 15 * MIN, 0, 0], 'custom:example.com': [0, 0, 10 * MIN, 0] },
  '2025-06-02': { linkedin: [999 * MIN, 0, 0, 0] }, // after the range
};
const laptop: TotalsByDate = {
  '2025-05-27': { 'linkedin:company/acme': [20 * MIN, 0, 0, 0], instagram: [0, 40 * MIN, 0, 0] },
};

function sources(): ReportSource[] {
  return reportSources({ own, imported: { laptop } }, 'this-one');
}

const build = (range = LAST_WEEK, from: ReportSource[] = sources()) =>
  buildReport({ sources: from, settings: agencySettings(), range, ownSourceId: 'this-one' });

describe('buildReport', () => {
  it('adds up the range over every source, ignoring other dates', () => {
    const report = build();
    expect(report.range).toEqual(LAST_WEEK);
    expect(report.previousRange).toEqual({ from: '2025-05-19', to: '2025-05-25' });
    expect(report.total).toEqual({
      totalMs: 195 * MIN, inMs: 110 * MIN, outMs: 75 * MIN, noneMs: 10 * MIN, afterHoursMs: 15 * MIN,
      focusShare: 110 / 185,
    });
    expect(report.previous.totalMs).toBe(30 * MIN);
    expect(report.change).toEqual({ deltaMs: 165 * MIN, ratio: 165 / 30 });
  });

  it('groups per client, an account before its platform, and the rest as no client', () => {
    const clients = build().clients;
    expect(clients.map((row) => [row.key, row.totalMs / MIN, row.inMs / MIN, row.outMs / MIN, row.noneMs / MIN, row.afterHoursMs / MIN]))
      .toEqual([
        ['acme', 80, 80, 0, 0, 10],
        ['beta', 45, 30, 15, 0, 0],
        ['idle', 0, 0, 0, 0, 0], // a configured client without time still has its row
        [NO_CLIENT, 70, 0, 60, 10, 5],
      ]);
    expect(clients[0]?.channels.map((row) => row.key)).toEqual(['linkedin', 'linkedin:company/acme']);
    expect(clients[1]?.channels.map((row) => row.key)).toEqual(['linkedin:company/beta', 'xing']);
    expect(clients[3]?.client).toBeNull();
  });

  it('compares each client with the previous period', () => {
    const [acme, beta] = build().clients;
    expect(acme?.previous.totalMs).toBe(30 * MIN);
    expect(acme?.change).toEqual({ deltaMs: 50 * MIN, ratio: 50 / 30 });
    expect(beta?.change).toEqual({ deltaMs: 45 * MIN, ratio: null });
  });

  it('lists the channels outside the focus, most time outside first, with their client', () => {
    const outside = build().outside;
    expect(outside.map((row) => [row.key, row.outMs / MIN, row.client?.id ?? null])).toEqual([
      ['instagram', 60, null],
      ['xing', 15, 'beta'],
    ]);
    expect(outside.every((row) => row.outsideFocus)).toBe(true);
  });

  it('reports after hours per client and per channel', () => {
    const { afterHours } = build();
    expect(afterHours.clients.map((row) => [row.key, row.afterHoursMs / MIN])).toEqual([['acme', 10], [NO_CLIENT, 5]]);
    expect(afterHours.channels.map((row) => [row.key, row.afterHoursMs / MIN])).toEqual([['linkedin', 10], ['instagram', 5]]);
  });

  it('groups platforms with their accounts', () => {
    const platforms = build().platforms;
    expect(platforms.map((row) => [row.key, row.totalMs / MIN])).toEqual([
      ['linkedin', 110], ['instagram', 60], ['xing', 15], ['custom:example.com', 10],
    ]);
    expect(platforms[0]?.accounts.map((row) => row.key)).toEqual(['linkedin', 'linkedin:company/beta', 'linkedin:company/acme']);
  });

  it('puts the sources side by side, this browser first', () => {
    const columns = build().sources;
    expect(columns?.map((column) => [column.id, column.own, column.total.totalMs / MIN])).toEqual([
      ['this-one', true, 135], ['laptop', false, 60],
    ]);
    expect(columns?.[0]?.clients).toEqual({ acme: 60 * MIN, beta: 45 * MIN, [NO_CLIENT]: 30 * MIN });
    expect(columns?.[1]?.clients).toEqual({ acme: 20 * MIN, [NO_CLIENT]: 40 * MIN });
    expect(columns?.[1]?.platforms).toEqual({ linkedin: 20 * MIN, instagram: 40 * MIN });
  });

  it('has no source columns when only one source has time in the range', () => {
    expect(build({ from: '2025-06-01', to: '2025-06-01' }).sources).toBeNull();
    expect(build(LAST_WEEK, [{ id: 'this-one', days: own }]).sources).toBeNull();
  });

  it('reads only the dates of the range and of the period before', () => {
    const read = new Set<string>();
    // A year of days, watched: every date the report looks at is noted.
    const year: TotalsByDate = {};
    for (let day = 0; day < 365; day += 1) {
      const date = new Date(Date.UTC(2024, 5, 2 + day)).toISOString().slice(0, 10);
      year[date] = { linkedin: [MIN, 0, 0, 0] };
    }
    const watched = new Proxy(year, {
      get: (target, key, receiver) => {
        if (typeof key === 'string') read.add(key);
        return Reflect.get(target, key, receiver);
      },
      getOwnPropertyDescriptor: (target, key) => {
        if (typeof key === 'string') read.add(key);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
      ownKeys: () => {
        throw new Error('the report must not walk the whole history');
      },
    });
    const report = build(LAST_WEEK, [{ id: 'this-one', days: watched }]);
    expect(report.total.totalMs).toBe(7 * MIN);
    expect(report.previous.totalMs).toBe(7 * MIN);
    const dates = [...read].filter((key) => /^\d{4}-\d{2}-\d{2}$/.test(key)).sort();
    expect(dates).toHaveLength(14);
    expect(dates[0]).toBe('2025-05-19');
    expect(dates.at(-1)).toBe('2025-06-01');
  });

  it('keeps a bad stored value from turning the figures into NaN', () => {
    const broken = { '2025-05-26': { linkedin: [Number.NaN, -5, 60_000, Infinity] } } as unknown as TotalsByDate;
    const report = build(LAST_WEEK, [{ id: 'this-one', days: broken }]);
    expect(report.total).toMatchObject({ totalMs: 60_000, inMs: 0, outMs: 0, noneMs: 60_000, afterHoursMs: 0 });
  });
});
