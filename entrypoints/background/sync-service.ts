/**
 * Sync through the browser's own storage.sync (Chrome Sync, Firefox Sync): opt-in, off by default.
 *
 * - Settings: each synced part (utils/sync/parts.ts) is one item with the time and device of its
 *   last change; last writer wins per part. Local changes are published a few seconds after the
 *   last edit, in one write; remote changes are applied to the stored settings and never sent back.
 * - Usage: this device publishes its own daily totals under its own keys, at most every 10 minutes
 *   while they change; the other devices' totals are kept locally (`devices`) for the merged view.
 *
 * Every storage.local write runs in the storage door, and so does every storage.sync call (one
 * order for all of them). A failed storage.sync call changes nothing local: it is recorded in the
 * sync state (for the options page) and tried again by an alarm. While sync is off, nothing here
 * touches storage.sync.
 */
import { browser } from 'wxt/browser';
import type { CommandReply } from '@/utils/messages';
import { parseSettings, type Settings } from '@/utils/settings';
import {
  DEVICES_KEY, SETTINGS_KEY, SYNC_STATE_KEY, decodeDevices, decodeSettings, decodeSyncState, devicesItem, encodeEnvelope,
  readHistory, syncStateItem, usageDateOf,
} from '@/utils/storage';
import { usageBudget } from '@/utils/sync/budget';
import { classifySyncError, retryAt } from '@/utils/sync/errors';
import { itemBytes, itemsBytes, parseAnySyncKey, settingsPartKey, staleKeys } from '@/utils/sync/layout';
import { SYNCED_PARTS, applyRemoteParts, changedParts, encodeParts, type SyncedPart } from '@/utils/sync/parts';
import type { SyncState } from '@/utils/sync/state';
import { decodeDevicesUsage, encodeDeviceUsage, type DeviceUsage } from '@/utils/sync/usage-encoding';
import { mergeDevices } from '@/utils/sync/view';
import type { DataCommands } from './data-commands';
import type { SettingsStore } from './settings-store';
import type { StorageDoor } from './storage-door';
import type { TrackerService } from './tracker-service';

export const SYNC_PUBLISH_ALARM = 'sync-publish';
export const SYNC_RETRY_ALARM = 'sync-retry';
/** Edits come in bursts (typing a name, ticking several boxes): one write after the burst. */
export const SETTINGS_PUBLISH_DELAY_MS = 3_000;
/** A device's usage goes out at most this often: about 6 writes an hour, far below the limits. */
export const USAGE_PUBLISH_INTERVAL_MS = 10 * 60_000;
/** Chrome does not fire alarms sooner than 30 s from now. */
const MIN_ALARM_DELAY_MS = 30_000;

/** What the service uses of storage.sync; optional where a browser may lack it. */
interface SyncArea {
  get(keys?: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  getBytesInUse?(keys?: null): Promise<number>;
}

/** A failure of storage.sync itself (not of storage.local): it becomes the state's problem. */
class SyncFailure extends Error {
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original));
  }
}

/** storage.sync, or a failure that classifies as 'unavailable' (some Firefox builds, sync switched off). */
function syncArea(): SyncArea {
  const area = (browser.storage as unknown as { sync?: SyncArea }).sync;
  if (!area || typeof area.get !== 'function') throw new SyncFailure(new Error('storage.sync is not available'));
  return area;
}

/** Calls into storage.sync, each failure marked as one of storage.sync. */
const remote = {
  async call<T>(work: (area: SyncArea) => Promise<T>): Promise<T> {
    const area = syncArea();
    try {
      return await work(area);
    } catch (error) {
      throw new SyncFailure(error);
    }
  },
  all: () => remote.call((area) => area.get(null)),
  async write(set: Record<string, unknown>, remove: readonly string[]): Promise<void> {
    // One set and at most one remove: two writes against the per-minute and per-hour budgets.
    if (Object.keys(set).length > 0) await remote.call((area) => area.set(set));
    if (remove.length > 0) await remote.call((area) => area.remove([...remove]));
  },
  /** The browser's count where it has one (Firefox and the test fake have none), else ours. */
  async bytesInUse(items: Record<string, unknown>): Promise<number> {
    try {
      const area = syncArea();
      if (typeof area.getBytesInUse === 'function') {
        const bytes = await area.getBytesInUse(null);
        if (typeof bytes === 'number' && Number.isFinite(bytes)) return bytes;
      }
    } catch {
      // Counted below.
    }
    return itemsBytes(items);
  },
};

interface Task {
  state: SyncState;
  deviceId: string;
}

const failed = (error: unknown): CommandReply => ({ ok: false, error: error instanceof Error ? error.message : String(error) });

export interface SyncParts {
  door: StorageDoor;
  settings: SettingsStore;
  tracker: TrackerService;
  data: DataCommands;
}

export class SyncService {
  /** Mirror of the stored state's `enabled`, so events while sync is off queue no task at all. */
  #enabled = false;
  /** The settings as last published or applied: a local edit is what differs from them. */
  #baseline: Settings | null = null;
  #settingsTimer: ReturnType<typeof setTimeout> | undefined;
  #usageScheduled = false;
  #deviceId: string | null = null;
  #started = false;

  constructor(private readonly parts: SyncParts) {}

  /**
   * Listens for settings edits, storage changes and the alarms; when sync is on, reconciles once
   * with storage.sync (whatever arrived while the worker slept). Call once, synchronously, at start.
   */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    const { settings } = this.parts;
    settings.onChange(() => this.#settingsEdited());
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'sync') this.#remoteChanged(changes);
      if (area === 'local') this.#localChanged(changes);
    });
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === SYNC_PUBLISH_ALARM) void this.#publishUsageNow();
      if (alarm.name === SYNC_RETRY_ALARM) void this.#reconcileTask(true, false);
    });
    void Promise.all([settings.ready, browser.storage.local.get(SYNC_STATE_KEY)]).then(([, items]) => {
      this.#enabled = decodeSyncState(items[SYNC_STATE_KEY]).enabled;
      if (!this.#enabled) return;
      this.#baseline ??= settings.current;
      return this.#reconcileTask(false, false);
    }).catch((error: unknown) => console.error('Channel Focus: sync could not start:', error));
  }

  /** The view command: sync on (reconcile with storage.sync at once) or off. */
  async enable(enabled: boolean): Promise<CommandReply> {
    if (!enabled) return this.#disable();
    const deviceId = await this.#ownId();
    await this.parts.tracker.writeNow();
    return this.parts.door.run(async () => {
      const state = await readState();
      state.enabled = true;
      const reply = await this.#attempt({ state, deviceId }, (task) => this.#reconcile(task, true, true));
      // On even when storage.sync failed (the retry follows); off only if the state could not be stored.
      this.#enabled = (await readState()).enabled;
      return reply;
    });
  }

  /** The view command: publish what is pending and this device's totals now. */
  async syncNow(): Promise<CommandReply> {
    if (!this.#enabled) return { ok: false, error: 'sync is off' };
    // The totals counted but not yet written belong in what goes out.
    await this.parts.tracker.writeNow();
    return this.#reconcileTask(true, true);
  }

  /** The view command: another device's usage out of storage.sync and out of the local view. */
  async removeDevice(deviceId: string): Promise<CommandReply> {
    const ownId = await this.#ownId();
    if (deviceId === ownId) return { ok: false, error: 'this device cannot be removed' };
    return this.parts.door.run(async () => {
      const state = await readState();
      if (!state.enabled) return { ok: false, error: 'sync is off' };
      return this.#attempt({ state, deviceId: ownId }, async () => {
        const all = await remote.all();
        const keys = Object.keys(all).filter((key) => {
          const parsed = parseAnySyncKey(key);
          return parsed?.kind === 'usage' && parsed.deviceId === deviceId;
        });
        await remote.write({}, keys);
        // Only once storage.sync has let go: otherwise the next read would bring it back.
        await writeDevices((kept) => withoutDevices(kept, [deviceId]));
        state.bytesInUse = await remote.bytesInUse(Object.fromEntries(Object.entries(all).filter(([key]) => !keys.includes(key))));
      });
    });
  }

  /** Whether a settings edit waits for its publication (the delay after the last edit). */
  get settingsPending(): boolean {
    return this.#settingsTimer !== undefined;
  }

  /** Publishes a pending settings edit at once instead of after the delay (a device that goes, a test). */
  publishSettingsNow(): Promise<CommandReply> {
    if (this.#settingsTimer !== undefined) clearTimeout(this.#settingsTimer);
    this.#settingsTimer = undefined;
    return this.#task(true, (task) => this.#publishSettings(task));
  }

  // --- reactions ---------------------------------------------------------------------------------

  #settingsEdited(): void {
    if (!this.#enabled) return;
    if (this.#settingsTimer !== undefined) clearTimeout(this.#settingsTimer);
    this.#settingsTimer = setTimeout(() => void this.publishSettingsNow(), SETTINGS_PUBLISH_DELAY_MS);
  }

  #localChanged(changes: Record<string, { newValue?: unknown }>): void {
    if (SYNC_STATE_KEY in changes) {
      // "Delete all data" removes the state: sync is off from then on.
      this.#enabled = decodeSyncState(changes[SYNC_STATE_KEY]?.newValue).enabled;
      if (!this.#enabled) void this.#stopTimers();
    }
    if (this.#enabled && Object.keys(changes).some((key) => usageDateOf(key) !== null)) void this.#scheduleUsage();
  }

  /** Items that changed in storage.sync: another device's settings or usage (our own writes echo here too). */
  #remoteChanged(changes: Record<string, { newValue?: unknown }>): void {
    if (!this.#enabled) return;
    const ownId = this.#deviceId;
    let settingsChanged = false;
    let usageChanged = false;
    const removed = new Set<string>();
    for (const [key, change] of Object.entries(changes)) {
      const parsed = parseAnySyncKey(key);
      if (parsed === null) continue;
      if (parsed.kind !== 'usage') {
        // Our own writes echo here; removals of pieces follow a write that already came in.
        const by = (change.newValue as { by?: unknown } | null | undefined)?.by;
        if (change.newValue !== undefined && change.newValue !== null && (ownId === null || by !== ownId)) settingsChanged = true;
      } else if (parsed.deviceId !== ownId) {
        usageChanged = true;
        if (change.newValue === undefined || change.newValue === null) removed.add(parsed.deviceId);
      }
    }
    if (!settingsChanged && !usageChanged) return;
    void this.#task(true, async (task) => {
      const all = await remote.all();
      const applied = settingsChanged && (await this.#settle(task, all)).applied;
      // A device whose every item went was removed on another device: it leaves this view too.
      const gone = [...removed].filter((deviceId) => !hasUsage(all, deviceId));
      const received = usageChanged && await this.#receiveDevices(task, all, gone);
      if (applied || received) task.state.lastReceivedAt = Date.now();
    });
  }

  /** Schedules the next publication of usage: 10 minutes after the last one, and not sooner than Chrome allows. */
  async #scheduleUsage(): Promise<void> {
    if (this.#usageScheduled) return;
    this.#usageScheduled = true;
    try {
      if (await browser.alarms.get(SYNC_PUBLISH_ALARM)) return;
      const state = decodeSyncState((await browser.storage.local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY]);
      const now = Date.now();
      const when = Math.max(now + MIN_ALARM_DELAY_MS, (state.lastPublishedAt ?? 0) + USAGE_PUBLISH_INTERVAL_MS);
      await browser.alarms.create(SYNC_PUBLISH_ALARM, { when });
    } catch (error) {
      this.#usageScheduled = false;
      console.error('Channel Focus: could not schedule the sync of usage:', error);
    }
  }

  #publishUsageNow(): Promise<CommandReply> {
    return this.#task(true, async (task) => {
      await this.#publishUsage(task, await remote.all());
    });
  }

  #reconcileTask(publishUsage: boolean, asked: boolean): Promise<CommandReply> {
    return this.#task(true, (task) => this.#reconcile(task, publishUsage, asked));
  }

  async #disable(): Promise<CommandReply> {
    this.#enabled = false;
    await this.#stopTimers();
    return this.parts.door.run(async () => {
      try {
        const state = await readState();
        // What is in storage.sync stays: the other devices still use it, and turning sync on
        // again finds it. The other devices' totals leave this view: with sync off a user
        // expects to see this device only, and storage.sync has them again when it comes back on.
        const next: SyncState = { ...state, enabled: false, problem: null, attempt: 0 };
        await browser.storage.local.set({ [SYNC_STATE_KEY]: encodeEnvelope(syncStateItem, next) });
        await browser.storage.local.remove(DEVICES_KEY);
        return { ok: true } as const;
      } catch (error) {
        return failed(error);
      }
    });
  }

  async #stopTimers(): Promise<void> {
    if (this.#settingsTimer !== undefined) clearTimeout(this.#settingsTimer);
    this.#settingsTimer = undefined;
    this.#usageScheduled = false;
    await Promise.all([browser.alarms.clear(SYNC_PUBLISH_ALARM), browser.alarms.clear(SYNC_RETRY_ALARM)]).catch(() => {});
  }

  // --- the work, inside the door -----------------------------------------------------------------

  /** Runs `work` in the door with the stored state (skipped while sync is off when `whenEnabled`). */
  async #task(whenEnabled: boolean, work: (task: Task) => Promise<void>): Promise<CommandReply> {
    let deviceId: string;
    try {
      deviceId = await this.#ownId();
    } catch (error) {
      return failed(error);
    }
    return this.parts.door.run(async () => {
      const state = await readState();
      if (whenEnabled && !state.enabled) return { ok: true } as const;
      return this.#attempt({ state, deviceId }, work);
    });
  }

  /**
   * Runs `work` and stores the state it leaves. A failure of storage.sync becomes the state's
   * problem with a retry alarm; success clears both. Inside the door only.
   */
  async #attempt(task: Task, work: (task: Task) => Promise<void>): Promise<CommandReply> {
    const before = JSON.stringify(task.state);
    let reply: CommandReply = { ok: true };
    try {
      await work(task);
      if (task.state.problem !== null || task.state.attempt !== 0) {
        task.state.problem = null;
        task.state.attempt = 0;
        await browser.alarms.clear(SYNC_RETRY_ALARM);
      }
    } catch (error) {
      if (!(error instanceof SyncFailure)) return failed(error); // storage.local failed: nothing more to write
      const now = Date.now();
      const code = classifySyncError(error.original);
      const attempt = task.state.attempt + 1;
      const at = retryAt(code, attempt, now);
      task.state.attempt = attempt;
      task.state.problem = { code, message: error.message.slice(0, 500), at: now, retryAt: at };
      await browser.alarms.create(SYNC_RETRY_ALARM, { when: Math.max(at, now + MIN_ALARM_DELAY_MS) });
      reply = { ok: false, error: error.message };
    }
    if (JSON.stringify(task.state) !== before) {
      await browser.storage.local.set({ [SYNC_STATE_KEY]: encodeEnvelope(syncStateItem, task.state) });
    }
    return reply;
  }

  /**
   * Everything at once: settings both ways, the other devices' totals, and (with `publishUsage`)
   * this device's. `asked`: the user asked (on, sync now), so the time of receiving is now even
   * when nothing new came; a worker's start records it only when something did.
   */
  async #reconcile(task: Task, publishUsage: boolean, asked: boolean): Promise<void> {
    const all = await remote.all();
    const settled = await this.#settle(task, all);
    const current = { ...all, ...settled.set };
    for (const key of settled.remove) delete current[key];
    if (publishUsage) await this.#publishUsage(task, current);
    const received = await this.#receiveDevices(task, current, []);
    if (asked || settled.applied || received) task.state.lastReceivedAt = Date.now();
  }

  /**
   * Settings both ways: local edits not yet published are stamped now; remote parts newer than
   * ours are applied (one local write, never published back); parts where this device holds the
   * newest write but storage.sync does not are published (one set, and one remove for pieces of
   * an older, longer write). Returns what it wrote to storage.sync.
   */
  async #settle(task: Task, all: Record<string, unknown>): Promise<{ applied: boolean; set: Record<string, unknown>; remove: string[] }> {
    const none = { applied: false, set: {}, remove: [] };
    const { state, deviceId } = task;
    const stored = decodeSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
    // Unreadable settings are being kept aside: publishing the defaults would overwrite every device.
    if (stored.status === 'unreadable') return none;
    const now = Date.now();
    const partsBy = { ...(state.partsBy ?? {}) };
    const partsAt = { ...state.partsAt };
    if (this.#baseline !== null) {
      for (const part of changedParts(this.#baseline, stored.value)) {
        partsAt[part] = now;
        partsBy[part] = deviceId;
      }
    }
    const result = applyRemoteParts(stored.value, partsAt, all, partsBy);
    let settings = stored.value;
    if (result.applied.length > 0) {
      const checked = parseSettings(result.settings);
      if (checked.ok) {
        settings = checked.settings;
        await browser.storage.local.set({ [SETTINGS_KEY]: settings });
      }
    }
    state.partsAt = settings === stored.value ? partsAt : result.partsAt;
    state.partsBy = settings === stored.value ? partsBy : result.partsBy;
    this.#baseline = settings;

    // Parts to publish: ours is newer (outdated), storage.sync has none yet, or ours was edited
    // while sync was off (or the worker stopped before publishing): same stamp, different value.
    const outdated = new Set<SyncedPart>(result.outdated);
    const remoteValues = applyRemoteParts(settings, {}, all).settings;
    const differs = new Set(changedParts(settings, remoteValues));
    const ignored = new Set(result.ignored.map(({ key }) => key));
    const publish: SyncedPart[] = [];
    for (const part of SYNCED_PARTS) {
      if (result.applied.includes(part) && settings !== stored.value) continue;
      const key = settingsPartKey(part);
      if (ignored.has(key)) continue; // a newer format or release wrote it: not ours to overwrite
      const missing = !Object.hasOwn(all, key);
      if (outdated.has(part) || missing || differs.has(part)) publish.push(part);
    }
    const applied = settings !== stored.value;
    if (publish.length === 0) return { ...none, applied };
    const set: Record<string, unknown> = {};
    for (const part of publish) {
      // Edited unseen (same stamp, other value) or never stamped: this is its time now.
      const fresh = differs.has(part) && !outdated.has(part);
      const knownAt: number | undefined = state.partsAt[part];
      const knownBy: string | undefined = state.partsBy?.[part];
      const at: number = fresh || knownAt === undefined ? now : knownAt;
      const by: string = fresh || knownBy === undefined ? deviceId : knownBy;
      Object.assign(set, encodeParts(settings, [part], at, by));
      state.partsAt = { ...state.partsAt, [part]: at };
      state.partsBy = { ...state.partsBy, [part]: by };
    }
    const remove = staleKeys(Object.keys(all), set);
    await remote.write(set, remove);
    return { applied, set, remove };
  }

  /** The debounced publication of local edits: the parts that changed, stamped now, in one write. */
  async #publishSettings(task: Task): Promise<void> {
    const { state, deviceId } = task;
    const stored = decodeSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
    if (stored.status === 'unreadable') return;
    if (this.#baseline === null) {
      this.#baseline = stored.value;
      return;
    }
    const parts = changedParts(this.#baseline, stored.value);
    if (parts.length === 0) return;
    const at = Date.now();
    // Stamped before the write: should it fail, the retry sees these parts as newer here.
    state.partsAt = { ...state.partsAt, ...Object.fromEntries(parts.map((part) => [part, at])) };
    state.partsBy = { ...state.partsBy, ...Object.fromEntries(parts.map((part) => [part, deviceId])) };
    this.#baseline = stored.value;
    const set = encodeParts(stored.value, parts, at, deviceId);
    const all = await remote.all();
    await remote.write(set, staleKeys(Object.keys(all), set));
  }

  /**
   * This device's own totals (never imported time, never other devices') within its share of
   * storage.sync; its chunks beyond the new publication go in the same turn.
   */
  async #publishUsage(task: Task, all: Record<string, unknown>): Promise<void> {
    const { state, deviceId } = task;
    const own = readHistory(await browser.storage.local.get(null)).own;
    let settingsBytes = 0;
    let otherDevicesBytes = 0;
    const devices = new Set<string>([deviceId]);
    const ownKeys: string[] = [];
    for (const [key, value] of Object.entries(all)) {
      const parsed = parseAnySyncKey(key);
      if (parsed === null) continue;
      if (parsed.kind !== 'usage') settingsBytes += itemBytes(key, value);
      else if (parsed.deviceId === deviceId) ownKeys.push(key);
      else {
        otherDevicesBytes += itemBytes(key, value);
        devices.add(parsed.deviceId);
      }
    }
    const now = Date.now();
    const budgetBytes = usageBudget({ settingsBytes, otherDevicesBytes, deviceCount: devices.size });
    const encoded = encodeDeviceUsage({ deviceId, days: own, today: this.parts.tracker.today(), budgetBytes, at: now });
    const remove = Object.keys(encoded.items).length > 0 ? staleKeys(ownKeys, encoded.items) : ownKeys;
    await remote.write(encoded.items, remove);
    state.lastPublishedAt = now;
    state.daysShared = encoded.daysShared;
    state.accountsFolded = encoded.accountsFolded;
    const after = { ...all, ...encoded.items };
    for (const key of remove) delete after[key];
    state.bytesInUse = await remote.bytesInUse(after);
    this.#usageScheduled = false;
    await browser.alarms.clear(SYNC_PUBLISH_ALARM);
  }

  /** The other devices' totals from storage.sync into `devices`, kept grow-only; `gone` devices leave. */
  async #receiveDevices(task: Task, all: Record<string, unknown>, gone: readonly string[]): Promise<boolean> {
    const received = decodeDevicesUsage(all, task.deviceId, this.parts.tracker.today());
    return writeDevices((kept) => withoutDevices(mergeDevices(withoutDevices(kept, [task.deviceId]), received), gone));
  }

  async #ownId(): Promise<string> {
    this.#deviceId ??= (await this.parts.data.sourceId()).sourceId;
    return this.#deviceId;
  }
}

async function readState(): Promise<SyncState> {
  return decodeSyncState((await browser.storage.local.get(SYNC_STATE_KEY))[SYNC_STATE_KEY]);
}

/** Rewrites `devices` when `change` gives something else (true then). Inside the door only. */
async function writeDevices(change: (kept: Record<string, DeviceUsage>) => Record<string, DeviceUsage>): Promise<boolean> {
  const raw = (await browser.storage.local.get(DEVICES_KEY))[DEVICES_KEY];
  const kept = decodeDevices(raw);
  const next = change(kept);
  if (raw !== undefined && JSON.stringify(next) === JSON.stringify(kept)) return false;
  if (raw === undefined && Object.keys(next).length === 0) return false;
  await browser.storage.local.set({ [DEVICES_KEY]: encodeEnvelope(devicesItem, next) });
  return true;
}

function withoutDevices<T>(devices: Record<string, T>, ids: readonly string[]): Record<string, T> {
  if (!ids.some((id) => Object.hasOwn(devices, id))) return devices;
  return Object.fromEntries(Object.entries(devices).filter(([id]) => !ids.includes(id)));
}

function hasUsage(all: Record<string, unknown>, deviceId: string): boolean {
  return Object.keys(all).some((key) => {
    const parsed = parseAnySyncKey(key);
    return parsed?.kind === 'usage' && parsed.deviceId === deviceId;
  });
}

/** Starts sync (listeners, and a reconcile when it is on). Call once, synchronously, when the background starts. */
export function registerSync(parts: { sync: SyncService }): void {
  parts.sync.start();
}
