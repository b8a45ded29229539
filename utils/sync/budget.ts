import { SYNC_QUOTA } from './layout';

// How many bytes of storage.sync this device may fill with its usage.

/** Kept free: room for a settings edit to land before usage shrinks, and for rounding in the browser. */
export const SYNC_SAFETY_MARGIN = 4_096;

/**
 * What 30 days × 20 channels with accounts need in the worst case: accounts of 200 characters
 * (LIMITS.accountMaxLength) repeated in each of 5 chunks, and hours of time a cell, measured at
 * about 38 KB (tests/unit/sync-budget.test.ts). Accounts of 60 characters need about 16 KB.
 */
export const MIN_USAGE_BYTES = 40_960;

/**
 * This device's share of storage.sync for its usage. Everything but settings and the margin is
 * split evenly among `deviceCount` devices (this one included); a device takes no more than that
 * even when the others use less, so a device that joins later always finds its share once the
 * others publish again. When the others still hold more than their share, this device takes what
 * is free rather than fail, but never less than MIN_USAGE_BYTES when every device can have that.
 */
export function usageBudget(input: { settingsBytes: number; otherDevicesBytes: number; deviceCount: number }): number {
  const whole = (value: number) => (Number.isFinite(value) ? Math.max(0, Math.floor(value)) : 0);
  const available = Math.max(0, SYNC_QUOTA.bytes - SYNC_SAFETY_MARGIN - whole(input.settingsBytes));
  const devices = Math.max(1, whole(input.deviceCount));
  const fair = Math.floor(available / devices);
  const free = Math.max(0, available - whole(input.otherDevicesBytes));
  const guaranteed = devices * MIN_USAGE_BYTES <= available ? MIN_USAGE_BYTES : 0;
  return Math.max(Math.min(fair, free), guaranteed);
}
