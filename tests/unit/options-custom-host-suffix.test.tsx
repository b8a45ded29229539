// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OptionsPage } from '@/components/options/OptionsPage';
import { SETTINGS_KEY } from '@/utils/storage';
import { installLocale } from './dashboard-locale';
import { freshBrowser, renderOptions, setUpSettings, storedSettings } from './options-helpers';

/** The browser's permission API; every request would be granted, so a refusal is the page's own. */
function permissions() {
  const granted = new Set<string>();
  const request = vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
    for (const origin of origins) granted.add(origin);
    return true;
  });
  const contains = vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((origin) => granted.has(origin)));
  Object.assign(fakeBrowser.permissions, { request, contains, remove: vi.fn(async () => true) });
  return { request };
}

/** The text an element's aria-describedby points to, joined: what a screen reader reads after its name. */
function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent?.replace('⚠', '').trim() ?? '')
    .join(' ');
}

async function openChannels(language: 'en' | 'de' = 'en') {
  const api = permissions();
  await freshBrowser({ [SETTINGS_KEY]: setUpSettings() });
  if (language === 'de') await installLocale('de');
  if (language === 'en') await renderOptions();
  else render(<OptionsPage />);
  const region = await screen.findByRole('region', { name: language === 'de' ? 'Kanäle' : 'Channels' });
  const channels = within(region);
  return { api, channels };
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('adding a custom host on the options page', () => {
  it.each([
    ['co.uk', 'co.uk is a public suffix: anyone can register a site under it, so it cannot be one channel. Enter one site under it, such as example.co.uk.'],
    ['https://github.io/', 'github.io is a public suffix: anyone can register a site under it, so it cannot be one channel. Enter one site under it, such as example.github.io.'],
    ['192.168.1.20', 'An IP address is no site name. Enter the site’s host, such as forum.example.com.'],
    ['[::1]', 'An IP address is no site name. Enter the site’s host, such as forum.example.com.'],
    ['localhost:8080', 'localhost is your own computer, not a site. Enter the site’s host, such as forum.example.com.'],
    ['my-nas', 'my-nas has no domain, so it is no site on the web. Enter the full host, such as forum.example.com.'],
  ])('refuses %j, says why next to the field, asks for no access and saves nothing', async (input, reason) => {
    const { api, channels } = await openChannels();
    const field = channels.getByRole('textbox', { name: 'Host' });
    fireEvent.input(field, { target: { value: input } });
    fireEvent.click(channels.getByRole('button', { name: 'Add channel' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(field)).toContain(reason);
    expect(api.request).not.toHaveBeenCalled();
    expect(channels.getByRole('status').textContent).toBe('');
    expect((await storedSettings()).customHosts).toEqual([]);
  });

  it('says it in German too', async () => {
    const { channels } = await openChannels('de');
    const field = channels.getByRole('textbox', { name: 'Host' });
    fireEvent.input(field, { target: { value: 'co.uk' } });
    fireEvent.click(channels.getByRole('button', { name: 'Kanal hinzufügen' }));
    await waitFor(() => expect(descriptionOf(field)).toContain('co.uk ist ein öffentliches Suffix'));
    expect((await storedSettings()).customHosts).toEqual([]);
  });

  it.each(['name.github.io', 'blog.example.co.uk'])('adds %j, a site under a public suffix', async (input) => {
    const { api, channels } = await openChannels();
    const field = channels.getByRole('textbox', { name: 'Host' });
    fireEvent.input(field, { target: { value: input } });
    fireEvent.click(channels.getByRole('button', { name: 'Add channel' }));
    await waitFor(async () => expect((await storedSettings()).customHosts).toEqual([{ host: input, platform: 'custom' }]));
    expect(api.request).toHaveBeenCalledWith({ origins: [`*://*.${input}/*`] });
    expect(field.getAttribute('aria-invalid')).toBeNull();
  });

  it('replaces a refusal with the add once the host is right', async () => {
    const { channels } = await openChannels();
    const field = channels.getByRole('textbox', { name: 'Host' });
    fireEvent.input(field, { target: { value: 'github.io' } });
    fireEvent.click(channels.getByRole('button', { name: 'Add channel' }));
    await waitFor(() => expect(descriptionOf(field)).toContain('github.io is a public suffix'));
    fireEvent.input(field, { target: { value: 'name.github.io' } });
    fireEvent.click(channels.getByRole('button', { name: 'Add channel' }));
    await waitFor(() => expect(channels.getByRole('status').textContent).toContain('name.github.io was added'));
    expect(descriptionOf(field)).not.toContain('public suffix');
  });
});
