import type { Settings, WorkingHours } from '../model';
import { findSpecialization } from '../queries';
import { validateWorkingHours } from '../validate';
import { fail, type EditResult } from './result';
import { updateSpecialization } from './specializations';

export function setWorkingHours(settings: Settings, specId: string, hours: WorkingHours | null): EditResult {
  if (!findSpecialization(settings, specId)) return fail('id', 'specialization-not-found');
  if (hours !== null) {
    const errors = validateWorkingHours(hours);
    const first = Object.entries(errors)[0];
    if (first) return fail(first[0], first[1]);
  }
  const copy = hours ? { ...hours, days: [...new Set(hours.days)].sort((a, b) => a - b) } : null;
  return { ok: true, settings: updateSpecialization(settings, specId, (spec) => ({ ...spec, workingHours: copy })) };
}
