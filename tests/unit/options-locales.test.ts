import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALIDATION_MESSAGE_KEYS } from '@/components/options/fields';
import { GOALS, SUGGESTION_TEXT } from '@/utils/suggestions';

const GROUPS = ['options', 'setup', 'data'];

/** The text of a message (none of these groups uses plural forms). */
const textOf = (message: ParsedMessage | undefined) => (message && 'message' in message ? message.message : undefined);

async function messages(language: 'en' | 'de'): Promise<Map<string, ParsedMessage>> {
  const parsed = await parseMessagesFile(resolve(import.meta.dirname, '../../locales', `${language}.yml`));
  return new Map(parsed.filter((message) => GROUPS.includes(message.key[0]!)).map((message) => [message.key.join('.'), message]));
}

// That every key exists in both languages is tests/unit/locales.test.ts's job, for all groups.
describe('options, setup and data strings', () => {
  it('cover the three pages', async () => {
    expect((await messages('en')).size).toBeGreaterThan(200);
  });

  it('hold the setup sentences of utils/suggestions.ts word for word, for every goal', async () => {
    for (const language of ['en', 'de'] as const) {
      const found = await messages(language);
      for (const [key, text] of Object.entries(SUGGESTION_TEXT[language])) expect(textOf(found.get(key)), key).toBe(text);
      for (const goal of GOALS) {
        expect(found.has(goal.labelKey), goal.labelKey).toBe(true);
        expect(found.has(goal.reasonKey), goal.reasonKey).toBe(true);
      }
    }
  });

  it('explain every validation code of the settings', async () => {
    for (const language of ['en', 'de'] as const) {
      const found = await messages(language);
      for (const key of VALIDATION_MESSAGE_KEYS) expect(found.has(key), `${language} ${key}`).toBe(true);
    }
    expect(VALIDATION_MESSAGE_KEYS.length).toBe(28);
  });

  it('address German users formally', async () => {
    const german = await messages('de');
    for (const [key, message] of german) expect(textOf(message), key).not.toMatch(/\b(du|dich|dir|dein|deine|deinen)\b/i);
  });
});
