import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { messageHandler } from '@/entrypoints/background/messages';
import { createBackgroundParts, type BackgroundParts } from '@/entrypoints/background/parts';
import type { MessageSender, PanelView } from '@/utils/messages';
import { defaultSettings } from '@/utils/settings';
import { SETTINGS_KEY } from '@/utils/storage';

/** The background believes what a page says about its account only as far as the platform's parser does. */
const WATCH = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const ADMIN = 'https://www.linkedin.com/company/12345/admin/';
const tab = (url: string): MessageSender => ({ id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id: 4, windowId: 2 } });
let page = 0;
const report = (url: string, clues?: { url: string; source: string }[]) => ({
  type: 'page-report', url, visible: true, focused: true, lastInputAt: Date.now(), mediaPlaying: false,
  document: { id: `page-0000-${String(page += 1).padStart(4, '0')}`, shownAt: Date.now(), navigation: 'navigate' },
  ...(clues ? { clues } : {}),
});

let parts: BackgroundParts;
let handle: ReturnType<typeof messageHandler>;
const channelShown = async (url: string, clues?: { url: string; source: string }[]) =>
  ((await handle(report(url, clues), tab(url))) as PanelView | null)?.channel ?? null;

beforeEach(async () => {
  vi.useRealTimers();
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: defaultSettings() });
  parts = createBackgroundParts();
  handle = messageHandler(parts);
  await parts.settings.ready;
});

describe('the account a page names', () => {
  it('a watch page counts for the channel that published the video', async () => {
    expect(await channelShown(WATCH, [{ url: 'https://www.youtube.com/@AcmeBrand', source: 'microdata-author' }]))
      .toEqual({ platform: 'youtube', account: '@acmebrand' });
  });

  it('without clues, or with clues that lie, the platform alone counts', async () => {
    expect(await channelShown(WATCH)).toEqual({ platform: 'youtube', account: null });
    for (const url of ['https://evil.example/@acme', 'https://www.youtube.com/feed/trending', 'https://x.com/acme', 'javascript:alert(1)']) {
      expect(await channelShown(WATCH, [{ url, source: 'microdata-author' }])).toEqual({ platform: 'youtube', account: null });
    }
  });

  it('a page whose URL names its account keeps it, whatever an author link says', async () => {
    expect(await channelShown('https://x.com/acmebrand', [{ url: 'https://x.com/someoneelse', source: 'json-ld-author' }]))
      .toEqual({ platform: 'x', account: 'acmebrand' });
  });

  it('refuses a malformed clue list as a whole report (schema), and the tab keeps what it had', async () => {
    const tooMany = Array.from({ length: 9 }, () => ({ url: 'https://www.youtube.com/@a', source: 'canonical' }));
    expect(await handle(report(WATCH, tooMany), tab(WATCH))).toBeUndefined();
    expect(await handle(report(WATCH, [{ url: 'https://www.youtube.com/@a', source: 'made-up' }]), tab(WATCH))).toBeUndefined();
  });

  it('an admin view under a numeric id counts for the name its canonical address gives', async () => {
    expect(await channelShown(ADMIN, [{ url: 'https://www.linkedin.com/company/acme-gmbh/', source: 'canonical' }]))
      .toEqual({ platform: 'linkedin', account: 'company/acme-gmbh' });
  });

  it('remembers what pages said, so that a tab update (URL only) gives the same channel', async () => {
    await channelShown(WATCH, [{ url: 'https://www.youtube.com/@AcmeBrand', source: 'microdata-author' }]);
    await channelShown(ADMIN, [{ url: 'https://www.linkedin.com/company/acme-gmbh/', source: 'canonical' }]);
    expect(parts.channelOf(WATCH)).toEqual({ platform: 'youtube', account: '@acmebrand' });
    expect(parts.channelOf('https://www.youtube.com/watch?v=other')).toEqual({ platform: 'youtube', account: null });
    // Every page under the id, not just the one read.
    expect(parts.channelOf('https://www.linkedin.com/company/12345/admin/analytics/')).toEqual({ platform: 'linkedin', account: 'company/acme-gmbh' });
  });

  it('learns nothing from a private window', async () => {
    const privateTab: MessageSender = { ...tab(WATCH), tab: { id: 5, windowId: 3, incognito: true } };
    await handle(report(WATCH, [{ url: 'https://www.youtube.com/@AcmeBrand', source: 'microdata-author' }]), privateTab);
    expect(parts.channelOf(WATCH)).toEqual({ platform: 'youtube', account: null });
  });
});
