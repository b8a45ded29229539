import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

async function messages(language: 'en' | 'de'): Promise<Map<string, ParsedMessage>> {
  const parsed = await parseMessagesFile(resolve(import.meta.dirname, '../../locales', `${language}.yml`));
  return new Map(parsed.map((message) => [message.key.join('.'), message]));
}

/** The `$1`..`$9` placeholders a message uses, sorted, once each (over all plural forms). */
function placeholders(message: ParsedMessage): string[] {
  const text = 'message' in message ? message.message : Object.values(message.plurals).join(' ');
  return [...new Set(text.replace(/\$\$/g, '').match(/\$[1-9]/g) ?? [])].sort();
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
      for (const m of [message, translation]) {
        const texts = 'message' in m ? [m.message] : Object.values(m.plurals);
        for (const text of texts) expect(text.trim(), key).not.toBe('');
      }
      // The same placeholders, each one, not only as many (Chrome's $1..$9; $$ is a dollar sign).
      expect(placeholders(translation), key).toEqual(placeholders(message));
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
