import { channelKey, type Channel } from '@/utils/channels';
import type { Settings } from '../model';
import { validateNotifyAfterMinutes } from '../validate';
import { fail, type EditResult } from './result';

// How loud a flag is, when it notifies, and which channels' flags are snoozed.

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
