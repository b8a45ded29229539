import * as v from 'valibot';
import { PLATFORM_IDS } from '@/utils/platforms/types';
import { LIMITS } from './limits';
import { SETTINGS_VERSION, type WorkingHours } from './model';
import { TIME_PATTERN, isHostName, isValidTimeZone, nameKey, validateSpecializationName, validateWorkingHours } from './validate';

// Schema: validates stored values and imported settings. A file of its own, imported only by
// parse.ts, so code that needs types, defaults or queries need not load it (or valibot).

const wholeInRange = (range: { min: number; max: number }) =>
  v.pipe(v.number(), v.integer(), v.minValue(range.min), v.maxValue(range.max));

const TimeSchema = v.pipe(v.string(), v.regex(TIME_PATTERN, 'expected a time HH:MM'));
const EpochMsSchema = v.pipe(v.number(), v.finite(), v.minValue(0));

const WorkingHoursSchema = v.pipe(
  v.object({
    days: v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6))),
    from: TimeSchema,
    to: TimeSchema,
    overnight: v.boolean(),
    timeZone: v.pipe(v.string(), v.check(isValidTimeZone, 'unknown time zone')),
    trackOutside: v.boolean(),
  }),
  v.check(
    (hours) => Object.keys(validateWorkingHours(hours)).length === 0,
    (issue) => `invalid working hours (${Object.values(validateWorkingHours(issue.input as WorkingHours)).join(', ')})`,
  ),
);

const AccountSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.accountMaxLength));

const FocusChannelSchema = v.pipe(
  v.object({
    platform: v.picklist([...PLATFORM_IDS, 'custom'] as const),
    accounts: v.nullable(v.pipe(v.array(AccountSchema), v.minLength(1), v.maxLength(LIMITS.accountsPerPlatform))),
  }),
  v.check(
    (entry) => entry.platform !== 'custom' || (entry.accounts !== null && entry.accounts.every(isHostName)),
    'a custom focus channel lists valid hosts',
  ),
);

const SpecializationSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  name: v.pipe(
    v.string(),
    v.check((name) => validateSpecializationName(name, []) === null, 'a name has 1 to 60 characters'),
  ),
  channels: v.pipe(
    v.array(FocusChannelSchema),
    v.check((entries) => new Set(entries.map((entry) => entry.platform)).size === entries.length,
      'each platform appears once'),
  ),
  budgets: v.object({
    totalMinutes: v.nullable(wholeInRange(LIMITS.budgetMinutes)),
    perChannel: v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(300)), wholeInRange(LIMITS.budgetMinutes)),
  }),
  workingHours: v.nullable(WorkingHoursSchema),
});

export const SettingsSchema = v.pipe(
  v.object({
    version: v.literal(SETTINGS_VERSION),
    specializations: v.pipe(
      v.array(SpecializationSchema),
      v.maxLength(LIMITS.specializations),
      v.check((specs) => new Set(specs.map((spec) => spec.id)).size === specs.length, 'specialization ids are unique'),
      v.check((specs) => new Set(specs.map((spec) => nameKey(spec.name))).size === specs.length,
        'specialization names are unique'),
    ),
    activeSpecializationId: v.nullable(v.string()),
    platforms: v.record(v.picklist(PLATFORM_IDS), v.object({ tracked: v.boolean() })),
    customHosts: v.pipe(
      v.array(v.object({
        host: v.pipe(v.string(), v.check(isHostName, 'expected a host name')),
        platform: v.picklist(['mastodon', 'custom'] as const),
      })),
      v.maxLength(LIMITS.customHosts),
      v.check((hosts) => new Set(hosts.map((entry) => entry.host)).size === hosts.length, 'custom hosts are unique'),
    ),
    tracking: v.object({
      idleThresholdSeconds: wholeInRange(LIMITS.idleThresholdSeconds),
      recordAccounts: v.boolean(),
      pausedUntil: v.nullable(EpochMsSchema),
      retentionDays: v.nullable(wholeInRange(LIMITS.retentionDays)),
      // Added after version 1 without a schema step: settings stored before it count no private window.
      countPrivateWindows: v.optional(v.boolean(), false),
    }),
    flags: v.object({
      badge: v.boolean(),
      notifyAfterMinutes: v.nullable(wholeInRange(LIMITS.notifyAfterMinutes)),
      pauseScreen: v.boolean(),
      snoozedUntil: v.record(v.pipe(v.string(), v.maxLength(300)), EpochMsSchema),
    }),
    panel: v.object({
      edge: v.picklist(['left', 'right'] as const),
      perPlatform: v.record(v.pipe(v.string(), v.maxLength(300)), v.object({
        collapsed: v.boolean(),
        hidden: v.boolean(),
        top: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
      })),
    }),
    setup: v.object({ completed: v.boolean(), skipped: v.boolean() }),
  }),
  v.check(
    (settings) => settings.activeSpecializationId === null
      || settings.specializations.some((spec) => spec.id === settings.activeSpecializationId),
    'the active specialization exists',
  ),
);
