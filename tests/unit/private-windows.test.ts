import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { messageHandler } from '@/entrypoints/background/messages';
import { createBackgroundParts, type BackgroundParts } from '@/entrypoints/background/parts';
import type { MessageSender, PanelView } from '@/utils/messages';
import { defaultSettings, parseSettings, setCountPrivateWindows } from '@/utils/settings';
import { SETTINGS_KEY, TRACKER_KEY } from '@/utils/storage';

/** Private (incognito) windows count only when the user says so; otherwise nothing is counted or kept. */
const URL_LI = 'https://www.linkedin.com/company/acme/';
const privateTab = (incognito: boolean): MessageSender => ({
  id: fakeBrowser.runtime.id, url: URL_LI, frameId: 0, tab: { id: 4, windowId: 2, incognito },
});
const report = (lastInputAt: number) => ({
  type: 'page-report', url: URL_LI, visible: true, focused: true, lastInputAt, mediaPlaying: false,
  document: { id: 'page-0000-0001', shownAt: lastInputAt, navigation: 'navigate' },
});

let parts: BackgroundParts;
let handle: ReturnType<typeof messageHandler>;

async function start(countPrivateWindows: boolean) {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: setCountPrivateWindows(defaultSettings(), countPrivateWindows) });
  parts = createBackgroundParts();
  handle = messageHandler(parts);
  await parts.settings.ready;
}

/** The user on LinkedIn in a private window: a report now, another 10 s later. */
async function browsePrivately(): Promise<PanelView | null> {
  vi.useFakeTimers({ toFake: ['Date', 'performance'], now: Date.UTC(2026, 11, 2, 9) });
  try {
    await handle(report(Date.now()), privateTab(true));
    vi.advanceTimersByTime(10_000);
    return (await handle(report(Date.now()), privateTab(true))) as PanelView | null;
  } finally {
    vi.useRealTimers();
  }
}

describe('private windows', () => {
  beforeEach(() => vi.useRealTimers());

  it('reads settings stored before the option existed as "off"', () => {
    const { countPrivateWindows: _gone, ...tracking } = defaultSettings().tracking;
    const parsed = parseSettings({ ...defaultSettings(), tracking });
    expect(parsed.ok && parsed.settings.tracking.countPrivateWindows).toBe(false);
  });

  it('counts nothing and keeps nothing of a private window by default, and shows no panel there', async () => {
    await start(false);
    const view = await browsePrivately();
    expect(view?.channel).toBeNull();
    expect(view?.placement).toBeNull();
    const { unwritten } = await parts.tracker.live();
    expect(unwritten).toEqual({});
    // Not even the tab is known to the tracker.
    const session = JSON.stringify((await fakeBrowser.storage.session.get(TRACKER_KEY))[TRACKER_KEY] ?? {});
    expect(session).not.toContain('linkedin');
    expect(session).not.toContain('"4"');
  });

  it('counts a private window like any other once the user allows it', async () => {
    await start(true);
    const view = await browsePrivately();
    expect(view?.channel).toEqual({ platform: 'linkedin', account: 'company/acme' });
    const { unwritten } = await parts.tracker.live();
    const day = Object.values(unwritten)[0] ?? {};
    expect(day['linkedin:company/acme']?.[2]).toBe(10_000);
  });
});
