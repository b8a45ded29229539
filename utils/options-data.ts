import { detectChannel, parseChannelKey } from '@/utils/channels';
import type { ImportError, ImportErrorCode, UsageHistory } from '@/utils/backup';
import { PLATFORMS } from '@/utils/platforms';
import type { PlatformId } from '@/utils/platforms/types';
import { LIMITS } from '@/utils/settings';
import {
  IMPORTED_KEY, decodeEnvelope, encodeEnvelope, importedUsage, quarantineKey, usageDay, usageKey,
} from '@/utils/storage';
import type { TotalsByDate } from '@/utils/tracking/totals';

/**
 * Pure helpers of the options page: what the usage history says about accounts and channels,
 * which storage items a change of the history writes, and the words for an import error.
 * Translations come in as a function, so this file needs no browser.
 */

/** Looks up a message by its dotted key; `subs` fill `$1`..`$9`. */
export type Translate = (key: string, subs?: readonly string[]) => string;

// ---------------------------------------------------------------------------------------------
// What the history has seen.

/** Accounts seen per built-in platform in the history, sorted, each once: the editor's autocomplete. */
export function seenAccounts(days: TotalsByDate): Partial<Record<PlatformId, string[]>> {
  const found = new Map<PlatformId, Set<string>>();
  for (const day of Object.values(days)) {
    for (const key of Object.keys(day)) {
      const channel = parseChannelKey(key);
      if (!channel || channel.platform === 'custom' || channel.account === null) continue;
      const accounts = found.get(channel.platform) ?? new Set<string>();
      accounts.add(channel.account);
      found.set(channel.platform, accounts);
    }
  }
  return Object.fromEntries([...found].map(([platform, accounts]) => [platform, [...accounts].sort()]));
}

/** Every channel key in the history, sorted by platform and account: "Delete one channel's history". */
export function seenChannelKeys(days: TotalsByDate): string[] {
  const keys = new Set<string>();
  for (const day of Object.values(days)) for (const key of Object.keys(day)) keys.add(key);
  return [...keys].sort();
}

/**
 * An account the user typed or pasted for a platform's "only these accounts" list: a profile
 * URL gives its account (`https://www.linkedin.com/company/acme/` gives `company/acme`), X's
 * `@acme` gives `acme`; anything else is taken as typed, trimmed. Null when empty or too long.
 */
export function accountFromInput(platform: PlatformId, input: string): string | null {
  const text = input.trim();
  if (text === '' || text.length > LIMITS.accountMaxLength) return null;
  const looksLikeUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || PLATFORMS[platform].hosts.some((host) => text.startsWith(`${host}/`) || text.startsWith(`www.${host}/`));
  if (looksLikeUrl) {
    const channel = detectChannel(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (channel && channel.platform === platform && channel.account !== null) return channel.account;
  }
  if (platform === 'x' && text.startsWith('@') && text.length > 1) return text.slice(1);
  return text;
}

// ---------------------------------------------------------------------------------------------
// Writing a changed history.

export interface StoragePlan {
  /** One `storage.local.set` with these items. */
  set: Record<string, unknown>;
  /** Then one `storage.local.remove` of these keys (dates left without time). */
  remove: string[];
}

/**
 * The storage writes that turn `before` into `after`: every own date whose totals changed is
 * written, dates that are gone are removed, and the imported time is written as a whole when it
 * changed. Unchanged days are recognised by identity (utils/backup/ returns them as they were).
 * An item about to be replaced that cannot be read is copied to quarantine first, in the same write.
 */
export function planHistoryWrite(
  all: Record<string, unknown>, before: UsageHistory, after: UsageHistory, now: number,
): StoragePlan {
  const plan: StoragePlan = { set: {}, remove: [] };
  const keepAside = (key: string) => {
    const raw = all[key];
    if (raw === undefined) return;
    const outcome = key === IMPORTED_KEY ? decodeEnvelope(importedUsage, raw) : decodeEnvelope(usageDay, raw);
    if (outcome.status === 'unreadable') {
      plan.set[quarantineKey(key, now)] = raw;
    }
  };
  for (const [date, day] of Object.entries(after.own)) {
    if (before.own[date] === day) continue;
    keepAside(usageKey(date));
    plan.set[usageKey(date)] = encodeEnvelope(usageDay, day);
  }
  for (const date of Object.keys(before.own)) {
    if (!Object.hasOwn(after.own, date)) plan.remove.push(usageKey(date));
  }
  if (after.imported !== before.imported) {
    keepAside(IMPORTED_KEY);
    if (Object.keys(after.imported).length === 0) plan.remove.push(IMPORTED_KEY);
    else plan.set[IMPORTED_KEY] = encodeEnvelope(importedUsage, after.imported);
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Import errors in the user's language.

const ERROR_KEYS: Readonly<Record<ImportErrorCode, string>> = {
  'too-large': 'tooLarge', empty: 'empty', 'not-json': 'notJson', 'not-an-object': 'notAnObject',
  unreadable: 'unreadable', 'forbidden-key': 'forbiddenKey', 'wrong-format': 'wrongFormat',
  'version-missing': 'versionMissing', 'version-invalid': 'versionInvalid',
  'version-from-future': 'versionFromFuture', 'upgrade-failed': 'upgradeFailed',
  'field-missing': 'fieldMissing', 'field-invalid': 'fieldInvalid', 'row-not-object': 'rowNotObject',
  'date-invalid': 'dateInvalid', 'platform-invalid': 'platformInvalid', 'account-invalid': 'accountInvalid',
  'account-required': 'accountRequired', 'seconds-invalid': 'secondsInvalid', 'seconds-too-large': 'secondsTooLarge',
  'milliseconds-mismatch': 'millisecondsMismatch', 'after-hours-exceeds-time': 'afterHoursExceedsTime',
  'duplicate-row': 'duplicateRow', 'day-too-long': 'dayTooLong', 'source-day-too-long': 'sourceDayTooLong',
  'too-many-sources': 'tooManySources', 'date-after-tomorrow': 'dateAfterTomorrow', 'backup-damaged': 'backupDamaged',
  'client-invalid': 'clientInvalid', 'account-in-two-clients': 'accountInTwoClients',
};

/** Fields an import error can name, with a sentence of what each must hold (data.expected.*). */
const EXPECTED_FIELDS = new Set([
  'exportedAt', 'source', 'settings', 'usage', 'date', 'platform', 'account', 'seconds', 'milliseconds',
  'afterHoursSeconds', 'afterHoursMilliseconds', 'focus',
]);

/** The core writes a few values in English words; everything else it shows is JSON, the same in every language. */
const FOUND_WORDS: Readonly<Record<string, string>> = {
  nothing: 'data.found.nothing', 'a list': 'data.found.list', 'an object': 'data.found.object',
  missing: 'data.found.nothing', text: 'data.found.text',
  'a number': 'data.found.number', 'a boolean': 'data.found.boolean',
};

/** A channel key is at most this long in storage and files (utils/backup/, DayTotalsSchema). */
const MAX_CHANNEL_KEY_LENGTH = 300;

function megabytes(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

/**
 * The message for an import error, in the language of `t`: which row and field, what was found
 * and what was expected. `locale` formats the numbers of the size message.
 */
export function importErrorMessage(error: Pick<ImportError, 'code' | 'params'>, t: Translate, locale: string): string {
  const p = error.params;
  const text = (name: string) => String(p[name] ?? '');
  const found = () => {
    const value = text('found');
    const word = FOUND_WORDS[value];
    return word ? t(word) : value;
  };
  const where = p.row === null || p.row === undefined ? t('data.where.file') : t('data.where.row', [String(p.row)]);
  const field = text('field');
  const key = `data.importError.${ERROR_KEYS[error.code]}`;
  switch (error.code) {
    case 'too-large':
      return t(key, [megabytes(Number(p.size), locale), megabytes(Number(p.maxBytes), locale)]);
    case 'not-json':
      return t(key, [text('detail')]);
    case 'not-an-object':
    case 'wrong-format':
    case 'version-invalid':
      return t(key, [found()]);
    case 'forbidden-key':
      return t(key, [text('key'), text('path')]);
    case 'version-from-future':
    case 'upgrade-failed':
      return t(key, [text('version'), text('supported')]);
    case 'field-missing':
    case 'account-required':
      return t(key, [where, field]);
    case 'client-invalid':
      return t(key, [p.client === null || p.client === undefined ? t('data.where.file') : String(p.client), field || 'clients', found()]);
    case 'account-in-two-clients':
      return t(key, [p.account === null || p.account === undefined ? text('platform') : `${text('platform')}:${text('account')}`, text('first'), text('second')]);
    case 'field-invalid': {
      const expected = EXPECTED_FIELDS.has(field) ? t(`data.expected.${field}`) : t('data.expected.other');
      return t(key, [where, field, expected, found()]);
    }
    case 'row-not-object':
    case 'date-invalid':
    case 'platform-invalid':
      return t(key, [where, found()]);
    case 'account-invalid':
      return t(key, [where, found(), String(MAX_CHANNEL_KEY_LENGTH)]);
    case 'seconds-invalid':
    case 'seconds-too-large':
      return t(key, [where, field, found()]);
    case 'milliseconds-mismatch':
      return t(key, [where, field, found(), text('secondsField'), text('seconds')]);
    case 'after-hours-exceeds-time':
      return t(key, [where, field, found(), text('total')]);
    case 'duplicate-row':
      return t(key, [where, text('firstRow'), text('date'), text('channel'), text('focus')]);
    case 'day-too-long':
      return t(key, [where, text('date'), text('channel'), text('seconds')]);
    case 'source-day-too-long':
      return t(key, [text('date'), text('source'), text('seconds')]);
    case 'too-many-sources':
      return t(key, [text('count'), text('max')]);
    case 'date-after-tomorrow':
      return t(key, [where, text('date'), text('latest')]);
    case 'backup-damaged':
      return t(key, [text('path'), found()]);
    case 'empty':
    case 'unreadable':
    case 'version-missing':
      return t(key);
  }
}

/** Every key importErrorMessage may use, for the test that both languages have them all. */
export const IMPORT_MESSAGE_KEYS: readonly string[] = [
  ...Object.values(ERROR_KEYS).map((name) => `data.importError.${name}`),
  ...[...EXPECTED_FIELDS, 'other'].map((field) => `data.expected.${field}`),
  ...new Set(Object.values(FOUND_WORDS)),
  'data.where.file', 'data.where.row',
];
