import { isCalendarDate, isValidSourceId, splitChannelKey } from '@/utils/backup/checks';
import { MAX_DAY_SECONDS } from '@/utils/backup/format';
import type { ChannelDayTotals, DayTotals, TotalsByDate } from '@/utils/tracking/totals';
import { foldDay, mergeDeviceDays } from './fold';
import { SYNC_QUOTA, itemBytes, parseSyncKey, usageKey } from './layout';

/**
 * A device's daily totals in storage.sync, under `u:<deviceId>:<i>`. Each chunk is
 *   { v: 1, at, i, n, c: [channel keys], d: { 'YYYY-MM-DD': [ci, in, out, none, after, ci, ...] } }
 * at = when the device published (epoch ms, the same in every chunk of one publication),
 * i / n = this chunk's index and the number of chunks, c = the channel keys this chunk uses, and
 * d = per date a flat list of five numbers per channel: the index into c, then in, out, none and
 * after-hours time in whole seconds, rounded down (so the copy never claims time not counted:
 * decoded = floor(ms / 1000) * 1000). Cells of zero seconds are left out. Newest days come
 * first; a day bigger than a chunk continues in the next one (its channels are then split
 * between chunks, never repeated).
 */
const USAGE_FORMAT = 1;

/** The days every device can share with accounts (2 devices x 20 channels fit: see budget.ts). */
export const SYNC_DAYS_PER_DEVICE = 30;
const MIN_SHARED_DAYS = SYNC_DAYS_PER_DEVICE;

export interface DeviceUsage {
  /** When the device last published (epoch ms). */
  publishedAt: number;
  days: TotalsByDate;
}

interface Chunk {
  v: typeof USAGE_FORMAT;
  at: number;
  i: number;
  n: number;
  c: string[];
  d: Record<string, number[]>;
}

type Cell = [key: string, seconds: [number, number, number, number]];
/** One day's cells; `folded` when accounts were folded into platforms and that changed the day. */
type DayCells = { date: string; cells: Cell[]; folded?: boolean };

const toSeconds = (ms: number): number => (Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0);

function dayCells(date: string, day: DayTotals): DayCells {
  const cells: Cell[] = [];
  for (const key of Object.keys(day).sort()) {
    const totals = day[key];
    if (!totals) continue;
    const seconds: Cell[1] = [toSeconds(totals[0]), toSeconds(totals[1]), toSeconds(totals[2]), toSeconds(totals[3])];
    if (seconds.some((value) => value > 0)) cells.push([key, seconds]);
  }
  return { date, cells };
}

const digits = (value: number): number => String(value).length;
const jsonLength = (text: string): number => itemBytes('', text);

/**
 * A chunk being filled, with its JSON size kept exact as it grows. `i` and `n` are counted as
 * three digits (at most 512 items) and the key the same way, so the final item is never larger.
 */
class ChunkBuilder {
  keys: string[] = [];
  keyIndex = new Map<string, number>();
  dates: Record<string, number[]> = {};
  dateCount = 0;
  size: number;

  constructor(readonly deviceId: string, readonly at: number) {
    this.size = itemBytes(usageKey(deviceId, 999), { v: USAGE_FORMAT, at, i: 999, n: 999, c: [], d: {} });
  }

  clone(): ChunkBuilder {
    const copy = new ChunkBuilder(this.deviceId, this.at);
    copy.keys = [...this.keys];
    copy.keyIndex = new Map(this.keyIndex);
    copy.dates = Object.fromEntries(Object.entries(this.dates).map(([date, list]) => [date, [...list]]));
    copy.dateCount = this.dateCount;
    copy.size = this.size;
    return copy;
  }

  /** Bytes the cell would add. */
  cost(date: string, [key, seconds]: Cell): number {
    let cost = 0;
    let index = this.keyIndex.get(key);
    if (index === undefined) {
      index = this.keys.length;
      cost += jsonLength(key) + (this.keys.length > 0 ? 1 : 0);
    }
    const list = this.dates[date];
    if (!list) cost += jsonLength(date) + 3 + (this.dateCount > 0 ? 1 : 0); // "date":[] and a comma
    else cost += 1; // the comma before this cell's numbers
    cost += digits(index) + seconds.reduce((sum, value) => sum + digits(value), 0) + 4;
    return cost;
  }

  add(date: string, cell: Cell): void {
    this.size += this.cost(date, cell);
    const [key, seconds] = cell;
    let index = this.keyIndex.get(key);
    if (index === undefined) {
      index = this.keys.length;
      this.keys.push(key);
      this.keyIndex.set(key, index);
    }
    let list = this.dates[date];
    if (!list) {
      list = [];
      this.dates[date] = list;
      this.dateCount += 1;
    }
    list.push(index, ...seconds);
  }

  get empty(): boolean {
    return this.dateCount === 0;
  }
}

/** Chunks filled newest day first; whole days only, as many as fit in budgetBytes. */
class Packer {
  closed: ChunkBuilder[] = [];
  current: ChunkBuilder;
  days = 0;

  constructor(readonly deviceId: string, readonly at: number, readonly budgetBytes: number) {
    this.current = new ChunkBuilder(deviceId, at);
  }

  private get bytes(): number {
    return this.closed.reduce((sum, chunk) => sum + chunk.size, 0) + (this.current.empty ? 0 : this.current.size);
  }

  /** Adds a whole day, or leaves everything as it was and answers false. */
  tryAdd(day: DayCells): boolean {
    if (day.cells.length === 0) return true;
    const closedBefore = this.closed.length;
    const currentBefore = this.current.clone();
    for (const cell of day.cells) {
      if (this.current.size + this.current.cost(day.date, cell) > SYNC_QUOTA.bytesPerItem) {
        if (this.current.empty) return this.undo(closedBefore, currentBefore); // one cell above an item: cannot happen with keys of ≤ 300 characters
        this.closed.push(this.current);
        this.current = new ChunkBuilder(this.deviceId, this.at);
      }
      this.current.add(day.date, cell);
    }
    if (this.bytes > this.budgetBytes || this.closed.length + 1 > SYNC_QUOTA.items) return this.undo(closedBefore, currentBefore);
    this.days += 1;
    return true;
  }

  private undo(closedBefore: number, current: ChunkBuilder): false {
    this.closed.length = closedBefore;
    this.current = current;
    return false;
  }

  chunks(): ChunkBuilder[] {
    return this.current.empty ? [...this.closed] : [...this.closed, this.current];
  }
}

function pack(deviceId: string, at: number, budgetBytes: number, days: readonly DayCells[]): Packer {
  const packer = new Packer(deviceId, at, budgetBytes);
  for (const day of days) if (!packer.tryAdd(day)) break;
  return packer;
}

const isEmptyDay = (day: DayCells): boolean => day.cells.length === 0;

export interface EncodedUsage {
  items: Record<string, unknown>;
  /** Days with time that are in the sync copy. */
  daysShared: number;
  /** true when some shared days carry their platforms only, their accounts folded in. */
  accountsFolded: boolean;
  bytes: number;
}

/**
 * This device's totals as storage.sync items, newest days first, within budgetBytes and
 * QUOTA_BYTES_PER_ITEM. Days after `today` are left out (a clock set ahead must not publish
 * tomorrow). Older days roll off first. When even MIN_SHARED_DAYS days with accounts do not
 * fit, accounts are folded into their platform from the oldest of those days on; only when all
 * of them folded still do not fit do days roll off further. After publishing, remove staleKeys
 * (layout.ts) so chunks of a longer earlier publication go.
 */
export function encodeDeviceUsage(input: {
  deviceId: string; days: TotalsByDate; today: string; budgetBytes: number; at: number; name?: never;
}): EncodedUsage {
  const { deviceId, at, budgetBytes } = input;
  // Readers skip chunks under keys that are no device id: better to fail loudly here.
  if (!isValidSourceId(deviceId)) throw new RangeError(`Not a valid device id: ${deviceId}`);
  const dates = Object.keys(input.days)
    .filter((date) => isCalendarDate(date) && date <= input.today)
    .sort()
    .reverse();
  const detailed = dates.map((date) => dayCells(date, input.days[date] ?? {})).filter((day) => !isEmptyDay(day));
  const window = Math.min(MIN_SHARED_DAYS, detailed.length);

  let packer = pack(deviceId, at, budgetBytes, detailed);
  let accountsFolded = false;
  if (packer.days < window) {
    const folded = detailed.slice(0, window).map((day) => {
      const cells = dayCells(day.date, foldDay(toDay(day)));
      return { ...cells, folded: cells.cells.length !== day.cells.length };
    });
    let chosen: DayCells[] = folded;
    let found = false;
    // Fold the oldest days first, one more each round, until the whole window fits.
    for (let count = 1; count <= window && !found; count++) {
      const mixed = [...detailed.slice(0, window - count), ...folded.slice(window - count)];
      const attempt = pack(deviceId, at, budgetBytes, mixed);
      if (attempt.days === window) {
        packer = attempt;
        chosen = mixed;
        found = true;
      }
    }
    if (!found) packer = pack(deviceId, at, budgetBytes, folded);
    accountsFolded = chosen.slice(0, packer.days).some((day) => day.folded === true);
  }

  const chunks = packer.chunks();
  const items: Record<string, unknown> = {};
  let bytes = 0;
  chunks.forEach((builder, index) => {
    const chunk: Chunk = { v: USAGE_FORMAT, at, i: index, n: chunks.length, c: builder.keys, d: builder.dates };
    const key = usageKey(deviceId, index);
    items[key] = chunk;
    bytes += itemBytes(key, chunk);
  });
  return { items, daysShared: packer.days, accountsFolded, bytes };
}

function toDay(day: DayCells): DayTotals {
  const totals: DayTotals = {};
  for (const [key, seconds] of day.cells) totals[key] = seconds.map((value) => value * 1000) as ChannelDayTotals;
  return totals;
}

// Decoding.

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isSeconds = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_DAY_SECONDS;

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** A chunk as stored, checked; null when anything in it is off. */
function readChunk(value: unknown, index: number): Chunk | null {
  if (!isPlainObject(value)) return null;
  const { v, at, i, n, c, d } = value;
  if (v !== USAGE_FORMAT) return null; // a newer format is left to the release that wrote it
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return null;
  if (i !== index || typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > SYNC_QUOTA.items || index >= n) return null;
  if (!Array.isArray(c) || !c.every((key) => typeof key === 'string' && splitChannelKey(key) !== null)) return null;
  if (!isPlainObject(d)) return null;
  for (const [date, list] of Object.entries(d)) {
    if (!isCalendarDate(date) || !Array.isArray(list) || list.length % 5 !== 0) return null;
    for (let offset = 0; offset < list.length; offset += 5) {
      const channel: unknown = list[offset];
      if (typeof channel !== 'number' || !Number.isInteger(channel) || channel < 0 || channel >= c.length) return null;
      if (!list.slice(offset + 1, offset + 5).every(isSeconds)) return null;
    }
  }
  return { v, at, i, n, c: c as string[], d: d as Record<string, number[]> };
}

/** The day after `date` ('YYYY-MM-DD'). */
function nextDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + 1)).toISOString().slice(0, 10);
}

/**
 * The other devices' usage in storage.sync (all of it: storage.sync.get(null)). Per device the
 * chunks of the newest publication (publishedAt = its `at`), completed by older chunks while it
 * is partial (deviceUsage); malformed chunks count as missing. With `today`, dates more than one
 * day ahead of it are dropped (a device east of here may already be on the next day).
 */
export function decodeDevicesUsage(
  items: Readonly<Record<string, unknown>>, ownDeviceId: string, today?: string,
): Record<string, DeviceUsage> {
  const byDevice = new Map<string, Chunk[]>();
  for (const [key, value] of Object.entries(items)) {
    const parsed = parseSyncKey(key);
    if (parsed?.kind !== 'usage' || parsed.deviceId === ownDeviceId) continue;
    if (!isValidSourceId(parsed.deviceId)) continue;
    const chunk = readChunk(value, parsed.index);
    if (!chunk) continue;
    const chunks = byDevice.get(parsed.deviceId) ?? [];
    chunks.push(chunk);
    byDevice.set(parsed.deviceId, chunks);
  }
  const latest = today && isCalendarDate(today) ? nextDate(today) : null;
  const devices: Record<string, DeviceUsage> = {};
  for (const [deviceId, chunks] of [...byDevice].sort(([a], [b]) => (a < b ? -1 : 1))) {
    devices[deviceId] = deviceUsage(chunks, latest);
  }
  return devices;
}

/** Whether the chunks are one whole publication: one `n`, every index 0..n-1 once. */
function isWhole(chunks: readonly Chunk[]): boolean {
  const n = chunks[0]?.n ?? 0;
  return chunks.every((chunk) => chunk.n === n) && new Set(chunks.map((chunk) => chunk.i)).size === n;
}

/**
 * A device from its chunks: the newest publication, and while that one has not fully arrived
 * (items travel one by one), the older chunks still there fill in, merged grow-only so nothing
 * counts twice.
 */
function deviceUsage(chunks: readonly Chunk[], latest: string | null): DeviceUsage {
  const publishedAt = Math.max(...chunks.map((chunk) => chunk.at));
  const newest = chunks.filter((chunk) => chunk.at === publishedAt);
  let days = chunkDays(newest, latest);
  if (!isWhole(newest)) {
    for (const chunk of chunks) if (chunk.at !== publishedAt) days = mergeDeviceDays(days, chunkDays([chunk], latest));
  }
  return { publishedAt, days };
}

function chunkDays(chunks: readonly Chunk[], latest: string | null): TotalsByDate {
  const days: TotalsByDate = {};
  for (const chunk of chunks) {
    for (const [date, list] of Object.entries(chunk.d)) {
      if (latest !== null && date > latest) continue;
      const day: DayTotals = Object.hasOwn(days, date) ? days[date] ?? {} : {};
      for (let offset = 0; offset < list.length; offset += 5) {
        const key = chunk.c[list[offset] ?? 0];
        if (key === undefined || FORBIDDEN.has(key)) continue;
        const cell: ChannelDayTotals = [
          (list[offset + 1] ?? 0) * 1000, (list[offset + 2] ?? 0) * 1000, (list[offset + 3] ?? 0) * 1000, (list[offset + 4] ?? 0) * 1000,
        ];
        const before = day[key];
        // A key repeated within a publication (never written so) counts once.
        day[key] = before ? [Math.max(before[0], cell[0]), Math.max(before[1], cell[1]), Math.max(before[2], cell[2]), Math.max(before[3], cell[3])] : cell;
      }
      if (Object.keys(day).length > 0) days[date] = day;
    }
  }
  return days;
}
