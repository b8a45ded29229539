import { fakeBrowser } from 'wxt/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { messageHandler } from '@/entrypoints/background/messages';
import { createBackgroundParts } from '@/entrypoints/background/parts';
import type { MessageSender } from '@/utils/messages';

// The background as the browser and the pages feed it at a window switch: the old window's page
// can still say it has focus after the browser named the new window (its renderer learns late).
const LINKEDIN = 'https://www.linkedin.com/company/acme/';
const X = 'https://x.com/acmebrand';
const sender = (tabId: number, windowId: number, url: string): MessageSender => ({
  id: fakeBrowser.runtime.id, url, frameId: 0, tab: { id: tabId, windowId, incognito: false },
});
const report = (url: string, page: string, lastInputAt: number, focused: boolean) => ({
  type: 'page-report', url, visible: true, focused, lastInputAt, mediaPlaying: false,
  document: { id: page, shownAt: lastInputAt - 1000, navigation: 'navigate' },
});

afterEach(() => vi.useRealTimers());

describe('a window switch', () => {
  it('counts the window the browser named last, not the one whose late report says it has focus', async () => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date', 'performance'], now: Date.UTC(2026, 11, 2, 9) });
    const parts = createBackgroundParts();
    const handle = messageHandler(parts);
    await parts.settings.ready;
    // LinkedIn in window 1, X in window 2 beside it; the user works in window 1.
    await parts.tracker.handle({ type: 'tab-activated', tabId: 1, windowId: 1 });
    await parts.tracker.handle({ type: 'tab-activated', tabId: 2, windowId: 2 });
    await parts.tracker.handle({ type: 'window-focused', windowId: 1 });
    await handle(report(LINKEDIN, 'page-li-0001', Date.now(), true), sender(1, 1, LINKEDIN));
    await handle(report(X, 'page-x-0001', Date.now(), false), sender(2, 2, X));
    vi.advanceTimersByTime(5000);
    // The user clicks into window 2; LinkedIn's report, sent with focus a moment before, arrives after.
    await parts.tracker.handle({ type: 'window-focused', windowId: 2 });
    await handle(report(LINKEDIN, 'page-li-0001', Date.now() - 20, true), sender(1, 1, LINKEDIN));
    // Until X's page reports again (its next heartbeat is up to 5 s away), X is what counts.
    vi.advanceTimersByTime(3000);
    const { snapshot } = await parts.tracker.live();
    expect(snapshot).toMatchObject({ counting: true, tabId: 2, channel: { platform: 'x' } });
  });
});
