// Migrations: bring a stored settings object of an earlier version to the current one.

/** One step migrates a stored object of version n to version n + 1. */
export type SettingsMigration = (old: Record<string, unknown>) => Record<string, unknown>;

/** SETTINGS_MIGRATIONS[i] migrates version i + 1 to version i + 2. v1 is the first version. */
export const SETTINGS_MIGRATIONS: readonly SettingsMigration[] = [];

export type MigrationResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

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
