import * as v from 'valibot';
import { isCalendarDate, isValidSourceId } from '@/utils/backup/checks';
import { DayTotalsSchema } from '@/utils/tracking/totals';
import type { SyncProblemCode } from './errors';
import type { DeviceUsage } from './usage-encoding';

// The local record of sync: on or off, what was last sent and received, and what went wrong.

export interface SyncState {
  enabled: boolean;
  /** When each settings part this device holds was written (the `at` of its last writer). */
  partsAt: Record<string, number>;
  /** Who wrote each part this device holds: breaks ties of equal `at` (applyRemoteParts). */
  partsBy?: Record<string, string>;
  lastPublishedAt: number | null;
  lastReceivedAt: number | null;
  /** Days of this device's usage in the sync copy, and whether some have their accounts folded. */
  daysShared: number;
  accountsFolded: boolean;
  bytesInUse: number | null;
  /** Failures in a row (0 after a success): the backoff grows with it. */
  attempt: number;
  problem: { code: SyncProblemCode; message: string; at: number; retryAt: number | null } | null;
}

/** Off until the user turns it on. */
export function defaultSyncState(): SyncState {
  return {
    enabled: false,
    partsAt: {},
    partsBy: {},
    lastPublishedAt: null,
    lastReceivedAt: null,
    daysShared: 0,
    accountsFolded: false,
    bytesInUse: null,
    attempt: 0,
    problem: null,
  };
}

const PROBLEM_CODES = ['quota-bytes', 'quota-item', 'quota-items', 'rate-minute', 'rate-hour', 'unavailable', 'other'] as const satisfies readonly SyncProblemCode[];

const EpochSchema = v.pipe(v.number(), v.finite(), v.minValue(0));
const CountSchema = v.pipe(v.number(), v.integer(), v.minValue(0));
const PartNameSchema = v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/));

const SyncStateSchema = v.object({
  enabled: v.boolean(),
  partsAt: v.record(PartNameSchema, EpochSchema),
  partsBy: v.optional(v.record(PartNameSchema, v.pipe(v.string(), v.check(isValidSourceId, 'expected a device id'))), {}),
  lastPublishedAt: v.nullable(EpochSchema),
  lastReceivedAt: v.nullable(EpochSchema),
  daysShared: CountSchema,
  accountsFolded: v.boolean(),
  bytesInUse: v.nullable(CountSchema),
  attempt: CountSchema,
  problem: v.nullable(v.object({
    code: v.picklist(PROBLEM_CODES),
    message: v.pipe(v.string(), v.maxLength(500)),
    at: EpochSchema,
    retryAt: v.nullable(EpochSchema),
  })),
});

/** Other devices' usage as kept locally: device id -> { publishedAt, days }. */
const DevicesSchema = v.record(
  v.pipe(v.string(), v.check(isValidSourceId, 'expected a device id')),
  v.object({
    publishedAt: EpochSchema,
    days: v.record(v.pipe(v.string(), v.check(isCalendarDate, 'expected a date YYYY-MM-DD')), DayTotalsSchema),
  }),
);

export function parseSyncState(value: unknown): SyncState | null {
  const result = v.safeParse(SyncStateSchema, value);
  return result.success ? result.output : null;
}

export function parseDevices(value: unknown): Record<string, DeviceUsage> | null {
  const result = v.safeParse(DevicesSchema, value);
  return result.success ? result.output : null;
}
