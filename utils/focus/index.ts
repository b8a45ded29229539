/**
 * The specialization rules, pure: whether a channel is tracked at a moment, in focus or flagged
 * (`classify.ts`), working hours in their own time zone (`working-hours.ts`, on the engine in
 * `utils/time-zone.ts`), budgets (`budgets.ts`) and today's focus share (`usage.ts`).
 */
export {
  classify,
  focusStatus,
  isInSpecialization,
  isSnoozed,
  nextClassificationChange,
  recordedChannel,
  type FocusStatus,
} from './classify';
export { isWithinWorkingHours, nextWorkingHoursBoundary } from './working-hours';
export {
  budgetForChannel,
  budgetForKey,
  budgetStatus,
  usedForBudgetKey,
  type BudgetStatus,
} from './budgets';
export { focusShare, type UsageRow } from './usage';
