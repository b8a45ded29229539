import type { Settings } from '../model';
import { validateIdleThreshold, validateRetentionDays } from '../validate';
import { fail, type EditResult } from './result';

// How time is tracked: idle threshold, accounts, private windows, retention, pause.

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
