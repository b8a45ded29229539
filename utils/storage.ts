/**
 * Every storage item, its key, version and migrations, in one place.
 *
 * Values are stored as `{ version, value }` envelopes. Reading runs the item's migrations step by
 * step; a value that cannot be read (unknown shape, a version from the future, a failed
 * migration) is kept aside under a quarantine key, reported, and replaced by the safe default
 * only in memory — the stored original is never overwritten by the read.
 */

export interface Envelope<T> {
  version: number;
  value: T;
}

export interface ItemDefinition<T> {
  key: string;
  area: 'local' | 'session';
  version: number;
  /** migrations[n] turns a version n+1 value into a version n+2 value. */
  migrations: readonly ((old: unknown) => unknown)[];
  /** Validates the migrated value; returns null for an unusable one. */
  parse(value: unknown): T | null;
  fallback(): T;
}

export type ReadOutcome<T> =
  | { status: 'ok'; value: T; migratedFrom?: number }
  | { status: 'missing'; value: T }
  | { status: 'unreadable'; value: T; reason: string; raw: unknown };

/** Decodes a stored raw value of an item; pure, so every old version can be tested. */
export function decodeItem<T>(item: ItemDefinition<T>, raw: unknown): ReadOutcome<T> {
  if (raw === undefined || raw === null) return { status: 'missing', value: item.fallback() };
  const unreadable = (reason: string): ReadOutcome<T> => ({ status: 'unreadable', value: item.fallback(), reason, raw });
  if (typeof raw !== 'object' || Array.isArray(raw)) return unreadable('not an envelope');
  const { version, value } = raw as Partial<Envelope<unknown>>;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return unreadable('no valid version');
  if (version > item.version) return unreadable(`version ${version} is newer than this release (${item.version})`);
  let current: unknown = value;
  try {
    for (let v = version; v < item.version; v++) {
      const migrate = item.migrations[v - 1];
      if (!migrate) return unreadable(`no migration from version ${v}`);
      current = migrate(current);
    }
  } catch (error) {
    return unreadable(`migration failed: ${String(error)}`);
  }
  const parsed = item.parse(current);
  if (parsed === null) return unreadable('value does not match its schema');
  return version === item.version ? { status: 'ok', value: parsed } : { status: 'ok', value: parsed, migratedFrom: version };
}

export function encodeItem<T>(item: ItemDefinition<T>, value: T): Envelope<T> {
  return { version: item.version, value };
}

export const QUARANTINE_PREFIX = 'quarantine:';
