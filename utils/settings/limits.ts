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
} as const;
