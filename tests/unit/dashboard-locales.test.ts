import { parseMessagesFile, type ParsedMessage } from '@wxt-dev/i18n/build';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

async function dashboardMessages(language: string): Promise<Map<string, ParsedMessage>> {
  const messages = await parseMessagesFile(resolve(import.meta.dirname, '../../locales', `${language}.yml`));
  return new Map(messages.filter((message) => message.key[0] === 'dashboard').map((message) => [message.key.join('.'), message]));
}

describe('dashboard strings', () => {
  it('exist in German for every English key, with the same substitutions and plural form', async () => {
    const english = await dashboardMessages('en');
    const german = await dashboardMessages('de');
    expect(english.size).toBeGreaterThan(40);
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, message] of english) {
      const translation = german.get(key)!;
      expect({ key, type: translation.type, substitutions: translation.substitutions })
        .toEqual({ key, type: message.type, substitutions: message.substitutions });
    }
  });
});
