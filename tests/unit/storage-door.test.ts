import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundParts } from '@/entrypoints/background/parts';
import { buildExport, exportText } from '@/utils/backup';
import type { Channel } from '@/utils/channels';
import { defaultSettings } from '@/utils/settings';
import { IMPORTED_KEY, SETTINGS_KEY, SOURCE_ID_KEY, decodeEnvelope, importedUsage, usageDay, usageKey } from '@/utils/storage';
import { localDate } from '@/utils/time-zone';
import { startBackground } from './background-harness';

/**
 * The one writer: the real background behind the fake browser, with writes that take their time,
 * as storage does on a busy disk. Every command and the tracker's flush go through one door, so
 * none can read what another is about to overwrite.
 */
const OWN = '6f1c2a9e-4b7d-4c3e-9a51-0d2f8e7b3c10';
const X: Channel = { platform: 'x', account: 'acme' };
const LI: Channel = { platform: 'linkedin', account: null };
const START = Date.now();
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const today = localDate(START, timeZone);

let background: BackgroundParts;

const storedDay = async () => decodeEnvelope(usageDay, (await fakeBrowser.storage.local.get(usageKey(today)))[usageKey(today)]).value;

/** The user on `channel` for `seconds`, with input at the start and the end. */
async function browse(channel: Channel, seconds: number, tabId = 1) {
  const page = () => background.tracker.handle({ type: 'page', tabId, windowId: 1, channel, visible: true, lastInputAt: Date.now(), mediaPlaying: false });
  await background.tracker.handle({ type: 'tab-activated', tabId, windowId: 1 });
  await page();
  vi.advanceTimersByTime(seconds * 1000);
  await page();
}

/**
 * storage.local.set that takes `ms` to land, as on a slow disk. `usageWriteStarted` resolves
 * when a write of usage days is under way: the moment another command can arrive mid-flush.
 */
function slowWrites(ms: number): { usageWriteStarted: Promise<void> } {
  const realSet = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
  let started = () => {};
  const usageWriteStarted = new Promise<void>((resolve) => { started = resolve; });
  vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
    if (Object.keys(items).some((key) => key.startsWith('usage:'))) started();
    await new Promise((resolve) => setTimeout(resolve, ms));
    return realSet(items);
  });
  return { usageWriteStarted };
}

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date', 'performance'], now: START });
  await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: defaultSettings(), [SOURCE_ID_KEY]: OWN });
  background = startBackground();
  await background.settings.ready;
  await background.tracker.handle({ type: 'window-focused', windowId: 1 });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the storage door', () => {
  it('keeps a day deleted by "Delete all" that lands while a flush is in flight', async () => {
    await browse(X, 10);
    const disk = slowWrites(30);
    const flush = background.tracker.writeNow();
    await disk.usageWriteStarted;
    const deleteAll = background.data.deleteAll();
    await Promise.all([flush, deleteAll]);
    expect(await deleteAll).toEqual({ ok: true });
    expect(await storedDay()).toEqual({});
    // Nothing of it comes back with the next write.
    await background.tracker.writeNow();
    expect(await storedDay()).toEqual({});
  });

  it('goes on counting the page the user is on right after "Delete all", without waiting for its next report', async () => {
    await browse(X, 10);
    await background.data.deleteAll();
    vi.advanceTimersByTime(4_000);
    await background.tracker.handle({ type: 'page', tabId: 1, windowId: 1, channel: X, visible: true, lastInputAt: Date.now(), mediaPlaying: false });
    await background.tracker.writeNow();
    expect(await storedDay()).toEqual({ 'x:acme': [0, 0, 4_000, 0] });
  });

  it('deletes a channel together with its time not yet written', async () => {
    await browse(X, 10);
    await browse(LI, 5, 2);
    expect(await storedDay()).toEqual({});
    // A flush under way when the deletion arrives, and the tracker still holding more of X.
    const disk = slowWrites(20);
    const flush = background.tracker.writeNow();
    await disk.usageWriteStarted;
    await browse(X, 3);
    expect(await background.data.delete({ channelKey: 'x:acme' })).toEqual({ ok: true });
    await flush;
    await background.tracker.writeNow();
    const day = await storedDay();
    expect(Object.keys(day)).toEqual(['linkedin']);
  });

  it('lets no import overwrite a flush that landed after the import read, nor the other way round', async () => {
    await browse(X, 10);
    const disk = slowWrites(20);
    // This browser's own export of earlier today (4 s on X) and another browser's hour on LinkedIn.
    const laptop = exportText(buildExport({
      settings: defaultSettings(), sourceId: OWN, exportedAt: new Date(START),
      days: { [today]: { 'x:acme': [0, 0, 4_000, 0] } },
      imported: { 'a1b2c3d4-0000-4000-8000-000000000001': { [today]: { linkedin: [60_000, 0, 0, 0] } } },
    }));
    // The import reads while the flush's write is on its way; its own write must not undo the flush.
    const flush = background.tracker.writeNow();
    await disk.usageWriteStarted;
    const [flushed, imported] = await Promise.all([flush, background.data.import(laptop, false)]);
    expect(flushed).toBe(true);
    expect(imported).toEqual({ ok: true });
    const day = await storedDay();
    expect(day['x:acme']).toEqual([0, 0, 10_000, 0]);
    const other = decodeEnvelope(importedUsage, (await fakeBrowser.storage.local.get(IMPORTED_KEY))[IMPORTED_KEY]).value;
    expect(other['a1b2c3d4-0000-4000-8000-000000000001']?.[today]).toEqual({ linkedin: [60_000, 0, 0, 0] });
  });

  it('deletes a channel by its stored key, also one only a newer version can name', async () => {
    await fakeBrowser.storage.local.set({ [usageKey(today)]: { version: 1, value: { 'threadsplus:acme': [700, 0, 0, 0], linkedin: [100, 0, 0, 0] } } });
    expect(await background.data.delete({ channelKey: 'threadsplus:acme' })).toEqual({ ok: true });
    expect(await storedDay()).toEqual({ linkedin: [100, 0, 0, 0] });
  });

  it('refuses an import file again in the background, whatever the page said, and changes nothing', async () => {
    const before = await fakeBrowser.storage.local.get(null);
    const reply = await background.data.import('{"format": "other-app", "version": 1}', false);
    expect(reply).toMatchObject({ ok: false, importError: { code: 'wrong-format' } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });
});
