// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Settings } from '@/utils/settings';
import { SETTINGS_KEY } from '@/utils/storage';
import { startOfNextLocalDate } from '@/utils/time-zone';
import { errorOf, freshBrowser, renderOptions, setUpSettings, storedSettings } from './options-helpers';

const MIN = 60_000;

function permissions(granted: Set<string>, answer = true) {
  const request = vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
    if (answer) for (const origin of origins) granted.add(origin);
    return answer;
  });
  const remove = vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
    for (const origin of origins) granted.delete(origin);
    return true;
  });
  const contains = vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((origin) => granted.has(origin)));
  Object.assign(fakeBrowser.permissions, { request, remove, contains });
  return { request, remove, contains };
}

async function start(settings: Settings = setUpSettings((s) => ({
  ...s,
  specializations: [{ id: 'a', name: 'Acme', channels: [], budgets: { totalMinutes: null, perChannel: {} }, workingHours: null, clientId: null }],
  activeSpecializationId: 'a',
}))) {
  await freshBrowser({ [SETTINGS_KEY]: settings });
  return renderOptions();
}

const section = (name: string) => within(screen.getByRole('region', { name }));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('channels', () => {
  it('excludes a built-in platform from tracking and includes it again', async () => {
    permissions(new Set());
    await start();
    const builtIn = within(section('Channels').getByRole('group', { name: 'Built-in platforms' }));
    fireEvent.click(builtIn.getByRole('checkbox', { name: 'Facebook' }));
    await waitFor(async () => expect((await storedSettings()).platforms.facebook).toEqual({ tracked: false }));
    fireEvent.click(builtIn.getByRole('checkbox', { name: 'Facebook' }));
    await waitFor(async () => expect((await storedSettings()).platforms.facebook).toEqual({ tracked: true }));
  });

  it('adds a custom host after the browser grants access to it, and removes both again', async () => {
    const granted = new Set<string>();
    const api = permissions(granted);
    await start();
    const channels = section('Channels');
    const host = channels.getByLabelText('Host');
    fireEvent.input(host, { target: { value: 'https://Community.Example.org/@me' } });
    fireEvent.click(channels.getByRole('button', { name: 'Add channel' }));
    await waitFor(async () => expect((await storedSettings()).customHosts).toEqual([{ host: 'community.example.org', platform: 'custom' }]));
    expect(api.request).toHaveBeenCalledWith({ origins: ['*://*.community.example.org/*'] });
    expect(channels.getByRole('status').textContent).toBe('community.example.org was added. It is tracked from the next page you open there.');
    expect((host as HTMLInputElement).value).toBe('');
    // A custom site can join a specialization's focus.
    fireEvent.click(within(screen.getByRole('group', { name: 'Focus channels' })).getByRole('checkbox', { name: 'community.example.org' }));
    await waitFor(async () => expect((await storedSettings()).specializations[0]!.channels).toEqual([{ platform: 'custom', accounts: ['community.example.org'] }]));

    fireEvent.click(channels.getByRole('button', { name: 'Remove community.example.org' }));
    await waitFor(async () => expect((await storedSettings()).customHosts).toEqual([]));
    expect((await storedSettings()).specializations[0]!.channels).toEqual([]);
    expect(api.remove).toHaveBeenCalledWith({ origins: ['*://*.community.example.org/*'] });
    expect(granted.size).toBe(0);
  });

  it('adds a Mastodon instance as Mastodon', async () => {
    permissions(new Set());
    await start();
    const channels = section('Channels');
    fireEvent.input(channels.getByLabelText('Host'), { target: { value: 'social.example.net' } });
    fireEvent.click(channels.getByRole('radio', { name: 'Mastodon instance' }));
    fireEvent.click(channels.getByRole('button', { name: 'Add channel' }));
    await waitFor(async () => expect((await storedSettings()).customHosts).toEqual([{ host: 'social.example.net', platform: 'mastodon' }]));
  });

  it.each([
    ['', 'Enter a host, such as mastodon.example.'],
    ['not a host!', 'This is not a host name. Enter it like mastodon.example or example.com.'],
    ['www.linkedin.com', 'This host belongs to a built-in platform and is tracked already.'],
  ])('explains %j and asks for no permission', async (input, message) => {
    const api = permissions(new Set());
    await start();
    const channels = section('Channels');
    const host = channels.getByLabelText('Host');
    fireEvent.input(host, { target: { value: input } });
    fireEvent.click(channels.getByRole('button', { name: 'Add channel' }));
    expect(host.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(host)).toBe(message);
    expect(api.request).not.toHaveBeenCalled();
    expect((await storedSettings()).customHosts).toEqual([]);
  });

  it('does not add a host when the browser refuses access', async () => {
    permissions(new Set(), false);
    await start();
    const channels = section('Channels');
    const host = channels.getByLabelText('Host');
    fireEvent.input(host, { target: { value: 'forum.example.com' } });
    fireEvent.click(channels.getByRole('button', { name: 'Add channel' }));
    await waitFor(() => expect(errorOf(host)).toBe('Your browser did not allow access to forum.example.com, so it was not added.'));
    expect((await storedSettings()).customHosts).toEqual([]);
  });

  it('shows a custom host whose access was withdrawn, with a way to allow it again', async () => {
    const granted = new Set<string>();
    const api = permissions(granted);
    await start(setUpSettings((s) => ({ ...s, customHosts: [{ host: 'forum.example.com', platform: 'custom' }, { host: 'ok.example.com', platform: 'custom' }] })));
    granted.add('*://*.ok.example.com/*');
    cleanup();
    await renderOptions();
    const channels = section('Channels');
    await waitFor(() => expect(channels.getAllByText('Not tracked: access not allowed')).toHaveLength(1));
    fireEvent.click(channels.getByRole('button', { name: 'Allow access forum.example.com' }));
    expect(api.request).toHaveBeenCalledWith({ origins: ['*://*.forum.example.com/*'] });
  });
});

describe('tracking', () => {
  beforeEach(async () => {
    permissions(new Set());
    await start();
  });

  it('pauses for 15 minutes, 1 hour or until tomorrow, and resumes', async () => {
    const tracking = section('Tracking');
    expect(tracking.getByRole('status').textContent).toBe('Tracking is on.');
    let before = Date.now();
    fireEvent.click(tracking.getByRole('button', { name: 'Pause for 15 minutes' }));
    await waitFor(async () => expect((await storedSettings()).tracking.pausedUntil).not.toBeNull());
    let until = (await storedSettings()).tracking.pausedUntil!;
    expect(until).toBeGreaterThanOrEqual(before + 15 * MIN);
    expect(until).toBeLessThanOrEqual(Date.now() + 15 * MIN);
    expect(tracking.getByRole('status').textContent).toMatch(/^Tracking is paused until .+\.$/);

    before = Date.now();
    fireEvent.click(tracking.getByRole('button', { name: 'Pause for 1 hour' }));
    await waitFor(async () => expect((await storedSettings()).tracking.pausedUntil).toBeGreaterThanOrEqual(before + 60 * MIN));

    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    before = Date.now();
    fireEvent.click(tracking.getByRole('button', { name: 'Pause until tomorrow' }));
    await waitFor(async () => expect((await storedSettings()).tracking.pausedUntil).toBe(startOfNextLocalDate(before, zone)));

    fireEvent.click(tracking.getByRole('button', { name: 'Resume tracking' }));
    await waitFor(async () => expect((await storedSettings()).tracking.pausedUntil).toBeNull());
    expect(tracking.getByRole('status').textContent).toBe('Tracking is on.');
    expect(tracking.queryByRole('button', { name: 'Resume tracking' })).toBeNull();
  });

  it('saves the idle threshold and explains values out of range', async () => {
    const idle = section('Tracking').getByLabelText('Count as away after (seconds)');
    expect((idle as HTMLInputElement).value).toBe('60');
    fireEvent.input(idle, { target: { value: '5' } });
    fireEvent.change(idle);
    expect(errorOf(idle)).toBe('At least 15 seconds.');
    fireEvent.input(idle, { target: { value: '' } });
    fireEvent.change(idle);
    expect(errorOf(idle)).toBe('Enter whole seconds, such as 60.');
    expect((await storedSettings()).tracking.idleThresholdSeconds).toBe(60);
    fireEvent.input(idle, { target: { value: '120' } });
    fireEvent.change(idle);
    await waitFor(async () => expect((await storedSettings()).tracking.idleThresholdSeconds).toBe(120));
  });

  it('switches to platform-only tracking', async () => {
    fireEvent.click(section('Tracking').getByRole('checkbox', { name: 'Record accounts' }));
    await waitFor(async () => expect((await storedSettings()).tracking.recordAccounts).toBe(false));
  });

  it('leaves private windows out unless the user counts them', async () => {
    const privateWindows = section('Tracking').getByRole('checkbox', { name: 'Count time in private windows' }) as HTMLInputElement;
    expect(privateWindows.checked).toBe(false);
    fireEvent.click(privateWindows);
    await waitFor(async () => expect((await storedSettings()).tracking.countPrivateWindows).toBe(true));
  });

  it('keeps history forever or for a number of days', async () => {
    const tracking = section('Tracking');
    fireEvent.click(tracking.getByRole('radio', { name: 'For a number of days' }));
    await waitFor(async () => expect((await storedSettings()).tracking.retentionDays).toBe(365));
    const days = tracking.getByLabelText('Days to keep');
    fireEvent.input(days, { target: { value: '0' } });
    fireEvent.change(days);
    expect(errorOf(days)).toBe('Keep at least 1 day.');
    fireEvent.input(days, { target: { value: '30' } });
    fireEvent.change(days);
    await waitFor(async () => expect((await storedSettings()).tracking.retentionDays).toBe(30));
    fireEvent.click(tracking.getByRole('radio', { name: 'Forever' }));
    await waitFor(async () => expect((await storedSettings()).tracking.retentionDays).toBeNull());
  });
});

describe('flags', () => {
  beforeEach(async () => {
    permissions(new Set());
    await start();
  });

  it('adds the badge, a notification after N minutes and the pause screen', async () => {
    const flags = section('Flags');
    const panel = flags.getByRole('checkbox', { name: 'In the side panel' }) as HTMLInputElement;
    expect([panel.checked, panel.disabled]).toEqual([true, true]);
    fireEvent.click(flags.getByRole('checkbox', { name: 'On the toolbar button as well' }));
    fireEvent.click(flags.getByRole('checkbox', { name: 'A pause screen as well' }));
    await waitFor(async () => expect((await storedSettings()).flags).toMatchObject({ badge: true, pauseScreen: true, notifyAfterMinutes: null }));
    fireEvent.click(flags.getByRole('checkbox', { name: 'A notification as well' }));
    await waitFor(async () => expect((await storedSettings()).flags.notifyAfterMinutes).toBe(10));
    const minutes = flags.getByLabelText('Notify after (minutes outside)');
    fireEvent.input(minutes, { target: { value: '1441' } });
    fireEvent.change(minutes);
    expect(errorOf(minutes)).toBe('At most 1440 minutes (24 hours).');
    fireEvent.input(minutes, { target: { value: '25' } });
    fireEvent.change(minutes);
    await waitFor(async () => expect((await storedSettings()).flags.notifyAfterMinutes).toBe(25));
    fireEvent.click(flags.getByRole('checkbox', { name: 'A notification as well' }));
    await waitFor(async () => expect((await storedSettings()).flags.notifyAfterMinutes).toBeNull());
  });
});
