// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { MastodonOffer } from '@/components/MastodonOffer';
import { mastodonInFront } from '@/components/mastodon-in-front';
import { defaultSettings, type Settings } from '@/utils/settings';
import { SETTINGS_KEY } from '@/utils/storage';
import { installLocale } from './dashboard-locale';
import { startBackground } from './background-harness';
import { registerHostOffers } from '@/entrypoints/background/add-granted-host';

/** The popup's "Track <host> as Mastodon": on a Mastodon page Channel Focus does not know yet. */
const HOST = 'social.example.org';
const permissions = fakeBrowser.permissions as unknown as { request(p: object): Promise<boolean>; contains(p: object): Promise<boolean> };
const stored = async () => (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings;

beforeEach(async () => {
  fakeBrowser.reset();
  await installLocale('en');
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: defaultSettings() });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('the popup’s Mastodon offer', () => {
  it('shows nothing on a page that is no unknown Mastodon instance', async () => {
    const find = vi.fn().mockResolvedValue(null);
    const { container } = render(<MastodonOffer settings={defaultSettings()} find={find} />);
    await waitFor(() => expect(find).toHaveBeenCalledOnce());
    expect(container.textContent).toBe('');
  });

  it('asks for the host’s access on the click and adds it as Mastodon', async () => {
    startBackground();
    const request = vi.spyOn(permissions, 'request').mockResolvedValue(true);
    vi.spyOn(permissions, 'contains').mockResolvedValue(true);
    render(<MastodonOffer settings={defaultSettings()} find={async () => HOST} />);
    fireEvent.click(await screen.findByRole('button', { name: `Track ${HOST} as Mastodon` }));
    expect(request).toHaveBeenCalledWith({ origins: [`*://*.${HOST}/*`] });
    expect((await screen.findByRole('status')).textContent).toBe(`${HOST} is tracked as Mastodon now, from this page on.`);
    expect((await stored()).customHosts).toEqual([{ host: HOST, platform: 'mastodon' }]);
  });

  it('says so when the user does not allow the access, and adds nothing', async () => {
    startBackground();
    vi.spyOn(permissions, 'request').mockResolvedValue(false);
    render(<MastodonOffer settings={defaultSettings()} find={async () => HOST} />);
    fireEvent.click(await screen.findByRole('button', { name: `Track ${HOST} as Mastodon` }));
    expect((await screen.findByRole('alert')).textContent).toContain(`Access to ${HOST} was not allowed`);
    expect((await stored()).customHosts).toEqual([]);
  });

  it('speaks German', async () => {
    await installLocale('de');
    render(<MastodonOffer settings={defaultSettings()} find={async () => HOST} />);
    expect(await screen.findByRole('button', { name: `${HOST} als Mastodon erfassen` })).toBeInstanceOf(HTMLButtonElement);
    expect(screen.getByRole('heading').textContent).toBe('Eine Mastodon-Instanz');
  });
});

describe('the background adds a host only with its access granted', () => {
  it('refuses a host without access, and keeps a known host as it is', async () => {
    const parts = startBackground();
    const contains = vi.spyOn(permissions, 'contains').mockResolvedValue(false);
    const add = (host: string) => fakeBrowser.runtime.sendMessage({ type: 'custom-host-add', host, platform: 'mastodon' });
    expect(await add(HOST)).toEqual({ ok: false, error: 'permission-missing' });
    expect(await add('not a host')).toEqual({ ok: false, error: 'host-invalid' });
    contains.mockResolvedValue(true);
    expect(await add(HOST)).toEqual({ ok: true });
    expect(await add(HOST)).toEqual({ ok: true });
    expect((await stored()).customHosts).toEqual([{ host: HOST, platform: 'mastodon' }]);
    expect(parts.channelOf(`https://${HOST}/@someone`)).toEqual({ platform: 'mastodon', account: expect.any(String) });
  });
});

describe('Firefox closes the popup while its prompt asks', () => {
  it('the background adds the offered host when the access is granted, without the popup', async () => {
    const listeners: (() => void)[] = [];
    Object.assign(fakeBrowser.permissions, { onAdded: { addListener: (listener: () => void) => listeners.push(listener) } });
    const parts = startBackground();
    registerHostOffers(parts.settings);
    const contains = vi.spyOn(permissions, 'contains').mockResolvedValue(false);
    await fakeBrowser.runtime.sendMessage({ type: 'custom-host-add', host: HOST, platform: 'mastodon' });
    expect((await stored()).customHosts).toEqual([]);
    contains.mockResolvedValue(true);
    listeners.forEach((listener) => listener());
    await vi.waitFor(async () => expect((await stored()).customHosts).toEqual([{ host: HOST, platform: 'mastodon' }]));
  });
});

describe('which page in front is an unknown Mastodon instance', () => {
  const tabs = fakeBrowser.tabs as unknown as { query(q: object): Promise<{ id?: number; url?: string }[]> };
  const scripting = { executeScript: vi.fn() };
  beforeEach(() => {
    (fakeBrowser as unknown as { scripting: typeof scripting }).scripting = scripting;
    scripting.executeScript.mockReset().mockResolvedValue([{ result: true }]);
  });
  const inFront = (url: string) => {
    vi.spyOn(tabs, 'query').mockResolvedValue([{ id: 7, url }]);
    return mastodonInFront([]);
  };

  it('names the host when the page’s markup says Mastodon', async () => {
    expect(await inFront(`https://${HOST}/@someone`)).toBe(HOST);
    expect(scripting.executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7 } }));
  });

  it('asks no page that is already a channel, no public suffix, no browser page', async () => {
    expect(await inFront('https://mastodon.social/@someone')).toBeNull();
    expect(await inFront('https://github.io/')).toBeNull();
    expect(await inFront('chrome://settings/')).toBeNull();
    expect(scripting.executeScript).not.toHaveBeenCalled();
  });

  it('says no when the page is no Mastodon or cannot be asked', async () => {
    scripting.executeScript.mockResolvedValueOnce([{ result: false }]);
    expect(await inFront(`https://${HOST}/`)).toBeNull();
    scripting.executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await inFront(`https://${HOST}/`)).toBeNull();
  });
});
