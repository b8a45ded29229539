import type { PlatformId } from '@/utils/platforms/types';

/**
 * The guided first run: the user picks target groups and goals, and gets two or three platforms
 * with one sentence why. Ids and i18n keys only; the sentences are in locales/. Keys are dotted
 * paths into the locale files (no hyphens: browser message names allow only letters, digits and
 * underscores).
 */

export const GOAL_IDS = [
  'b2b-dach', 'b2b-international', 'consumer-brands', 'local-business', 'gen-z',
  'visual-products', 'recruiting', 'creators',
] as const;

export type GoalId = (typeof GOAL_IDS)[number];

export interface Goal {
  id: GoalId;
  /** `audience`: who the user wants to reach; `goal`: what they want to achieve. */
  kind: 'audience' | 'goal';
  /** Best first: the first platform matters most when picks are combined. */
  platforms: readonly PlatformId[];
  labelKey: string;
  reasonKey: string;
}

function goal(id: GoalId, kind: Goal['kind'], textKey: string, platforms: readonly PlatformId[]): Goal {
  return { id, kind, platforms, labelKey: `setup.goal.${textKey}.label`, reasonKey: `setup.goal.${textKey}.reason` };
}

export const GOALS: readonly Goal[] = [
  goal('b2b-dach', 'audience', 'b2bDach', ['linkedin', 'xing']),
  goal('b2b-international', 'audience', 'b2bInternational', ['linkedin', 'youtube']),
  goal('consumer-brands', 'audience', 'consumerBrands', ['instagram', 'tiktok', 'facebook']),
  goal('local-business', 'audience', 'localBusiness', ['facebook', 'instagram']),
  goal('gen-z', 'audience', 'genZ', ['tiktok', 'instagram', 'youtube']),
  goal('visual-products', 'goal', 'visualProducts', ['instagram', 'pinterest', 'youtube']),
  goal('recruiting', 'goal', 'recruiting', ['linkedin', 'xing']),
  goal('creators', 'goal', 'creators', ['youtube', 'tiktok', 'instagram']),
];

/** A focus is most effective with two or three platforms; suggestions never go beyond. */
export const RECOMMENDED_MAX_PLATFORMS = 3;

export interface FocusSuggestion {
  platforms: PlatformId[];
  /** Reason keys of the picked goals that contributed a suggested platform, in pick order. */
  reasons: string[];
}

/**
 * Combines the picks: a platform scores 3, 2, 1 by its rank in each picked goal, so a platform
 * several picks share comes first; ties go to the earlier pick. At most three platforms.
 * Unknown ids are ignored.
 */
export function suggestFocus(goalIds: readonly string[]): FocusSuggestion {
  const picked = [...new Set(goalIds)]
    .map((id) => GOALS.find((candidate) => candidate.id === id))
    .filter((candidate): candidate is Goal => candidate !== undefined);
  const scores = new Map<PlatformId, { score: number; firstSeen: number }>();
  let seen = 0;
  for (const pick of picked) {
    pick.platforms.forEach((platform, rank) => {
      const entry = scores.get(platform) ?? { score: 0, firstSeen: seen++ };
      entry.score += Math.max(1, RECOMMENDED_MAX_PLATFORMS - rank);
      scores.set(platform, entry);
    });
  }
  const platforms = [...scores.entries()]
    .sort(([, a], [, b]) => b.score - a.score || a.firstSeen - b.firstSeen)
    .slice(0, RECOMMENDED_MAX_PLATFORMS)
    .map(([platform]) => platform);
  const reasons = picked
    .filter((pick) => pick.platforms.some((platform) => platforms.includes(platform)))
    .map((pick) => pick.reasonKey);
  return { platforms, reasons };
}

/** True when the chosen focus is larger than recommended: a gentle warning, never a block. */
export function focusSizeWarning(platformCount: number): boolean {
  return platformCount > RECOMMENDED_MAX_PLATFORMS;
}
