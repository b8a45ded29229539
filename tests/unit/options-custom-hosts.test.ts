import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  CUSTOM_PANEL_SCRIPT_ID, PANEL_SCRIPT_FILE, customHostPatterns, registerOptionsLifecycle, syncCustomHostScripts, type ScriptRegistry,
} from '@/entrypoints/background/custom-hosts';
import type { UserHost } from '@/utils/channels';
import { defaultSettings } from '@/utils/settings';
import { SETTINGS_KEY } from '@/utils/storage';

interface Registered { id: string; matches?: string[]; js?: string[]; runAt?: string }

/** An in-memory scripting API that fails like the browsers do: a taken id, an unknown id. */
function fakeRegistry(granted: Set<string>) {
  const scripts = new Map<string, Registered>();
  const calls: string[] = [];
  const registry = {
    scripting: {
      getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) =>
        [...scripts.values()].filter((script) => !filter?.ids || filter.ids.includes(script.id))),
      registerContentScripts: vi.fn(async (list: Registered[]) => {
        calls.push('register');
        for (const script of list) {
          if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
          if (script.matches?.some((pattern) => !granted.has(pattern))) throw new Error('missing host permission');
          scripts.set(script.id, script);
        }
      }),
      unregisterContentScripts: vi.fn(async (filter?: { ids?: string[] }) => {
        calls.push('unregister');
        for (const id of filter?.ids ?? []) {
          if (!scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
        }
      }),
    },
    permissions: { contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o))) },
  };
  return { registry: registry as unknown as ScriptRegistry & typeof registry, scripts, calls };
}

const host = (name: string, platform: UserHost['platform'] = 'custom'): UserHost => ({ host: name, platform });

describe('customHostPatterns', () => {
  it('gives one pattern per host, normalised and without repeats', () => {
    expect(customHostPatterns([host('forum.example.com'), host('WWW.Forum.Example.com'), host('social.example.net', 'mastodon')]))
      .toEqual(['*://*.forum.example.com/*', '*://*.social.example.net/*']);
  });
});

describe('syncCustomHostScripts', () => {
  it('registers the panel on the allowed hosts only', async () => {
    const granted = new Set(['*://*.forum.example.com/*']);
    const { registry, scripts } = fakeRegistry(granted);
    expect(await syncCustomHostScripts([host('forum.example.com'), host('other.example.com')], registry))
      .toEqual(['*://*.forum.example.com/*']);
    expect(scripts.get(CUSTOM_PANEL_SCRIPT_ID)).toEqual({
      id: CUSTOM_PANEL_SCRIPT_ID, matches: ['*://*.forum.example.com/*'], js: [PANEL_SCRIPT_FILE], runAt: 'document_idle',
    });
  });

  it('replaces the registration when hosts or permissions change, and leaves a right one alone', async () => {
    const granted = new Set(['*://*.a.example.com/*']);
    const { registry, scripts, calls } = fakeRegistry(granted);
    await syncCustomHostScripts([host('a.example.com')], registry);
    await syncCustomHostScripts([host('a.example.com')], registry);
    expect(calls).toEqual(['register']);
    granted.add('*://*.b.example.com/*');
    await syncCustomHostScripts([host('a.example.com'), host('b.example.com')], registry);
    expect(calls).toEqual(['register', 'unregister', 'register']);
    expect(scripts.get(CUSTOM_PANEL_SCRIPT_ID)?.matches).toEqual(['*://*.a.example.com/*', '*://*.b.example.com/*']);
    // The last host removed: no registration left.
    await syncCustomHostScripts([], registry);
    expect(scripts.size).toBe(0);
    await syncCustomHostScripts([], registry);
    expect(calls).toEqual(['register', 'unregister', 'register', 'unregister']);
  });
});

describe('registerOptionsLifecycle', () => {
  function fakeEvent() {
    const listeners: (() => void)[] = [];
    return { addListener: (listener: () => void) => listeners.push(listener), trigger: () => listeners.forEach((l) => l()) };
  }

  let fake: ReturnType<typeof fakeRegistry>;
  let granted: Set<string>;
  let onAdded: ReturnType<typeof fakeEvent>;
  let openOptionsPage: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    fakeBrowser.reset();
    granted = new Set();
    fake = fakeRegistry(granted);
    onAdded = fakeEvent();
    openOptionsPage = vi.fn(async () => {});
    Object.assign(fakeBrowser, { scripting: fake.registry.scripting });
    Object.assign(fakeBrowser.permissions, { contains: fake.registry.permissions.contains, onAdded, onRemoved: fakeEvent() });
    Object.assign(fakeBrowser.runtime, { openOptionsPage });
  });

  it('opens the options page on install, not on update', async () => {
    registerOptionsLifecycle();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false, previousVersion: '0.0.9' });
    expect(openOptionsPage).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(openOptionsPage).toHaveBeenCalledTimes(1);
  });

  it('registers a custom host once it is saved and its access allowed', async () => {
    registerOptionsLifecycle();
    const registered = () => fake.scripts.get(CUSTOM_PANEL_SCRIPT_ID)?.matches ?? [];
    // Access first (the options page asks before saving), then the settings.
    granted.add('*://*.forum.example.com/*');
    onAdded.trigger();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), customHosts: [host('forum.example.com')] } });
    await vi.waitFor(() => expect(registered()).toEqual(['*://*.forum.example.com/*']));
    // Removing the host removes the registration.
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: defaultSettings() });
    await vi.waitFor(() => expect(fake.scripts.size).toBe(0));
  });

  it('registers at start-up from the stored settings', async () => {
    granted.add('*://*.social.example.net/*');
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { ...defaultSettings(), customHosts: [host('social.example.net', 'mastodon')] } });
    registerOptionsLifecycle();
    await vi.waitFor(() => expect(fake.scripts.get(CUSTOM_PANEL_SCRIPT_ID)?.matches).toEqual(['*://*.social.example.net/*']));
  });
});
