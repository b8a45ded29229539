import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UsageHistory } from '@/utils/backup/history';
import type { ChannelDayTotals, TotalsByDate } from '@/utils/tracking/totals';
import { foldDay, mergeDeviceDays } from '@/utils/sync/fold';
import type { DeviceUsage } from '@/utils/sync/usage-encoding';
import { mergeDevices, withDevices } from '@/utils/sync/view';

// The merged view: other devices' grow-only totals beside this one's, never counted twice.

const D = '2026-03-31';
const cell = (ms: number): ChannelDayTotals => [ms, 0, 0, 0];
const device = (days: TotalsByDate, publishedAt = 1): DeviceUsage => ({ publishedAt, days });

const cellArb = fc.tuple(fc.nat(90_000), fc.nat(90_000), fc.nat(90_000), fc.nat(90_000))
  .filter((c) => c.some((v) => v > 0)).map((c) => c.map((v) => v * 1000) as ChannelDayTotals);
const keyArb = fc.constantFrom('linkedin', 'linkedin:acme', 'linkedin:beta', 'x', 'x:@me', 'custom:example.com');
const daysArb = fc.dictionary(fc.constantFrom('2026-03-29', '2026-03-30', D), fc.dictionary(keyArb, cellArb, { minKeys: 1 }), { maxKeys: 3 });

describe('mergeDeviceDays', () => {
  it('is commutative and idempotent', () => {
    fc.assert(fc.property(daysArb, daysArb, (a, b) => {
      expect(mergeDeviceDays(a, b)).toEqual(mergeDeviceDays(b, a));
      expect(mergeDeviceDays(a, a)).toEqual(a);
      const ab = mergeDeviceDays(a, b);
      expect(mergeDeviceDays(ab, b)).toEqual(ab);
    }));
  });

  it('takes the cell-wise maximum of two copies of one device', () => {
    expect(mergeDeviceDays({ [D]: { linkedin: [5, 1, 0, 0] } }, { [D]: { linkedin: [3, 4, 0, 0], x: cell(2) } }))
      .toEqual({ [D]: { linkedin: [5, 4, 0, 0], x: cell(2) } });
  });

  it('never adds a folded platform to the accounts it came from', () => {
    const detailed = { [D]: { linkedin: cell(1_000), 'linkedin:acme': cell(2_000), 'custom:a.com': cell(5) } };
    const folded = { [D]: foldDay(detailed[D]) };
    expect(folded[D]).toEqual({ linkedin: cell(3_000), 'custom:a.com': cell(5) });
    // The details explain the folded time: they stay.
    expect(mergeDeviceDays(detailed, folded)).toEqual(detailed);
    // The folded copy has more (it grew later): one platform cell with the larger total.
    const grown = { [D]: { linkedin: cell(4_000), 'custom:a.com': cell(5) } };
    expect(mergeDeviceDays(detailed, grown)).toEqual(grown);
  });
});

describe('withDevices', () => {
  const history: UsageHistory = {
    own: { [D]: { linkedin: cell(10_000) } },
    imported: { laptop: { [D]: { x: cell(4_000) } } },
  };

  it('adds other devices under their id, merging with a file import of the same device', () => {
    const view = withDevices(history, { laptop: device({ [D]: { x: cell(3_000), reddit: cell(1_000) } }), phone: device({ [D]: { x: cell(7_000) } }) });
    expect(view).toEqual({
      own: history.own,
      imported: { laptop: { [D]: { x: cell(4_000), reddit: cell(1_000) } }, phone: { [D]: { x: cell(7_000) } } },
    });
  });

  it('never takes this device from devices, and returns the history itself when nothing is added', () => {
    expect(withDevices(history, { own: device({ [D]: { x: cell(1) } }) }, 'own')).toBe(history);
    expect(withDevices(history, {})).toBe(history);
    expect(withDevices(history, { laptop: device({ [D]: { x: cell(4_000) } }) })).toBe(history);
  });

  it('gives the same view whatever order the devices come in, and again when applied twice', () => {
    const phone = device({ [D]: { x: cell(7_000) } });
    const tablet = device({ [D]: { reddit: cell(2_000) } });
    const once = withDevices(history, { phone, tablet });
    expect(withDevices(history, { tablet, phone })).toEqual(once);
    expect(withDevices(once, { phone, tablet })).toEqual(once);
  });
});

describe('mergeDevices', () => {
  it('adds new devices, keeps removed ones and days that rolled off, and grows only', () => {
    const kept = { phone: device({ '2026-02-01': { x: cell(9_000) }, [D]: { x: cell(1_000) } }, 10) };
    const received = { phone: device({ [D]: { x: cell(5_000) } }, 20), tablet: device({ [D]: { reddit: cell(2_000) } }, 30) };
    expect(mergeDevices(kept, received)).toEqual({
      phone: device({ '2026-02-01': { x: cell(9_000) }, [D]: { x: cell(5_000) } }, 20),
      tablet: received.tablet,
    });
    // The tablet leaves storage.sync: its time stays.
    expect(mergeDevices(mergeDevices(kept, received), { phone: received.phone })).toEqual(mergeDevices(kept, received));
  });
});
