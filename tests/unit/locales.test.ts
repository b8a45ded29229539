import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

async function messages(language: 'en' | 'de'): Promise<Map<string, ParsedMessage>> {
  const parsed = await parseMessagesFile(resolve(import.meta.dirname, '../../locales', `${language}.yml`));
  return new Map(parsed.map((message) => [message.key.join('.'), message]));
}

describe('UI strings', () => {
  it('exist in English and German for every key, with the same substitutions and plural form', async () => {
    const english = await messages('en');
    const german = await messages('de');
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, message] of english) {
      const translation = german.get(key)!;
      expect({ key, type: translation.type, substitutions: translation.substitutions })
        .toEqual({ key, type: message.type, substitutions: message.substitutions });
      for (const text of [message, translation].map((m) => ('message' in m ? m.message : m.plurals))) {
        expect(text, key).toBeTruthy();
      }
    }
  });

  it('use only names the browsers accept as message names', async () => {
    // chrome.i18n message names: ASCII letters, digits and underscores (dots become underscores).
    // Predefined `@@` messages come from the i18n module itself.
    const ours = [...(await messages('en')).keys()].filter((key) => !key.startsWith('@@'));
    expect(ours.length).toBeGreaterThan(100);
    for (const key of ours) expect(key, key).toMatch(/^[A-Za-z0-9_.]+$/);
  });
});
