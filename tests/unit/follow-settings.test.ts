import { fakeBrowser } from 'wxt/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { followSettings } from '@/entrypoints/background/follow-settings';
import { defaultSettings, setPanelPlacement } from '@/utils/settings';
import { SETTINGS_KEY } from '@/utils/storage';
import { startBackground } from './background-harness';

/** The panels learn of changed settings from the background: they never read storage themselves. */
const report = (tabId: number) => ({
  type: 'page' as const, tabId, windowId: 1, channel: { platform: 'x' as const, account: null }, visible: tabId === 1,
  lastInputAt: null, mediaPlaying: false, document: { id: `page-000${tabId}-aaaa`, shownAt: Date.now(), navigation: 'navigate' as const },
});

afterEach(() => vi.restoreAllMocks());

describe('settings changes reach the panels', () => {
  it('tells each tab that shows a page of ours, and no other, to ask for a fresh view', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: defaultSettings() });
    const background = startBackground();
    followSettings(background);
    await background.settings.ready;
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    // The fake browser has no idle API: the threshold that follows the settings goes nowhere here.
    vi.spyOn(fakeBrowser.idle, 'setDetectionInterval').mockImplementation(() => {});
    await background.tracker.handle(report(1));
    await background.tracker.handle(report(2));
    await background.tracker.handle({ ...report(3), gone: true });
    // Tab 2 left for another site: no page of ours there any more.
    await background.tracker.handle({ type: 'tab-updated', tabId: 2, windowId: 1, channel: null, newPage: true });

    expect(await background.settings.edit((settings) => setPanelPlacement(settings, 'x', { collapsed: true }))).toEqual({ ok: true });
    await vi.waitFor(() => expect(sent).toHaveBeenCalled());
    expect(sent.mock.calls).toEqual([[1, { type: 'settings-changed' }]]);
  });
});
