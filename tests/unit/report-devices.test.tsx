// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportApp } from '@/components/report/ReportApp';
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
const plain = (text: string | null | undefined) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

const syncOn: SyncState = {
  enabled: true, partsAt: {}, lastPublishedAt: null, lastReceivedAt: null, daysShared: 0, accountsFolded: false,
  bytesInUse: null, attempt: 0, problem: null,
};

afterEach(() => cleanup());

describe('report: this device or all devices', () => {
  it('adds every synced device as a source of its own, and leaves them out for this device', async () => {
    await freshBrowser({
      [SETTINGS_KEY]: setUpSettings((settings) => ({
        ...settings,
        clients: [{ id: 'acme', name: 'Acme', color: '#cc0000', channels: [{ platform: 'linkedin', accounts: null }] }],
        sourceNames: { [LAPTOP]: 'Laptop' },
      })),
      [SOURCE_ID_KEY]: OWN,
      [usageKey(today())]: { version: 1, value: { linkedin: [3 * MIN, 0, 0, 0] } },
      [SYNC_STATE_KEY]: encodeEnvelope(syncStateItem, syncOn),
      [DEVICES_KEY]: encodeEnvelope(devicesItem, { [LAPTOP]: { publishedAt: Date.now(), days: { [today()]: { linkedin: [5 * MIN, 0, 0, 0] } } } }),
    });
    window.history.replaceState(null, '', '/report.html?range=this-month');
    render(<ReportApp />);
    const acme = () => within(screen.getByRole('table', { name: /^Time per client/ })).getByRole('row', { name: /^Acme/ });
    const choice = within(await screen.findByRole('group', { name: 'Devices' }));
    expect(choice.getByRole('button', { name: 'All devices' }).getAttribute('aria-pressed')).toBe('true');
    expect(plain(within(acme()).getAllByRole('cell')[0]?.textContent)).toBe('8 min');

    const sources = screen.getByRole('table', { name: /^Time per browser/ });
    expect(within(sources).getAllByRole('columnheader').map((cell) => cell.querySelector('span')?.textContent ?? cell.textContent))
      .toEqual(['Client or platform', 'This browser', 'Laptop']);
    const totalRow = within(sources).getByRole('row', { name: /^Total/ });
    expect(within(totalRow).getAllByRole('cell').map((cell) => plain(cell.textContent))).toEqual(['3 min', '5 min']);

    fireEvent.click(choice.getByRole('button', { name: 'This device' }));
    expect(choice.getByRole('button', { name: 'This device' }).getAttribute('aria-pressed')).toBe('true');
    expect(plain(within(acme()).getAllByRole('cell')[0]?.textContent)).toBe('3 min');
    // One browser only: no side-by-side table.
    expect(screen.queryByRole('table', { name: /^Time per browser/ })).toBeNull();
  });
});
