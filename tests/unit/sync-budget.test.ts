import { describe, expect, it } from 'vitest';
import type { TotalsByDate } from '@/utils/tracking/totals';
import { MIN_USAGE_BYTES, SYNC_SAFETY_MARGIN, usageBudget } from '@/utils/sync/budget';
import { SYNC_QUOTA } from '@/utils/sync/layout';
import { encodeDeviceUsage } from '@/utils/sync/usage-encoding';

// This device's share of storage.sync.

const available = (settingsBytes: number) => SYNC_QUOTA.bytes - SYNC_SAFETY_MARGIN - settingsBytes;

describe('usageBudget', () => {
  it('gives a lone device everything but settings and the margin', () => {
    expect(usageBudget({ settingsBytes: 4_000, otherDevicesBytes: 0, deviceCount: 1 })).toBe(available(4_000));
  });

  it('splits evenly, and takes no more than its share when the others use less', () => {
    expect(usageBudget({ settingsBytes: 4_000, otherDevicesBytes: 0, deviceCount: 2 })).toBe(Math.floor(available(4_000) / 2));
    expect(usageBudget({ settingsBytes: 4_000, otherDevicesBytes: 10_000, deviceCount: 2 })).toBe(Math.floor(available(4_000) / 2));
  });

  it('takes only what is free while the others still hold more than their share, but never less than the minimum', () => {
    expect(usageBudget({ settingsBytes: 4_000, otherDevicesBytes: 50_000, deviceCount: 2 })).toBe(available(4_000) - 50_000);
    expect(usageBudget({ settingsBytes: 4_000, otherDevicesBytes: 90_000, deviceCount: 2 })).toBe(MIN_USAGE_BYTES);
  });

  it('gives the fair share when not every device can have the minimum, and nothing when settings fill it', () => {
    expect(usageBudget({ settingsBytes: 4_000, otherDevicesBytes: 0, deviceCount: 5 })).toBe(Math.floor(available(4_000) / 5));
    expect(usageBudget({ settingsBytes: 200_000, otherDevicesBytes: 0, deviceCount: 1 })).toBe(0);
    expect(usageBudget({ settingsBytes: Number.NaN, otherDevicesBytes: -5, deviceCount: 0 })).toBe(available(0));
  });

  it('the minimum holds 30 days × 20 channels with accounts of 200 characters and hours a cell', () => {
    const days: TotalsByDate = {};
    for (let d = 0; d < 30; d++) {
      const day: TotalsByDate[string] = {};
      for (let i = 0; i < 20; i++) day[`linkedin:${'a'.repeat(198)}${String(i).padStart(2, '0')}`] = [12_345_678, 11_111_111, 10_999_999, 10_500_000];
      days[new Date(Date.UTC(2026, 2, 31 - d)).toISOString().slice(0, 10)] = day;
    }
    const encoded = encodeDeviceUsage({ deviceId: 'x'.repeat(64), days, today: '2026-03-31', budgetBytes: MIN_USAGE_BYTES, at: 1_774_950_000_000 });
    expect(encoded.daysShared).toBe(30);
    expect(encoded.accountsFolded).toBe(false);
    // Two devices at the minimum still leave room for settings.
    expect(2 * MIN_USAGE_BYTES + SYNC_SAFETY_MARGIN).toBeLessThan(SYNC_QUOTA.bytes - 16_000);
  });
});
