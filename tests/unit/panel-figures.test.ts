import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TrackerService } from '@/entrypoints/background/tracker-service';
import { defaultSettings } from '@/utils/settings';
import { usageKey } from '@/utils/storage';
import { localDate } from '@/utils/time-zone';
import type { Channel } from '@/utils/channels';
import type { DayTotals } from '@/utils/tracking/totals';

/** The figures a page's report is answered with: the panel's today, taken in one turn of the tracker's queue. */
const LI: Channel = { platform: 'linkedin', account: 'company/acme' };
const START = Date.UTC(2026, 11, 2, 9, 0, 0);
const date = localDate(START, Intl.DateTimeFormat().resolvedOptions().timeZone);
const page = () => ({ type: 'page', tabId: 1, windowId: 1, channel: LI, visible: true, lastInputAt: Date.now(), mediaPlaying: false } as const);
const at = (seconds: number) => vi.advanceTimersByTime(START + seconds * 1000 - Date.now());
const totalMs = (day: DayTotals | undefined) => Object.values(day ?? {}).reduce((sum, [a, b, c]) => sum + a + b + c, 0);

let service: TrackerService;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date', 'performance'], now: START });
  service = new TrackerService(() => defaultSettings());
  await service.handle({ type: 'window-focused', windowId: 1 });
  await service.forPanel(date, page());
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("a page's report: the panel's figures", () => {
  it('are answered before the tracker state is kept; the next task still waits for the keeping', async () => {
    at(5);
    let keep!: () => void;
    const realSet = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation((items) => new Promise((done) => { keep = () => void realSet(items).then(done); }));
    const answer = await service.forPanel(date, page());
    expect(answer.snapshot.counting).toBe(true);
    expect(totalMs(answer.unwritten[date])).toBe(5_000);

    let liveDone = false;
    const live = service.live().then((reply) => { liveDone = true; return reply; });
    for (let turn = 0; turn < 20; turn++) await Promise.resolve();
    expect(keep).toBeTypeOf('function');
    expect(liveDone).toBe(false);
    keep();
    expect(totalMs((await live).unwritten[date])).toBe(5_000);
  });

  it('count every second once when the write falls due with the report', async () => {
    at(10);
    const before = await service.forPanel(date, page());
    expect(totalMs(before.storedDay) + totalMs(before.unwritten[date])).toBe(10_000);
    expect(totalMs(before.storedDay)).toBe(0);

    // 26 s: the write is due (15 s after the first counted time, at 10 s) in this report's turn, after its answer.
    at(26);
    const due = await service.forPanel(date, page());
    expect(totalMs(due.storedDay)).toBe(0);
    expect(totalMs(due.unwritten[date])).toBe(26_000);
    await service.live(); // after the report's turn, write included
    const stored = await fakeBrowser.storage.local.get(usageKey(date));
    expect(stored[usageKey(date)]).toBeDefined();

    // Read again with nothing new: the written part is now in storage, not in the unwritten.
    const after = await service.forPanel(date, null);
    expect(totalMs(after.storedDay)).toBe(26_000);
    expect(totalMs(after.unwritten[date])).toBe(0);
  });

  it('fail for the page when the stored day cannot be read; a keeping that fails after the answer is logged by the door', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const get = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('read failed'));
    await expect(service.forPanel(date, page())).rejects.toThrow('read failed');
    get.mockRestore();
    logged.mockClear();

    at(5);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockRejectedValueOnce(new Error('session full'));
    const answer = await service.forPanel(date, page());
    expect(totalMs(answer.unwritten[date])).toBe(5_000);
    await service.live(); // the report's turn, with its failed keeping, is over
    expect(logged).toHaveBeenCalledWith('Channel Focus: a storage task failed:', new Error('session full'));
  });
});
