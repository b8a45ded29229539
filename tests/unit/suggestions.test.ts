import { describe, expect, it } from 'vitest';
import { PLATFORM_IDS } from '@/utils/platforms/types';
import {
  GOALS,
  GOAL_IDS,
  RECOMMENDED_MAX_PLATFORMS,
  focusSizeWarning,
  suggestFocus,
} from '@/utils/suggestions';
import { localeTexts } from './dashboard-locale';

const TEXTS = { en: await localeTexts('en'), de: await localeTexts('de') };

describe('goals', () => {
  it('every goal suggests two or three distinct built-in platforms', () => {
    expect(GOALS.map((goal) => goal.id)).toEqual([...GOAL_IDS]);
    for (const goal of GOALS) {
      expect(goal.platforms.length).toBeGreaterThanOrEqual(2);
      expect(goal.platforms.length).toBeLessThanOrEqual(3);
      expect(new Set(goal.platforms).size).toBe(goal.platforms.length);
      for (const platform of goal.platforms) expect(PLATFORM_IDS).toContain(platform);
    }
  });

  it('every label and reason has English and German text in locales/, the German translated', () => {
    for (const goal of GOALS) {
      for (const key of [goal.labelKey, goal.reasonKey]) {
        expect(TEXTS.en.get(key)?.length ?? 0, key).toBeGreaterThan(0);
        expect(TEXTS.de.get(key)?.length ?? 0, key).toBeGreaterThan(0);
        expect(TEXTS.de.get(key), key).not.toBe(TEXTS.en.get(key));
      }
    }
  });

  it('keys become valid browser message names (letters, digits, underscores once dots are nested)', () => {
    for (const goal of GOALS) {
      for (const key of [goal.labelKey, goal.reasonKey]) expect(key).toMatch(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)*$/);
    }
  });

  it('every reason names the platforms its goal suggests', () => {
    const names: Record<string, string> = { linkedin: 'LinkedIn', xing: 'XING', youtube: 'YouTube', instagram: 'Instagram', tiktok: 'TikTok', facebook: 'Facebook', pinterest: 'Pinterest' };
    for (const goal of GOALS) {
      for (const texts of [TEXTS.en, TEXTS.de]) {
        for (const platform of goal.platforms) expect(texts.get(goal.reasonKey), goal.reasonKey).toContain(names[platform]);
      }
    }
  });
});

describe('suggestFocus', () => {
  it('single picks give their platforms and reason', () => {
    expect(suggestFocus(['b2b-dach'])).toEqual({ platforms: ['linkedin', 'xing'], reasons: ['setup.goal.b2bDach.reason'] });
    expect(suggestFocus(['visual-products']).platforms).toEqual(['instagram', 'pinterest', 'youtube']);
    expect(suggestFocus(['recruiting']).platforms).toEqual(['linkedin', 'xing']);
  });

  it('a platform that several picks share comes first', () => {
    const result = suggestFocus(['visual-products', 'local-business']);
    expect(result.platforms).toEqual(['instagram', 'facebook', 'pinterest']);
    expect(result.reasons).toEqual(['setup.goal.visualProducts.reason', 'setup.goal.localBusiness.reason']);
  });

  it('never suggests more than three platforms, however many picks', () => {
    const all = suggestFocus([...GOAL_IDS]);
    expect(all.platforms).toHaveLength(RECOMMENDED_MAX_PLATFORMS);
    expect(new Set(all.platforms).size).toBe(RECOMMENDED_MAX_PLATFORMS);
  });

  it('gives only the reasons of picks that contributed a platform', () => {
    const result = suggestFocus(['consumer-brands', 'gen-z', 'b2b-dach']);
    for (const reason of result.reasons) {
      const goal = GOALS.find((candidate) => candidate.reasonKey === reason);
      expect(goal?.platforms.some((platform) => result.platforms.includes(platform))).toBe(true);
    }
    expect(result.platforms).not.toContain('xing');
  });

  it('ties go to the earlier pick', () => {
    expect(suggestFocus(['b2b-dach', 'consumer-brands']).platforms).toEqual(['linkedin', 'instagram', 'xing']);
    expect(suggestFocus(['consumer-brands', 'b2b-dach']).platforms).toEqual(['instagram', 'linkedin', 'tiktok']);
  });

  it('ignores unknown and repeated ids; nothing picked suggests nothing', () => {
    expect(suggestFocus(['b2b-dach', 'b2b-dach', 'astrology'])).toEqual(suggestFocus(['b2b-dach']));
    expect(suggestFocus([])).toEqual({ platforms: [], reasons: [] });
    expect(suggestFocus(['astrology'])).toEqual({ platforms: [], reasons: [] });
  });
});

describe('focusSizeWarning', () => {
  it('warns above three platforms only', () => {
    expect(focusSizeWarning(0)).toBe(false);
    expect(focusSizeWarning(3)).toBe(false);
    expect(focusSizeWarning(4)).toBe(true);
  });
});
