import { channelKey, type ChannelPlatform } from '@/utils/channels';
import { FORBIDDEN_KEYS, isValidSourceId } from './source-id';

export { isValidSourceId };

/**
 * Small checks shared by export, import and restore: what a date, a platform id, a source id and
 * a channel key may be, and the names that must never become object keys.
 */

/** Storage keys of a day's channels are at most this long (DayTotalsSchema). */
export const MAX_CHANNEL_KEY_LENGTH = 300;

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date `YYYY-MM-DD` from 1970 on (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_SHAPE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1970) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}


const PLATFORM_NAME = /^[a-z][a-z0-9-]{0,39}$/;

/** A platform id of this or a later release: lower-case letters, digits and `-`. */
export function isPlatformName(value: string): boolean {
  return PLATFORM_NAME.test(value) && !FORBIDDEN_KEYS.has(value);
}


/** The storage key of a row's channel; the same form for platforms this release does not know. */
export function rowChannelKey(platform: string, account: string | null): string {
  return channelKey({ platform: platform as ChannelPlatform, account });
}

/** A stored channel key split into platform and account; null when no row could carry it. */
export function splitChannelKey(key: string): { platform: string; account: string | null } | null {
  if (key.length > MAX_CHANNEL_KEY_LENGTH) return null;
  const colon = key.indexOf(':');
  const platform = colon === -1 ? key : key.slice(0, colon);
  const account = colon === -1 ? null : key.slice(colon + 1);
  if (!isPlatformName(platform) || account === '') return null;
  if (platform === 'custom' && account === null) return null;
  return { platform, account };
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first `__proto__` / `constructor` / `prototype` key anywhere, walked without recursion. */
export function findForbiddenKey(root: unknown): { key: string; path: string; value: unknown } | null {
  interface Step { value: unknown; path: string }
  const stack: Step[] = [{ value: root, path: '' }];
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    const { value, path } = step;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]` }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const keyPath = path === '' ? key : `${path}.${key}`;
      if (FORBIDDEN_KEYS.has(key)) return { key, path: keyPath, value: (value as Record<string, unknown>)[key] };
      stack.push({ value: (value as Record<string, unknown>)[key], path: keyPath });
    }
  }
  return null;
}
