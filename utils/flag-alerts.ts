import { channelKey } from './channels';
import type { PanelView } from './messages';
import type { Settings } from './settings';

/**
 * The browser notification of a flag: when the user has spent the chosen minutes today on a
 * channel outside the active specialization, once per channel per local day, and never while
 * the flag is snoozed. Pure: the day and what was notified already come in as arguments.
 */

const MINUTE = 60_000;

/** Channels notified already, by channel key: the local date (`YYYY-MM-DD`) of the notification. */
export type NotifiedChannels = Record<string, string>;

function notifiedOn(notified: Set<string> | NotifiedChannels, key: string, today: string): boolean {
  if (notified instanceof Set) return notified.has(key);
  return Object.hasOwn(notified, key) && notified[key] === today;
}

/**
 * Whether this view's channel is due for its notification now. `notified`: a set of the channel
 * keys notified today, or the stored record of keys and dates (an entry of another day does not count).
 */
export function shouldNotify(
  view: PanelView, settings: Settings, notified: Set<string> | NotifiedChannels, today: string,
): boolean {
  const after = settings.flags.notifyAfterMinutes;
  if (after === null || view.channel === null) return false;
  // `flagged` is false while snoozed; the snooze end is checked as well in case a view says otherwise.
  if (!view.flagged || view.focus?.status !== 'outside' || view.snoozedUntil !== null) return false;
  if (view.todayMs < after * MINUTE) return false;
  return !notifiedOn(notified, channelKey(view.channel), today);
}

/** Whole minutes on the channel today, as the notification writes them. */
export function minutesToday(view: PanelView): number {
  return Math.floor(view.todayMs / MINUTE);
}

/** The record after notifying `key` today; entries of other days are dropped, so it never grows past one day. */
export function rememberNotified(notified: NotifiedChannels, key: string, today: string): NotifiedChannels {
  const kept = Object.entries(notified).filter(([, date]) => date === today);
  return { ...Object.fromEntries(kept), [key]: today };
}

/** Reads the stored record defensively: anything that is not a record of strings counts as nothing notified. */
export function parseNotified(raw: unknown): NotifiedChannels {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  return Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** One notification id per channel and day: the browser replaces rather than stacks a repeat. */
export function notificationId(key: string, today: string): string {
  return `flag:${today}:${key}`;
}
