import { describe, expect, it } from 'vitest';
import type { ChannelDayTotals, TotalsByDate } from '@/utils/tracking/totals';
import { MIN_USAGE_BYTES, usageBudget } from '@/utils/sync/budget';
import { SYNC_QUOTA, itemBytes, itemsBytes, usageKey } from '@/utils/sync/layout';
import { SYNC_DAYS_PER_DEVICE, decodeDevicesUsage, encodeDeviceUsage } from '@/utils/sync/usage-encoding';

// A device's usage in storage.sync: the encoding against the quotas, and decoding it back.

const DEVICE_A = 'device-a-0000000000000000000000000000001';
const DEVICE_B = 'device-b-0000000000000000000000000000002';
const TODAY = '2026-03-31';
const AT = 1_774_950_000_000;

function dateBefore(today: string, count: number): string {
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, (d ?? 1) - count)).toISOString().slice(0, 10);
}

const ACCOUNT_PLATFORMS = ['linkedin', 'instagram', 'facebook', 'youtube'];
const PLATFORMS_ONLY = ['x', 'xing', 'tiktok', 'twitch', 'threads', 'bluesky'];

/** Channels with long account names (near the 60-character handles agencies use), one in five a platform only. */
function channels(count: number, seed: string): string[] {
  return Array.from({ length: count }, (_, i) => i % 5 === 4
    ? PLATFORMS_ONLY[Math.floor(i / 5)] ?? 'reddit'
    : `${ACCOUNT_PLATFORMS[i % 4] ?? 'x'}:company/${seed}-very-long-client-account-name-number-${String(i).padStart(3, '0')}`);
}

/**
 * `dayCount` days up to today, each channel with about an hour in odd milliseconds (4-digit
 * seconds), 20 channels staying under the 25 hours one clock can count in a day.
 */
function history(keys: readonly string[], dayCount: number, today = TODAY): TotalsByDate {
  const days: TotalsByDate = {};
  for (let d = 0; d < dayCount; d++) {
    const day: Record<string, ChannelDayTotals> = {};
    keys.forEach((key, i) => {
      day[key] = [2_500_123 + i * 1_001 + d, 1_000_456 + d, 400_789 + i, 300_999];
    });
    days[dateBefore(today, d)] = day;
  }
  return days;
}

/** The time as it comes back: whole seconds, rounded down. */
function toSeconds(days: TotalsByDate): TotalsByDate {
  const result: TotalsByDate = {};
  for (const [date, day] of Object.entries(days)) {
    result[date] = Object.fromEntries(Object.entries(day).map(([key, cell]) =>
      [key, cell.map((ms) => Math.floor(ms / 1000) * 1000) as ChannelDayTotals]));
  }
  return result;
}

describe('encodeDeviceUsage', () => {
  it('round-trips exactly to the second: every cell comes back as floor(ms / 1000) * 1000', () => {
    const days: TotalsByDate = {
      [TODAY]: { linkedin: [1_999, 61_000, 0, 500], 'custom:example.com': [3_600_000, 0, 0, 0] },
      '2026-03-30': { 'x:@acme': [0, 0, 999, 0], 'reddit:r/ux': [86_400_000, 1, 2, 3] },
    };
    const encoded = encodeDeviceUsage({ deviceId: DEVICE_A, days, today: TODAY, budgetBytes: 50_000, at: AT });
    const decoded = decodeDevicesUsage(encoded.items, DEVICE_B);
    expect(decoded).toEqual({
      [DEVICE_A]: {
        publishedAt: AT,
        days: {
          [TODAY]: { linkedin: [1_000, 61_000, 0, 0], 'custom:example.com': [3_600_000, 0, 0, 0] },
          // x:@acme had under a second: it rounds to nothing and is left out.
          '2026-03-30': { 'reddit:r/ux': [86_400_000, 0, 0, 0] },
        },
      },
    });
    expect(encoded.daysShared).toBe(2);
    expect(encoded.accountsFolded).toBe(false);
    expect(encoded.bytes).toBe(itemsBytes(encoded.items));
  });

  it('writes the documented compact chunk', () => {
    const encoded = encodeDeviceUsage({
      deviceId: DEVICE_A, days: { [TODAY]: { linkedin: [2_500, 0, 1_000, 0] } }, today: TODAY, budgetBytes: 10_000, at: AT,
    });
    expect(encoded.items).toEqual({
      [usageKey(DEVICE_A, 0)]: { v: 1, at: AT, i: 0, n: 1, c: ['linkedin'], d: { [TODAY]: [0, 2, 0, 1, 0] } },
    });
  });

  it('leaves out days after today and dates that are not dates', () => {
    const days: TotalsByDate = {
      [TODAY]: { linkedin: [5_000, 0, 0, 0] },
      '2026-04-01': { linkedin: [7_000, 0, 0, 0] },
      '2027-01-01': { linkedin: [7_000, 0, 0, 0] },
      'not-a-date': { linkedin: [7_000, 0, 0, 0] },
    };
    const encoded = encodeDeviceUsage({ deviceId: DEVICE_A, days, today: TODAY, budgetBytes: 10_000, at: AT });
    expect(Object.keys(decodeDevicesUsage(encoded.items, DEVICE_B)[DEVICE_A]?.days ?? {})).toEqual([TODAY]);
    expect(encoded.daysShared).toBe(1);
  });

  it('fits 2 devices × 20 channels × 30 days completely, with accounts, in the minimum budget', () => {
    const budget = usageBudget({ settingsBytes: 6_000, otherDevicesBytes: 0, deviceCount: 2 });
    expect(budget).toBeGreaterThanOrEqual(MIN_USAGE_BYTES);
    const all: Record<string, unknown> = {};
    for (const deviceId of [DEVICE_A, DEVICE_B]) {
      const days = history(channels(20, deviceId.slice(0, 8)), 30);
      // The guaranteed minimum alone is enough, whatever the share.
      const encoded = encodeDeviceUsage({ deviceId, days, today: TODAY, budgetBytes: MIN_USAGE_BYTES, at: AT });
      expect(encoded.daysShared).toBe(30);
      expect(encoded.accountsFolded).toBe(false);
      expect(decodeDevicesUsage(encoded.items, 'someone-else')[deviceId]?.days).toEqual(toSeconds(days));
      Object.assign(all, encoded.items);
    }
    expect(itemsBytes(all) + 6_000).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
  });

  it('fills storage.sync to the limit with several devices and 90 days, within every quota', () => {
    const settingsBytes = 8_000;
    const deviceIds = ['dev-1', 'dev-2', 'dev-3'].map((id) => `${id}-${'x'.repeat(58)}`);
    const all: Record<string, unknown> = {};
    const results = deviceIds.map((deviceId, index) => {
      const days = history(channels(25, `client${index}`), 90);
      const otherDevicesBytes = itemsBytes(all);
      const budgetBytes = usageBudget({ settingsBytes, otherDevicesBytes, deviceCount: deviceIds.length });
      const encoded = encodeDeviceUsage({ deviceId, days, today: TODAY, budgetBytes, at: AT + index });
      expect(encoded.bytes).toBeLessThanOrEqual(budgetBytes);
      Object.assign(all, encoded.items);
      return encoded;
    });
    for (const [key, value] of Object.entries(all)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
    expect(itemsBytes(all) + settingsBytes).toBeLessThanOrEqual(SYNC_QUOTA.bytes);
    expect(Object.keys(all).length + 7).toBeLessThanOrEqual(SYNC_QUOTA.items);
    // 90 days do not fit three times over: old days rolled off, the 30 newest stayed.
    for (const result of results) {
      expect(result.daysShared).toBeGreaterThanOrEqual(SYNC_DAYS_PER_DEVICE);
      expect(result.daysShared).toBeLessThan(90);
    }
    const decoded = decodeDevicesUsage(all, 'reader');
    expect(Object.keys(decoded).sort()).toEqual([...deviceIds].sort());
    expect(Object.keys(decoded[deviceIds[0] ?? '']?.days ?? {}).sort().at(-1)).toBe(TODAY);
  });

  it('folds accounts of the oldest days first when 30 days with accounts do not fit, then rolls days off', () => {
    const keys = channels(20, 'fold');
    const days = history(keys, 40);
    const full = encodeDeviceUsage({ deviceId: DEVICE_A, days, today: TODAY, budgetBytes: 100_000, at: AT });
    const tight = encodeDeviceUsage({ deviceId: DEVICE_A, days, today: TODAY, budgetBytes: Math.floor(full.bytes * 0.6), at: AT });
    expect(tight.daysShared).toBe(30);
    expect(tight.accountsFolded).toBe(true);
    const decoded = decodeDevicesUsage(tight.items, DEVICE_B)[DEVICE_A]?.days ?? {};
    // Today keeps its accounts; the oldest shared day has platforms only, with the same total time.
    expect(Object.keys(decoded[TODAY] ?? {}).sort()).toEqual([...keys].sort());
    const oldest = decoded[dateBefore(TODAY, 29)] ?? {};
    expect(Object.keys(oldest).sort()).toEqual([...ACCOUNT_PLATFORMS, ...PLATFORMS_ONLY.slice(0, 4)].sort());
    const sum = (day: Record<string, ChannelDayTotals>) => Object.values(day).reduce((total, cell) => total + cell[0], 0);
    const exact = toSeconds({ d: days[dateBefore(TODAY, 29)] ?? {} }).d ?? {};
    expect(sum(oldest)).toBeGreaterThanOrEqual(sum(exact));
    expect(sum(oldest) - sum(exact)).toBeLessThan(20 * 1000);

    const tiny = encodeDeviceUsage({ deviceId: DEVICE_A, days, today: TODAY, budgetBytes: 3_000, at: AT });
    expect(tiny.accountsFolded).toBe(true);
    expect(tiny.daysShared).toBeGreaterThan(0);
    expect(tiny.daysShared).toBeLessThan(30);
    expect(tiny.bytes).toBeLessThanOrEqual(3_000);
  });

  it('never folds custom hosts: they are channels of their own', () => {
    const days = history(['custom:a-very-long-host-name-number-one.example.com', 'linkedin:company/acme'], 30);
    const encoded = encodeDeviceUsage({ deviceId: DEVICE_A, days, today: TODAY, budgetBytes: 900, at: AT });
    const keys = new Set(Object.values(decodeDevicesUsage(encoded.items, DEVICE_B)[DEVICE_A]?.days ?? {}).flatMap(Object.keys));
    expect(keys.has('custom:a-very-long-host-name-number-one.example.com')).toBe(true);
    expect(keys.has('custom')).toBe(false);
  });

  it('splits a day larger than one item over chunks, each within the item limit', () => {
    const keys = Array.from({ length: 60 }, (_, i) => `linkedin:${'a'.repeat(190)}${i}`);
    const encoded = encodeDeviceUsage({ deviceId: DEVICE_A, days: history(keys, 1), today: TODAY, budgetBytes: 60_000, at: AT });
    expect(Object.keys(encoded.items).length).toBeGreaterThan(1);
    for (const [key, value] of Object.entries(encoded.items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
    expect(decodeDevicesUsage(encoded.items, DEVICE_B)[DEVICE_A]?.days).toEqual(toSeconds(history(keys, 1)));
  });
});

describe('decodeDevicesUsage', () => {
  const days = history(channels(20, 'dec'), 30);
  const publish = (at: number, extra: TotalsByDate = {}) =>
    encodeDeviceUsage({ deviceId: DEVICE_A, days: { ...days, ...extra }, today: TODAY, budgetBytes: 60_000, at }).items;

  it('leaves out this device, unknown keys and malformed chunks', () => {
    const items = { ...publish(AT), 's:flags': {}, 'u:bad:0': 'nope', 'other': 1 };
    expect(decodeDevicesUsage(items, DEVICE_A)).toEqual({});
    expect(Object.keys(decodeDevicesUsage(items, DEVICE_B))).toEqual([DEVICE_A]);
    const broken = { [usageKey(DEVICE_A, 0)]: { v: 1, at: AT, i: 0, n: 1, c: ['linkedin'], d: { [TODAY]: [5, 1, 1, 1, 1] } } };
    expect(decodeDevicesUsage(broken, DEVICE_B)).toEqual({});
    const newer = { [usageKey(DEVICE_A, 0)]: { v: 2, at: AT, i: 0, n: 1, c: ['linkedin'], d: {} } };
    expect(decodeDevicesUsage(newer, DEVICE_B)).toEqual({});
  });

  it('reads a publication that has partly arrived from its chunks, filled in by the older ones', () => {
    const older = publish(AT);
    const grown = { [TODAY]: { ...days[TODAY], linkedin: [80_000_000, 0, 0, 0] as ChannelDayTotals } };
    const newer = publish(AT + 1_000, grown);
    expect(Object.keys(newer).length).toBeGreaterThan(1);
    // The first chunk of the new publication (today, grown) arrived, the others are still the old ones.
    const mixed = { ...older, [usageKey(DEVICE_A, 0)]: newer[usageKey(DEVICE_A, 0)] };
    const read = decodeDevicesUsage(mixed, DEVICE_B)[DEVICE_A];
    expect(read?.publishedAt).toBe(AT + 1_000);
    // Every cell read is a true one; a day cut between the chunks may lack some channels meanwhile.
    const expected = toSeconds({ ...days, ...grown });
    expect(read?.days[TODAY]?.linkedin).toEqual([80_000_000, 0, 0, 0]);
    expect(Object.keys(read?.days ?? {}).length).toBe(30);
    for (const [date, day] of Object.entries(read?.days ?? {})) {
      for (const [key, cell] of Object.entries(day)) expect(cell).toEqual(expected[date]?.[key]);
    }
    // Everything arrived: the new publication alone.
    expect(decodeDevicesUsage(newer, DEVICE_B)[DEVICE_A]?.days).toEqual(toSeconds({ ...days, ...grown }));
    // Only a middle chunk is there: what it holds, nothing more.
    const onlyOne = { [usageKey(DEVICE_A, 1)]: older[usageKey(DEVICE_A, 1)] };
    const partial = decodeDevicesUsage(onlyOne, DEVICE_B)[DEVICE_A]?.days ?? {};
    expect(Object.keys(partial).length).toBeGreaterThan(0);
    expect(Object.keys(partial).length).toBeLessThan(30);
    expect(partial[TODAY]).toBeUndefined();
  });

  it('drops dates more than a day ahead of today when told today', () => {
    const items = encodeDeviceUsage({
      deviceId: DEVICE_A, days: { '2026-04-01': { linkedin: [5_000, 0, 0, 0] }, '2026-04-02': { linkedin: [5_000, 0, 0, 0] } },
      today: '2026-04-02', budgetBytes: 10_000, at: AT,
    }).items;
    expect(Object.keys(decodeDevicesUsage(items, DEVICE_B, TODAY)[DEVICE_A]?.days ?? {})).toEqual(['2026-04-01']);
  });
});
