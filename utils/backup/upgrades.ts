// Versions: any export ever written can be read.

/** One step turns a parsed export of version n into version n + 1 (format fields included). */
export type ExportUpgrade = (old: Record<string, unknown>) => Record<string, unknown>;

/**
 * EXPORT_UPGRADES[n - 1] upgrades version n to n + 1; the list grows with EXPORT_VERSION, and
 * tests/fixtures/exports keeps an example file of every version. Version 1 is the first.
 */
export const EXPORT_UPGRADES: readonly ExportUpgrade[] = [];
