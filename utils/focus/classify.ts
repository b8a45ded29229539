import { channelKey, isValidHost, type Channel } from '@/utils/channels';
import type { Settings, Specialization } from '@/utils/settings';
import { activeSpecialization, isPlatformTracked } from '@/utils/settings/queries';
import { isWithinWorkingHours, nextWorkingHoursBoundary } from './working-hours';

/**
 * Whether a channel is tracked at a moment, and whether it is in focus or flagged.
 *
 * Decisions:
 * - No active specialization: every tracked channel counts with focus `none`, never flagged.
 * - A platform listed with "only these accounts" keeps its account-less pages (feed, search,
 *   messages) in focus: managing an account needs them. Other accounts on it are outside.
 * - Accounts compare without regard to case, so a typed `company/Acme` matches `company/acme`.
 * - With platform-only tracking (`recordAccounts: false`) accounts are ignored; custom channels
 *   keep their host, which is what identifies them.
 * - Order of the not-tracked reasons: paused, then excluded, then after hours.
 */

type NotTrackedReason = 'paused' | 'excluded' | 'after-hours';

export type FocusStatus =
  | { status: 'in-focus'; afterHours: boolean }
  | { status: 'outside'; afterHours: boolean; snoozed: boolean }
  | { status: 'no-specialization' }
  | { status: 'not-tracked'; reason: NotTrackedReason };

/** What the tracker stores with each span of time. */
export interface Classification {
  tracked: boolean;
  focus: 'in' | 'out' | 'none';
  /** Counted outside the active specialization's working hours (only when tracked then). */
  afterHours: boolean;
  notTrackedReason: NotTrackedReason | null;
}

/** Accounts (and the keys that hold them) compare without regard to case. */
export function sameAccount(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The channel time is recorded under: without the account when the user chose platform-only tracking. */
export function recordedChannel<C extends Channel>(channel: C, settings: Settings): C {
  if (settings.tracking.recordAccounts || channel.platform === 'custom' || channel.account === null) return channel;
  return { ...channel, account: null };
}

/** Whether a channel belongs to a specialization's focus (see the decisions above). */
export function isInSpecialization(channel: Channel, spec: Specialization): boolean {
  const entry = spec.channels.find((candidate) => candidate.platform === channel.platform);
  if (!entry) return false;
  if (entry.accounts === null) return true;
  const account = channel.account;
  if (account === null) return channel.platform !== 'custom';
  return entry.accounts.some((listed) => sameAccount(listed, account));
}

function isExcluded(channel: Channel, settings: Settings): boolean {
  if (channel.platform === 'custom') {
    const host = channel.account;
    return host === null
      || !settings.customHosts.some((entry) => entry.platform === 'custom' && isValidHost(entry.host) === isValidHost(host));
  }
  return !isPlatformTracked(settings, channel.platform);
}

function isPaused(at: number, settings: Settings): boolean {
  return settings.tracking.pausedUntil !== null && at < settings.tracking.pausedUntil;
}

/** The classification the tracker records for time on `channel` at the moment `at`. */
export function classify(channel: Channel, at: number, settings: Settings): Classification {
  const notTracked = (reason: NotTrackedReason): Classification =>
    ({ tracked: false, focus: 'none', afterHours: false, notTrackedReason: reason });
  if (isPaused(at, settings)) return notTracked('paused');
  if (isExcluded(channel, settings)) return notTracked('excluded');
  const spec = activeSpecialization(settings);
  if (!spec) return { tracked: true, focus: 'none', afterHours: false, notTrackedReason: null };
  const afterHours = spec.workingHours !== null && !isWithinWorkingHours(at, spec.workingHours);
  if (afterHours && spec.workingHours && !spec.workingHours.trackOutside) return notTracked('after-hours');
  const inFocus = isInSpecialization(recordedChannel(channel, settings), spec);
  return { tracked: true, focus: inFocus ? 'in' : 'out', afterHours, notTrackedReason: null };
}

/** The status the panel, badge and popup show for a channel now. */
export function focusStatus(channel: Channel, now: number, settings: Settings): FocusStatus {
  const result = classify(channel, now, settings);
  if (!result.tracked) return { status: 'not-tracked', reason: result.notTrackedReason ?? 'excluded' };
  if (result.focus === 'none') return { status: 'no-specialization' };
  if (result.focus === 'in') return { status: 'in-focus', afterHours: result.afterHours };
  return { status: 'outside', afterHours: result.afterHours, snoozed: isSnoozed(channel, now, settings) };
}

/** A flag is snoozed for this channel, or for its whole platform. */
export function isSnoozed(channel: Channel, now: number, settings: Settings): boolean {
  const snoozes = settings.flags.snoozedUntil;
  const keys = [channelKey(channel)];
  if (channel.platform !== 'custom' && channel.account !== null) keys.push(channel.platform);
  return keys.some((key) => Object.hasOwn(snoozes, key) && (snoozes[key] ?? 0) > now);
}

/**
 * The next moment after `at` when `classify` may give another answer for the same channel
 * (a pause ends, working hours begin or end), so the tracker can split its segment there.
 */
export function nextClassificationChange(at: number, settings: Settings): number | null {
  const candidates: number[] = [];
  if (isPaused(at, settings) && settings.tracking.pausedUntil !== null) candidates.push(settings.tracking.pausedUntil);
  const hours = activeSpecialization(settings)?.workingHours;
  if (hours) {
    const boundary = nextWorkingHoursBoundary(at, hours);
    if (boundary !== null) candidates.push(boundary);
  }
  return candidates.length > 0 ? Math.min(...candidates) : null;
}
