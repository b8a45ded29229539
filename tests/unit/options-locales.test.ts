import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALIDATION_MESSAGE_KEYS } from '@/components/options/fields';
import { GOALS } from '@/utils/suggestions';

const GROUPS = ['options', 'setup', 'data'];

/** The text of a message (none of these groups uses plural forms). */
const textOf = (message: ParsedMessage | undefined) => (message && 'message' in message ? message.message : undefined);

async function messages(language: 'en' | 'de'): Promise<Map<string, ParsedMessage>> {
  const parsed = await parseMessagesFile(resolve(import.meta.dirname, '../../locales', `${language}.yml`));
  return new Map(parsed.filter((message) => GROUPS.includes(message.key[0]!)).map((message) => [message.key.join('.'), message]));
}

// That every key exists in both languages is tests/unit/locales.test.ts's job, for all groups.
describe('options, setup and data strings', () => {
  it('hold every key the three pages ask for, with text, in both languages', async () => {
    // Keys written out in the source (`i18n.t('options.…')`, `t('data.…')`); keys built at run time are not seen.
    const sources = [
      ...readdirSync(resolve(import.meta.dirname, '../../components/options')).map((file) => `components/options/${file}`),
      'utils/options-data.ts', 'utils/suggestions.ts',
    ].filter((file) => /\.tsx?$/.test(file));
    const used = new Set(sources.flatMap((file) => [...readFileSync(resolve(import.meta.dirname, '../..', file), 'utf8')
      .matchAll(/['"`]((?:options|setup|data)(?:\.[A-Za-z0-9_]+)+)['"`]/g)].map((match) => match[1]!)));
    expect(used.size).toBeGreaterThan(150);
    for (const language of ['en', 'de'] as const) {
      const found = await messages(language);
      for (const key of used) expect(textOf(found.get(key))?.trim(), `${language} ${key}`).toBeTypeOf('string');
      for (const [key, message] of found) expect(textOf(message)?.trim(), `${language} ${key}`).not.toBe('');
    }
  });

  it('hold a label and a reason for every setup goal (their keys are built at run time)', async () => {
    for (const language of ['en', 'de'] as const) {
      const found = await messages(language);
      for (const goal of GOALS) {
        for (const key of [goal.labelKey, goal.reasonKey]) expect(textOf(found.get(key))?.trim(), `${language} ${key}`).toBeTruthy();
      }
    }
  });

  it('explain every validation code of the settings', async () => {
    for (const language of ['en', 'de'] as const) {
      const found = await messages(language);
      for (const key of VALIDATION_MESSAGE_KEYS) expect(found.has(key), `${language} ${key}`).toBe(true);
    }
    // One sentence per code: 28 for the settings, 10 for clients and sources.
    expect(VALIDATION_MESSAGE_KEYS.length).toBe(38);
  });

  it('address German users formally', async () => {
    const german = await messages('de');
    for (const [key, message] of german) expect(textOf(message), key).not.toMatch(/\b(du|dich|dir|dein|deine|deinen)\b/i);
  });
});
