/**
 * The browser notification of a flag (the third loudness level): after the chosen minutes on a
 * channel outside the specialization today, once per channel and day. What was notified is kept
 * in storage.session: it survives a sleeping service worker, and is gone with the browser session.
 * The `notifications` permission is optional; without it (not granted, or revoked) nothing shows.
 */
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { channelKey } from '@/utils/channels';
import { minutesToday, notificationId, parseNotified, rememberNotified, shouldNotify } from '@/utils/flag-alerts';
import type { PanelView } from '@/utils/messages';
import type { Settings } from '@/utils/settings';
import { localDate } from '@/utils/time-zone';

const NOTIFIED_KEY = 'notified';

/** One check at a time: page reports come in every few seconds, and two must not both notify. */
let checks: Promise<void> = Promise.resolve();

async function check(view: PanelView, settings: Settings): Promise<void> {
  const notifications = browser.notifications;
  if (!notifications || view.channel === null || settings.flags.notifyAfterMinutes === null) return;
  const today = localDate(view.asOf, Intl.DateTimeFormat().resolvedOptions().timeZone);
  const session = browser.storage.session;
  const notified = parseNotified(session ? (await session.get(NOTIFIED_KEY))[NOTIFIED_KEY] : undefined);
  if (!shouldNotify(view, settings, notified, today)) return;
  if (!(await browser.permissions.contains({ permissions: ['notifications'] }))) return;
  const key = channelKey(view.channel);
  // Remembered before showing: a failed notification is not retried every few seconds.
  await session?.set({ [NOTIFIED_KEY]: rememberNotified(notified, key, today) });
  await notifications.create(notificationId(key, today), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: i18n.t('alerts.notify.title'),
    message: i18n.t('alerts.notify.message', [String(minutesToday(view)), view.label ?? key, view.specializationName ?? '']),
  });
}

/** Shows the flag's notification when it is due for this view. Called with every page report's view. */
export function notifyIfDue(view: PanelView, settings: Settings): Promise<void> {
  const run = checks.then(() => check(view, settings));
  // A closed session store or a refused notification must not stop the next check.
  checks = run.catch(() => {});
  return checks;
}
