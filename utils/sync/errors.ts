// What went wrong with storage.sync, and when to try again.

export type SyncProblemCode = 'quota-bytes' | 'quota-item' | 'quota-items' | 'rate-minute' | 'rate-hour' | 'unavailable' | 'other';

/** Most specific first: QUOTA_BYTES_PER_ITEM contains QUOTA_BYTES. */
const PATTERNS: readonly [RegExp, SyncProblemCode][] = [
  // Chrome: "QUOTA_BYTES_PER_ITEM quota exceeded"; newer: "Resource::kQuotaBytesPerItem quota exceeded".
  [/QUOTA_BYTES_PER_ITEM|kQuotaBytesPerItem/i, 'quota-item'],
  [/MAX_ITEMS|kMaxItems/i, 'quota-items'],
  // Also MAX_SUSTAINED_WRITE_OPERATIONS_PER_MINUTE, which older Chrome versions reported.
  [/WRITE_OPERATIONS_PER_MINUTE|kMaxWriteOperationsPerMinute/i, 'rate-minute'],
  [/WRITE_OPERATIONS_PER_HOUR|kMaxWriteOperationsPerHour/i, 'rate-hour'],
  [/QUOTA_BYTES|kQuotaBytes/i, 'quota-bytes'],
  // Firefox names no limit: "QuotaExceededError: storage.sync API call exceeded its quota
  // limitations." Our items never pass the per-item limit, so the total is what is left.
  [/quota/i, 'quota-bytes'],
  // Firefox with sync storage switched off ("webextensions.storage.sync.enabled"), or no API at all.
  [/storage\.sync\.enabled|sync is disabled|not available|not supported|of undefined \(reading '(sync|get|set|remove)'\)/i, 'unavailable'],
];

function messageOf(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
  return '';
}

/** The kind of a storage.sync failure, from the browser's error or its message. */
export function classifySyncError(error: unknown): SyncProblemCode {
  const message = messageOf(error);
  for (const [pattern, code] of PATTERNS) if (pattern.test(message)) return code;
  return 'other';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * When to try again after failure number `attempt` (1 = the first) of this kind. A rate limit is
 * over after its window; a full quota only frees when other devices shrink or the user acts, so
 * waits double from 1 minute to 1 hour; anything else doubles from 30 s to 30 minutes.
 */
export function retryAt(code: SyncProblemCode, attempt: number, now: number): number {
  const step = Number.isFinite(attempt) ? Math.min(Math.max(0, Math.floor(attempt) - 1), 20) : 0;
  switch (code) {
    case 'rate-minute': return now + MINUTE;
    case 'rate-hour': return now + HOUR;
    case 'quota-bytes':
    case 'quota-item':
    case 'quota-items': return now + Math.min(MINUTE * 2 ** step, HOUR);
    default: return now + Math.min(30_000 * 2 ** step, 30 * MINUTE);
  }
}
