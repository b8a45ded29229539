import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { BackgroundParts } from '@/entrypoints/background/parts';
import {
  SETTINGS_PUBLISH_DELAY_MS, SYNC_PUBLISH_ALARM, SYNC_RETRY_ALARM, USAGE_PUBLISH_INTERVAL_MS,
} from '@/entrypoints/background/sync-service';
import { visibleUsage } from '@/utils/backup';
import type { CommandReply, Message } from '@/utils/messages';
import { defaultSettings, type Settings, type Specialization } from '@/utils/settings';
import {
  DEVICES_KEY, SETTINGS_KEY, SOURCE_ID_KEY, SYNC_STATE_KEY, decodeDevices, decodeSettings, decodeSyncState, readHistory,
} from '@/utils/storage';
import { parseSyncKey, settingsPartKey } from '@/utils/sync/layout';
import { withDevices } from '@/utils/sync/view';
import { startBackground } from './background-harness';

// Two devices share one storage.sync: each runs the real background in turn against its own
// storage.local and its own copy of storage.sync; `cloud` is what Chrome Sync carries between them.

const START = Date.UTC(2026, 4, 4, 12);
const DAY = '2026-05-04';

interface Device {
  id: string;
  local: Record<string, unknown>;
}

const agency: Specialization = {
  id: 'agency', name: 'Agency', channels: [{ platform: 'linkedin', accounts: null }],
  budgets: { totalMinutes: null, perChannel: {} }, workingHours: null, clientId: null,
};

function settingsWith(change: (settings: Settings) => Settings = (s) => s): Settings {
  return change({ ...defaultSettings(), setup: { completed: true, skipped: false } });
}

function device(id: string, settings: Settings, day: Record<string, [number, number, number, number]>): Device {
  return { id, local: { [SOURCE_ID_KEY]: id, [SETTINGS_KEY]: settings, [`usage:${DAY}`]: { version: 1, value: day } } };
}

let cloud: Record<string, unknown> = {};
let parts: BackgroundParts;

/** Lets every queued task of the background run (tasks queue further tasks). */
async function idle(): Promise<void> {
  for (let round = 0; round < 8; round++) await parts.door.run(async () => {});
}

/** Starts `who`'s background with its storage.local and the given copy of storage.sync. */
async function boot(who: Device, sync: Record<string, unknown> = cloud): Promise<void> {
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(who.local);
  if (Object.keys(sync).length > 0) await fakeBrowser.storage.sync.set(structuredClone(sync));
  parts = startBackground();
  await parts.settings.ready;
  await idle();
}

/** Ends `who`'s turn: its storage.local is kept, its storage.sync becomes what the cloud holds. */
async function leave(who: Device): Promise<void> {
  // Nothing may stay pending for the next device (vi.clearAllTimers would also reset the clock).
  await parts.sync.publishSettingsNow();
  await idle();
  who.local = await fakeBrowser.storage.local.get(null);
  cloud = await fakeBrowser.storage.sync.get(null);
}

/** Chrome Sync brings the cloud's items into the running device's storage.sync. */
async function deliver(items: Record<string, unknown>): Promise<void> {
  const here = await fakeBrowser.storage.sync.get(null);
  const changed = Object.fromEntries(Object.entries(items).filter(([key, value]) => JSON.stringify(here[key]) !== JSON.stringify(value)));
  const gone = Object.keys(here).filter((key) => !Object.hasOwn(items, key));
  if (Object.keys(changed).length > 0) await fakeBrowser.storage.sync.set(structuredClone(changed));
  if (gone.length > 0) await fakeBrowser.storage.sync.remove(gone);
  await idle();
}

const send = (message: Message) => fakeBrowser.runtime.sendMessage(message) as Promise<CommandReply>;

async function stored(): Promise<Settings> {
  return decodeSettings((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).value;
}

async function syncState() {
  return decodeSyncState((await fakeBrowser.storage.local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY]);
}

/** Edits the settings as the options page does, and lets the edit reach storage.sync. */
async function edit(change: (settings: Settings) => Settings): Promise<void> {
  expect(await send({ type: 'settings-save', settings: change(await stored()) })).toEqual({ ok: true });
  await idle();
  await vi.advanceTimersByTimeAsync(SETTINGS_PUBLISH_DELAY_MS);
  await idle();
}

const partOf = (items: Record<string, unknown>, part: string) => items[settingsPartKey(part)] as { at: number; by: string; value: unknown };

let a: Device;
let b: Device;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: START });
  cloud = {};
  a = device('device-a', settingsWith((s) => ({ ...s, specializations: [agency], activeSpecializationId: 'agency' })), { linkedin: [60_000, 0, 0, 0] });
  b = device('device-b', settingsWith(), { x: [120_000, 0, 0, 0] });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A turned sync on first, then B joined. */
async function bothJoined(): Promise<void> {
  await boot(a);
  expect(await send({ type: 'sync-enable', enabled: true })).toEqual({ ok: true });
  await leave(a);
  vi.setSystemTime(START + 60_000);
  await boot(b);
  expect(await send({ type: 'sync-enable', enabled: true })).toEqual({ ok: true });
  await leave(b);
}

describe('sync between two devices', () => {
  it('does nothing with storage.sync while it is off', async () => {
    const get = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await boot(a);
    await edit((s) => ({ ...s, flags: { ...s.flags, badge: true } }));
    await fakeBrowser.storage.local.set({ [`usage:${DAY}`]: { version: 1, value: { linkedin: [90_000, 0, 0, 0] } } });
    await idle();
    expect(get).not.toHaveBeenCalled();
    expect(set).not.toHaveBeenCalled();
    expect((await syncState()).enabled).toBe(false);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });

  it('publishes every part and the own totals when the first device turns sync on', async () => {
    await boot(a);
    expect(await send({ type: 'sync-enable', enabled: true })).toEqual({ ok: true });
    const items = await fakeBrowser.storage.sync.get(null);
    expect(partOf(items, 'specializations')).toMatchObject({ at: START, by: 'device-a', value: [agency] });
    expect(Object.keys(items).filter((key) => parseSyncKey(key)?.kind === 'usage')).toEqual(['u:device-a:0']);
    const state = await syncState();
    expect(state).toMatchObject({ enabled: true, lastPublishedAt: START, daysShared: 1, problem: null, attempt: 0 });
    expect(state.partsAt.specializations).toBe(START);
  });

  it('gives a device that joins the settings of the devices already syncing', async () => {
    await bothJoined();
    await boot(b);
    const settings = await stored();
    expect(settings.specializations).toEqual([agency]);
    expect(settings.activeSpecializationId).toBe('agency');
    // B's own parts were never changed (time 0): it took A's and did not publish its own over them.
    expect(partOf(cloud, 'specializations')).toMatchObject({ at: START, by: 'device-a' });
    expect((await syncState()).partsAt.specializations).toBe(START);
    // Both devices' totals are in storage.sync, each under its own keys.
    expect(Object.keys(cloud).filter((key) => parseSyncKey(key)?.kind === 'usage').sort()).toEqual(['u:device-a:0', 'u:device-b:0']);
  });

  it('shows a change made on A on B without a reload, and keeps B’s newer change over an older one from A', async () => {
    await bothJoined();
    const before = cloud;

    // A renames the specialization at +2 min and sets notifications at +3 min.
    vi.setSystemTime(START + 120_000);
    await boot(a);
    await edit((s) => ({ ...s, specializations: [{ ...agency, name: 'Agency (A)' }] }));
    vi.setSystemTime(START + 180_000);
    await edit((s) => ({ ...s, flags: { ...s.flags, notifyAfterMinutes: 10 } }));
    await leave(a);
    expect(partOf(cloud, 'specializations')).toMatchObject({ at: START + 120_000 + SETTINGS_PUBLISH_DELAY_MS, by: 'device-a' });
    const fromA = cloud;

    // Meanwhile B, whose copy of storage.sync does not have it yet, changes the flags later still.
    vi.setSystemTime(START + 240_000);
    await boot(b, before);
    await edit((s) => ({ ...s, flags: { ...s.flags, notifyAfterMinutes: 45 } }));
    const bFlagsAt = (await syncState()).partsAt.flags;
    expect(bFlagsAt).toBe(START + 240_000 + SETTINGS_PUBLISH_DELAY_MS);

    // Now A's items arrive while B runs.
    vi.setSystemTime(START + 300_000);
    await deliver(fromA);
    const settings = await stored();
    expect(settings.specializations[0]?.name).toBe('Agency (A)');
    expect(settings.flags.notifyAfterMinutes).toBe(45);
    // B's flags went out again: storage.sync holds the newest write.
    const items = await fakeBrowser.storage.sync.get(null);
    expect(partOf(items, 'flags')).toMatchObject({ at: bFlagsAt, by: 'device-b', value: { notifyAfterMinutes: 45 } });
    expect(partOf(items, 'specializations')).toMatchObject({ by: 'device-a' });
    const state = await syncState();
    expect(state.lastReceivedAt).toBe(START + 300_000);
    expect(state.partsAt.specializations).toBe(START + 120_000 + SETTINGS_PUBLISH_DELAY_MS);
  });

  it('shows A’s totals and B’s own on B, each once', async () => {
    await bothJoined();
    await boot(b);
    // Publishing again and again (and receiving the same items) never adds A's time twice.
    expect(await send({ type: 'sync-now' })).toEqual({ ok: true });
    await deliver(await fakeBrowser.storage.sync.get(null));
    const all = await fakeBrowser.storage.local.get(null);
    const devices = decodeDevices(all[DEVICES_KEY]);
    expect(Object.keys(devices)).toEqual(['device-a']);
    expect(devices['device-a']?.days[DAY]).toEqual({ linkedin: [60_000, 0, 0, 0] });
    const view = withDevices(readHistory(all), devices, 'device-b');
    expect(visibleUsage(view)[DAY]).toEqual({ x: [120_000, 0, 0, 0], linkedin: [60_000, 0, 0, 0] });
    // The own history stays the own history: nothing of A's lands in B's days.
    expect(readHistory(all).own[DAY]).toEqual({ x: [120_000, 0, 0, 0] });
  });

  it('takes newer totals of A as they arrive, replacing the older ones', async () => {
    await bothJoined();
    vi.setSystemTime(START + 20 * 60_000);
    await boot(a);
    await fakeBrowser.storage.local.set({ [`usage:${DAY}`]: { version: 1, value: { linkedin: [90_000, 0, 0, 0] } } });
    expect(await send({ type: 'sync-now' })).toEqual({ ok: true });
    await leave(a);
    const fromA = cloud;
    await boot(b);
    expect(decodeDevices((await fakeBrowser.storage.local.get(DEVICES_KEY))[DEVICES_KEY])['device-a']?.days[DAY])
      .toEqual({ linkedin: [90_000, 0, 0, 0] });
    await deliver(fromA);
    expect(decodeDevices((await fakeBrowser.storage.local.get(DEVICES_KEY))[DEVICES_KEY])['device-a']?.days[DAY])
      .toEqual({ linkedin: [90_000, 0, 0, 0] });
  });

  it('publishes changed totals at most every 10 minutes, by an alarm', async () => {
    await bothJoined();
    vi.setSystemTime(START + 120_000);
    await boot(b);
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    // The tracker's write of counted time.
    await fakeBrowser.storage.local.set({ [`usage:${DAY}`]: { version: 1, value: { x: [180_000, 0, 0, 0] } } });
    await idle();
    const due = START + 60_000 + USAGE_PUBLISH_INTERVAL_MS;
    expect(await fakeBrowser.alarms.get(SYNC_PUBLISH_ALARM)).toMatchObject({ scheduledTime: due });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    await fakeBrowser.storage.local.set({ [`usage:${DAY}`]: { version: 1, value: { x: [240_000, 0, 0, 0] } } });
    await idle();
    expect(set).not.toHaveBeenCalled();

    vi.setSystemTime(due);
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_PUBLISH_ALARM, scheduledTime: due });
    await idle();
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0] as object)).toEqual(['u:device-b:0']);
    expect(await syncState()).toMatchObject({ lastPublishedAt: due, daysShared: 1 });
    expect(await fakeBrowser.alarms.get(SYNC_PUBLISH_ALARM)).toBeUndefined();
    await leave(b);
    await boot(a);
    expect(decodeDevices((await fakeBrowser.storage.local.get(DEVICES_KEY))[DEVICES_KEY])['device-b']?.days[DAY])
      .toEqual({ x: [240_000, 0, 0, 0] });
  });

  it('keeps local data and records the problem when storage.sync is full, then recovers', async () => {
    await bothJoined();
    await boot(b);
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const usageBefore = (await fakeBrowser.storage.local.get(`usage:${DAY}`))[`usage:${DAY}`];
    const syncBefore = await fakeBrowser.storage.sync.get(null);

    await edit((s) => ({ ...s, flags: { ...s.flags, badge: true } }));
    const failedAt = START + 60_000 + SETTINGS_PUBLISH_DELAY_MS;
    expect(set).toHaveBeenCalledTimes(1);
    expect((await stored()).flags.badge).toBe(true);
    expect((await fakeBrowser.storage.local.get(`usage:${DAY}`))[`usage:${DAY}`]).toEqual(usageBefore);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(syncBefore);
    const state = await syncState();
    expect(state.enabled).toBe(true);
    expect(state.attempt).toBe(1);
    expect(state.problem).toEqual({ code: 'quota-bytes', message: 'QUOTA_BYTES quota exceeded', at: failedAt, retryAt: failedAt + 60_000 });
    expect(await fakeBrowser.alarms.get(SYNC_RETRY_ALARM)).toMatchObject({ scheduledTime: failedAt + 60_000 });

    // A second failure waits longer.
    vi.setSystemTime(failedAt + 60_000);
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_RETRY_ALARM, scheduledTime: failedAt + 60_000 });
    await idle();
    expect((await syncState()).problem?.retryAt).toBe(failedAt + 60_000 + 120_000);
    expect((await syncState()).attempt).toBe(2);

    // Room again: the retry publishes the edit and clears the problem.
    set.mockRestore();
    vi.setSystemTime(failedAt + 180_000);
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_RETRY_ALARM, scheduledTime: failedAt + 180_000 });
    await idle();
    expect(await syncState()).toMatchObject({ problem: null, attempt: 0 });
    expect(partOf(await fakeBrowser.storage.sync.get(null), 'flags')).toMatchObject({ by: 'device-b', value: { badge: true } });
    expect(await fakeBrowser.alarms.get(SYNC_RETRY_ALARM)).toBeUndefined();
  });

  it('records "unavailable" where the browser has no storage.sync', async () => {
    await boot(a);
    const sync = fakeBrowser.storage.sync;
    Object.defineProperty(fakeBrowser.storage, 'sync', { value: undefined, configurable: true });
    try {
      const reply = await send({ type: 'sync-enable', enabled: true });
      expect(reply.ok).toBe(false);
      expect((await syncState()).problem?.code).toBe('unavailable');
      expect((await stored()).specializations).toEqual([agency]);
    } finally {
      Object.defineProperty(fakeBrowser.storage, 'sync', { value: sync, configurable: true });
    }
  });

  it('removes a device that stopped syncing from storage.sync and from the view, never itself', async () => {
    await bothJoined();
    await boot(b);
    expect(Object.keys(decodeDevices((await fakeBrowser.storage.local.get(DEVICES_KEY))[DEVICES_KEY]))).toEqual(['device-a']);
    expect(await send({ type: 'device-remove', deviceId: 'device-b' })).toEqual({ ok: false, error: 'this device cannot be removed' });
    expect(await send({ type: 'device-remove', deviceId: 'device-a' })).toEqual({ ok: true });
    await idle();
    const items = await fakeBrowser.storage.sync.get(null);
    expect(Object.keys(items).filter((key) => parseSyncKey(key)?.kind === 'usage')).toEqual(['u:device-b:0']);
    // Settings A wrote stay: they are the settings of every device now.
    expect(partOf(items, 'specializations')).toMatchObject({ by: 'device-a' });
    expect(decodeDevices((await fakeBrowser.storage.local.get(DEVICES_KEY))[DEVICES_KEY])).toEqual({});
  });

  it('stops on turning off: keeps storage.sync, forgets the other devices, publishes no more', async () => {
    await bothJoined();
    await boot(b);
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    expect(await send({ type: 'sync-enable', enabled: false })).toEqual({ ok: true });
    expect((await fakeBrowser.storage.local.get(DEVICES_KEY))[DEVICES_KEY]).toBeUndefined();
    expect(await fakeBrowser.storage.sync.get(null)).toEqual(cloud);
    await edit((s) => ({ ...s, flags: { ...s.flags, badge: true } }));
    expect(set).not.toHaveBeenCalled();
    // A newer remote part is not applied either.
    await deliver({ ...cloud, [settingsPartKey('flags')]: { ...partOf(cloud, 'flags'), at: START + 999_999, by: 'device-a' } });
    expect((await syncState()).enabled).toBe(false);
    expect((await stored()).flags.badge).toBe(true);
  });
});
