import { describe, expect, it } from 'vitest';
import { classifySyncError, retryAt } from '@/utils/sync/errors';

// storage.sync failures, and when to try again.

describe('classifySyncError', () => {
  it.each([
    ['QUOTA_BYTES quota exceeded', 'quota-bytes'],
    ['QUOTA_BYTES_PER_ITEM quota exceeded', 'quota-item'],
    ['MAX_ITEMS quota exceeded', 'quota-items'],
    ['This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.', 'rate-minute'],
    ['This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.', 'rate-hour'],
    ['MAX_SUSTAINED_WRITE_OPERATIONS_PER_MINUTE quota exceeded', 'rate-minute'],
    ['Resource::kQuotaBytes quota exceeded', 'quota-bytes'],
    ['Resource::kQuotaBytesPerItem quota exceeded', 'quota-item'],
    ['QuotaExceededError: storage.sync API call exceeded its quota limitations.', 'quota-bytes'],
    ['Please set webextensions.storage.sync.enabled to true in about:config', 'unavailable'],
    ["Cannot read properties of undefined (reading 'set')", 'unavailable'],
    ['An unexpected error occurred', 'other'],
  ] as const)('%s -> %s', (message, code) => {
    expect(classifySyncError(new Error(message))).toBe(code);
    expect(classifySyncError({ message })).toBe(code);
  });

  it('reads strings and anything else', () => {
    expect(classifySyncError('MAX_ITEMS quota exceeded')).toBe('quota-items');
    expect(classifySyncError(undefined)).toBe('other');
    expect(classifySyncError(42)).toBe('other');
  });
});

describe('retryAt', () => {
  const now = 1_000_000;
  const min = 60_000;
  it('waits out the rate windows', () => {
    expect(retryAt('rate-minute', 1, now)).toBe(now + min);
    expect(retryAt('rate-minute', 7, now)).toBe(now + min);
    expect(retryAt('rate-hour', 1, now)).toBe(now + 60 * min);
  });

  it('doubles from a minute to an hour for a full quota', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => (retryAt('quota-bytes', attempt, now) - now) / min)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(retryAt('quota-item', 1, now)).toBe(now + min);
    expect(retryAt('quota-items', 100, now)).toBe(now + 60 * min);
  });

  it('doubles from 30 seconds to 30 minutes otherwise', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => (retryAt('other', attempt, now) - now) / 1000)).toEqual([30, 60, 120, 240, 480, 960, 1800, 1800]);
    expect(retryAt('unavailable', 0, now)).toBe(now + 30_000);
    expect(retryAt('other', Number.NaN, now)).toBe(now + 30_000);
  });
});
