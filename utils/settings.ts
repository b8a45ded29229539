import * as v from 'valibot';
import { channelKey, detectChannel, isValidHost, type Channel, type ChannelPlatform, type UserHost } from '@/utils/channels';
import { PLATFORM_IDS, type PlatformId } from '@/utils/platforms/types';

/**
 * Everything the user configures, in one versioned shape. Pure: validation, parsing, migrations
 * and the editor's reducers. Reducers never mutate their input and never save a broken state:
 * those that take user input return an `EditResult` and refuse invalid values with a stable code.
 */

/** Schema version of the stored settings. Bump it together with a new step in SETTINGS_MIGRATIONS. */
export const SETTINGS_VERSION = 1;

/**
 * A focus entry: a whole platform (`accounts: null`) or only some accounts within it.
 * At most one entry per platform. For `custom`, `accounts` lists hosts and is never null.
 */
export interface FocusChannel {
  platform: ChannelPlatform;
  accounts: string[] | null;
}

export interface DailyBudgets {
  /** Daily minutes for all time on the specialization's channels, or none. */
  totalMinutes: number | null;
  /** Daily minutes per focus key (`linkedin`, `linkedin:company/acme`, `custom:host`). */
  perChannel: Record<string, number>;
}

/**
 * When the user works. Times are local wall-clock times in `timeZone`; the window is
 * [from, to). A window that ends the next day must be chosen explicitly with `overnight`
 * (then `to` is before `from`); otherwise "from after to" is a mistake the editor explains.
 * `days` are the days a window starts on (0 = Sunday .. 6 = Saturday).
 */
export interface WorkingHours {
  days: number[];
  from: string;
  to: string;
  overnight: boolean;
  timeZone: string;
  /** true: time outside working hours is tracked and reported as after-hours; false: not tracked. */
  trackOutside: boolean;
}

export interface Specialization {
  id: string;
  name: string;
  channels: FocusChannel[];
  budgets: DailyBudgets;
  workingHours: WorkingHours | null;
}

export interface PanelPlacement {
  collapsed: boolean;
  hidden: boolean;
  /** Vertical position of the panel's top, as a fraction of the viewport height (0..1). */
  top: number;
}

export interface Settings {
  version: number;
  specializations: Specialization[];
  activeSpecializationId: string | null;
  /** Built-in platforms the user excluded or included; a platform missing here is tracked. */
  platforms: Partial<Record<PlatformId, { tracked: boolean }>>;
  /** Hosts the user added, normalised by `isValidHost` (channels.ts), as channel detection reads them. */
  customHosts: UserHost[];
  tracking: {
    idleThresholdSeconds: number;
    /** false: platform-only tracking, accounts are never recorded (privacy choice). */
    recordAccounts: boolean;
    pausedUntil: number | null;
    /** null: keep history forever. */
    retentionDays: number | null;
    /** Private (incognito) windows count, where the browser lets the extension run there at all. Off: they count and store nothing. */
    countPrivateWindows: boolean;
  };
  flags: {
    badge: boolean;
    notifyAfterMinutes: number | null;
    pauseScreen: boolean;
    /** Flag snoozes per channel key (or platform id for the whole platform): epoch ms. */
    snoozedUntil: Record<string, number>;
  };
  panel: {
    edge: 'left' | 'right';
    /** Keyed by platform id, or `custom:<host>` for a custom channel. */
    perPlatform: Record<string, PanelPlacement>;
  };
  setup: { completed: boolean; skipped: boolean };
}

export const LIMITS = {
  nameMaxLength: 60,
  budgetMinutes: { min: 1, max: 24 * 60 },
  idleThresholdSeconds: { min: 15, max: 3600, default: 60 },
  retentionDays: { min: 1, max: 3650 },
  notifyAfterMinutes: { min: 1, max: 24 * 60 },
  accountMaxLength: 200,
  accountsPerPlatform: 100,
  specializations: 100,
  customHosts: 200,
} as const;

export const DEFAULT_PANEL_PLACEMENT: PanelPlacement = { collapsed: false, hidden: false, top: 0.3 };

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    specializations: [],
    activeSpecializationId: null,
    platforms: Object.fromEntries(PLATFORM_IDS.map((id) => [id, { tracked: true }])),
    customHosts: [],
    tracking: {
      idleThresholdSeconds: LIMITS.idleThresholdSeconds.default,
      recordAccounts: true,
      pausedUntil: null,
      retentionDays: null,
      countPrivateWindows: false,
    },
    flags: { badge: false, notifyAfterMinutes: null, pauseScreen: false, snoozedUntil: {} },
    panel: { edge: 'right', perPlatform: {} },
    setup: { completed: false, skipped: false },
  };
}

/** What the editor proposes when the user turns working hours on: Monday to Friday, 9 to 17. */
export function defaultWorkingHours(timeZone: string): WorkingHours {
  return { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00', overnight: false, timeZone, trackOutside: true };
}

// ---------------------------------------------------------------------------------------------
// Validation for the editor: stable codes, mapped to English and German text by the UI.

export type ValidationCode =
  | 'name-empty' | 'name-duplicate' | 'name-too-long'
  | 'budget-invalid' | 'budget-too-small' | 'budget-too-large'
  | 'days-empty' | 'day-invalid' | 'time-invalid' | 'time-zone-invalid'
  | 'from-not-before-to' | 'overnight-to-not-before-from'
  | 'idle-invalid' | 'idle-too-small' | 'idle-too-large'
  | 'retention-invalid' | 'retention-too-small' | 'retention-too-large'
  | 'notify-invalid' | 'notify-too-small' | 'notify-too-large'
  | 'host-empty' | 'host-invalid' | 'host-duplicate' | 'host-built-in'
  | 'specialization-not-found' | 'specialization-id-taken' | 'channel-not-in-focus';

type RangeCode<P extends string> = `${P}-invalid` | `${P}-too-small` | `${P}-too-large`;

function checkWholeNumber<P extends string>(
  n: number, range: { min: number; max: number }, prefix: P,
): RangeCode<P> | null {
  if (typeof n !== 'number' || !Number.isInteger(n)) return `${prefix}-invalid`;
  if (n < range.min) return `${prefix}-too-small`;
  if (n > range.max) return `${prefix}-too-large`;
  return null;
}

/** Comparison form of a name: duplicates are found regardless of case and surrounding spaces. */
function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}

/** `others`: the names of the other specializations (without the one being renamed). */
export function validateSpecializationName(
  name: string, others: readonly string[],
): 'name-empty' | 'name-duplicate' | 'name-too-long' | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'name-empty';
  if ([...trimmed].length > LIMITS.nameMaxLength) return 'name-too-long';
  const key = nameKey(trimmed);
  if (others.some((other) => nameKey(other) === key)) return 'name-duplicate';
  return null;
}

/** A daily budget is whole minutes from 1 to 1440: zero or more than a day is a mistake. */
export function validateBudgetMinutes(minutes: number): RangeCode<'budget'> | null {
  return checkWholeNumber(minutes, LIMITS.budgetMinutes, 'budget');
}

export function validateIdleThreshold(seconds: number): RangeCode<'idle'> | null {
  return checkWholeNumber(seconds, LIMITS.idleThresholdSeconds, 'idle');
}

export function validateRetentionDays(days: number): RangeCode<'retention'> | null {
  return checkWholeNumber(days, LIMITS.retentionDays, 'retention');
}

export function validateNotifyAfterMinutes(minutes: number): RangeCode<'notify'> | null {
  return checkWholeNumber(minutes, LIMITS.notifyAfterMinutes, 'notify');
}

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes since local midnight of an `HH:MM` time, or null when it is not one. */
export function parseTimeOfDay(time: string): number | null {
  const match = TIME_PATTERN.exec(time);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export type WorkingHoursErrors = Partial<Record<'days' | 'from' | 'to' | 'timeZone', ValidationCode>>;

/** Field errors of a working-hours choice; an empty object means valid. */
export function validateWorkingHours(hours: WorkingHours): WorkingHoursErrors {
  const errors: WorkingHoursErrors = {};
  if (!Array.isArray(hours.days) || hours.days.length === 0) errors.days = 'days-empty';
  else if (hours.days.some((day) => !Number.isInteger(day) || day < 0 || day > 6)
    || new Set(hours.days).size !== hours.days.length) errors.days = 'day-invalid';
  const from = parseTimeOfDay(hours.from);
  const to = parseTimeOfDay(hours.to);
  if (from === null) errors.from = 'time-invalid';
  if (to === null) errors.to = 'time-invalid';
  if (from !== null && to !== null) {
    if (!hours.overnight && from >= to) errors.to = 'from-not-before-to';
    if (hours.overnight && to >= from) errors.to = 'overnight-to-not-before-from';
  }
  if (!isValidTimeZone(hours.timeZone)) errors.timeZone = 'time-zone-invalid';
  return errors;
}

export type HostCheck =
  | { ok: true; host: string }
  | { ok: false; code: 'host-empty' | 'host-invalid' | 'host-duplicate' | 'host-built-in' };

/**
 * Checks a host the user typed or pasted for a custom channel (`https://mastodon.social/@me`
 * gives `mastodon.social`). A host of a built-in platform is refused: it is tracked already.
 */
export function validateCustomHost(input: string, settings: Settings): HostCheck {
  if (input.trim() === '') return { ok: false, code: 'host-empty' };
  const host = isValidHost(input);
  if (host === null) return { ok: false, code: 'host-invalid' };
  if (settings.customHosts.some((entry) => isValidHost(entry.host) === host)) return { ok: false, code: 'host-duplicate' };
  if (detectChannel(`https://${host}/`) !== null) return { ok: false, code: 'host-built-in' };
  return { ok: true, host };
}

/**
 * A stored host must be a host name. Its normal form is not required, so that a later change of
 * the normalisation cannot make stored settings unreadable; comparisons normalise instead.
 */
function isHostName(host: string): boolean {
  return isValidHost(host) !== null;
}

// ---------------------------------------------------------------------------------------------
// Schema: validates stored values and imported settings.

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

// ---------------------------------------------------------------------------------------------
// Migrations and parsing.

/** One step migrates a stored object of version n to version n + 1. */
export type SettingsMigration = (old: Record<string, unknown>) => Record<string, unknown>;

/** SETTINGS_MIGRATIONS[i] migrates version i + 1 to version i + 2. v1 is the first version. */
export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [];

export type MigrationResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Brings a stored settings object of any earlier version to the current one. The target version
 * is `migrations.length + 1`, so the list and SETTINGS_VERSION must grow together.
 */
export function migrateSettings(
  value: unknown, migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS,
): MigrationResult {
  if (!isPlainRecord(value)) return { ok: false, error: 'settings: expected an object' };
  const version = value.version;
  const current = migrations.length + 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'settings.version: expected a whole number from 1' };
  }
  if (version > current) {
    return { ok: false, error: `settings.version: ${version} comes from a newer version of Channel Focus (this one reads up to ${current})` };
  }
  let migrated: Record<string, unknown> = value;
  for (let step = version; step < current; step += 1) {
    const migration = migrations[step - 1];
    if (!migration) return { ok: false, error: `settings.version: no migration from ${step}` };
    try {
      migrated = { ...migration(migrated), version: step + 1 };
    } catch {
      return { ok: false, error: `settings: the stored version ${step} could not be migrated` };
    }
  }
  return { ok: true, value: migrated };
}

export type ParseResult = { ok: true; settings: Settings } | { ok: false; error: string };

const MAX_ERROR_LENGTH = 200;

/**
 * Validates stored or imported settings, migrating older versions first. Never throws; the error
 * names the first offending field. Keys `__proto__`, `constructor` and `prototype` inside records
 * are dropped, and unknown keys in objects are not copied, so nothing reaches a prototype.
 */
export function parseSettings(value: unknown): ParseResult {
  try {
    const migrated = migrateSettings(value);
    if (!migrated.ok) return migrated;
    const result = v.safeParse(SettingsSchema, migrated.value);
    if (result.success) return { ok: true, settings: result.output };
    const issue = result.issues[0];
    const path = v.getDotPath(issue);
    const message = `settings${path ? `.${path}` : ''}: ${issue.message}`;
    return {
      ok: false,
      error: message.length > MAX_ERROR_LENGTH ? `${message.slice(0, MAX_ERROR_LENGTH - 1)}…` : message,
    };
  } catch {
    // Getters or proxies in a hostile value can throw while being read.
    return { ok: false, error: 'settings: unreadable value' };
  }
}

// ---------------------------------------------------------------------------------------------
// Queries shared by the editor and the focus rules.

export function activeSpecialization(settings: Settings): Specialization | null {
  if (settings.activeSpecializationId === null) return null;
  return settings.specializations.find((spec) => spec.id === settings.activeSpecializationId) ?? null;
}

export function findSpecialization(settings: Settings, id: string): Specialization | null {
  return settings.specializations.find((spec) => spec.id === id) ?? null;
}

export function isPlatformTracked(settings: Settings, platform: PlatformId): boolean {
  return settings.platforms[platform]?.tracked ?? true;
}

/**
 * The keys a budget can be set on for this specialization: every focus platform (all its time),
 * and every listed account. Custom channels only have per-host keys.
 */
export function budgetKeys(spec: Specialization): string[] {
  return spec.channels.flatMap((entry) => {
    const accountKeys = (entry.accounts ?? []).map((account) => channelKey({ platform: entry.platform, account }));
    return entry.platform === 'custom' ? accountKeys : [entry.platform, ...accountKeys];
  });
}

export function panelPlacement(settings: Settings, key: string): PanelPlacement {
  return Object.hasOwn(settings.panel.perPlatform, key)
    ? settings.panel.perPlatform[key] ?? DEFAULT_PANEL_PLACEMENT
    : DEFAULT_PANEL_PLACEMENT;
}

/**
 * The first name `candidate(n)` for n = 1, 2, ... that no specialization uses, e.g. for the
 * localized "Acme (copy)", "Acme (copy 2)" of a duplicate.
 */
export function firstFreeName(settings: Settings, candidate: (n: number) => string): string {
  const taken = new Set(settings.specializations.map((spec) => nameKey(spec.name)));
  for (let n = 1; n <= LIMITS.specializations + 1; n += 1) {
    const name = candidate(n);
    if (!taken.has(nameKey(name))) return name;
  }
  return candidate(LIMITS.specializations + 2);
}

// ---------------------------------------------------------------------------------------------
// Reducers. Each returns a new Settings and leaves its input untouched.

export type EditError = { ok: false; field: string; code: ValidationCode };
export type EditResult<Extra extends object = object> = ({ ok: true; settings: Settings } & Extra) | EditError;

function fail(field: string, code: ValidationCode): EditError {
  return { ok: false, field, code };
}

function otherNames(settings: Settings, exceptId: string | null): string[] {
  return settings.specializations.filter((spec) => spec.id !== exceptId).map((spec) => spec.name);
}

function updateSpecialization(
  settings: Settings, id: string, update: (spec: Specialization) => Specialization,
): Settings {
  return {
    ...settings,
    specializations: settings.specializations.map((spec) => (spec.id === id ? update(spec) : spec)),
  };
}

function copySpecialization(spec: Specialization): Specialization {
  return {
    ...spec,
    channels: spec.channels.map((entry) => ({ ...entry, accounts: entry.accounts ? [...entry.accounts] : null })),
    budgets: { ...spec.budgets, perChannel: { ...spec.budgets.perChannel } },
    workingHours: spec.workingHours ? { ...spec.workingHours, days: [...spec.workingHours.days] } : null,
  };
}

/** Drops per-channel budgets whose key is no longer a focus key, so none lingers unseen. */
function withoutStaleBudgets(spec: Specialization): Specialization {
  const keys = new Set(budgetKeys(spec));
  const perChannel = Object.fromEntries(Object.entries(spec.budgets.perChannel).filter(([key]) => keys.has(key)));
  return { ...spec, budgets: { ...spec.budgets, perChannel } };
}

/** Creates an empty specialization; the very first one becomes active. */
export function createSpecialization(
  settings: Settings, name: string, idFactory: () => string,
): EditResult<{ id: string }> {
  const nameError = validateSpecializationName(name, otherNames(settings, null));
  if (nameError) return fail('name', nameError);
  const id = idFactory();
  if (findSpecialization(settings, id)) return fail('id', 'specialization-id-taken');
  const spec: Specialization = {
    id,
    name: name.trim(),
    channels: [],
    budgets: { totalMinutes: null, perChannel: {} },
    workingHours: null,
  };
  return {
    ok: true,
    id,
    settings: {
      ...settings,
      specializations: [...settings.specializations, spec],
      activeSpecializationId: settings.specializations.length === 0 ? id : settings.activeSpecializationId,
    },
  };
}

export function renameSpecialization(settings: Settings, id: string, name: string): EditResult {
  if (!findSpecialization(settings, id)) return fail('id', 'specialization-not-found');
  const nameError = validateSpecializationName(name, otherNames(settings, id));
  if (nameError) return fail('name', nameError);
  return { ok: true, settings: updateSpecialization(settings, id, (spec) => ({ ...spec, name: name.trim() })) };
}

/** Copies a specialization under a new name, right after the original. The copy is not active. */
export function duplicateSpecialization(
  settings: Settings, id: string, name: string, idFactory: () => string,
): EditResult<{ id: string }> {
  const index = settings.specializations.findIndex((spec) => spec.id === id);
  const original = settings.specializations[index];
  if (!original) return fail('id', 'specialization-not-found');
  const nameError = validateSpecializationName(name, otherNames(settings, null));
  if (nameError) return fail('name', nameError);
  const newId = idFactory();
  if (findSpecialization(settings, newId)) return fail('id', 'specialization-id-taken');
  const copy: Specialization = { ...copySpecialization(original), id: newId, name: name.trim() };
  const specializations = [...settings.specializations];
  specializations.splice(index + 1, 0, copy);
  return { ok: true, id: newId, settings: { ...settings, specializations } };
}

/** What the UI keeps to undo a deletion. */
export interface RemovedSpecialization {
  specialization: Specialization;
  index: number;
  wasActive: boolean;
}

/**
 * Removes a specialization. Deleting the active one leaves none active: focus never silently
 * moves to another client's specialization.
 */
export function deleteSpecialization(
  settings: Settings, id: string,
): { settings: Settings; removed: RemovedSpecialization } | null {
  const index = settings.specializations.findIndex((spec) => spec.id === id);
  const specialization = settings.specializations[index];
  if (!specialization) return null;
  const wasActive = settings.activeSpecializationId === id;
  return {
    removed: { specialization, index, wasActive },
    settings: {
      ...settings,
      specializations: settings.specializations.filter((spec) => spec.id !== id),
      activeSpecializationId: wasActive ? null : settings.activeSpecializationId,
    },
  };
}

/**
 * Undoes a deletion: back at its place, and active again if it was and nothing else has been
 * activated since. Refused when its name or id has been taken in the meantime.
 */
export function restoreSpecialization(settings: Settings, removed: RemovedSpecialization): EditResult {
  const { specialization, index, wasActive } = removed;
  if (findSpecialization(settings, specialization.id)) return fail('id', 'specialization-id-taken');
  const nameError = validateSpecializationName(specialization.name, otherNames(settings, null));
  if (nameError) return fail('name', nameError);
  const specializations = [...settings.specializations];
  specializations.splice(Math.min(Math.max(index, 0), specializations.length), 0, specialization);
  return {
    ok: true,
    settings: {
      ...settings,
      specializations,
      activeSpecializationId: wasActive && settings.activeSpecializationId === null
        ? specialization.id
        : settings.activeSpecializationId,
    },
  };
}

/** Activates a specialization, or none with null. An unknown id changes nothing. */
export function setActiveSpecialization(settings: Settings, id: string | null): Settings {
  if (id !== null && !findSpecialization(settings, id)) return settings;
  return { ...settings, activeSpecializationId: id };
}

/** Adds a whole platform to the focus, or removes it (with its account list and budgets). */
export function toggleFocusPlatform(settings: Settings, specId: string, platform: PlatformId): Settings {
  return updateSpecialization(settings, specId, (spec) => {
    const present = spec.channels.some((entry) => entry.platform === platform);
    const channels = present
      ? spec.channels.filter((entry) => entry.platform !== platform)
      : [...spec.channels, { platform, accounts: null }];
    return withoutStaleBudgets({ ...spec, channels });
  });
}

function cleanAccounts(accounts: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of accounts) {
    const account = raw.trim();
    const key = account.toLowerCase();
    if (account === '' || account.length > LIMITS.accountMaxLength || seen.has(key)) continue;
    seen.add(key);
    result.push(account);
  }
  return result.slice(0, LIMITS.accountsPerPlatform);
}

/**
 * Sets "only these accounts" for a platform (adding the platform if needed). An empty list or
 * null means the whole platform. For `custom` the accounts are hosts: invalid ones are dropped,
 * and an empty list removes custom channels from the focus.
 */
export function setFocusAccounts(
  settings: Settings, specId: string, platform: ChannelPlatform, accounts: readonly string[] | null,
): Settings {
  return updateSpecialization(settings, specId, (spec) => {
    let listed = accounts ? cleanAccounts(accounts) : [];
    if (platform === 'custom') {
      listed = [...new Set(listed.map(isValidHost).filter((host): host is string => host !== null))];
    }
    const entry: FocusChannel | null = listed.length > 0
      ? { platform, accounts: listed }
      : platform === 'custom' ? null : { platform, accounts: null };
    const index = spec.channels.findIndex((existing) => existing.platform === platform);
    const channels = [...spec.channels];
    if (index === -1 && entry) channels.push(entry);
    else if (index !== -1 && entry) channels[index] = entry;
    else if (index !== -1) channels.splice(index, 1);
    return withoutStaleBudgets({ ...spec, channels });
  });
}

/**
 * The panel's quick action: bring this channel into the focus. Without an account the whole
 * platform is added; with one, the account joins the platform's list (a whole platform stays whole).
 */
export function addChannelToFocus(settings: Settings, specId: string, channel: Channel): Settings {
  const spec = findSpecialization(settings, specId);
  if (!spec) return settings;
  const existing = spec.channels.find((entry) => entry.platform === channel.platform);
  // A listed platform's account-less pages already count as in focus (see focus.ts).
  if (channel.account === null) {
    if (channel.platform === 'custom' || existing) return settings;
    return setFocusAccounts(settings, specId, channel.platform, null);
  }
  if (existing && existing.accounts === null) return settings;
  return setFocusAccounts(settings, specId, channel.platform, [...(existing?.accounts ?? []), channel.account]);
}

export function setTotalBudget(settings: Settings, specId: string, minutes: number | null): EditResult {
  if (!findSpecialization(settings, specId)) return fail('id', 'specialization-not-found');
  if (minutes !== null) {
    const error = validateBudgetMinutes(minutes);
    if (error) return fail('totalMinutes', error);
  }
  return {
    ok: true,
    settings: updateSpecialization(settings, specId, (spec) => ({ ...spec, budgets: { ...spec.budgets, totalMinutes: minutes } })),
  };
}

/** Sets or clears (null) the daily budget of one focus key (see `budgetKeys`). */
export function setChannelBudget(settings: Settings, specId: string, key: string, minutes: number | null): EditResult {
  const spec = findSpecialization(settings, specId);
  if (!spec) return fail('id', 'specialization-not-found');
  if (minutes !== null) {
    if (!budgetKeys(spec).includes(key)) return fail('channel', 'channel-not-in-focus');
    const error = validateBudgetMinutes(minutes);
    if (error) return fail('minutes', error);
  }
  return {
    ok: true,
    settings: updateSpecialization(settings, specId, (current) => {
      const perChannel = Object.fromEntries(Object.entries(current.budgets.perChannel).filter(([existing]) => existing !== key));
      if (minutes !== null) perChannel[key] = minutes;
      return { ...current, budgets: { ...current.budgets, perChannel } };
    }),
  };
}

export function setWorkingHours(settings: Settings, specId: string, hours: WorkingHours | null): EditResult {
  if (!findSpecialization(settings, specId)) return fail('id', 'specialization-not-found');
  if (hours !== null) {
    const errors = validateWorkingHours(hours);
    const first = Object.entries(errors)[0];
    if (first) return fail(first[0], first[1]);
  }
  const copy = hours ? { ...hours, days: [...new Set(hours.days)].sort((a, b) => a - b) } : null;
  return { ok: true, settings: updateSpecialization(settings, specId, (spec) => ({ ...spec, workingHours: copy })) };
}

export function setPlatformTracked(settings: Settings, platform: PlatformId, tracked: boolean): Settings {
  return { ...settings, platforms: { ...settings.platforms, [platform]: { tracked } } };
}

export function addCustomHost(
  settings: Settings, input: string, platform: UserHost['platform'],
): EditResult<{ host: string }> {
  const check = validateCustomHost(input, settings);
  if (!check.ok) return fail('host', check.code);
  return {
    ok: true,
    host: check.host,
    settings: { ...settings, customHosts: [...settings.customHosts, { host: check.host, platform }] },
  };
}

/** Removes a custom host, and with it every focus entry, budget, snooze and panel state for it. */
export function removeCustomHost(settings: Settings, host: string): Settings {
  const key = channelKey({ platform: 'custom', account: host });
  const without = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
  let next: Settings = {
    ...settings,
    customHosts: settings.customHosts.filter((entry) => entry.host !== host),
    flags: { ...settings.flags, snoozedUntil: without(settings.flags.snoozedUntil) },
    panel: { ...settings.panel, perPlatform: without(settings.panel.perPlatform) },
  };
  for (const spec of settings.specializations) {
    const custom = spec.channels.find((entry) => entry.platform === 'custom');
    if (custom?.accounts?.includes(host)) {
      next = setFocusAccounts(next, spec.id, 'custom', custom.accounts.filter((listed) => listed !== host));
    }
  }
  return next;
}

export function setIdleThreshold(settings: Settings, seconds: number): EditResult {
  const error = validateIdleThreshold(seconds);
  if (error) return fail('idleThresholdSeconds', error);
  return { ok: true, settings: { ...settings, tracking: { ...settings.tracking, idleThresholdSeconds: seconds } } };
}

export function setRecordAccounts(settings: Settings, recordAccounts: boolean): Settings {
  return { ...settings, tracking: { ...settings.tracking, recordAccounts } };
}

/** Whether private (incognito) windows count. */
export function setCountPrivateWindows(settings: Settings, countPrivateWindows: boolean): Settings {
  return { ...settings, tracking: { ...settings.tracking, countPrivateWindows } };
}

export function setRetentionDays(settings: Settings, days: number | null): EditResult {
  if (days !== null) {
    const error = validateRetentionDays(days);
    if (error) return fail('retentionDays', error);
  }
  return { ok: true, settings: { ...settings, tracking: { ...settings.tracking, retentionDays: days } } };
}

/** Pauses tracking until the given moment (epoch ms), e.g. now + 15 min or the next local midnight. */
export function pauseTracking(settings: Settings, until: number): Settings {
  return { ...settings, tracking: { ...settings.tracking, pausedUntil: until } };
}

export function resumeTracking(settings: Settings): Settings {
  return { ...settings, tracking: { ...settings.tracking, pausedUntil: null } };
}

export function setFlagLoudness(settings: Settings, loudness: { badge?: boolean; pauseScreen?: boolean }): Settings {
  return { ...settings, flags: { ...settings.flags, ...loudness } };
}

export function setNotifyAfterMinutes(settings: Settings, minutes: number | null): EditResult {
  if (minutes !== null) {
    const error = validateNotifyAfterMinutes(minutes);
    if (error) return fail('notifyAfterMinutes', error);
  }
  return { ok: true, settings: { ...settings, flags: { ...settings.flags, notifyAfterMinutes: minutes } } };
}

/** Snoozes the flag of one channel; pass `{ platform, account: null }` to snooze the whole platform. */
export function snoozeFlag(settings: Settings, channel: Channel, until: number): Settings {
  const key = channelKey(channel);
  return { ...settings, flags: { ...settings.flags, snoozedUntil: { ...settings.flags.snoozedUntil, [key]: until } } };
}

/** Forgets snoozes that have run out, so the stored map does not grow. */
export function clearExpiredSnoozes(settings: Settings, now: number): Settings {
  const snoozedUntil = Object.fromEntries(Object.entries(settings.flags.snoozedUntil).filter(([, until]) => until > now));
  return { ...settings, flags: { ...settings.flags, snoozedUntil } };
}

export function setPanelEdge(settings: Settings, edge: 'left' | 'right'): Settings {
  return { ...settings, panel: { ...settings.panel, edge } };
}

export function setPanelPlacement(settings: Settings, key: string, change: Partial<PanelPlacement>): Settings {
  const current = panelPlacement(settings, key);
  const top = Math.min(1, Math.max(0, Number.isFinite(change.top) ? change.top ?? current.top : current.top));
  return {
    ...settings,
    panel: { ...settings.panel, perPlatform: { ...settings.panel.perPlatform, [key]: { ...current, ...change, top } } },
  };
}

/**
 * Ends the guided first run with the accepted (or edited) suggestion: a specialization with
 * these whole platforms, made active.
 */
export function completeSetup(
  settings: Settings, name: string, platforms: readonly PlatformId[], idFactory: () => string,
): EditResult<{ id: string }> {
  const created = createSpecialization(settings, name, idFactory);
  if (!created.ok) return created;
  let next = created.settings;
  for (const platform of new Set(platforms)) next = setFocusAccounts(next, created.id, platform, null);
  return {
    ok: true,
    id: created.id,
    settings: { ...next, activeSpecializationId: created.id, setup: { completed: true, skipped: false } },
  };
}

export function skipSetup(settings: Settings): Settings {
  return { ...settings, setup: { completed: true, skipped: true } };
}
