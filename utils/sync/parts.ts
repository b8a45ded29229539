import { isValidSourceId } from '@/utils/backup/checks';
import { SETTINGS_VERSION, type Settings } from '@/utils/settings/model';
import { parseSettings } from '@/utils/settings/parse';
import { settingsPartKey } from './layout';
import { joinPieces, partItems, type PartEnvelope } from './pieces';

// Settings across devices: each part is its own item, last writer wins per part.

/**
 * The parts that sync. Left out on purpose: tracking (pauses and private windows are per
 * browser), panel placement (per screen), setup and reports (per profile), and flags.snoozedUntil
 * (a snooze is for this moment on this device).
 */
export const SYNCED_PARTS = [
  'specializations', 'activeSpecializationId', 'clients', 'platforms', 'customHosts', 'flags', 'sourceNames',
] as const;

export type SyncedPart = (typeof SYNCED_PARTS)[number];

/** The sync item format this version writes; an item with a higher `v` is left alone. */
const PARTS_FORMAT = 1;

/** What of a part syncs: everything, except the per-device snoozes inside flags. */
function partValue(settings: Settings, part: SyncedPart): unknown {
  if (part === 'flags') {
    const { badge, notifyAfterMinutes, pauseScreen } = settings.flags;
    return { badge, notifyAfterMinutes, pauseScreen };
  }
  return settings[part];
}

/** JSON with object keys sorted, so equal values compare equal whatever order their keys have. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return item;
    const record = item as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).sort().map((key) => [key, record[key]]));
  });
}

/** The parts whose synced value differs (a new snooze changes no part). */
export function changedParts(before: Settings, after: Settings): SyncedPart[] {
  return SYNCED_PARTS.filter((part) => canonical(partValue(before, part)) !== canonical(partValue(after, part)));
}

/**
 * The items that publish `parts`: `s:<part>` -> { v: 1, at, by, sv, value }. A part whose item
 * would pass QUOTA_BYTES_PER_ITEM is cut into pieces (pieces.ts): LIMITS allows 100
 * specializations with 100 accounts of 200 characters per platform, far more than 8 KB.
 * After writing, remove staleKeys (layout.ts) so pieces of an older, longer write go.
 */
export function encodeParts(
  settings: Settings, parts: readonly SyncedPart[], at: number, deviceId: string,
): Record<string, unknown> {
  // Readers ignore parts whose writer is no device id: better to fail loudly here.
  if (!isValidSourceId(deviceId)) throw new RangeError(`Not a valid device id: ${deviceId}`);
  const items: Record<string, unknown> = {};
  for (const part of parts) {
    Object.assign(items, partItems(part, { v: PARTS_FORMAT, at, by: deviceId, sv: SETTINGS_VERSION }, partValue(settings, part)));
  }
  return items;
}

export interface RemotePartsResult {
  settings: Settings;
  partsAt: Record<string, number>;
  /** The writer of each part as applied (ties of `at` are decided by it). */
  partsBy: Record<string, string>;
  applied: SyncedPart[];
  ignored: { key: string; reason: string }[];
  /** Parts where this device holds the winning write but storage.sync does not: publish them again. */
  outdated: SyncedPart[];
}

/**
 * Dependencies first (a specialization names a client; the active id names a specialization),
 * for the one-by-one pass when the remote parts are not valid all together.
 */
const APPLY_ORDER: readonly SyncedPart[] = [
  'customHosts', 'platforms', 'clients', 'specializations', 'activeSpecializationId', 'flags', 'sourceNames',
];

type Candidate = { part: SyncedPart; key: string; at: number; by: string; value: unknown };

type ReadResult = { kind: 'none' } | { kind: 'ignored'; reason: string } | { kind: 'remote'; candidate: Candidate };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPart(part: SyncedPart, items: Readonly<Record<string, unknown>>): ReadResult {
  const key = settingsPartKey(part);
  if (!Object.hasOwn(items, key)) return { kind: 'none' };
  const raw = items[key];
  if (!isPlainObject(raw)) return { kind: 'ignored', reason: 'malformed: not an object' };
  const envelope = raw as Partial<PartEnvelope> & Record<string, unknown>;
  if (typeof envelope.v !== 'number' || !Number.isInteger(envelope.v)) return { kind: 'ignored', reason: 'malformed: no format version' };
  if (envelope.v > PARTS_FORMAT) return { kind: 'ignored', reason: `newer sync format ${envelope.v}` };
  if (envelope.v !== PARTS_FORMAT) return { kind: 'ignored', reason: `unknown sync format ${envelope.v}` };
  const { at, by, sv } = envelope;
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return { kind: 'ignored', reason: 'malformed: at' };
  if (typeof by !== 'string' || !isValidSourceId(by)) return { kind: 'ignored', reason: 'malformed: by' };
  if (typeof sv !== 'number' || !Number.isInteger(sv) || sv < 1) return { kind: 'ignored', reason: 'malformed: settings version' };
  // A newer release may have changed what the part means: keep ours until this one updates.
  if (sv > SETTINGS_VERSION) return { kind: 'ignored', reason: `newer settings version ${sv}` };
  if (Object.hasOwn(envelope, 'value')) return { kind: 'remote', candidate: { part, key, at, by, value: envelope.value } };
  const n = envelope.n;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) return { kind: 'ignored', reason: 'malformed: neither value nor pieces' };
  const joined = joinPieces(part, { at, by, n }, items);
  return joined.ok ? { kind: 'remote', candidate: { part, key, at, by, value: joined.value } } : { kind: 'ignored', reason: joined.reason };
}

function withPart(settings: Settings, part: SyncedPart, value: unknown): unknown {
  if (part !== 'flags') return { ...settings, [part]: value };
  // Snoozes never travel: the local ones stay whatever the remote flags say.
  const flags = isPlainObject(value) ? { ...value, snoozedUntil: settings.flags.snoozedUntil } : value;
  return { ...settings, flags };
}

function tryApply(settings: Settings, candidates: readonly Candidate[]): { ok: true; settings: Settings } | { ok: false; error: string } {
  let next: unknown = settings;
  for (const candidate of candidates) next = withPart(next as Settings, candidate.part, candidate.value);
  const parsed = parseSettings(next);
  return parsed.ok ? parsed : { ok: false, error: parsed.error };
}

/**
 * Applies the remote parts that are newer than what this device has (partsAt): last writer wins
 * per part; on equal `at` the larger `by` wins, so every device decides the same. `partsBy`
 * (optional) tells who wrote the local version; without it an equal `at` keeps the local part.
 * The result always passes parseSettings: a remote part that is malformed, from a newer format,
 * incomplete, or would make the settings invalid is ignored with a reason, and the local part
 * stays. `items` should be all of storage.sync (or at least every key of the changed parts).
 * Clocks are trusted: a device whose clock runs ahead wins until the others catch up.
 */
export function applyRemoteParts(
  local: Settings,
  partsAt: Readonly<Record<string, number>>,
  items: Readonly<Record<string, unknown>>,
  partsBy: Readonly<Record<string, string>> = {},
): RemotePartsResult {
  const ignored: { key: string; reason: string }[] = [];
  const outdated: SyncedPart[] = [];
  const newer: Candidate[] = [];
  for (const part of APPLY_ORDER) {
    const read = readPart(part, items);
    if (read.kind === 'none') continue;
    if (read.kind === 'ignored') {
      ignored.push({ key: settingsPartKey(part), reason: read.reason });
      continue;
    }
    const { at, by } = read.candidate;
    const localAt = Object.hasOwn(partsAt, part) ? partsAt[part] : undefined;
    const localBy = Object.hasOwn(partsBy, part) ? partsBy[part] : undefined;
    if (localAt === undefined || at > localAt) newer.push(read.candidate);
    else if (at < localAt) outdated.push(part);
    else if (localBy !== undefined && by > localBy) newer.push(read.candidate);
    else if (localBy !== undefined && by < localBy) outdated.push(part);
  }

  let settings = local;
  let applied: Candidate[] = [];
  const together = newer.length > 0 ? tryApply(local, newer) : null;
  if (together?.ok) {
    settings = together.settings;
    applied = newer;
  } else {
    // One at a time, again and again while any applies: one part may need another first.
    let pending = newer;
    const errors = new Map<SyncedPart, string>();
    let progress = true;
    while (progress && pending.length > 0) {
      progress = false;
      const rest: Candidate[] = [];
      for (const candidate of pending) {
        const result = tryApply(settings, [candidate]);
        if (result.ok) {
          settings = result.settings;
          applied.push(candidate);
          progress = true;
        } else {
          errors.set(candidate.part, result.error);
          rest.push(candidate);
        }
      }
      pending = rest;
    }
    for (const candidate of pending) {
      ignored.push({ key: candidate.key, reason: `invalid: ${errors.get(candidate.part) ?? 'rejected'}` });
    }
  }

  const nextAt: Record<string, number> = { ...partsAt };
  const nextBy: Record<string, string> = { ...partsBy };
  for (const candidate of applied) {
    nextAt[candidate.part] = candidate.at;
    nextBy[candidate.part] = candidate.by;
  }
  const appliedParts = new Set(applied.map((candidate) => candidate.part));
  return {
    settings,
    partsAt: nextAt,
    partsBy: nextBy,
    applied: SYNCED_PARTS.filter((part) => appliedParts.has(part)),
    ignored,
    outdated,
  };
}
