// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OptionsPage } from '@/components/options/OptionsPage';
import {
  DEVICES_KEY, SETTINGS_KEY, SOURCE_ID_KEY, SYNC_STATE_KEY, devicesItem, encodeEnvelope, syncStateItem,
} from '@/utils/storage';
import type { SyncState } from '@/utils/sync/state';
import type { DeviceUsage } from '@/utils/sync/usage-encoding';
import { installLocale } from './dashboard-locale';
import { freshBrowser, renderOptions, setUpSettings, storedSettings } from './options-helpers';

const OWN = '6f1c2a9e-4b7d-4c3e-9a51-0d2f8e7b3c10';
const LAPTOP = '11111111-aaaa-4bbb-8ccc-000000000001';
const PHONE = '22222222-aaaa-4bbb-8ccc-000000000002';

function syncState(change: Partial<SyncState> = {}): SyncState {
  return {
    enabled: true, partsAt: {}, lastPublishedAt: null, lastReceivedAt: null, daysShared: 0, accountsFolded: false,
    bytesInUse: null, attempt: 0, problem: null, ...change,
  };
}

const device = (publishedAt: number): DeviceUsage => ({ publishedAt, days: { '2025-06-01': { linkedin: [60_000, 0, 0, 0] } } });

/**
 * The real background with sync off at its start (so it does not reconcile on its own), then the
 * sync state and devices as a background left them: the page shows exactly these.
 */
async function start(state: SyncState | null, devices: Record<string, DeviceUsage> = {}, names: Record<string, string> = {}) {
  const background = await freshBrowser({
    [SETTINGS_KEY]: setUpSettings((s) => ({ ...s, sourceNames: names })),
    [SOURCE_ID_KEY]: OWN,
  });
  await fakeBrowser.storage.local.set({
    ...(state ? { [SYNC_STATE_KEY]: encodeEnvelope(syncStateItem, state) } : {}),
    [DEVICES_KEY]: encodeEnvelope(devicesItem, devices),
  });
  return background;
}

/** The sync commands the page sends, recorded on their way to the real background. */
function recordSyncCommands(): unknown[] {
  const sent: unknown[] = [];
  const real = fakeBrowser.runtime.sendMessage.bind(fakeBrowser.runtime) as (message: unknown) => Promise<unknown>;
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: { type: string }) => {
    if (['sync-enable', 'sync-now', 'device-remove'].includes(message.type)) sent.push(message);
    return real(message);
  }) as never);
  return sent;
}

const region = () => within(screen.getByRole('region', { name: 'Sync' }));
const figure = (name: string) => region().getByText(name, { selector: 'dt' }).nextElementSibling?.textContent?.replace(/[\u00a0\u202f]/g, ' ');

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('options page: sync', () => {
  it('is off by default, and the switch sends sync-enable', async () => {
    await start(null);
    const sent = recordSyncCommands();
    await renderOptions();
    const toggle = region().getByRole('checkbox', { name: 'Sync settings and daily totals across my devices' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(document.getElementById(toggle.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Off unless you turn it on. Channel Focus then uses your browser’s own sync service (Chrome Sync or Firefox Sync) to share your specializations, clients, channels, flag preferences and daily totals with your other browsers signed in to the same account: at most the last 30 days per device. Nothing of it goes to a server of ours.',
    );
    expect(region().queryByRole('button', { name: 'Sync now' })).toBeNull();

    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2025, 5, 4, 12, 0) });
    fireEvent.click(toggle);
    expect(toggle.checked).toBe(true);
    expect(sent).toEqual([{ type: 'sync-enable', enabled: true }]);
    // The background turns it on and publishes: the status and this device appear.
    expect((await region().findByRole('button', { name: 'Sync now' })).textContent).toBe('Sync now');
    await waitFor(() => expect(figure('Last synced')).toBe('12:00 PM'));
    expect(within(region().getByRole('group', { name: 'Devices' })).getAllByRole('listitem')[0]?.querySelector('strong')?.textContent)
      .toBe('This device');
    expect(region().getByText('No other device has synced yet.').tagName).toBe('P');

    fireEvent.click(toggle);
    expect(sent).toEqual([{ type: 'sync-enable', enabled: true }, { type: 'sync-enable', enabled: false }]);
    await waitFor(() => expect(region().queryByRole('button', { name: 'Sync now' })).toBeNull());
    expect(toggle.checked).toBe(false);
  });

  it('shows the status and a problem in words, with the time it is tried again', async () => {
    // Local noon: the times below are today's, written as times of day.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2025, 5, 4, 12, 0) });
    const published = new Date(2025, 5, 4, 11, 55).getTime();
    await start(syncState({
      lastPublishedAt: published, lastReceivedAt: published - 60_000, daysShared: 14, bytesInUse: 12_300, accountsFolded: true,
      problem: { code: 'quota-bytes', message: 'QUOTA_BYTES quota exceeded', at: Date.now(), retryAt: new Date(2025, 5, 4, 13, 5).getTime() },
    }));
    const sent = recordSyncCommands();
    await renderOptions();
    expect(figure('Last synced')).toBe('11:55 AM');
    expect(figure('Days this device shares')).toBe('14 days');
    expect(figure('Sync storage used')).toBe('12.3 kB of 102.4 kB');
    expect(region().getByText(/^To fit the room/).textContent).toBe(
      'To fit the room your browser’s sync gives, older days are shared per platform: their accounts are folded into the platforms.',
    );
    expect(region().getByRole('alert').textContent?.replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Your browser’s sync storage for Channel Focus is full. Fewer days are shared until there is room.'
      + 'Channel Focus tries again at 1:05 PM.',
    );

    // Sync now runs at once: it worked, so the problem is gone.
    fireEvent.click(region().getByRole('button', { name: 'Sync now' }));
    expect((await region().findByText(/^Sync ran/)).textContent).toBe('✓ Sync ran. The status above shows the result.');
    expect(sent).toEqual([{ type: 'sync-now' }]);
    await waitFor(() => expect(region().queryByRole('alert')).toBeNull());
    expect(figure('Last synced')).toBe('12:00 PM');
  });

  it('names the day of a time that is not today', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date(2025, 5, 4, 12, 0) });
    await start(syncState({ lastReceivedAt: new Date(2025, 5, 2, 9, 30).getTime() }));
    await renderOptions();
    expect(figure('Last synced')).toBe('Mon, Jun 2, 9:30 AM');
  });

  it('words every problem, the unknown one with the browser’s message', async () => {
    await start(syncState({ problem: { code: 'other', message: 'Something odd', at: 1, retryAt: null } }));
    await renderOptions();
    expect(region().getByRole('alert').textContent).toBe(
      'Sync did not work.The browser said: Something oddChannel Focus tries again at the next sync.',
    );
  });

  it('lists this device first, then the others; a device is renamed inline', async () => {
    const now = Date.now();
    const background = await start(syncState({ lastPublishedAt: now }), { [LAPTOP]: device(now - 120_000), [PHONE]: device(now - 60_000) }, { [PHONE]: 'Phone' });
    await renderOptions();
    const devices = within(region().getByRole('group', { name: 'Devices' }));
    const rows = devices.getAllByRole('listitem').map((item) => item.querySelector('strong')?.textContent);
    expect(rows).toEqual(['This device', 'Phone', 'Device 11111111']);

    fireEvent.click(devices.getByRole('button', { name: 'Rename Device 11111111' }));
    const field = devices.getByRole('textbox', { name: 'Name for Device 11111111' }) as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    field.value = 'Laptop';
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(async () => expect((await storedSettings()).sourceNames).toEqual({ [PHONE]: 'Phone', [LAPTOP]: 'Laptop' }));
    expect(await devices.findByRole('button', { name: 'Rename Laptop' })).toBe(document.activeElement);

    // This device keeps saying it is this one.
    const renameOwn = devices.getByRole('button', { name: 'Rename This device' });
    // Enabled once the background has told this device's id.
    await waitFor(() => expect(renameOwn).toHaveProperty('disabled', false));
    fireEvent.click(renameOwn);
    const own = devices.getByRole('textbox', { name: 'Name for This device' }) as HTMLInputElement;
    own.value = 'Desk';
    fireEvent.keyDown(own, { key: 'Enter' });
    await waitFor(async () => expect((await storedSettings()).sourceNames[OWN]).toBe('Desk'));
    expect((await devices.findByText('Desk (this device)')).tagName).toBe('STRONG');
    // The names go out with the settings; publish now rather than after this test.
    expect(await background.sync.publishSettingsNow()).toEqual({ ok: true });
  });

  it('removes another device from the view after asking, saying it comes back', async () => {
    const now = Date.now();
    await start(syncState(), { [LAPTOP]: device(now), [PHONE]: device(now) }, { [LAPTOP]: 'Laptop' });
    const sent = recordSyncCommands();
    await renderOptions();
    const devices = within(region().getByRole('group', { name: 'Devices' }));
    // Never this device.
    expect(devices.queryByRole('button', { name: 'Remove This device from this view' })).toBeNull();

    fireEvent.click(devices.getByRole('button', { name: 'Remove Laptop from this view' }));
    const question = devices.getByRole('group', { name: /^Remove Laptop from this view\?/ });
    expect(within(question).getByRole('button', { name: 'Remove' })).toBe(document.activeElement);
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(sent).toEqual([]);
    expect(devices.getByRole('button', { name: 'Remove Laptop from this view' })).toBe(document.activeElement);

    fireEvent.click(devices.getByRole('button', { name: 'Remove Laptop from this view' }));
    fireEvent.click(devices.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'device-remove', deviceId: LAPTOP }]));
    expect((await devices.findByText(/^Laptop was removed/)).textContent).toBe(
      '✓ Laptop was removed from this view. It comes back if that device syncs again.',
    );
    await waitFor(() => expect(devices.getAllByRole('listitem').map((item) => item.querySelector('strong')?.textContent))
      .toEqual(['This device', 'Device 22222222']));
  });

  it('speaks German, formally', async () => {
    await start(syncState({ problem: { code: 'unavailable', message: '', at: 1, retryAt: null } }), { [LAPTOP]: device(Date.now()) });
    await installLocale('de');
    render(<OptionsPage />);
    const sync = within(await screen.findByRole('region', { name: 'Synchronisierung' }));
    expect(sync.getByRole('checkbox', { name: 'Einstellungen und Tagessummen zwischen meinen Geräten synchronisieren' })).toHaveProperty('checked', true);
    expect(sync.getByRole('alert').textContent).toBe(
      'Die Synchronisierung Ihres Browsers ist nicht verfügbar. Melden Sie sich in Ihrem Browser an und schalten Sie die Synchronisierung ein (Chrome Sync oder Firefox Sync).'
      + 'Channel Focus versucht es bei der nächsten Synchronisierung erneut.',
    );
    expect(sync.getByRole('button', { name: 'Gerät 11111111 aus dieser Ansicht entfernen' }).textContent).toBe('Gerät 11111111 aus dieser Ansicht entfernen');
    expect(sync.getByRole('button', { name: 'Jetzt synchronisieren' }).textContent).toBe('Jetzt synchronisieren');
    expect(sync.getAllByRole('listitem')[0]?.querySelector('strong')?.textContent).toBe('Dieses Gerät');
  });
});
