import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  PANEL_SCRIPT_PATH, injectIntoOpenTabs, registerOpenTabInjection, urlMatchesPattern, type OpenTabsApi,
} from '@/entrypoints/background/inject-open-tabs';
import { PANEL_SCRIPT_FILE } from '@/entrypoints/background/custom-hosts';
import type { UserHost } from '@/utils/channels';
import { defaultSettings } from '@/utils/settings';
import { SETTINGS_KEY } from '@/utils/storage';

/** What runs in a tab: nothing, a panel that hears the extension, or one cut off by an update. */
type Script = 'none' | 'live' | 'orphaned' | 'silent';

interface FakeTab { id: number; url: string; script?: Script; discarded?: boolean; fails?: string }

/** Open tabs and the three APIs the injection uses, failing as the browsers do. */
function fakeTabs(tabs: FakeTab[], granted: readonly string[] = []) {
  const byId = new Map(tabs.map((tab) => [tab.id, { script: 'none' as Script, ...tab }]));
  const api = {
    tabs: {
      query: vi.fn(async ({ url = [] }: { url?: string | string[] }) => {
        const patterns = typeof url === 'string' ? [url] : url;
        return [...byId.values()]
          .filter((tab) => patterns.some((pattern) => urlMatchesPattern(tab.url, pattern)))
          .map(({ id, url: tabUrl, discarded = false }) => ({ id, url: tabUrl, discarded, index: 0, highlighted: false, active: false, pinned: false, incognito: false }));
      }),
      sendMessage: vi.fn((tabId: number, message: unknown) => {
        const tab = byId.get(tabId);
        if (tab?.script === 'silent') return new Promise(() => {});
        if (tab?.script === 'live' && (message as { type?: string }).type === 'report-now') return Promise.resolve(true);
        return Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
      }),
    },
    scripting: {
      executeScript: vi.fn(async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
        const tab = byId.get(target.tabId);
        if (!tab) throw new Error(`No tab with id: ${target.tabId}`);
        if (tab.fails) throw new Error(tab.fails);
        expect(files).toEqual([PANEL_SCRIPT_PATH]);
        tab.script = 'live';
        return [{ frameId: 0, result: undefined }];
      }),
    },
    permissions: { contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((origin) => granted.includes(origin))) },
  };
  const injectedInto = () => api.scripting.executeScript.mock.calls.map(([details]) => details.target.tabId).sort((a, b) => a - b);
  return { api: api as unknown as OpenTabsApi & typeof api, byId, injectedInto };
}

const custom = (host: string): UserHost => ({ host, platform: 'custom' });
const FAST = { manifestInjectedByBrowser: false, answerWithinMs: 50 };

const OPEN_TABS: FakeTab[] = [
  { id: 1, url: 'https://www.linkedin.com/feed/' },
  { id: 2, url: 'https://www.youtube.com/watch?v=abc' },
  { id: 3, url: 'https://example.org/news' }, // no platform
  { id: 4, url: 'https://developers.facebook.com/docs/' }, // excluded by the manifest
  { id: 5, url: 'https://x.com/home', discarded: true }, // loads the script with the page
  { id: 6, url: 'https://forum.example.com/t/1' }, // custom host, access allowed
  { id: 7, url: 'https://social.example.net/@me' }, // custom host, access not allowed
  { id: 8, url: 'chrome://extensions/' },
];

describe('urlMatchesPattern', () => {
  it.each([
    ['https://www.linkedin.com/feed/', '*://*.linkedin.com/*', true],
    ['http://linkedin.com/', '*://*.linkedin.com/*', true],
    ['https://notlinkedin.com/', '*://*.linkedin.com/*', false],
    ['https://linkedin.com.evil.example/', '*://*.linkedin.com/*', false],
    ['ftp://linkedin.com/', '*://*.linkedin.com/*', false],
    ['https://example.com/', 'http://example.com/*', false],
    ['https://a.example.com/', 'https://example.com/*', false],
    ['not a url', '*://*.example.com/*', false],
    ['https://example.com/', '<all_urls>', false],
  ])('%s against %s: %s', (url, pattern, expected) => {
    expect(urlMatchesPattern(url, pattern)).toBe(expected);
  });
});

describe('injectIntoOpenTabs', () => {
  it('reaches the open platform tabs and the allowed custom hosts, nothing else', async () => {
    const { api, injectedInto } = fakeTabs(OPEN_TABS, ['*://*.forum.example.com/*']);
    const outcome = await injectIntoOpenTabs([custom('forum.example.com'), custom('social.example.net')], api, FAST);
    expect(injectedInto()).toEqual([1, 2, 6]);
    expect(outcome).toEqual({ injected: expect.arrayContaining([1, 2, 6]), running: [], failed: [] });
    expect(api.permissions.contains).toHaveBeenCalledWith({ origins: ['*://*.social.example.net/*'] });
  });

  it('leaves a tab with a live panel alone and replaces scripts an update cut off', async () => {
    const { api, injectedInto } = fakeTabs([
      { id: 1, url: 'https://www.linkedin.com/feed/', script: 'live' },
      { id: 2, url: 'https://www.reddit.com/r/x/', script: 'orphaned' },
      { id: 3, url: 'https://forum.example.com/', script: 'orphaned' },
    ], ['*://*.forum.example.com/*']);
    const outcome = await injectIntoOpenTabs([custom('forum.example.com')], api, FAST);
    expect(injectedInto()).toEqual([2, 3]);
    expect(outcome.running).toEqual([1]);
    expect(api.tabs.sendMessage).toHaveBeenCalledWith(1, { type: 'report-now' }, { frameId: 0 });
  });

  it('counts a panel that does not answer in time as none', async () => {
    const { api, injectedInto } = fakeTabs([{ id: 1, url: 'https://www.linkedin.com/', script: 'silent' }]);
    await injectIntoOpenTabs([], api, FAST);
    expect(injectedInto()).toEqual([1]);
  });

  it('goes on past tabs that fail and throws nothing', async () => {
    const { api, injectedInto } = fakeTabs([
      { id: 1, url: 'https://www.linkedin.com/' },
      { id: 2, url: 'https://www.facebook.com/', fails: 'Frame with ID 0 is showing error page' },
      { id: 3, url: 'https://www.instagram.com/', fails: 'No tab with id: 3' },
      { id: 4, url: 'https://www.tiktok.com/' },
    ]);
    const outcome = await injectIntoOpenTabs([], api, FAST);
    expect(injectedInto()).toEqual([1, 2, 3, 4]);
    expect(outcome.injected.sort()).toEqual([1, 4]);
    expect(outcome.failed.sort()).toEqual([2, 3]);
  });

  it('survives a query the browser refuses', async () => {
    const { api } = fakeTabs(OPEN_TABS);
    api.tabs.query.mockRejectedValue(new Error('boom'));
    await expect(injectIntoOpenTabs([], api, FAST)).resolves.toEqual({ injected: [], running: [], failed: [] });
  });

  it('where the browser injects manifest scripts itself (Firefox), reaches only the custom hosts', async () => {
    const { api, injectedInto } = fakeTabs(OPEN_TABS, ['*://*.forum.example.com/*']);
    await injectIntoOpenTabs([custom('forum.example.com')], api, { ...FAST, manifestInjectedByBrowser: true });
    expect(injectedInto()).toEqual([6]);
  });

  it('names the file the manifest lists', () => {
    expect(PANEL_SCRIPT_PATH).toBe(`/${PANEL_SCRIPT_FILE}`);
  });
});

describe('registerOpenTabInjection', () => {
  beforeEach(() => fakeBrowser.reset());

  async function installed(reason: 'install' | 'update' | 'browser_update', tabs: FakeTab[], granted: string[] = []) {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), customHosts: [custom('forum.example.com')] } });
    const fake = fakeTabs(tabs, granted);
    registerOpenTabInjection(fake.api, FAST);
    await fakeBrowser.runtime.onInstalled.trigger(reason === 'update'
      ? { reason, temporary: false, previousVersion: '0.0.9' }
      : { reason, temporary: false });
    return fake;
  }

  it('injects on install into platform tabs and allowed custom hosts from the stored settings', async () => {
    const { injectedInto } = await installed('install', OPEN_TABS, ['*://*.forum.example.com/*']);
    await vi.waitFor(() => expect(injectedInto()).toEqual([1, 2, 6]));
  });

  it('injects on update, and not into a custom host whose access is gone', async () => {
    const { injectedInto, api } = await installed('update', OPEN_TABS.map((tab) => ({ ...tab, script: 'orphaned' as const })));
    await vi.waitFor(() => expect(injectedInto()).toEqual([1, 2]));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(injectedInto()).toEqual([1, 2]);
    expect(api.permissions.contains).toHaveBeenCalledWith({ origins: ['*://*.forum.example.com/*'] });
  });

  it('does nothing when only the browser was updated', async () => {
    const { api } = await installed('browser_update', OPEN_TABS);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(api.tabs.query).not.toHaveBeenCalled();
    expect(api.scripting.executeScript).not.toHaveBeenCalled();
  });
});
