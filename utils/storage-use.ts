/**
 * What Channel Focus keeps in storage.local and how much room each kind takes, and the values
 * kept aside, read from a `storage.local.get(null)` result. Sizes are the bytes of each item's
 * JSON in UTF-8: what the browsers count against their quota, near enough, in both of them.
 */
import { BACKUPS_KEY, DEVICES_KEY, IMPORTED_KEY, QUARANTINE_PREFIX, usageDateOf } from './storage';

export interface StorageUse {
  total: number;
  history: number;
  imported: number;
  backups: number;
  keptAside: number;
  /** The other devices' totals received through sync: a cache, rebuilt from storage.sync. */
  devices: number;
  /** Settings, the source id, notices, the sync state. */
  other: number;
}

export interface KeptAsideItem {
  /** The storage key of the copy (`quarantine:<key>:<ms>`). */
  key: string;
  /** The key the value was read from: `settings`, `usage:2026-05-04`, `tracker`, … */
  of: string;
  /** When it was kept aside (ms), or null when the key does not say. */
  at: number | null;
  bytes: number;
  value: unknown;
}

const encoder = new TextEncoder();

/** Bytes of a value as stored (its JSON, UTF-8); 0 for what JSON cannot hold. */
export function storedBytes(key: string, value: unknown): number {
  try {
    return encoder.encode(key).length + encoder.encode(JSON.stringify(value) ?? '').length;
  } catch {
    return 0;
  }
}

export function storageUse(all: Record<string, unknown>): StorageUse {
  const use: StorageUse = { total: 0, history: 0, imported: 0, backups: 0, keptAside: 0, devices: 0, other: 0 };
  for (const [key, value] of Object.entries(all)) {
    const bytes = storedBytes(key, value);
    use.total += bytes;
    if (usageDateOf(key)) use.history += bytes;
    else if (key === IMPORTED_KEY) use.imported += bytes;
    else if (key === BACKUPS_KEY) use.backups += bytes;
    else if (key.startsWith(QUARANTINE_PREFIX)) use.keptAside += bytes;
    else if (key === DEVICES_KEY) use.devices += bytes;
    else use.other += bytes;
  }
  return use;
}

/** The values kept aside, newest first. */
export function keptAside(all: Record<string, unknown>): KeptAsideItem[] {
  return Object.entries(all)
    .filter(([key]) => key.startsWith(QUARANTINE_PREFIX))
    .map(([key, value]) => {
      const rest = key.slice(QUARANTINE_PREFIX.length);
      const match = /^(.*):(\d+)$/.exec(rest);
      return { key, of: match?.[1] ?? rest, at: match ? Number(match[2]) : null, bytes: storedBytes(key, value), value };
    })
    .sort((a, b) => (b.at ?? 0) - (a.at ?? 0) || (a.key < b.key ? -1 : 1));
}
