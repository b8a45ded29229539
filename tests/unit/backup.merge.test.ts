import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRetention, buildExport, deleteHistoryWhere, deletionMatch, importUsage, mapUsageHistory, mergeUsage,
  parseImport, previewImport, visibleUsage, type UsageHistory, type ValidImport,
} from '@/utils/backup';
import { defaultSettings, setRetentionDays, type Settings } from '@/utils/settings';
import type { ChannelDayTotals, TotalsByDate } from '@/utils/tracking/totals';

const A = 'browser-a';
const B = 'browser-b';
const C = 'browser-c';
const AT = new Date('2026-05-04T16:20:05.123Z');

const keyArb = fc.constantFrom('linkedin', 'linkedin:company/acme', 'xing', 'x:acme', 'custom:forum.example.org', 'youtube:@acme');
// At most 24 hours a day per browser (4 channels × 3 statuses × 2 hours): the import refuses more than 25.
const totalsArb: fc.Arbitrary<ChannelDayTotals> = fc
  .tuple(fc.nat({ max: 2 * 3_600_000 }), fc.nat({ max: 2 * 3_600_000 }), fc.nat({ max: 2 * 3_600_000 }), fc.nat({ max: 100 }))
  .filter(([a, b, c]) => a + b + c > 0)
  .map(([a, b, c, percent]) => [a, b, c, Math.floor(((a + b + c) * percent) / 100)]);
const daysArb: fc.Arbitrary<TotalsByDate> = fc.dictionary(
  fc.constantFrom('2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04'),
  fc.dictionary(keyArb, totalsArb, { minKeys: 1, maxKeys: 4 }),
  { maxKeys: 4 },
);

/** What browser `sourceId` would export, read back the way the import reads it. */
function exported(sourceId: string, history: UsageHistory, settings: Settings = defaultSettings()): ValidImport {
  const file = buildExport({ settings, sourceId, days: history.own, imported: history.imported, exportedAt: AT });
  const parsed = parseImport(JSON.stringify(file));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.data;
}

const fresh = (own: TotalsByDate = {}): UsageHistory => ({ own, imported: {} });

/** Sum of all visible time, ms. */
function totalMs(days: TotalsByDate): number {
  return Object.values(days).flatMap((day) => Object.values(day)).reduce((sum, t) => sum + t[0] + t[1] + t[2], 0);
}

/** Cell-wise sum of two histories of days, for "adds its time". */
function sum(a: TotalsByDate, b: TotalsByDate): TotalsByDate {
  return visibleUsage({ own: a, imported: { other: b } });
}

describe('mergeUsage: the maximum per cell', () => {
  it('is idempotent, commutative and associative, and never below either side', () => {
    fc.assert(fc.property(daysArb, daysArb, daysArb, (a, b, c) => {
      expect(mergeUsage(a, a)).toBe(a);
      expect(mergeUsage(a, b)).toEqual(mergeUsage(b, a));
      expect(mergeUsage(mergeUsage(a, b), c)).toEqual(mergeUsage(a, mergeUsage(b, c)));
      const merged = mergeUsage(a, b);
      for (const side of [a, b]) {
        for (const [date, day] of Object.entries(side)) {
          for (const [key, totals] of Object.entries(day)) {
            const cell = merged[date]?.[key];
            totals.forEach((ms, index) => expect(cell?.[index]).toBeGreaterThanOrEqual(ms));
          }
        }
      }
    }));
  });

  it('keeps unchanged days as the same objects and leaves its inputs alone', () => {
    const current: TotalsByDate = { '2026-05-01': { xing: [5000, 0, 0, 0] }, '2026-05-02': { xing: [1000, 0, 0, 0] } };
    const before = JSON.stringify(current);
    const merged = mergeUsage(current, { '2026-05-01': { xing: [3000, 0, 0, 0] }, '2026-05-02': { xing: [2000, 0, 0, 0] } });
    expect(merged['2026-05-01']).toBe(current['2026-05-01']);
    expect(merged['2026-05-02']).toEqual({ xing: [2000, 0, 0, 0] });
    expect(JSON.stringify(current)).toBe(before);
    expect(mergeUsage(current, { '2026-05-03': { xing: [0, 0, 0, 0] } })).toBe(current);
  });
});

describe('importUsage', () => {
  it('importing the same file twice is importing it once', () => {
    fc.assert(fc.property(daysArb, daysArb, (mine, theirs) => {
      const file = exported(B, fresh(theirs));
      const once = importUsage(fresh(mine), file, A);
      expect(importUsage(once, file, A)).toBe(once);
    }));
  });

  it('importing our own export back changes nothing', () => {
    fc.assert(fc.property(daysArb, daysArb, (mine, theirs) => {
      const history: UsageHistory = { own: mine, imported: Object.keys(theirs).length > 0 ? { [B]: theirs } : {} };
      expect(importUsage(history, exported(A, history), A)).toBe(history);
    }));
  });

  it('a second browser adds its time; an own export after a reset brings ours back without doubling', () => {
    fc.assert(fc.property(daysArb, daysArb, (mine, theirs) => {
      const history = importUsage(fresh(mine), exported(B, fresh(theirs)), A);
      expect(visibleUsage(history)).toEqual(sum(mine, theirs));
      expect(totalMs(visibleUsage(history))).toBe(totalMs(mine) + totalMs(theirs));
      // Reset, then import what we exported before it.
      expect(importUsage(fresh(), exported(A, history), A)).toEqual(history);
    }));
  });

  it('is commutative for exports of two different browsers', () => {
    fc.assert(fc.property(daysArb, daysArb, daysArb, (mine, fromB, fromC) => {
      const fileB = exported(B, fresh(fromB));
      const fileC = exported(C, fresh(fromC));
      const bThenC = importUsage(importUsage(fresh(mine), fileB, A), fileC, A);
      const cThenB = importUsage(importUsage(fresh(mine), fileC, A), fileB, A);
      expect(bThenC).toEqual(cThenB);
      expect(totalMs(visibleUsage(bThenC))).toBe(totalMs(mine) + totalMs(fromB) + totalMs(fromC));
    }));
  });

  it('passes time back and forth between two browsers without counting any twice', () => {
    fc.assert(fc.property(daysArb, daysArb, (ownA, ownB) => {
      // B imports A, then A imports B's export, which holds A's time as well.
      const b = importUsage(fresh(ownB), exported(A, fresh(ownA)), B);
      const a = importUsage(fresh(ownA), exported(B, b), A);
      expect(a).toEqual({ own: ownA, imported: Object.keys(ownB).length > 0 ? { [B]: ownB } : {} });
      expect(visibleUsage(a)).toEqual(visibleUsage(b));
    }));
  });

  it('takes a newer export of the same browser instead of adding it to the older one', () => {
    const earlier = exported(B, fresh({ '2026-05-01': { xing: [60_000, 0, 0, 0] } }));
    const later = exported(B, fresh({ '2026-05-01': { xing: [90_000, 0, 0, 0] }, '2026-05-02': { xing: [1000, 0, 0, 0] } }));
    const history = importUsage(importUsage(fresh(), earlier, A), later, A);
    expect(history.imported[B]).toEqual({ '2026-05-01': { xing: [90_000, 0, 0, 0] }, '2026-05-02': { xing: [1000, 0, 0, 0] } });
    expect(importUsage(history, earlier, A)).toBe(history);
  });
});

describe('previewImport', () => {
  const settings = defaultSettings();

  it('reports the days, channels and seconds the merge really adds', () => {
    const current = { history: fresh({ '2026-05-01': { xing: [60_000, 0, 0, 0] } }), settings, sourceId: A };
    const file = exported(B, fresh({
      '2026-05-01': { xing: [30_000, 0, 0, 0], 'x:acme': [0, 1500, 0, 0] },
      '2026-05-02': { xing: [0, 0, 10_000, 0] },
    }));
    const preview = previewImport(current, file);
    expect(preview).toMatchObject({ days: 2, channels: 2, secondsAdded: 42, millisecondsAdded: 41_500, settingsDiffer: false });
    expect(preview.history).toEqual(importUsage(current.history, file, A));
    // Once imported, the same file adds nothing.
    expect(previewImport({ ...current, history: preview.history }, file)).toMatchObject({ days: 0, channels: 0, secondsAdded: 0 });
  });

  it('equals the growth of the visible totals, for any two histories', () => {
    fc.assert(fc.property(daysArb, daysArb, daysArb, (mine, theirsBefore, theirs) => {
      const history = importUsage(fresh(mine), exported(B, fresh(theirsBefore)), A);
      const file = exported(B, fresh(theirs));
      const preview = previewImport({ history, settings, sourceId: A }, file);
      expect(preview.millisecondsAdded).toBe(totalMs(visibleUsage(preview.history)) - totalMs(visibleUsage(history)));
      expect(preview.days === 0).toBe(preview.millisecondsAdded === 0);
    }));
  });

  it('says whether the settings differ, whatever their key order', () => {
    const current = { history: fresh(), settings, sourceId: A };
    const reordered = JSON.parse(JSON.stringify(settings, Object.keys(settings).reverse())) as Settings;
    const same = exported(B, fresh(), { ...reordered, tracking: settings.tracking });
    expect(previewImport(current, same).settingsDiffer).toBe(false);
    const changed = setRetentionDays(settings, 30);
    if (!changed.ok) throw new Error('retention');
    expect(previewImport(current, exported(B, fresh(), changed.settings)).settingsDiffer).toBe(true);
    expect(previewImport(current, { ...same, settings: null }).settingsDiffer).toBe(false);
  });
});

describe('deletion and retention', () => {
  const days: TotalsByDate = {
    '2026-05-01': { linkedin: [1000, 0, 0, 0], 'linkedin:company/acme': [2000, 0, 0, 0], xing: [3000, 0, 0, 0], 'x:acme': [500, 0, 0, 0] },
    '2026-05-02': { 'linkedin:company/acme': [4000, 0, 0, 0] },
    '2026-05-03': { xing: [5000, 0, 0, 0] },
  };

  it('deletes one channel, and dates left empty', () => {
    const result = deleteHistoryWhere(days, deletionMatch({ channelKey: 'linkedin:company/acme' }));
    expect(result).toEqual({
      '2026-05-01': { linkedin: [1000, 0, 0, 0], xing: [3000, 0, 0, 0], 'x:acme': [500, 0, 0, 0] },
      '2026-05-03': { xing: [5000, 0, 0, 0] },
    });
    expect(result['2026-05-03']).toBe(days['2026-05-03']);
    expect(deleteHistoryWhere(days, deletionMatch({ channelKey: 'bluesky' }))).toBe(days);
    // A platform only a newer version knows: its key is deleted exactly all the same.
    const newer = { '2026-05-04': { 'threadsplus:acme': [700, 0, 0, 0], linkedin: [100, 0, 0, 0] } } as TotalsByDate;
    expect(deleteHistoryWhere(newer, deletionMatch({ channelKey: 'threadsplus:acme' }))).toEqual({ '2026-05-04': { linkedin: [100, 0, 0, 0] } });
  });

  it('deletes a platform with all its accounts, and no platform whose id only starts the same', () => {
    expect(deleteHistoryWhere(days, deletionMatch({ platform: 'x' }))).toEqual({
      '2026-05-01': { linkedin: [1000, 0, 0, 0], 'linkedin:company/acme': [2000, 0, 0, 0], xing: [3000, 0, 0, 0] },
      '2026-05-02': days['2026-05-02'], '2026-05-03': days['2026-05-03'],
    });
    expect(Object.keys(deleteHistoryWhere(days, deletionMatch({ platform: 'linkedin' }))['2026-05-01'] ?? {})).toEqual(['xing', 'x:acme']);
  });

  it('drops dates older than the retention, today counting as one day', () => {
    expect(Object.keys(applyRetention(days, '2026-05-03', 2))).toEqual(['2026-05-02', '2026-05-03']);
    expect(applyRetention(days, '2026-05-03', null)).toBe(days);
  });

  it('applies a change to own time and every imported source, dropping sources left empty', () => {
    const history: UsageHistory = { own: days, imported: { [B]: { '2026-05-01': { 'x:acme': [9000, 0, 0, 0] } }, [C]: days } };
    const changed = mapUsageHistory(history, (source) => deleteHistoryWhere(source, deletionMatch({ platform: 'x' })));
    expect(Object.keys(changed.imported)).toEqual([C]);
    expect(changed.own).toEqual(changed.imported[C]);
    expect(mapUsageHistory(history, (source) => source)).toBe(history);
  });
});
