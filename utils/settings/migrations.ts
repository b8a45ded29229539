// Migrations: bring a stored settings object of an earlier version to the current one.

/** One step migrates a stored object of version n to version n + 1. */
export type SettingsMigration = (old: Record<string, unknown>) => Record<string, unknown>;

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * v1 -> v2: clients, names of imported browsers and the weekly reminder arrive; no specialization
 * belongs to a client yet. Fields only get their default where missing: a v1 object never has
 * them, and keeping those present lets an import attach a file's top-level clients to the
 * file's v1 settings before they are read (utils/backup/import.ts).
 */
export const settingsV1ToV2: SettingsMigration = (old) => ({
  clients: [],
  sourceNames: {},
  reports: { weeklyReminder: false },
  ...old,
  specializations: Array.isArray(old.specializations)
    ? old.specializations.map((spec: unknown) => (isPlainRecord(spec) ? { clientId: null, ...spec } : spec))
    : old.specializations,
});

/** SETTINGS_MIGRATIONS[i] migrates version i + 1 to version i + 2. v1 is the first version. */
export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [settingsV1ToV2];

export type MigrationResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/**
 * Brings a stored settings object of any earlier version to the current one. The target version
 * is `migrations.length + 1`, so the list and SETTINGS_VERSION must grow together.
 */
export function migrateSettings(
  value: unknown, migrations: readonly SettingsMigration[] = SETTINGS_MIGRATIONS,
): MigrationResult {
  if (!isPlainRecord(value)) return { ok: false, error: 'settings: expected an object' };
  const version = value.version;
  const current = migrations.length + 1;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'settings.version: expected a whole number from 1' };
  }
  if (version > current) {
    return { ok: false, error: `settings.version: ${version} comes from a newer version of Channel Focus (this one reads up to ${current})` };
  }
  let migrated: Record<string, unknown> = value;
  for (let step = version; step < current; step += 1) {
    const migration = migrations[step - 1];
    if (!migration) return { ok: false, error: `settings.version: no migration from ${step}` };
    try {
      migrated = { ...migration(migrated), version: step + 1 };
    } catch {
      return { ok: false, error: `settings: the stored version ${step} could not be migrated` };
    }
  }
  return { ok: true, value: migrated };
}
