import { detectChannel, isValidHost } from '@/utils/channels';
import { CLIENT_COLOR_PATTERN, LIMITS } from './limits';
import type { Settings, WorkingHours } from './model';

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
  | 'specialization-not-found' | 'specialization-id-taken' | 'channel-not-in-focus'
  | 'name-taken' | 'color-invalid' | 'client-not-found' | 'client-id-taken' | 'too-many-clients'
  | 'account-has-client' | 'platform-has-client' | 'channel-invalid' | 'too-many-accounts' | 'source-invalid';

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
export function nameKey(name: string): string {
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

/**
 * `others`: the names of the other clients (without the one being renamed). Same rules as a
 * specialization's name; a client's name and a specialization's may be equal (a focus per client).
 */
export function validateClientName(
  name: string, others: readonly string[],
): 'name-empty' | 'name-too-long' | 'name-taken' | null {
  const error = validateSpecializationName(name, others);
  return error === 'name-duplicate' ? 'name-taken' : error;
}

/** A client's colour is `#rrggbb`, as a colour input gives it. */
export function isClientColor(color: string): boolean {
  return typeof color === 'string' && CLIENT_COLOR_PATTERN.test(color);
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

export const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

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
export function isHostName(host: string): boolean {
  return isValidHost(host) !== null;
}
