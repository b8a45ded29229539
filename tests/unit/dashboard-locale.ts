import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing';
import { resolve } from 'node:path';

const localeFile = (language: 'en' | 'de') => resolve(import.meta.dirname, '../../locales', `${language}.yml`);

/**
 * Gives WXT's fake browser a working `i18n.getMessage` (and the matching UI language) that reads our own locales file through
 * @wxt-dev/i18n's build step, so component tests see the real English (or German) strings and
 * fail when a key is missing.
 */
export async function installLocale(language: 'en' | 'de'): Promise<void> {
  const parsed = await parseMessagesFile(localeFile(language));
  const messages = generateChromeMessages(parsed);
  fakeBrowser.i18n.getMessage = ((name: string, substitutions?: string | string[]) => {
    const message = Object.hasOwn(messages, name) ? messages[name]?.message : undefined;
    if (message === undefined) throw new Error(`No message "${name}" in locales/${language}.yml`);
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    // Chrome's rules: $1..$9 take the substitutions, $$ is a dollar sign.
    return message.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : values[Number(what) - 1] ?? ''));
  }) as typeof fakeBrowser.i18n.getMessage;
  // The browser's UI language, which pages that write dates in the words' language read.
  fakeBrowser.i18n.getUILanguage = () => (language === 'de' ? 'de-DE' : 'en-US');
}

/** The texts of locales/<language>.yml by dotted key (`setup.goal.genZ.label`); plural messages left out. */
export async function localeTexts(language: 'en' | 'de'): Promise<Map<string, string>> {
  const parsed = await parseMessagesFile(localeFile(language));
  return new Map(parsed.flatMap((message) => ('message' in message ? [[message.key.join('.'), message.message] as const] : [])));
}
