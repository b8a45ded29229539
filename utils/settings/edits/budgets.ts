import type { Settings } from '../model';
import { budgetKeys, findSpecialization } from '../queries';
import { validateBudgetMinutes } from '../validate';
import { fail, type EditResult } from './result';
import { updateSpecialization } from './specializations';

// A specialization's daily budgets: for all its time, and per focus key.

export function setTotalBudget(settings: Settings, specId: string, minutes: number | null): EditResult {
  if (!findSpecialization(settings, specId)) return fail('id', 'specialization-not-found');
  if (minutes !== null) {
    const error = validateBudgetMinutes(minutes);
    if (error) return fail('totalMinutes', error);
  }
  return {
    ok: true,
    settings: updateSpecialization(settings, specId, (spec) => ({ ...spec, budgets: { ...spec.budgets, totalMinutes: minutes } })),
  };
}

/** Sets or clears (null) the daily budget of one focus key (see `budgetKeys`). */
export function setChannelBudget(settings: Settings, specId: string, key: string, minutes: number | null): EditResult {
  const spec = findSpecialization(settings, specId);
  if (!spec) return fail('id', 'specialization-not-found');
  if (minutes !== null) {
    if (!budgetKeys(spec).includes(key)) return fail('channel', 'channel-not-in-focus');
    const error = validateBudgetMinutes(minutes);
    if (error) return fail('minutes', error);
  }
  return {
    ok: true,
    settings: updateSpecialization(settings, specId, (current) => {
      const perChannel = Object.fromEntries(Object.entries(current.budgets.perChannel).filter(([existing]) => existing !== key));
      if (minutes !== null) perChannel[key] = minutes;
      return { ...current, budgets: { ...current.budgets, perChannel } };
    }),
  };
}
