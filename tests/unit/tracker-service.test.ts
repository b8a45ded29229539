import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TrackerService } from '@/entrypoints/background/tracker-service';
import { defaultSettings } from '@/utils/settings';
import { TRACKER_KEY, decodeEnvelope, trackerRecord, usageDay, usageKey } from '@/utils/storage';
import { localDate } from '@/utils/time-zone';
import type { Channel } from '@/utils/channels';

/** The background's tracker service against the fake browser: events in, storage out. */
const LI: Channel = { platform: 'linkedin', account: 'company/acme' };
const START = Date.UTC(2026, 11, 2, 9, 0, 0);
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const today = () => localDate(START, timeZone);

async function storedMs(): Promise<number> {
  const raw = (await fakeBrowser.storage.local.get(usageKey(today())))[usageKey(today())];
  const day = decodeEnvelope(usageDay, raw).value;
  return Object.values(day).reduce((sum, [a, b, c]) => sum + a + b + c, 0);
}

async function pendingMs(): Promise<number> {
  const raw = (await fakeBrowser.storage.session.get(TRACKER_KEY))[TRACKER_KEY];
  const record = decodeEnvelope(trackerRecord, raw).value;
  return Object.values(record.pending).flatMap((day) => Object.values(day)).reduce((sum, [a, b, c]) => sum + a + b + c, 0);
}

let service: TrackerService;
const at = (seconds: number) => vi.advanceTimersByTime(START + seconds * 1000 - Date.now());
const input = (seconds: number) => {
  at(seconds);
  return service.handle({ type: 'page', tabId: 1, windowId: 1, channel: LI, visible: true, lastInputAt: Date.now(), mediaPlaying: false });
};

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date', 'performance'], now: START });
  service = new TrackerService(() => defaultSettings());
  await service.handle({ type: 'window-focused', windowId: 1 });
  await input(0);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('tracker service: readers of history get every counted second', () => {
  it('writes at once when asked, inside the 15 s write interval', async () => {
    await input(8);
    at(8.2);
    expect(await storedMs()).toBe(0);
    expect(await service.writeNow()).toBe(true);
    expect(await storedMs()).toBe(8_000);
    // Nothing counted twice by the next write.
    await input(20);
    await service.writeNow();
    expect(await storedMs()).toBe(20_000);
  });
});

describe('tracker service: a write that fails', () => {
  it('keeps the counted time pending, tries again later and loses nothing', async () => {
    const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    let full = true;
    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (full && Object.keys(items).some((key) => key.startsWith('usage:'))) throw new Error('QUOTA_BYTES quota exceeded');
      return realSet(items);
    });
    await input(10);
    expect(await service.writeNow()).toBe(false);
    expect(await storedMs()).toBe(0);
    expect(await pendingMs()).toBe(10_000);

    // The batched writer waits longer after a failure (30 s, not 15 s) and keeps counting meanwhile.
    await input(25);
    await service.flush();
    expect(set.mock.calls.filter(([items]) => Object.keys(items).some((key) => key.startsWith('usage:')))).toHaveLength(1);
    await input(45);
    expect(set.mock.calls.filter(([items]) => Object.keys(items).some((key) => key.startsWith('usage:')))).toHaveLength(2);
    expect(await storedMs()).toBe(0);

    full = false;
    expect(await service.writeNow()).toBe(true);
    expect(await storedMs()).toBe(45_000);
    expect(await pendingMs()).toBe(0);
  });

  it('keeps what is pending across a restart of the worker', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await input(10);
    expect(await service.writeNow()).toBe(false);
    const restarted = new TrackerService(() => defaultSettings());
    vi.restoreAllMocks();
    expect(await restarted.writeNow()).toBe(true);
    expect(await storedMs()).toBe(10_000);
  });
});
