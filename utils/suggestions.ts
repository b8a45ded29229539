import type { PlatformId } from '@/utils/platforms/types';

/**
 * The guided first run: the user picks target groups and goals, and gets two or three platforms
 * with one sentence why. Ids and i18n keys only; the sentences are in SUGGESTION_TEXT until they
 * move to locales/. Keys are dotted paths into the locale files (no hyphens: browser message
 * names allow only letters, digits and underscores).
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

export function isGoalId(id: string): id is GoalId {
  return (GOAL_IDS as readonly string[]).includes(id);
}

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

export const SUGGESTION_TEXT = {
  en: {
    'setup.audienceTitle': 'Who do you want to reach?',
    'setup.goalTitle': 'What do you want to achieve?',
    'setup.focusSizeWarning': 'A focus is most effective with two or three platforms. You have chosen $1.',
    'setup.goal.b2bDach.label': 'Businesses in Germany, Austria and Switzerland (B2B DACH)',
    'setup.goal.b2bDach.reason': 'Decision-makers in the German-speaking market are on LinkedIn, and many still keep their network on XING.',
    'setup.goal.b2bInternational.label': 'Businesses worldwide (B2B international)',
    'setup.goal.b2bInternational.reason': 'LinkedIn is where professionals meet worldwide; YouTube carries the explainers and webinars that buyers search for.',
    'setup.goal.consumerBrands.label': 'Consumers, for a brand',
    'setup.goal.consumerBrands.reason': 'Consumers discover brands on Instagram and TikTok; Facebook still reaches the older half of them.',
    'setup.goal.localBusiness.label': 'Customers near a local business',
    'setup.goal.localBusiness.reason': 'People look up local shops and services on Facebook and Instagram for opening hours, photos and reviews.',
    'setup.goal.genZ.label': 'A young audience (Gen Z)',
    'setup.goal.genZ.reason': 'Gen Z spends its social media time on TikTok, Instagram and YouTube.',
    'setup.goal.visualProducts.label': 'Show visual products',
    'setup.goal.visualProducts.reason': 'Products that sell by their looks belong on Instagram, Pinterest and YouTube, where people browse by image and video.',
    'setup.goal.recruiting.label': 'Recruit staff',
    'setup.goal.recruiting.reason': 'Candidates check employers on LinkedIn; in the German-speaking region XING reaches many more specialists.',
    'setup.goal.creators.label': 'Build a personal audience as a creator',
    'setup.goal.creators.reason': 'Creators grow on YouTube, TikTok and Instagram, where recommendation feeds bring new viewers.',
  },
  de: {
    'setup.audienceTitle': 'Wen möchten Sie erreichen?',
    'setup.goalTitle': 'Was möchten Sie erreichen?',
    'setup.focusSizeWarning': 'Ein Fokus wirkt am besten mit zwei oder drei Plattformen. Sie haben $1 gewählt.',
    'setup.goal.b2bDach.label': 'Unternehmen in Deutschland, Österreich und der Schweiz (B2B DACH)',
    'setup.goal.b2bDach.reason': 'Entscheider im deutschsprachigen Markt sind auf LinkedIn, und viele pflegen ihr Netzwerk weiterhin auf XING.',
    'setup.goal.b2bInternational.label': 'Unternehmen weltweit (B2B international)',
    'setup.goal.b2bInternational.reason': 'Auf LinkedIn treffen sich Fachleute weltweit; auf YouTube suchen Einkäufer nach Erklärvideos und Webinaren.',
    'setup.goal.consumerBrands.label': 'Konsumenten, für eine Marke',
    'setup.goal.consumerBrands.reason': 'Konsumenten entdecken Marken auf Instagram und TikTok; Facebook erreicht weiterhin die ältere Hälfte.',
    'setup.goal.localBusiness.label': 'Kunden in der Nähe eines lokalen Geschäfts',
    'setup.goal.localBusiness.reason': 'Wer lokale Geschäfte und Dienstleister sucht, findet Öffnungszeiten, Fotos und Bewertungen auf Facebook und Instagram.',
    'setup.goal.genZ.label': 'Eine junge Zielgruppe (Gen Z)',
    'setup.goal.genZ.reason': 'Die Gen Z verbringt ihre Zeit in sozialen Medien auf TikTok, Instagram und YouTube.',
    'setup.goal.visualProducts.label': 'Visuelle Produkte zeigen',
    'setup.goal.visualProducts.reason': 'Produkte, die über ihr Aussehen verkaufen, gehören auf Instagram, Pinterest und YouTube, wo man in Bildern und Videos stöbert.',
    'setup.goal.recruiting.label': 'Personal gewinnen',
    'setup.goal.recruiting.reason': 'Bewerber informieren sich auf LinkedIn über Arbeitgeber; im deutschsprachigen Raum erreicht XING zusätzlich viele Fachkräfte.',
    'setup.goal.creators.label': 'Eigene Reichweite als Creator aufbauen',
    'setup.goal.creators.reason': 'Creator wachsen auf YouTube, TikTok und Instagram, wo Empfehlungs-Feeds neue Zuschauer bringen.',
  },
} as const;
