// The keys and the byte arithmetic of storage.sync: which item holds what, and what it costs.

/** storage.sync limits (Chrome's; Firefox applies the same numbers). */
export const SYNC_QUOTA = {
  bytes: 102_400,
  bytesPerItem: 8_192,
  items: 512,
  writesPerMinute: 120,
  writesPerHour: 1_800,
} as const;

const encoder = new TextEncoder();

/**
 * What one item costs against the quotas: the key plus the JSON text of the value. Chrome counts
 * the bytes of the UTF-8 string, so for plain ASCII this is key.length + JSON.stringify(value).length;
 * counting UTF-8 bytes keeps non-ASCII account names from slipping past the limit.
 */
export function itemBytes(key: string, value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  return utf8Length(key) + utf8Length(json);
}

function utf8Length(text: string): number {
  // Fast path: ASCII text (the usual case) costs one byte a character.
  return /^[\x00-\x7f]*$/.test(text) ? text.length : encoder.encode(text).length;
}

const PART_PREFIX = 's:';
const USAGE_PREFIX = 'u:';
/** A settings part too large for one item continues in `s:<part>#<i>`. */
const PIECE_SEPARATOR = '#';

export function settingsPartKey(part: string): string {
  return `${PART_PREFIX}${part}`;
}

/** The key of piece `index` of a part that did not fit one item. */
export function settingsPieceKey(part: string, index: number): string {
  return `${PART_PREFIX}${part}${PIECE_SEPARATOR}${index}`;
}

export function usageKey(deviceId: string, index: number): string {
  return `${USAGE_PREFIX}${deviceId}:${index}`;
}

const PART_KEY = /^s:([A-Za-z][A-Za-z0-9]{0,63})$/;
const PIECE_KEY = /^s:([A-Za-z][A-Za-z0-9]{0,63})#(0|[1-9]\d{0,3})$/;
// Device ids are source ids (utils/backup/checks.ts): no ':' inside, so the last ':' splits.
const USAGE_KEY = /^u:([A-Za-z0-9_-]{1,64}):(0|[1-9]\d{0,3})$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export type SyncKey =
  | { kind: 'part'; part: string }
  | { kind: 'piece'; part: string; index: number }
  | { kind: 'usage'; deviceId: string; index: number };

/**
 * What a storage.sync key holds; null for keys this version does not write. The pieces of a split
 * part are reported only by parseAnySyncKey, so callers of parseSyncKey see whole parts.
 */
export function parseSyncKey(key: string): { kind: 'part'; part: string } | { kind: 'usage'; deviceId: string; index: number } | null {
  const parsed = parseAnySyncKey(key);
  return parsed?.kind === 'piece' ? null : parsed;
}

export function parseAnySyncKey(key: string): SyncKey | null {
  const part = PART_KEY.exec(key);
  if (part?.[1] && !FORBIDDEN.has(part[1])) return { kind: 'part', part: part[1] };
  const piece = PIECE_KEY.exec(key);
  if (piece?.[1] && !FORBIDDEN.has(piece[1])) return { kind: 'piece', part: piece[1], index: Number(piece[2]) };
  const usage = USAGE_KEY.exec(key);
  if (usage?.[1] && !FORBIDDEN.has(usage[1])) return { kind: 'usage', deviceId: usage[1], index: Number(usage[2]) };
  return null;
}

/**
 * Keys to remove after writing `written`: the pieces of a rewritten part and the chunks of a
 * rewritten device that the new write no longer has (a part that shrank, days that rolled off).
 * Left behind they would only cost quota: readers ignore them (parts and chunks carry `at`).
 */
export function staleKeys(existingKeys: Iterable<string>, written: Readonly<Record<string, unknown>>): string[] {
  const parts = new Set<string>();
  const devices = new Set<string>();
  for (const key of Object.keys(written)) {
    const parsed = parseAnySyncKey(key);
    if (parsed?.kind === 'part' || parsed?.kind === 'piece') parts.add(parsed.part);
    else if (parsed?.kind === 'usage') devices.add(parsed.deviceId);
  }
  const stale: string[] = [];
  for (const key of existingKeys) {
    if (Object.hasOwn(written, key)) continue;
    const parsed = parseAnySyncKey(key);
    if (parsed?.kind === 'piece' && parts.has(parsed.part)) stale.push(key);
    else if (parsed?.kind === 'usage' && devices.has(parsed.deviceId)) stale.push(key);
  }
  return stale;
}

/** Bytes of a set of items, as the quota counts them. */
export function itemsBytes(items: Readonly<Record<string, unknown>>): number {
  let total = 0;
  for (const [key, value] of Object.entries(items)) total += itemBytes(key, value);
  return total;
}
