// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { UNDO_MS } from '@/components/options/Specializations';
import type { Settings, Specialization } from '@/utils/settings';
import { SETTINGS_KEY } from '@/utils/storage';
import { errorOf, freshBrowser, renderOptions, setUpSettings, storedSettings } from './options-helpers';

function spec(id: string, name: string, channels: Specialization['channels'] = []): Specialization {
  return { id, name, channels, budgets: { totalMinutes: null, perChannel: {} }, workingHours: null, clientId: null };
}

const twoClients = () => setUpSettings((s) => ({
  ...s,
  specializations: [spec('acme', 'Acme', [{ platform: 'linkedin', accounts: null }]), spec('shop', 'Shop')],
  activeSpecializationId: 'acme',
}));

async function start(settings: Settings = twoClients()) {
  await freshBrowser({ [SETTINGS_KEY]: settings });
  return renderOptions();
}

const editor = () => screen.getByRole('article');

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('options page: layout', () => {
  beforeEach(() => start());

  it('has the product heading, a navigation of sections and a heading per section', () => {
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Channel Focus');
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    const links = within(nav).getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]);
    expect(links).toEqual([
      ['Specializations', '#specializations'], ['Clients', '#clients'], ['Channels', '#channels'], ['Tracking', '#tracking'],
      ['Flags', '#flags'], ['Sync', '#sync'], ['Data', '#data'],
    ]);
    const main = screen.getByRole('main');
    for (const [name, href] of links) {
      const region = screen.getByRole('region', { name: name! });
      expect(`#${region.id}`).toBe(href);
      expect(main.contains(region), name!).toBe(true);
    }
  });
});

describe('specializations editor', () => {
  beforeEach(() => start());

  it('creates a specialization and selects it for editing', async () => {
    fireEvent.input(screen.getByLabelText('Name of a new specialization'), { target: { value: '  Recruiting  ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(async () => expect((await storedSettings()).specializations.map((s) => s.name)).toEqual(['Acme', 'Shop', 'Recruiting']));
    expect(within(editor()).getByRole('heading', { level: 3 }).textContent).toBe('Recruiting');
    // Creating does not steal the focus from the active one.
    expect((await storedSettings()).activeSpecializationId).toBe('acme');
    expect((screen.getByLabelText('Name of a new specialization') as HTMLInputElement).value).toBe('');
  });

  it('explains an empty or duplicate name next to the field and saves nothing', async () => {
    const field = screen.getByLabelText('Name of a new specialization');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(field)).toBe('Enter a name.');
    fireEvent.input(field, { target: { value: 'acme' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(errorOf(field)).toBe('Another specialization already has this name.');
    fireEvent.input(field, { target: { value: 'x'.repeat(61) } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(errorOf(field)).toBe('A name can have at most 60 characters.');
    expect((await storedSettings()).specializations).toHaveLength(2);
  });

  it('renames, and refuses a name another specialization has', async () => {
    const name = within(editor()).getByLabelText('Name');
    fireEvent.input(name, { target: { value: 'Shop' } });
    fireEvent.change(name);
    expect(errorOf(name)).toBe('Another specialization already has this name.');
    expect((await storedSettings()).specializations[0]!.name).toBe('Acme');
    fireEvent.input(name, { target: { value: 'Acme GmbH' } });
    fireEvent.click(within(editor()).getByRole('button', { name: 'Rename' }));
    await waitFor(async () => expect((await storedSettings()).specializations[0]!.name).toBe('Acme GmbH'));
    expect(name.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('radio', { name: 'Acme GmbH' })).toHaveProperty('checked', true);
  });

  it('duplicates under a free name, right after the original, and edits the copy', async () => {
    fireEvent.click(within(editor()).getByRole('button', { name: 'Duplicate' }));
    await waitFor(async () => expect((await storedSettings()).specializations.map((s) => s.name)).toEqual(['Acme', 'Acme (copy)', 'Shop']));
    const copy = (await storedSettings()).specializations[1]!;
    expect(copy.channels).toEqual([{ platform: 'linkedin', accounts: null }]);
    expect(copy.id).not.toBe('acme');
    expect(within(editor()).getByRole('heading', { level: 3 }).textContent).toBe('Acme (copy)');
    fireEvent.click(within(editor()).getByRole('button', { name: 'Duplicate' }));
    await waitFor(async () => expect((await storedSettings()).specializations.map((s) => s.name)).toContain('Acme (copy) (copy)'));
  });

  it('deletes with an undo that puts it back, active again', async () => {
    fireEvent.click(within(editor()).getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect((await storedSettings()).specializations.map((s) => s.name)).toEqual(['Shop']));
    expect((await storedSettings()).activeSpecializationId).toBeNull();
    // Said where a screen reader hears it.
    expect(screen.getByText('“Acme” was deleted.').closest('[aria-live]')?.getAttribute('aria-live')).toBe('polite');
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await storedSettings()).specializations.map((s) => s.name)).toEqual(['Acme', 'Shop']));
    expect((await storedSettings()).activeSpecializationId).toBe('acme');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('offers the undo for a few seconds only', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fireEvent.click(within(editor()).getByRole('button', { name: 'Delete' }));
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInstanceOf(HTMLButtonElement);
    vi.advanceTimersByTime(UNDO_MS - 100);
    await Promise.resolve();
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeInstanceOf(HTMLButtonElement);
    vi.advanceTimersByTime(200);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
  });

  it('activates a specialization, or none', async () => {
    fireEvent.click(screen.getByRole('radio', { name: 'Shop' }));
    await waitFor(async () => expect((await storedSettings()).activeSpecializationId).toBe('shop'));
    expect((screen.getByRole('radio', { name: 'Shop' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: 'None' }));
    await waitFor(async () => expect((await storedSettings()).activeSpecializationId).toBeNull());
  });

  it('ticks focus platforms and warns gently beyond three, without refusing', async () => {
    const focus = within(editor()).getByRole('group', { name: 'Focus channels' });
    expect(within(focus).queryByRole('status')).toBeNull();
    for (const name of ['XING', 'Instagram', 'YouTube']) fireEvent.click(within(focus).getByRole('checkbox', { name }));
    await waitFor(async () => expect((await storedSettings()).specializations[0]!.channels.map((c) => c.platform))
      .toEqual(['linkedin', 'xing', 'instagram', 'youtube']));
    expect(within(focus).getByRole('status').textContent)
      .toContain('A focus is most effective with two or three platforms. You have chosen 4.');
    fireEvent.click(within(focus).getByRole('checkbox', { name: 'YouTube' }));
    await waitFor(() => expect(within(focus).queryByRole('status')).toBeNull());
  });

  it('lists only some accounts of a platform, with the accounts seen as suggestions', async () => {
    cleanup();
    await freshBrowser({
      [SETTINGS_KEY]: twoClients(),
      'usage:2025-06-01': { version: 1, value: { 'linkedin:company/acme': [60_000, 0, 0, 0], 'linkedin:in/jane': [0, 1000, 0, 0], x: [1, 0, 0, 0] } },
    });
    await renderOptions();
    const accounts = within(editor()).getByRole('group', { name: 'Accounts on LinkedIn' });
    const input = within(accounts).getByLabelText('Add an account on LinkedIn') as HTMLInputElement;
    const options = [...document.getElementById(input.getAttribute('list')!)!.querySelectorAll('option')].map((o) => o.value);
    expect(options).toEqual(['company/acme', 'in/jane']);
    fireEvent.input(input, { target: { value: 'https://www.linkedin.com/company/acme/posts/' } });
    fireEvent.click(within(accounts).getByRole('button', { name: 'Add account (LinkedIn)' }));
    await waitFor(async () => expect((await storedSettings()).specializations[0]!.channels[0]).toEqual({ platform: 'linkedin', accounts: ['company/acme'] }));
    // Listed accounts are no longer suggested.
    expect([...document.getElementById(input.getAttribute('list')!)!.querySelectorAll('option')].map((o) => o.value)).toEqual(['in/jane']);
    fireEvent.click(within(accounts).getByRole('button', { name: 'Add account (LinkedIn)' }));
    expect(errorOf(input)).toBe('Enter an account or paste its address.');
    fireEvent.click(within(accounts).getByRole('button', { name: 'Remove company/acme' }));
    await waitFor(async () => expect((await storedSettings()).specializations[0]!.channels[0]).toEqual({ platform: 'linkedin', accounts: null }));
  });

  it('saves budgets and explains 0 or more than a day', async () => {
    const whole = within(editor()).getByLabelText('Whole specialization (minutes)');
    fireEvent.input(whole, { target: { value: '0' } });
    fireEvent.change(whole);
    expect(errorOf(whole)).toBe('A budget is at least 1 minute. Leave the field empty for no budget.');
    fireEvent.input(whole, { target: { value: '1441' } });
    fireEvent.change(whole);
    expect(errorOf(whole)).toBe('A budget can be at most 1440 minutes (24 hours).');
    expect((await storedSettings()).specializations[0]!.budgets.totalMinutes).toBeNull();
    fireEvent.input(whole, { target: { value: '90' } });
    fireEvent.change(whole);
    await waitFor(async () => expect((await storedSettings()).specializations[0]!.budgets.totalMinutes).toBe(90));
    expect(whole.getAttribute('aria-invalid')).toBeNull();
    const linkedin = within(editor()).getByLabelText('LinkedIn (minutes)');
    fireEvent.input(linkedin, { target: { value: '30' } });
    fireEvent.change(linkedin);
    await waitFor(async () => expect((await storedSettings()).specializations[0]!.budgets.perChannel).toEqual({ linkedin: 30 }));
    fireEvent.input(linkedin, { target: { value: '' } });
    fireEvent.change(linkedin);
    await waitFor(async () => expect((await storedSettings()).specializations[0]!.budgets.perChannel).toEqual({}));
  });

  it('sets working hours, explains "from after to", and saves an overnight window', async () => {
    fireEvent.click(within(editor()).getByRole('checkbox', { name: 'Set working hours' }));
    await waitFor(async () => expect((await storedSettings()).specializations[0]!.workingHours)
      .toMatchObject({ days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00', overnight: false }));
    const to = within(editor()).getByLabelText('To');
    fireEvent.input(to, { target: { value: '08:00' } });
    fireEvent.change(to);
    expect(errorOf(to)).toBe('The end must be after the start. For hours past midnight, tick “Ends the next day”.');
    expect((await storedSettings()).specializations[0]!.workingHours!.to).toBe('17:00');
    fireEvent.click(within(editor()).getByRole('checkbox', { name: 'Ends the next day' }));
    await waitFor(async () => expect((await storedSettings()).specializations[0]!.workingHours)
      .toMatchObject({ from: '09:00', to: '08:00', overnight: true }));
    expect(to.getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(within(editor()).getByRole('checkbox', { name: 'Saturday' }));
    fireEvent.click(within(editor()).getByRole('radio', { name: 'Do not track' }));
    await waitFor(async () => expect((await storedSettings()).specializations[0]!.workingHours)
      .toMatchObject({ days: [1, 2, 3, 4, 5, 6], trackOutside: false }));
    const zone = within(editor()).getByLabelText('Time zone');
    fireEvent.input(zone, { target: { value: 'Mars/Olympus' } });
    fireEvent.change(zone);
    expect(errorOf(zone)).toBe('This is not a time zone. Choose one from the list, such as Europe/Berlin.');
    fireEvent.input(zone, { target: { value: 'Europe/Vienna' } });
    fireEvent.change(zone);
    await waitFor(async () => expect((await storedSettings()).specializations[0]!.workingHours!.timeZone).toBe('Europe/Vienna'));
  });

  it('follows changes made in another tab', async () => {
    const other = setUpSettings((s) => ({ ...s, specializations: [spec('acme', 'Acme'), spec('new', 'From elsewhere')], activeSpecializationId: 'new' }));
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: other });
    await waitFor(() => expect((screen.getByRole('radio', { name: 'From elsewhere' }) as HTMLInputElement).checked).toBe(true));
    expect(screen.queryByRole('radio', { name: 'Shop' })).toBeNull();
  });
});

describe('unreadable stored settings', () => {
  it('shows the defaults with an explanation, and keeps the stored value aside once, before and after the first save', async () => {
    const fromTheFuture = { version: 99, specializations: 'a shape this release cannot read' };
    await freshBrowser({ [SETTINGS_KEY]: fromTheFuture });
    await renderOptions();
    expect(screen.getByText(/^Your stored settings could not be read \(settings\.version: 99 comes from a newer version/).getAttribute('role')).toBe('status');
    const keptAside = async () => Object.entries(await fakeBrowser.storage.local.get(null))
      .filter(([key]) => key.startsWith('quarantine:settings:')).map(([, value]) => value);
    // The background keeps it aside when it starts; the settings stay as they are until the user changes something.
    await waitFor(async () => expect(await keptAside()).toEqual([fromTheFuture]));
    expect((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).toEqual(fromTheFuture);
    fireEvent.click(screen.getByRole('button', { name: 'Skip setup' }));
    await waitFor(async () => expect((await storedSettings()).setup.skipped).toBe(true));
    // Still one copy: the same unreadable value is not kept aside twice.
    expect(await keptAside()).toEqual([fromTheFuture]);
    expect(screen.queryByText(/Your stored settings could not be read/)).toBeNull();
  });
});
