import { MAX_CHANNEL_KEY_LENGTH } from './checks';
import { EXPORT_FORMAT, MAX_DAY_SECONDS } from './format';

/**
 * Why an import (or a restore) is refused, and what it warns about: codes with their params, and
 * an English message for each.
 */

export type ImportErrorCode =
  | 'too-large' | 'empty' | 'not-json' | 'not-an-object' | 'unreadable' | 'forbidden-key'
  | 'wrong-format' | 'version-missing' | 'version-invalid' | 'version-from-future' | 'upgrade-failed'
  | 'field-missing' | 'field-invalid' | 'row-not-object'
  | 'date-invalid' | 'platform-invalid' | 'account-invalid' | 'account-required'
  | 'seconds-invalid' | 'seconds-too-large' | 'milliseconds-mismatch' | 'after-hours-exceeds-time'
  | 'duplicate-row' | 'day-too-long' | 'source-day-too-long' | 'too-many-sources' | 'date-after-tomorrow'
  | 'backup-damaged' | 'client-invalid' | 'account-in-two-clients';

export const IMPORT_ERROR_CODES: readonly ImportErrorCode[] = [
  'too-large', 'empty', 'not-json', 'not-an-object', 'unreadable', 'forbidden-key',
  'wrong-format', 'version-missing', 'version-invalid', 'version-from-future', 'upgrade-failed',
  'field-missing', 'field-invalid', 'row-not-object',
  'date-invalid', 'platform-invalid', 'account-invalid', 'account-required',
  'seconds-invalid', 'seconds-too-large', 'milliseconds-mismatch', 'after-hours-exceeds-time',
  'duplicate-row', 'day-too-long', 'source-day-too-long', 'too-many-sources', 'date-after-tomorrow',
  'backup-damaged', 'client-invalid', 'account-in-two-clients',
];

export type ImportWarningCode = 'settings-unusable' | 'unknown-platforms';

export type ImportParams = Record<string, string | number | null>;

/** English `message` for logs and as a fallback; views map `code` and `params` to their locale. */
export interface ImportError {
  code: ImportErrorCode;
  message: string;
  params: ImportParams;
}

const FIELD_EXPECTED: Readonly<Record<string, string>> = {
  exportedAt: 'an ISO 8601 time such as "2026-05-01T09:30:00.000Z"',
  source: 'an id of 1 to 64 letters, digits, "-" or "_"',
  settings: 'an object',
  usage: 'a list of rows',
  date: 'a date "YYYY-MM-DD"',
  platform: 'a platform id such as "linkedin"',
  account: 'text or null',
  seconds: 'a whole number',
  milliseconds: 'a whole number',
  afterHoursSeconds: 'a whole number',
  afterHoursMilliseconds: 'a whole number',
  focus: '"in", "out" or "none"',
  clients: 'a list of clients',
};

/** What each field of a client must hold (code `client-invalid`). */
const CLIENT_FIELD_EXPECTED: Readonly<Record<string, string>> = {
  clients: 'a list of at most 100 clients',
  id: 'an id of 1 to 100 characters that no other client has',
  name: 'a name of 1 to 60 characters',
  color: 'a colour "#rrggbb"',
  channels: 'a list of platforms, each once, with "accounts" null (the whole platform) or a list of accounts',
};

/** A value as it may appear in a message: short, never the whole of a big object. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function errorMessage(code: ImportErrorCode, p: ImportParams): string {
  const where = p.row === null || p.row === undefined ? 'The export' : `Usage row ${p.row}`;
  const field = `"${p.field ?? ''}"`;
  switch (code) {
    case 'too-large':
      return `The file is too large (${p.size} characters); the limit is ${p.maxBytes} bytes. Nothing was imported.`;
    case 'empty': return 'The file is empty.';
    case 'not-json': return `The file is not valid JSON, perhaps cut off or not an export (${p.detail}).`;
    case 'not-an-object': return `The file holds ${p.found}, not a Channel Focus export object.`;
    case 'unreadable': return 'The export could not be read.';
    case 'forbidden-key':
      return `The file contains the key "${p.key}" at ${p.path}; no Channel Focus export has it, so nothing was imported.`;
    case 'wrong-format':
      return `This is not a Channel Focus export: "format" is ${p.found}, expected "${EXPORT_FORMAT}".`;
    case 'version-missing': return 'The export has no "version".';
    case 'version-invalid': return `"version" must be a whole number from 1, found ${p.found}.`;
    case 'version-from-future':
      return `The export has version ${p.version}, written by a newer Channel Focus; this one reads up to version ${p.supported}. Update the extension, then import again.`;
    case 'upgrade-failed': return `The export of version ${p.version} could not be brought to version ${p.supported}.`;
    case 'field-missing': return `${where}: ${field} is missing.`;
    case 'field-invalid':
      return `${where}: ${field} must be ${FIELD_EXPECTED[String(p.field)] ?? 'of another type'}, found ${p.found}.`;
    case 'row-not-object': return `${where} must be an object with date, platform, account, seconds and focus, found ${p.found}.`;
    case 'date-invalid': return `${where}: "date" must be a real calendar date YYYY-MM-DD, found ${p.found}.`;
    case 'platform-invalid':
      return `${where}: "platform" must be a platform id of lower-case letters, digits and "-", found ${p.found}.`;
    case 'account-invalid':
      return `${where}: "account" must be null or text that keeps the channel key within ${MAX_CHANNEL_KEY_LENGTH} characters, found ${p.found}.`;
    case 'account-required': return `${where}: a custom channel needs its host in "account".`;
    case 'seconds-invalid': return `${where}: ${field} must be a whole number from 0, found ${p.found}.`;
    case 'seconds-too-large':
      return `${where}: ${field} is ${p.found}, more than the ${MAX_DAY_SECONDS} seconds (25 hours) of the longest day.`;
    case 'milliseconds-mismatch':
      return `${where}: ${field} (${p.found}) does not agree with "${p.secondsField}" (${p.seconds}).`;
    case 'after-hours-exceeds-time':
      return `${where}: ${field} gives ${p.found} ms after hours, more than the row's time (${p.total} ms).`;
    case 'duplicate-row':
      return `${where} repeats usage row ${p.firstRow}: the same date, channel and focus (${p.date}, ${p.channel}, ${p.focus}).`;
    case 'day-too-long':
      return `${where}: on ${p.date} the rows of channel ${p.channel} add up to ${p.seconds} seconds, more than the ${MAX_DAY_SECONDS} seconds (25 hours) of the longest day.`;
    case 'source-day-too-long':
      return `On ${p.date} the rows of browser ${p.source} add up to ${p.seconds} seconds over all channels, more than the ${MAX_DAY_SECONDS} seconds (25 hours) of the longest day.`;
    case 'too-many-sources':
      return `The file holds the time of ${p.count} browsers (source ids); at most ${p.max} can be imported from one file.`;
    case 'date-after-tomorrow':
      return `${where} is dated ${p.date}, after tomorrow (${p.latest}): the clock of the browser that made the file, or of this one, is wrong.`;
    case 'backup-damaged': return `The backup is damaged: at ${p.path} it holds ${p.found}. Nothing was restored.`;
    case 'client-invalid':
      if (p.field === null || p.field === undefined) {
        return `Client ${p.client} must be an object with id, name, color and channels, found ${p.found}.`;
      }
      return `${p.client === null || p.client === undefined ? 'The export' : `Client ${p.client}`}: ${field} must be ${CLIENT_FIELD_EXPECTED[String(p.field)] ?? 'of another type'}, found ${p.found}.`;
    case 'account-in-two-clients':
      return p.account === null || p.account === undefined
        ? `The whole platform "${p.platform}" belongs to two clients, "${p.first}" and "${p.second}"; a platform or an account belongs to one client.`
        : `The account "${p.account}" on "${p.platform}" belongs to two clients, "${p.first}" and "${p.second}"; an account belongs to one client.`;
  }
}

export function importError(code: ImportErrorCode, params: ImportParams = {}): ImportError {
  return { code, message: errorMessage(code, params), params };
}

