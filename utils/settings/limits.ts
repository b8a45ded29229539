/** Every bound the editor, the validators and the schema share. */
export const LIMITS = {
  nameMaxLength: 60,
  budgetMinutes: { min: 1, max: 24 * 60 },
  idleThresholdSeconds: { min: 15, max: 3600, default: 60 },
  retentionDays: { min: 1, max: 3650 },
  notifyAfterMinutes: { min: 1, max: 24 * 60 },
  accountMaxLength: 200,
  accountsPerPlatform: 100,
  specializations: 100,
  customHosts: 200,
  /** Client names share the specialization name's bound (nameMaxLength). */
  clients: 100,
  /** A name the user gives an imported browser (Settings.sourceNames). */
  sourceNameMaxLength: 60,
} as const;

/** A client's colour: `#rrggbb`, what `<input type="color">` gives. */
export const CLIENT_COLOR_PATTERN = /^#[0-9a-f]{6}$/i;

/** The colour a client gets when its stored one is unreadable. */
export const DEFAULT_CLIENT_COLOR = '#5b6b7f';

/** A source id (Settings.sourceNames): the form of utils/backup/checks.ts, which settings must not import. */
export const SOURCE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
