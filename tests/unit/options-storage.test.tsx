// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { render } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '@/components/DashboardApp';
import type { BackgroundParts } from '@/entrypoints/background/parts';
import { addDays } from '@/utils/dashboard';
import { formatBytes } from '@/utils/format';
import { RETENTION_NOTICE_KEY, SETTINGS_KEY, SOURCE_ID_KEY, usageKey } from '@/utils/storage';
import { storageUse } from '@/utils/storage-use';
import { localDate } from '@/utils/time-zone';
import { freshBrowser, renderOptions, setUpSettings, storedAll } from './options-helpers';

const OWN = '6f1c2a9e-4b7d-4c3e-9a51-0d2f8e7b3c10';
const today = () => localDate(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
const day = (ms: number) => ({ version: 1, value: { linkedin: [ms, 0, 0, 0] } });
const group = (name: string) => within(screen.getByRole('group', { name }));
const figure = (name: string) => {
  const term = group('Storage').getByText(name, { selector: 'dt' });
  return term.nextElementSibling?.textContent?.replace(/\u00a0/g, ' ');
};

/** The background's writes of counted time refused, as by a full disk; the rest of storage works. */
function fullDisk() {
  const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  return vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
    if (Object.keys(items).some((key) => key.startsWith('usage:'))) throw new Error('QUOTA_BYTES quota exceeded');
    return realSet(items);
  });
}

/** The user on X for a moment: time the background holds and will try to write. */
async function browseABit(background: BackgroundParts) {
  const report = () => background.tracker.handle({ type: 'page', tabId: 1, windowId: 1, channel: { platform: 'x', account: null }, visible: true, lastInputAt: Date.now(), mediaPlaying: false });
  await background.tracker.handle({ type: 'window-focused', windowId: 1 });
  await report();
  await new Promise((resolve) => setTimeout(resolve, 30));
  await report();
}

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('data: storage', () => {
  it('shows the room in use and what takes it', async () => {
    await freshBrowser({ [SETTINGS_KEY]: setUpSettings(), [SOURCE_ID_KEY]: OWN, [usageKey(today())]: day(60_000), 'quarantine:settings:1796000000000': { version: 99 } });
    await renderOptions();
    const use = storageUse(await storedAll());
    expect(figure('In use')).toBe(formatBytes(use.total, 'en'));
    expect(figure('Your history')).toBe(formatBytes(use.history, 'en'));
    expect(figure('Kept aside')).toBe(formatBytes(use.keptAside, 'en'));
    expect(use.history).toBeGreaterThan(0);
  });

  it('says that storage is full while the background cannot write, with the browser’s reason', async () => {
    const background = await freshBrowser({ [SETTINGS_KEY]: setUpSettings(), [SOURCE_ID_KEY]: OWN });
    fullDisk();
    await browseABit(background);
    expect(await background.tracker.writeNow()).toBe(false);
    await renderOptions();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Channel Focus cannot save right now').tagName).toBe('STRONG');
    expect(alert.textContent).toContain('The browser refused to store your counted time (QUOTA_BYTES quota exceeded).');
  });

  it('offers to delete old days the clean-up refused to delete at once, and deletes them after a backup', async () => {
    const old = Array.from({ length: 40 }, (_, i) => addDays(today(), -60 - i));
    await freshBrowser({
      [SETTINGS_KEY]: setUpSettings((s) => ({ ...s, tracking: { ...s.tracking, retentionDays: 30 } })),
      [SOURCE_ID_KEY]: OWN,
      [usageKey(today())]: day(1000),
      ...Object.fromEntries(old.map((date) => [usageKey(date), day(1000)])),
      [RETENTION_NOTICE_KEY]: { version: 1, value: { reason: 'too-many-days', newestDay: today(), count: 40, at: Date.now() } },
    });
    await renderOptions();
    const notice = group('Storage').getByText(/the clean-up would delete 40 days at once/);
    expect(notice.parentElement?.getAttribute('role')).toBe('status');
    expect(notice.textContent).toBe('Old days were not deleted: the clean-up would delete 40 days at once, which looks like a clock set ahead. If your setting “Keep history” is right, delete them now; a backup is kept first.');
    fireEvent.click(group('Storage').getByRole('button', { name: 'Delete 40 old days' }));
    await group('Storage').findByText('The old days were deleted; a backup was kept.');
    const all = await storedAll();
    expect(Object.keys(all).filter((key) => key.startsWith('usage:'))).toEqual([usageKey(today())]);
    expect(all).not.toHaveProperty(RETENTION_NOTICE_KEY);
    await waitFor(() => expect(group('Backups').getAllByRole('button', { name: /^Restore / })).toHaveLength(1));
  });
});

describe('data: kept aside', () => {
  it('lists what could not be read, downloads it as it was and discards it', async () => {
    const unreadable = { version: 99, specializations: 'from a newer version' };
    await freshBrowser({ [SETTINGS_KEY]: setUpSettings(), [SOURCE_ID_KEY]: OWN, 'quarantine:settings:1796000000000': unreadable });
    await renderOptions();
    const kept = group('Kept aside');
    expect(kept.getAllByRole('listitem').map((item) => item.firstElementChild?.textContent)).toEqual(['Settings']);
    const downloads: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      void (blob as Blob).text().then((text) => downloads.push(text));
      return 'blob:test/0';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fireEvent.click(kept.getByRole('button', { name: 'Download Settings' }));
    await waitFor(() => expect(downloads.map((text) => JSON.parse(text))).toEqual([unreadable]));

    fireEvent.click(kept.getByRole('button', { name: 'Discard Settings' }));
    await kept.findByText('The value was discarded.');
    expect(Object.keys(await storedAll()).filter((key) => key.startsWith('quarantine:'))).toEqual([]);
    await group('Kept aside').findByText('Nothing is kept aside.');
  });
});

describe('popup: storage full', () => {
  it('says so while the background cannot write, and leads to the place to make room', async () => {
    const background = await freshBrowser({ [SETTINGS_KEY]: setUpSettings(), [SOURCE_ID_KEY]: OWN });
    fullDisk();
    await browseABit(background);
    await background.tracker.writeNow();
    const opened = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue(undefined);
    render(<DashboardApp />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Channel Focus cannot save right now. Your time is kept, and saving is tried again.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Make room' }));
    expect(opened).toHaveBeenCalledTimes(1);
  });
});
