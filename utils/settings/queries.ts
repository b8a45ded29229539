import { channelKey } from '@/utils/channels';
import type { PlatformId } from '@/utils/platforms/types';
import { LIMITS } from './limits';
import { DEFAULT_PANEL_PLACEMENT, type PanelPlacement, type Settings, type Specialization } from './model';
import { nameKey } from './validate';

// Queries shared by the editor and the focus rules.

export function activeSpecialization(settings: Settings): Specialization | null {
  if (settings.activeSpecializationId === null) return null;
  return settings.specializations.find((spec) => spec.id === settings.activeSpecializationId) ?? null;
}

export function findSpecialization(settings: Settings, id: string): Specialization | null {
  return settings.specializations.find((spec) => spec.id === id) ?? null;
}

export function isPlatformTracked(settings: Settings, platform: PlatformId): boolean {
  return settings.platforms[platform]?.tracked ?? true;
}

/**
 * The keys a budget can be set on for this specialization: every focus platform (all its time),
 * and every listed account. Custom channels only have per-host keys.
 */
export function budgetKeys(spec: Specialization): string[] {
  return spec.channels.flatMap((entry) => {
    const accountKeys = (entry.accounts ?? []).map((account) => channelKey({ platform: entry.platform, account }));
    return entry.platform === 'custom' ? accountKeys : [entry.platform, ...accountKeys];
  });
}

export function panelPlacement(settings: Settings, key: string): PanelPlacement {
  return Object.hasOwn(settings.panel.perPlatform, key)
    ? settings.panel.perPlatform[key] ?? DEFAULT_PANEL_PLACEMENT
    : DEFAULT_PANEL_PLACEMENT;
}

/**
 * The first name `candidate(n)` for n = 1, 2, ... that no specialization uses, e.g. for the
 * localized "Acme (copy)", "Acme (copy 2)" of a duplicate.
 */
export function firstFreeName(settings: Settings, candidate: (n: number) => string): string {
  const taken = new Set(settings.specializations.map((spec) => nameKey(spec.name)));
  for (let n = 1; n <= LIMITS.specializations + 1; n += 1) {
    const name = candidate(n);
    if (!taken.has(nameKey(name))) return name;
  }
  return candidate(LIMITS.specializations + 2);
}
