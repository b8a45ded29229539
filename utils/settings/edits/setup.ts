import type { PlatformId } from '@/utils/platforms/types';
import type { Settings } from '../model';
import { setFocusAccounts } from './focus-channels';
import type { EditResult } from './result';
import { createSpecialization } from './specializations';

/**
 * Ends the guided first run with the accepted (or edited) suggestion: a specialization with
 * these whole platforms, made active.
 */
export function completeSetup(
  settings: Settings, name: string, platforms: readonly PlatformId[], idFactory: () => string,
): EditResult<{ id: string }> {
  const created = createSpecialization(settings, name, idFactory);
  if (!created.ok) return created;
  let next = created.settings;
  for (const platform of new Set(platforms)) next = setFocusAccounts(next, created.id, platform, null);
  return {
    ok: true,
    id: created.id,
    settings: { ...next, activeSpecializationId: created.id, setup: { completed: true, skipped: false } },
  };
}

export function skipSetup(settings: Settings): Settings {
  return { ...settings, setup: { completed: true, skipped: true } };
}
