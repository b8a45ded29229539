// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportApp } from '@/components/report/ReportApp';
import { SETTINGS_KEY, SOURCE_ID_KEY, usageKey } from '@/utils/storage';
import { localDate } from '@/utils/time-zone';
import { freshBrowser, setUpSettings, storedSettings } from './options-helpers';

const OWN = '6f1c2a9e-4b7d-4c3e-9a51-0d2f8e7b3c10';
const today = () => localDate(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);

afterEach(() => cleanup());

describe('report page with the background', () => {
  it('reads storage, follows the address, writes the range back, and saves a browser’s name', async () => {
    await freshBrowser({
      [SETTINGS_KEY]: setUpSettings((settings) => ({
        ...settings,
        clients: [{ id: 'acme', name: 'Acme', color: '#cc0000', channels: [{ platform: 'linkedin', accounts: null }] }],
      })),
      [SOURCE_ID_KEY]: OWN,
      [usageKey(today())]: { version: 1, value: { linkedin: [3 * 60_000, 0, 0, 0] } },
      imported: { version: 1, value: { 'laptop-1': { [today()]: { linkedin: [60_000, 0, 0, 0] } } } },
    });
    window.history.replaceState(null, '', '/report.html?range=this-month');
    render(<ReportApp />);
    const table = await screen.findByRole('table', { name: /^Time per client/ });
    const acme = within(table).getByRole('row', { name: /^Acme/ });
    expect(within(acme).getAllByRole('cell')[0]?.textContent?.replace(/\u00a0/g, ' ')).toBe('4 min');
    expect(screen.getByRole('button', { name: 'This month' }).getAttribute('aria-pressed')).toBe('true');
    expect(window.location.search).toBe('?range=this-month');

    fireEvent.click(screen.getByRole('button', { name: 'Last month' }));
    expect(window.location.search).toBe('?range=last-month');
    fireEvent.click(screen.getByRole('button', { name: 'This month' }));

    fireEvent.click(screen.getByRole('button', { name: 'Rename This browser' }));
    const field = screen.getByRole('textbox', { name: 'Name for This browser' }) as HTMLInputElement;
    field.value = 'Desk';
    fireEvent.keyDown(field, { key: 'Enter' });
    await waitFor(async () => expect((await storedSettings()).sourceNames).toEqual({ [OWN]: 'Desk' }));
    expect(await screen.findByRole('button', { name: 'Rename Desk' })).toBe(document.activeElement);
  });
});
