import * as v from 'valibot';
import { PLATFORM_IDS } from '@/utils/platforms/types';
import { CLIENT_COLOR_PATTERN, LIMITS, SOURCE_ID_PATTERN } from './limits';
import { SETTINGS_VERSION, type WorkingHours } from './model';
import { firstSharedClientChannel } from './queries';
import {
  TIME_PATTERN, isHostName, isValidTimeZone, nameKey, validateClientName, validateSpecializationName, validateWorkingHours,
} from './validate';

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

export const FocusChannelSchema = v.pipe(
  v.object({
    platform: v.picklist([...PLATFORM_IDS, 'custom'] as const),
    accounts: v.nullable(v.pipe(v.array(AccountSchema), v.minLength(1), v.maxLength(LIMITS.accountsPerPlatform))),
  }),
  v.check(
    (entry) => entry.platform !== 'custom' || (entry.accounts !== null && entry.accounts.every(isHostName)),
    'a custom focus channel lists valid hosts',
  ),
);

const IdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(100));

/** Channels of a focus or a client: each platform once. */
const FocusChannelsSchema = v.pipe(
  v.array(FocusChannelSchema),
  v.check((entries) => new Set(entries.map((entry) => entry.platform)).size === entries.length,
    'each platform appears once'),
);

export const ClientSchema = v.object({
  id: IdSchema,
  name: v.pipe(
    v.string(),
    v.check((name) => validateClientName(name, []) === null, `a name has 1 to ${LIMITS.nameMaxLength} characters`),
  ),
  color: v.pipe(v.string(), v.regex(CLIENT_COLOR_PATTERN, 'expected a colour #rrggbb')),
  channels: FocusChannelsSchema,
});

const ClientsSchema = v.pipe(
  v.array(ClientSchema),
  v.maxLength(LIMITS.clients),
  v.check((clients) => new Set(clients.map((client) => client.id)).size === clients.length, 'client ids are unique'),
  v.check((clients) => firstSharedClientChannel(clients) === null, 'an account (or whole platform) belongs to one client'),
);

export const SourceNameSchema = v.pipe(
  v.string(),
  v.check((name) => name.trim() !== '' && [...name.trim()].length <= LIMITS.sourceNameMaxLength,
    `a name has 1 to ${LIMITS.sourceNameMaxLength} characters`),
);

const SpecializationSchema = v.object({
  id: IdSchema,
  name: v.pipe(
    v.string(),
    v.check((name) => validateSpecializationName(name, []) === null, 'a name has 1 to 60 characters'),
  ),
  channels: FocusChannelsSchema,
  budgets: v.object({
    totalMinutes: v.nullable(wholeInRange(LIMITS.budgetMinutes)),
    perChannel: v.record(v.pipe(v.string(), v.minLength(1), v.maxLength(300)), wholeInRange(LIMITS.budgetMinutes)),
  }),
  workingHours: v.nullable(WorkingHoursSchema),
  clientId: v.nullable(IdSchema),
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
    clients: ClientsSchema,
    sourceNames: v.record(v.pipe(v.string(), v.regex(SOURCE_ID_PATTERN, 'expected a source id')), SourceNameSchema),
    reports: v.object({ weeklyReminder: v.boolean() }),
  }),
  v.check(
    (settings) => settings.activeSpecializationId === null
      || settings.specializations.some((spec) => spec.id === settings.activeSpecializationId),
    'the active specialization exists',
  ),
  v.check(
    (settings) => settings.specializations.every((spec) => spec.clientId === null
      || settings.clients.some((client) => client.id === spec.clientId)),
    'the client of a specialization exists',
  ),
);
