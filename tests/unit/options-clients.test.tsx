// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Client, Settings, Specialization } from '@/utils/settings';
import { SETTINGS_KEY } from '@/utils/storage';
import { errorOf, freshBrowser, renderOptions, setUpSettings, storedSettings } from './options-helpers';

function spec(id: string, name: string, clientId: string | null = null): Specialization {
  return { id, name, channels: [], budgets: { totalMinutes: null, perChannel: {} }, workingHours: null, clientId };
}

function client(id: string, name: string, channels: Client['channels'] = [], color = '#1f5fbf'): Client {
  return { id, name, color, channels };
}

/** The history has seen two LinkedIn company pages and an X account. */
const HISTORY = {
  'usage:2025-06-01': { version: 1, value: { 'linkedin:company/acme': [60_000, 0, 0, 0], 'linkedin:company/globex': [30_000, 0, 0, 0] } },
  'usage:2025-06-02': { version: 1, value: { 'x:acme': [10_000, 0, 0, 0] } },
};

async function start(change: (settings: Settings) => Settings = (s) => s) {
  await freshBrowser({ [SETTINGS_KEY]: setUpSettings(change), ...HISTORY });
  await renderOptions();
}

const section = () => within(screen.getByRole('region', { name: 'Clients' }));
const card = (name: string) => within(section().getByRole('article', { name }));

/** Opens a client's channel picker (unless open) and types into its search box. */
function search(clientName: string, text: string) {
  const open = card(clientName).getByRole('button', { name: `Add channels to ${clientName}` });
  if (open.getAttribute('aria-expanded') !== 'true') fireEvent.click(open);
  fireEvent.input(card(clientName).getByRole('searchbox', { name: 'Search accounts and platforms' }), { target: { value: text } });
}

/** The picker's offers (their buttons' names), in order. */
const offers = (clientName: string) => card(clientName).queryAllByRole('button', { name: /^(Assign|Move) to / })
  .map((button) => button.textContent?.replace(/\s+/g, ' '));

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('clients: creating', () => {
  it('creates two clients with their colours, each shown as a card', async () => {
    await start();
    const name = section().getByRole('textbox', { name: 'Name of a new client' });
    fireEvent.input(name, { target: { value: '  Acme GmbH ' } });
    const colours = within(section().getByRole('group', { name: 'Colour of the new client' }));
    fireEvent.click(colours.getByRole('radio', { name: 'Teal' }));
    fireEvent.click(section().getByRole('button', { name: 'Add client' }));
    await waitFor(async () => expect((await storedSettings()).clients.map((c) => [c.name, c.color])).toEqual([['Acme GmbH', '#0f7c86']]));
    expect((name as HTMLInputElement).value).toBe('');
    expect(section().getByText(/was added/).textContent).toBe('✓ Client “Acme GmbH” was added.');

    // The next one gets the first colour no client wears yet, without a choice.
    fireEvent.input(name, { target: { value: 'Globex' } });
    expect((within(section().getByRole('group', { name: 'Colour of the new client' })).getByRole('radio', { name: 'Blue' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(section().getByRole('button', { name: 'Add client' }));
    await waitFor(async () => expect((await storedSettings()).clients.map((c) => [c.name, c.color]))
      .toEqual([['Acme GmbH', '#0f7c86'], ['Globex', '#1f5fbf']]));
    expect(section().getAllByRole('article').map((article) => within(article).getByRole('heading', { level: 3 }).textContent))
      .toEqual(['Acme GmbH', 'Globex']);
  });

  it('explains an empty and a duplicate name, and adds nothing', async () => {
    await start((s) => ({ ...s, clients: [client('acme', 'Acme')] }));
    const name = section().getByRole('textbox', { name: 'Name of a new client' });
    fireEvent.click(section().getByRole('button', { name: 'Add client' }));
    expect(errorOf(name)).toBe('Enter a name for the client.');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    fireEvent.input(name, { target: { value: ' ACME ' } });
    fireEvent.click(section().getByRole('button', { name: 'Add client' }));
    expect(errorOf(name)).toBe('Another client already has this name.');
    expect((await storedSettings()).clients.map((c) => c.name)).toEqual(['Acme']);
  });

  it('renames and recolours a client in its card', async () => {
    await start((s) => ({ ...s, clients: [client('acme', 'Acme'), client('globex', 'Globex')] }));
    const name = card('Acme').getByRole('textbox', { name: 'Name' });
    fireEvent.input(name, { target: { value: 'Globex' } });
    fireEvent.click(card('Acme').getByRole('button', { name: 'Rename' }));
    expect(errorOf(name)).toBe('Another client already has this name.');
    fireEvent.input(name, { target: { value: 'Acme Corp' } });
    fireEvent.click(card('Acme').getByRole('button', { name: 'Rename' }));
    await waitFor(async () => expect((await storedSettings()).clients.map((c) => c.name)).toEqual(['Acme Corp', 'Globex']));
    fireEvent.click(within(card('Acme Corp').getByRole('group', { name: 'Colour' })).getByRole('radio', { name: 'Purple' }));
    await waitFor(async () => expect((await storedSettings()).clients[0]!.color).toBe('#6a3fb5'));
  });
});

describe('clients: channels', () => {
  it('assigns an account seen in the history, found through the search, and removes it again', async () => {
    await start((s) => ({ ...s, clients: [client('acme', 'Acme')] }));
    search('Acme', 'glob');
    expect(offers('Acme')).toEqual(['Assign to Acme – LinkedIn · company/globex']);
    fireEvent.click(card('Acme').getByRole('button', { name: 'Assign to Acme – LinkedIn · company/globex' }));
    await waitFor(async () => expect((await storedSettings()).clients[0]!.channels).toEqual([{ platform: 'linkedin', accounts: ['company/globex'] }]));
    // Listed in the card now, and no longer offered.
    expect(offers('Acme')).toEqual([]);
    fireEvent.click(card('Acme').getByRole('button', { name: 'Remove LinkedIn · company/globex from Acme' }));
    await waitFor(async () => expect((await storedSettings()).clients[0]!.channels).toEqual([]));
    expect(card('Acme').getByText('No channels yet.').textContent).toBe('No channels yet.');
  });

  it('search words narrow across platform and account', async () => {
    await start((s) => ({ ...s, clients: [client('acme', 'Acme')] }));
    search('Acme', 'acme');
    expect(offers('Acme')).toEqual(['Assign to Acme – LinkedIn · company/acme', 'Assign to Acme – X · @acme']);
    search('Acme', 'x acme');
    expect(offers('Acme')).toEqual(['Assign to Acme – X · @acme']);
    fireEvent.input(card('Acme').getByRole('searchbox', { name: 'Search accounts and platforms' }), { target: { value: 'nothing-like-it' } });
    expect(card('Acme').getByText('Nothing matches “nothing-like-it”.').textContent).toBe('Nothing matches “nothing-like-it”.');
  });

  it('offers "Move to" for an account another client has, and moves it', async () => {
    await start((s) => ({
      ...s,
      clients: [client('acme', 'Acme', [{ platform: 'linkedin', accounts: ['company/acme'] }]), client('globex', 'Globex')],
    }));
    search('Globex', 'company/acme');
    const row = within(card('Globex').getByRole('button', { name: 'Move to Globex – LinkedIn · company/acme' }).closest('li')!);
    expect(row.getByText('With Acme').textContent).toBe('With Acme');
    fireEvent.click(row.getByRole('button', { name: 'Move to Globex – LinkedIn · company/acme' }));
    await waitFor(async () => expect((await storedSettings()).clients.map((c) => [c.name, c.channels])).toEqual([
      ['Acme', []],
      ['Globex', [{ platform: 'linkedin', accounts: ['company/acme'] }]],
    ]));
    expect(card('Acme').getByText('No channels yet.').textContent).toBe('No channels yet.');
    expect(card('Globex').getByRole('button', { name: 'Remove LinkedIn · company/acme from Globex' }).textContent).toBe('Remove');
  });

  it('assigns a whole platform, and an account of it still goes to another client', async () => {
    await start((s) => ({ ...s, clients: [client('acme', 'Acme'), client('globex', 'Globex')] }));
    search('Acme', 'linkedin whole');
    fireEvent.click(card('Acme').getByRole('button', { name: 'Assign to Acme – LinkedIn (whole platform)' }));
    await waitFor(async () => expect((await storedSettings()).clients[0]!.channels).toEqual([{ platform: 'linkedin', accounts: null }]));
    expect(card('Acme').getByRole('button', { name: 'Remove LinkedIn (whole platform) from Acme' }).textContent).toBe('Remove');

    // For Globex, the account counts for Acme through its whole platform, yet may be assigned on its own.
    search('Globex', 'globex');
    const row = within(card('Globex').getByRole('button', { name: 'Assign to Globex – LinkedIn · company/globex' }).closest('li')!);
    expect(row.getByText('Counts for Acme (whole platform)').textContent).toBe('Counts for Acme (whole platform)');
    fireEvent.click(row.getByRole('button', { name: 'Assign to Globex – LinkedIn · company/globex' }));
    await waitFor(async () => expect((await storedSettings()).clients[1]!.channels).toEqual([{ platform: 'linkedin', accounts: ['company/globex'] }]));
  });
});

describe('clients: specializations and deleting', () => {
  it('links a specialization to a client from the client card', async () => {
    await start((s) => ({ ...s, clients: [client('acme', 'Acme')], specializations: [spec('a', 'Acme focus'), spec('b', 'Own brand')] }));
    const focus = within(card('Acme').getByRole('group', { name: 'Focus for this client' }));
    fireEvent.click(focus.getByRole('checkbox', { name: 'Acme focus' }));
    await waitFor(async () => expect((await storedSettings()).specializations.map((s) => s.clientId)).toEqual(['acme', null]));
    expect((focus.getByRole('checkbox', { name: 'Acme focus' }) as HTMLInputElement).checked).toBe(true);
  });

  it('deletes a client, which clears the specialization\'s link; Undo brings both back', async () => {
    await start((s) => ({
      ...s,
      clients: [client('acme', 'Acme', [{ platform: 'xing', accounts: null }]), client('globex', 'Globex')],
      specializations: [spec('a', 'Acme focus', 'acme'), spec('b', 'Own brand')],
      activeSpecializationId: 'a',
    }));
    fireEvent.click(card('Acme').getByRole('button', { name: 'Delete client Acme' }));
    await waitFor(async () => {
      const stored = await storedSettings();
      expect(stored.clients.map((c) => c.name)).toEqual(['Globex']);
      expect(stored.specializations.map((s) => s.clientId)).toEqual([null, null]);
      expect(stored.activeSpecializationId).toBe('a');
    });
    expect(section().getByText('Client “Acme” was deleted.').textContent).toBe('Client “Acme” was deleted.');

    fireEvent.click(section().getByRole('button', { name: 'Undo' }));
    await waitFor(async () => {
      const stored = await storedSettings();
      expect(stored.clients).toEqual([client('acme', 'Acme', [{ platform: 'xing', accounts: null }]), client('globex', 'Globex')]);
      expect(stored.specializations.map((s) => s.clientId)).toEqual(['acme', null]);
    });
    expect(section().queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('refuses the Undo when the deleted client\'s platform was given to another client meanwhile', async () => {
    await start((s) => ({ ...s, clients: [client('acme', 'Acme', [{ platform: 'xing', accounts: null }]), client('globex', 'Globex')] }));
    fireEvent.click(card('Acme').getByRole('button', { name: 'Delete client Acme' }));
    await waitFor(async () => expect((await storedSettings()).clients.map((c) => c.name)).toEqual(['Globex']));
    search('Globex', 'xing');
    fireEvent.click(card('Globex').getByRole('button', { name: 'Assign to Globex – XING (whole platform)' }));
    await waitFor(async () => expect((await storedSettings()).clients[0]!.channels).toEqual([{ platform: 'xing', accounts: null }]));
    const undo = section().getByRole('button', { name: 'Undo' });
    fireEvent.click(undo);
    expect(errorOf(undo)).toBe('This whole platform belongs to Globex already.');
    expect((await storedSettings()).clients.map((c) => c.name)).toEqual(['Globex']);
  });
});

describe('clients: weekly report reminder', () => {
  async function startReminder(answer: boolean) {
    await start();
    const request = vi.fn(async (_: { permissions?: string[] }) => answer);
    Object.assign(fakeBrowser.permissions, { request });
    const box = section().getByRole('checkbox', { name: 'Remind me of last week’s report' }) as HTMLInputElement;
    return { request, box };
  }

  it('asks for the notifications permission and turns the reminder on once allowed', async () => {
    const { request, box } = await startReminder(true);
    expect(box.getAttribute('aria-describedby') && document.getElementById(box.getAttribute('aria-describedby')!)?.textContent)
      .toBe('A notification on the first working day of the week, at the start of your working hours.');
    fireEvent.click(box);
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    await waitFor(async () => expect((await storedSettings()).reports.weeklyReminder).toBe(true));
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await waitFor(async () => expect((await storedSettings()).reports.weeklyReminder).toBe(false));
    expect(request).toHaveBeenCalledTimes(1);
  });

  it('stays off and says why when the browser refuses', async () => {
    const { request, box } = await startReminder(false);
    fireEvent.click(box);
    expect(request).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(section().getByText(/Notifications were not allowed/).textContent)
      .toBe('Notifications were not allowed, so this stays off. Allow notifications for Channel Focus in your browser to turn it on.'));
    expect(box.checked).toBe(false);
    expect((await storedSettings()).reports.weeklyReminder).toBe(false);
  });
});
