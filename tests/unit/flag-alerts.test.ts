import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { notifyIfDue } from '@/entrypoints/background/notifications';
import { minutesToday, notificationId, parseNotified, rememberNotified, shouldNotify } from '@/utils/flag-alerts';
import { setNotifyAfterMinutes, snoozeFlag, type Settings } from '@/utils/settings';
import { installLocale } from './dashboard-locale';
import { ACME, MIN, T0, X_ACME, focusSettings, viewFor } from './panel-fixtures';

const TODAY = '2025-06-04';

/** The active specialization of the fixtures, with a notification after `minutes` outside. */
function notifyAfter(minutes: number | null, change: (settings: Settings) => Settings = (s) => s): Settings {
  const result = setNotifyAfterMinutes(focusSettings(), minutes);
  if (!result.ok) throw new Error(result.code);
  return change(result.settings);
}

/** A view of x:acme (outside the focus) with `minutes` on it today. */
function outsideFor(minutes: number, settings: Settings) {
  return viewFor({ channel: X_ACME, settings, today: { 'x:acme': [0, minutes * MIN, 0, 0] } });
}

describe('shouldNotify (pure)', () => {
  it('notifies once the time outside today reaches the threshold, not before', () => {
    const settings = notifyAfter(10);
    expect(shouldNotify(outsideFor(9, settings), settings, {}, TODAY)).toBe(false);
    expect(shouldNotify(outsideFor(10, settings), settings, {}, TODAY)).toBe(true);
    expect(shouldNotify(outsideFor(90, settings), settings, {}, TODAY)).toBe(true);
    // Just under a minute short still counts as short.
    const almost = viewFor({ channel: X_ACME, settings, today: { 'x:acme': [0, 10 * MIN - 1, 0, 0] } });
    expect(shouldNotify(almost, settings, {}, TODAY)).toBe(false);
  });

  it('never notifies when the user did not choose it', () => {
    const settings = notifyAfter(null);
    expect(shouldNotify(outsideFor(600, settings), settings, {}, TODAY)).toBe(false);
  });

  it('never notifies for a channel in focus, however long', () => {
    const settings = notifyAfter(1);
    const inFocus = viewFor({ channel: ACME, settings, today: { 'linkedin:company/acme': [300 * MIN, 0, 0, 0] } });
    expect(inFocus.focus?.status).toBe('in-focus');
    expect(shouldNotify(inFocus, settings, {}, TODAY)).toBe(false);
  });

  it('never notifies without an active specialization or without a channel', () => {
    const settings = notifyAfter(1, (s) => ({ ...s, activeSpecializationId: null }));
    expect(shouldNotify(outsideFor(60, settings), settings, {}, TODAY)).toBe(false);
    const noChannel = viewFor({ channel: null, settings: notifyAfter(1) });
    expect(shouldNotify(noChannel, notifyAfter(1), {}, TODAY)).toBe(false);
  });

  it('stays quiet while the channel (or its whole platform) is snoozed, and speaks once the snooze is over', () => {
    const byChannel = notifyAfter(10, (s) => snoozeFlag(s, X_ACME, T0 + 15 * MIN));
    expect(shouldNotify(outsideFor(20, byChannel), byChannel, {}, TODAY)).toBe(false);
    const byPlatform = notifyAfter(10, (s) => snoozeFlag(s, { platform: 'x', account: null }, T0 + 15 * MIN));
    expect(shouldNotify(outsideFor(20, byPlatform), byPlatform, {}, TODAY)).toBe(false);
    const later = viewFor({ channel: X_ACME, settings: byChannel, now: T0 + 16 * MIN, today: { 'x:acme': [0, 20 * MIN, 0, 0] } });
    expect(shouldNotify(later, byChannel, {}, TODAY)).toBe(true);
  });

  it('once per channel per day: a channel notified today is not notified again, another channel or day is', () => {
    const settings = notifyAfter(10);
    const view = outsideFor(30, settings);
    expect(shouldNotify(view, settings, { 'x:acme': TODAY }, TODAY)).toBe(false);
    expect(shouldNotify(view, settings, new Set(['x:acme']), TODAY)).toBe(false);
    expect(shouldNotify(view, settings, { 'x:acme': '2025-06-03' }, TODAY)).toBe(true);
    expect(shouldNotify(view, settings, { 'x:other': TODAY, linkedin: TODAY }, TODAY)).toBe(true);
    expect(shouldNotify(view, settings, new Set(['x:other']), TODAY)).toBe(true);
  });

  it('remembers notified channels for one day only and reads a stored record defensively', () => {
    const kept = rememberNotified({ 'x:old': '2025-06-03', 'x:b': TODAY }, 'x:acme', TODAY);
    expect(kept).toEqual({ 'x:b': TODAY, 'x:acme': TODAY });
    expect(parseNotified({ 'x:acme': TODAY, bad: 3 })).toEqual({ 'x:acme': TODAY });
    expect(parseNotified(null)).toEqual({});
    expect(parseNotified(['x:acme'])).toEqual({});
    expect(parseNotified('x:acme')).toEqual({});
    expect(notificationId('x:acme', TODAY)).not.toBe(notificationId('x:acme', '2025-06-05'));
    expect(minutesToday(outsideFor(12.9, notifyAfter(1)))).toBe(12);
  });
});

describe('notifyIfDue (background)', () => {
  let create: ReturnType<typeof vi.fn>;
  let granted: boolean;

  beforeEach(async () => {
    fakeBrowser.reset();
    await installLocale('en');
    vi.useRealTimers();
    granted = true;
    create = vi.fn(async (id: string) => id);
    Object.assign(fakeBrowser, { notifications: { create } });
    Object.assign(fakeBrowser.permissions, {
      contains: vi.fn(async ({ permissions = [] }: { permissions?: string[] }) => granted && permissions.every((p) => p === 'notifications')),
    });
  });

  it('shows one notification with the minutes, the channel and the specialization, and remembers it for the session', async () => {
    const settings = notifyAfter(10);
    const view = outsideFor(12, settings);
    await notifyIfDue(view, settings);
    await notifyIfDue(outsideFor(13, settings), settings);
    expect(create).toHaveBeenCalledTimes(1);
    const [, options] = create.mock.calls[0] as [string, { title: string; message: string; type: string }];
    expect(options.type).toBe('basic');
    expect(options.title).toBe('Outside your specialization');
    expect(options.message).toBe(`You have spent 12 min on ${view.label} today, outside your specialization “B2B DACH”.`);
    const stored = (await fakeBrowser.storage.session.get('notified')).notified as Record<string, string>;
    expect(Object.keys(stored)).toEqual(['x:acme']);
  });

  it('checks one report at a time: two reports at once notify once', async () => {
    const settings = notifyAfter(10);
    await Promise.all([notifyIfDue(outsideFor(12, settings), settings), notifyIfDue(outsideFor(12, settings), settings)]);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('shows nothing before the threshold, while snoozed, or without the permission', async () => {
    const settings = notifyAfter(10);
    await notifyIfDue(outsideFor(5, settings), settings);
    const snoozed = notifyAfter(10, (s) => snoozeFlag(s, X_ACME, T0 + 30 * MIN));
    await notifyIfDue(outsideFor(20, snoozed), snoozed);
    granted = false;
    await notifyIfDue(outsideFor(20, settings), settings);
    expect(create).not.toHaveBeenCalled();
    // Granted later the same day: the channel was not notified yet, so it is now.
    granted = true;
    await notifyIfDue(outsideFor(21, settings), settings);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('a refused notification does not stop later checks', async () => {
    const settings = notifyAfter(10);
    create.mockRejectedValueOnce(new Error('no'));
    await notifyIfDue(outsideFor(12, settings), settings);
    const other = viewFor({ channel: { platform: 'instagram', account: null }, settings, today: { instagram: [0, 20 * MIN, 0, 0] } });
    await notifyIfDue(other, settings);
    expect(create).toHaveBeenCalledTimes(2);
  });
});
