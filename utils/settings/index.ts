/**
 * Everything the user configures, in one versioned shape. Pure: validation, parsing, migrations
 * and the editor's reducers. Reducers never mutate their input and never save a broken state:
 * those that take user input return an `EditResult` and refuse invalid values with a stable code.
 *
 * One idea per file: model (types, defaults), limits, validate (field checks and their codes),
 * schema + parse (stored and imported values), migrations, queries, and edits/ by what they edit.
 * This file only re-exports; importing a single file keeps the others (and valibot) out.
 */

export {
  SETTINGS_VERSION, DEFAULT_PANEL_PLACEMENT, defaultSettings, defaultWorkingHours,
  type FocusChannel, type WorkingHours, type Specialization, type Client, type PanelPlacement,
  type Settings,
} from './model';
export { LIMITS, DEFAULT_CLIENT_COLOR } from './limits';
export {
  validateSpecializationName, validateClientName, validateBudgetMinutes, validateIdleThreshold, parseTimeOfDay,
  validateWorkingHours, validateCustomHost, type ValidationCode,
} from './validate';
export { ClientSchema } from './schema';
export { SETTINGS_MIGRATIONS, migrateSettings, settingsV1ToV2 } from './migrations';
export { parseSettings } from './parse';
export {
  activeSpecialization, findSpecialization, isPlatformTracked, budgetKeys, panelPlacement, firstFreeName,
  clientHolding, firstSharedClientChannel,
} from './queries';

export type { EditError, EditResult } from './edits/result';
export {
  createSpecialization, renameSpecialization, duplicateSpecialization, deleteSpecialization,
  restoreSpecialization, setActiveSpecialization, type RemovedSpecialization,
} from './edits/specializations';
export { toggleFocusPlatform, setFocusAccounts, addChannelToFocus } from './edits/focus-channels';
export { setTotalBudget, setChannelBudget } from './edits/budgets';
export { setWorkingHours } from './edits/working-hours';
export { setPlatformTracked } from './edits/platforms';
export { addCustomHost, removeCustomHost } from './edits/custom-hosts';
export {
  setIdleThreshold, setRecordAccounts, setCountPrivateWindows, setRetentionDays, pauseTracking, resumeTracking,
} from './edits/tracking';
export { setFlagLoudness, setNotifyAfterMinutes, snoozeFlag, clearExpiredSnoozes } from './edits/flags';
export { setPanelEdge, setPanelPlacement } from './edits/panel';
export { completeSetup, skipSetup } from './edits/setup';
export {
  createClient, renameClient, recolorClient, deleteClient, assignToClient, moveToClient, unassignFromClient,
  setSpecializationClient, renameSource, setWeeklyReminder,
} from './edits/clients';
