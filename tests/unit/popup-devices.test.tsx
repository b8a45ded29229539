// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DashboardApp } from '@/components/DashboardApp';
import {
  DEVICES_KEY, SETTINGS_KEY, SOURCE_ID_KEY, SYNC_STATE_KEY, devicesItem, encodeEnvelope, syncStateItem, usageKey,
} from '@/utils/storage';
import type { SyncState } from '@/utils/sync/state';
import { localDate } from '@/utils/time-zone';
import { freshBrowser, setUpSettings } from './options-helpers';

const OWN = '6f1c2a9e-4b7d-4c3e-9a51-0d2f8e7b3c10';
const LAPTOP = '11111111-aaaa-4bbb-8ccc-000000000001';
const MIN = 60_000;
const today = () => localDate(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);

const syncState = (enabled: boolean): SyncState => ({
  enabled, partsAt: {}, lastPublishedAt: null, lastReceivedAt: null, daysShared: 0, accountsFolded: false,
  bytesInUse: null, attempt: 0, problem: null,
});

async function start(enabled: boolean) {
  await freshBrowser({
    [SETTINGS_KEY]: setUpSettings(),
    [SOURCE_ID_KEY]: OWN,
    [usageKey(today())]: { version: 1, value: { linkedin: [3 * MIN, 0, 0, 0] } },
    // Imported from a file: part of this device's view.
    imported: { version: 1, value: { 'old-laptop': { [today()]: { xing: [MIN, 0, 0, 0] } } } },
    [SYNC_STATE_KEY]: encodeEnvelope(syncStateItem, syncState(enabled)),
    [DEVICES_KEY]: encodeEnvelope(devicesItem, { [LAPTOP]: { publishedAt: Date.now(), days: { [today()]: { linkedin: [10 * MIN, 0, 0, 0] } } } }),
  });
  render(<DashboardApp />);
}

const total = () => within(screen.getByRole('region', { name: 'Today' })).getByText('Total', { selector: 'dt' })
  .nextElementSibling?.textContent?.replace(/[\u00a0\u202f]/g, ' ');

afterEach(() => cleanup());

describe('popup: this device or all devices', () => {
  it('shows every synced device by default, and this device on a click', async () => {
    await start(true);
    const show = within(await screen.findByRole('group', { name: 'Show:' }));
    expect(show.getByRole('button', { name: 'All devices' }).getAttribute('aria-pressed')).toBe('true');
    expect(show.getByRole('button', { name: 'This device' }).getAttribute('aria-pressed')).toBe('false');
    expect(total()).toBe('14 min');

    fireEvent.click(show.getByRole('button', { name: 'This device' }));
    expect(show.getByRole('button', { name: 'This device' }).getAttribute('aria-pressed')).toBe('true');
    // Own time plus the file import, as before sync.
    expect(total()).toBe('4 min');

    fireEvent.click(show.getByRole('button', { name: 'All devices' }));
    expect(total()).toBe('14 min');
  });

  it('offers no choice while sync is off, and leaves the other devices out', async () => {
    await start(false);
    await screen.findByRole('region', { name: 'Today' });
    expect(screen.queryByRole('group', { name: 'Show:' })).toBeNull();
    expect(total()).toBe('4 min');
  });
});
