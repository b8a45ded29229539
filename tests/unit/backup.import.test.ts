import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  IMPORT_ERROR_CODES, MAX_DAY_SECONDS, buildExport, importUsage, parseImport, previewImport, toDays,
  type ImportErrorCode, type UsageHistory,
} from '@/utils/backup';
import { defaultSettings } from '@/utils/settings';

const FIXTURE = readFileSync(fileURLToPath(new URL('../fixtures/exports/channel-focus-v1.json', import.meta.url)), 'utf8');

interface File {
  [key: string]: unknown;
  usage: Record<string, unknown>[];
  settings: Record<string, unknown>;
}

/** A fresh, valid export to break (parsed from the stored v1 example). */
function valid(): File {
  return JSON.parse(FIXTURE) as File;
}

function firstRow(file: File): Record<string, unknown> {
  const row = file.usage[0];
  if (!row) throw new Error('fixture has rows');
  return row;
}

function withRow(change: (row: Record<string, unknown>) => void, index = 0): string {
  const file = valid();
  const row = file.usage[index];
  if (!row) throw new Error(`no row ${index}`);
  change(row);
  return JSON.stringify(file);
}

function withFile(change: (file: File) => void): string {
  const file = valid();
  change(file);
  return JSON.stringify(file);
}

interface Case {
  name: string;
  text: string;
  code: ImportErrorCode;
  /** The English message, word for word (a pattern where it quotes the JavaScript engine's own words). */
  message: string | RegExp;
  params?: Record<string, unknown>;
  maxBytes?: number;
  today?: string;
}

const channelRow = (extra: Record<string, unknown>) => ({
  date: '2026-05-06', platform: 'xing', account: null, focus: 'in', seconds: 10, ...extra,
});

const acme = { id: 'acme', name: 'Acme', color: '#2f6fde', channels: [{ platform: 'linkedin', accounts: ['company/acme'] }] };

const CASES: Case[] = [
  { name: 'too large', text: FIXTURE, maxBytes: 100, code: 'too-large', message: `The file is too large (${FIXTURE.length} characters); the limit is 100 bytes. Nothing was imported.`, params: { size: FIXTURE.length, maxBytes: 100 } },
  { name: 'empty', text: '', code: 'empty', message: 'The file is empty.' },
  { name: 'only white space', text: ' \n\t ', code: 'empty', message: 'The file is empty.' },
  { name: 'not JSON', text: 'date,platform\n2026-05-01,xing', code: 'not-json', message: /^The file is not valid JSON, perhaps cut off or not an export \(.+\)\.$/ },
  { name: 'truncated JSON', text: FIXTURE.slice(0, FIXTURE.length / 2), code: 'not-json', message: /^The file is not valid JSON, perhaps cut off or not an export \(.+\)\.$/ },
  { name: 'an array', text: '[]', code: 'not-an-object', message: 'The file holds a list, not a Channel Focus export object.', params: { found: 'a list' } },
  { name: 'a number', text: '42', code: 'not-an-object', message: 'The file holds a number, not a Channel Focus export object.', params: { found: 'a number' } },
  { name: 'null', text: 'null', code: 'not-an-object', message: 'The file holds null, not a Channel Focus export object.', params: { found: 'null' } },
  {
    name: '__proto__ in the settings',
    text: FIXTURE.replace('"snoozedUntil": {}', '"snoozedUntil": { "__proto__": { "polluted": 1 } }'),
    code: 'forbidden-key', message: 'The file contains the key "__proto__" at settings.flags.snoozedUntil.__proto__; no Channel Focus export has it, so nothing was imported.', params: { key: '__proto__', path: 'settings.flags.snoozedUntil.__proto__' },
  },
  {
    name: 'constructor in a row', text: withRow((row) => { (row as Record<string, unknown>)['constructor'] = { prototype: 1 }; }, 2),
    code: 'forbidden-key', message: 'The file contains the key "constructor" at usage[2].constructor; no Channel Focus export has it, so nothing was imported.', params: { key: 'constructor', path: 'usage[2].constructor' },
  },
  { name: 'prototype at the top', text: withFile((file) => { file.prototype = {}; }), code: 'forbidden-key', message: 'The file contains the key "prototype" at prototype; no Channel Focus export has it, so nothing was imported.' },
  { name: 'wrong format name', text: withFile((file) => { file.format = 'other-tool'; }), code: 'wrong-format', message: 'This is not a Channel Focus export: "format" is "other-tool", expected "channel-focus".', params: { found: '"other-tool"' } },
  { name: 'format missing', text: withFile((file) => { delete file.format; }), code: 'wrong-format', message: 'This is not a Channel Focus export: "format" is missing, expected "channel-focus".', params: { found: 'missing' } },
  { name: 'version missing', text: withFile((file) => { delete file.version; }), code: 'version-missing', message: 'The export has no "version".' },
  { name: 'version as text', text: withFile((file) => { file.version = '1'; }), code: 'version-invalid', message: '"version" must be a whole number from 1, found "1".', params: { found: '"1"' } },
  { name: 'version 1.5', text: withFile((file) => { file.version = 1.5; }), code: 'version-invalid', message: '"version" must be a whole number from 1, found 1.5.' },
  { name: 'version 0', text: withFile((file) => { file.version = 0; }), code: 'version-invalid', message: '"version" must be a whole number from 1, found 0.' },
  { name: 'version from the future', text: withFile((file) => { file.version = 2; }), code: 'version-from-future', message: 'The export has version 2, written by a newer Channel Focus; this one reads up to version 1. Update the extension, then import again.', params: { version: 2, supported: 1 } },
  { name: 'exportedAt missing', text: withFile((file) => { delete file.exportedAt; }), code: 'field-missing', message: 'The export: "exportedAt" is missing.', params: { row: null, field: 'exportedAt' } },
  { name: 'exportedAt not a time', text: withFile((file) => { file.exportedAt = 'yesterday'; }), code: 'field-invalid', message: 'The export: "exportedAt" must be an ISO 8601 time such as "2026-05-01T09:30:00.000Z", found "yesterday".', params: { field: 'exportedAt' } },
  { name: 'exportedAt on 30 February', text: withFile((file) => { file.exportedAt = '2026-02-30T10:00:00Z'; }), code: 'field-invalid', message: 'The export: "exportedAt" must be an ISO 8601 time such as "2026-05-01T09:30:00.000Z", found "2026-02-30T10:00:00Z".', params: { field: 'exportedAt' } },
  { name: 'source missing', text: withFile((file) => { delete file.source; }), code: 'field-missing', message: 'The export: "source" is missing.', params: { field: 'source' } },
  { name: 'source with spaces', text: withFile((file) => { file.source = 'my browser'; }), code: 'field-invalid', message: 'The export: "source" must be an id of 1 to 64 letters, digits, "-" or "_", found "my browser".', params: { field: 'source' } },
  { name: 'source __proto__', text: withFile((file) => { file.source = '__proto__'; }), code: 'field-invalid', message: 'The export: "source" must be an id of 1 to 64 letters, digits, "-" or "_", found "__proto__".', params: { field: 'source' } },
  { name: 'settings missing', text: withFile((file) => { delete (file as Partial<File>).settings; }), code: 'field-missing', message: 'The export: "settings" is missing.', params: { field: 'settings' } },
  { name: 'settings a list', text: withFile((file) => { (file as Record<string, unknown>).settings = []; }), code: 'field-invalid', message: 'The export: "settings" must be an object, found a list.', params: { field: 'settings', found: 'a list' } },
  { name: 'usage missing', text: withFile((file) => { delete (file as Partial<File>).usage; }), code: 'field-missing', message: 'The export: "usage" is missing.', params: { field: 'usage' } },
  { name: 'usage an object', text: withFile((file) => { (file as Record<string, unknown>).usage = {}; }), code: 'field-invalid', message: 'The export: "usage" must be a list of rows, found an object.', params: { field: 'usage' } },
  { name: 'a row that is a number', text: withFile((file) => { (file.usage as unknown[])[3] = 7; }), code: 'row-not-object', message: 'Usage row 4 must be an object with date, platform, account, seconds and focus, found 7.', params: { row: 4 } },
  { name: 'row without seconds', text: withRow((row) => { delete row.seconds; }, 2), code: 'field-missing', message: 'Usage row 3: "seconds" is missing.', params: { row: 3, field: 'seconds' } },
  { name: 'row without focus', text: withRow((row) => { delete row.focus; }), code: 'field-missing', message: 'Usage row 1: "focus" is missing.', params: { row: 1, field: 'focus' } },
  { name: 'seconds as text', text: withRow((row) => { row.seconds = '240'; }), code: 'field-invalid', message: 'Usage row 1: "seconds" must be a whole number, found "240".', params: { row: 1, field: 'seconds', found: '"240"' } },
  { name: 'unknown focus', text: withRow((row) => { row.focus = 'maybe'; }), code: 'field-invalid', message: 'Usage row 1: "focus" must be "in", "out" or "none", found "maybe".', params: { row: 1, field: 'focus' } },
  { name: 'account a number', text: withRow((row) => { row.account = 5; }), code: 'field-invalid', message: 'Usage row 1: "account" must be text or null, found 5.', params: { row: 1, field: 'account' } },
  { name: 'date a number', text: withRow((row) => { row.date = 20260501; }), code: 'field-invalid', message: 'Usage row 1: "date" must be a date "YYYY-MM-DD", found 20260501.', params: { row: 1, field: 'date' } },
  { name: 'date 2026-02-30', text: withRow((row) => { row.date = '2026-02-30'; }), code: 'date-invalid', message: 'Usage row 1: "date" must be a real calendar date YYYY-MM-DD, found "2026-02-30".', params: { row: 1, found: '"2026-02-30"' } },
  { name: 'date without zero padding', text: withRow((row) => { row.date = '2026-5-1'; }), code: 'date-invalid', message: 'Usage row 1: "date" must be a real calendar date YYYY-MM-DD, found "2026-5-1".' },
  { name: 'date before 1970', text: withRow((row) => { row.date = '1969-12-31'; }), code: 'date-invalid', message: 'Usage row 1: "date" must be a real calendar date YYYY-MM-DD, found "1969-12-31".' },
  { name: 'platform in capitals', text: withRow((row) => { row.platform = 'LinkedIn'; }, 1), code: 'platform-invalid', message: 'Usage row 2: "platform" must be a platform id of lower-case letters, digits and "-", found "LinkedIn".', params: { row: 2 } },
  { name: 'platform empty', text: withRow((row) => { row.platform = ''; }), code: 'platform-invalid', message: 'Usage row 1: "platform" must be a platform id of lower-case letters, digits and "-", found "".' },
  { name: 'platform constructor', text: withRow((row) => { row.platform = 'constructor'; row.account = null; }), code: 'platform-invalid', message: 'Usage row 1: "platform" must be a platform id of lower-case letters, digits and "-", found "constructor".' },
  { name: 'account empty', text: withRow((row) => { row.account = ''; }), code: 'account-invalid', message: 'Usage row 1: "account" must be null or text that keeps the channel key within 300 characters, found "".', params: { row: 1, field: 'account' } },
  { name: 'account too long', text: withRow((row) => { row.account = 'a'.repeat(300); }), code: 'account-invalid', message: 'Usage row 1: "account" must be null or text that keeps the channel key within 300 characters, found "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa….' },
  { name: 'custom channel without host', text: withRow((row) => { row.account = null; }), code: 'account-required', message: 'Usage row 1: a custom channel needs its host in "account".', params: { row: 1 } },
  { name: 'negative seconds', text: withRow((row) => { row.seconds = -1; delete row.milliseconds; }), code: 'seconds-invalid', message: 'Usage row 1: "seconds" must be a whole number from 0, found -1.', params: { row: 1, field: 'seconds', found: '-1' } },
  { name: 'fractional seconds', text: withRow((row) => { row.seconds = 1.5; }), code: 'seconds-invalid', message: 'Usage row 1: "seconds" must be a whole number from 0, found 1.5.' },
  { name: 'infinite seconds', text: withRow((row) => { row.seconds = 0; }).replace('"seconds":0', '"seconds":1e400'), code: 'seconds-invalid', message: 'Usage row 1: "seconds" must be a whole number from 0, found null.' },
  { name: 'negative after-hours seconds', text: withRow((row) => { row.afterHoursSeconds = -3; }, 4), code: 'seconds-invalid', message: 'Usage row 5: "afterHoursSeconds" must be a whole number from 0, found -3.', params: { row: 5, field: 'afterHoursSeconds' } },
  { name: 'more than a day in a row', text: withRow((row) => { row.seconds = MAX_DAY_SECONDS + 1; delete row.milliseconds; }), code: 'seconds-too-large', message: 'Usage row 1: "seconds" is 90001, more than the 90000 seconds (25 hours) of the longest day.', params: { row: 1, field: 'seconds' } },
  { name: 'absurd milliseconds', text: withRow((row) => { row.milliseconds = 1e12; }), code: 'seconds-too-large', message: 'Usage row 1: "milliseconds" is 1000000000000, more than the 90000 seconds (25 hours) of the longest day.', params: { field: 'milliseconds' } },
  { name: 'milliseconds disagree with seconds', text: withRow((row) => { row.milliseconds = 20_000; }), code: 'milliseconds-mismatch', message: 'Usage row 1: "milliseconds" (20000) does not agree with "seconds" (240).', params: { row: 1, field: 'milliseconds', seconds: 240 } },
  {
    name: 'after-hours milliseconds disagree', text: withRow((row) => { row.afterHoursMilliseconds = 5000; }, 4),
    code: 'milliseconds-mismatch', message: 'Usage row 5: "afterHoursMilliseconds" (5000) does not agree with "afterHoursSeconds" (126).', params: { row: 5, field: 'afterHoursMilliseconds', secondsField: 'afterHoursSeconds', seconds: 126 },
  },
  {
    name: 'after hours more than the row', text: withRow((row) => { row.afterHoursSeconds = 241; row.afterHoursMilliseconds = 241_000; }),
    code: 'after-hours-exceeds-time', message: 'Usage row 1: "afterHoursSeconds" gives 241000 ms after hours, more than the row\'s time (240000 ms).', params: { row: 1, found: 241_000, total: 240_000 },
  },
  {
    name: 'a duplicate row', text: withFile((file) => { file.usage.push({ ...firstRow(file), seconds: 1, milliseconds: 1000 }); }),
    code: 'duplicate-row', message: 'Usage row 9 repeats usage row 1: the same date, channel and focus (2026-05-01, custom:forum.example.org, out).', params: { row: 9, firstRow: 1, date: '2026-05-01', channel: 'custom:forum.example.org', focus: 'out' },
  },
  {
    name: 'a duplicate row naming the file source explicitly', text: withFile((file) => {
      file.usage.push({ ...firstRow(file), source: file.source });
    }), code: 'duplicate-row', message: 'Usage row 9 repeats usage row 1: the same date, channel and focus (2026-05-01, custom:forum.example.org, out).', params: { row: 9, firstRow: 1 },
  },
  {
    name: 'one channel more than the longest day',
    text: withFile((file) => {
      file.usage.push(channelRow({ seconds: 50_000 }), channelRow({ focus: 'out', seconds: 40_001 }));
    }),
    code: 'day-too-long', message: 'Usage row 10: on 2026-05-06 the rows of channel xing add up to 90001 seconds, more than the 90000 seconds (25 hours) of the longest day.', params: { row: 10, date: '2026-05-06', channel: 'xing', seconds: 90_001 },
  },
  {
    name: 'one source more than the longest day over all its channels',
    text: withFile((file) => {
      file.usage.push(channelRow({ seconds: 50_000 }), channelRow({ platform: 'linkedin', seconds: 40_001 }));
    }),
    code: 'source-day-too-long', message: 'On 2026-05-06 the rows of browser 6f1c2a9e-4b7d-4c3e-9a51-0d2f8e7b3c10 add up to 90001 seconds over all channels, more than the 90000 seconds (25 hours) of the longest day.', params: { row: null, source: '6f1c2a9e-4b7d-4c3e-9a51-0d2f8e7b3c10', date: '2026-05-06', seconds: 90_001 },
  },
  {
    name: 'the file source over the longest day, part of it in rows that name it',
    text: withFile((file) => {
      file.usage.push(channelRow({ seconds: 50_000 }), channelRow({ platform: 'linkedin', seconds: 40_001, source: file.source }));
    }),
    code: 'source-day-too-long', message: 'On 2026-05-06 the rows of browser 6f1c2a9e-4b7d-4c3e-9a51-0d2f8e7b3c10 add up to 90001 seconds over all channels, more than the 90000 seconds (25 hours) of the longest day.', params: { source: '6f1c2a9e-4b7d-4c3e-9a51-0d2f8e7b3c10', date: '2026-05-06', seconds: 90_001 },
  },
  {
    name: 'more than 50 sources',
    text: withFile((file) => {
      for (let index = 0; index < 50; index += 1) file.usage.push(channelRow({ source: `browser-${index}` }));
    }),
    code: 'too-many-sources', message: 'The file holds the time of 52 browsers (source ids); at most 50 can be imported from one file.', params: { row: null, count: 52, max: 50 },
  },
  { name: 'clients an object', text: withFile((file) => { file.clients = { acme }; }), code: 'field-invalid', message: 'The export: "clients" must be a list of clients, found an object.', params: { row: null, field: 'clients', found: 'an object' } },
  { name: 'a client that is text', text: withFile((file) => { file.clients = [acme, 'Beta']; }), code: 'client-invalid', message: 'Client 2 must be an object with id, name, color and channels, found "Beta".', params: { client: 2, field: null, found: '"Beta"' } },
  { name: 'a client colour by name', text: withFile((file) => { file.clients = [{ ...acme, color: 'red' }]; }), code: 'client-invalid', message: 'Client 1: "color" must be a colour "#rrggbb", found "red".', params: { client: 1, field: 'color', found: '"red"' } },
  { name: 'a client without a name', text: withFile((file) => { file.clients = [{ ...acme, name: '  ' }]; }), code: 'client-invalid', message: 'Client 1: "name" must be a name of 1 to 60 characters, found "  ".', params: { client: 1, field: 'name' } },
  {
    name: 'a client with an empty account', text: withFile((file) => { file.clients = [{ ...acme, channels: [{ platform: 'x', accounts: [''] }] }]; }),
    code: 'client-invalid', message: 'Client 1: "channels" must be a list of platforms, each once, with "accounts" null (the whole platform) or a list of accounts, found a list.', params: { client: 1, field: 'channels' },
  },
  { name: 'two clients with one id', text: withFile((file) => { file.clients = [acme, { ...acme, name: 'Beta', channels: [] }]; }), code: 'client-invalid', message: 'Client 2: "id" must be an id of 1 to 100 characters that no other client has, found "acme".', params: { client: 2, field: 'id', found: '"acme"' } },
  { name: '101 clients', text: withFile((file) => { file.clients = Array.from({ length: 101 }, (_, i) => ({ ...acme, id: `c${i}`, name: `C${i}`, channels: [] })); }), code: 'client-invalid', message: 'The export: "clients" must be a list of at most 100 clients, found 101 clients.', params: { client: null, field: 'clients' } },
  {
    name: 'an account listed by two clients, in another case',
    text: withFile((file) => { file.clients = [acme, { ...acme, id: 'beta', name: 'Beta', channels: [{ platform: 'linkedin', accounts: ['Company/ACME'] }] }]; }),
    code: 'account-in-two-clients', message: 'The account "Company/ACME" on "linkedin" belongs to two clients, "Acme" and "Beta"; an account belongs to one client.',
    params: { platform: 'linkedin', account: 'Company/ACME', first: 'Acme', second: 'Beta' },
  },
  {
    name: 'a whole platform held by two clients (in the settings of a file without the clients field)',
    text: withFile((file) => {
      file.settings = { ...file.settings, clients: [{ ...acme, channels: [{ platform: 'xing', accounts: null }] }, { ...acme, id: 'beta', name: 'Beta', channels: [{ platform: 'xing', accounts: null }] }] };
    }),
    code: 'account-in-two-clients', message: 'The whole platform "xing" belongs to two clients, "Acme" and "Beta"; a platform or an account belongs to one client.',
    params: { platform: 'xing', account: null },
  },
  {
    name: 'a date after tomorrow', today: '2026-05-04',
    text: withFile((file) => { file.usage.push(channelRow({ date: '2026-05-05' }), channelRow({ date: '2026-05-06' })); }),
    code: 'date-after-tomorrow', message: 'Usage row 10 is dated 2026-05-06, after tomorrow (2026-05-05): the clock of the browser that made the file, or of this one, is wrong.', params: { row: 10, date: '2026-05-06', latest: '2026-05-05' },
  },
];

describe('parseImport rejects bad input with a specific code', () => {
  it.each(CASES)('$name -> $code', ({ text, code, message, params, maxBytes, today }) => {
    const result = parseImport(text, { maxBytes, today });
    if (result.ok) throw new Error('accepted');
    expect(result.error.code).toBe(code);
    if (params) expect(result.error.params).toMatchObject(params);
    if (typeof message === 'string') expect(result.error.message).toBe(message);
    else expect(result.error.message).toMatch(message);
  });

  it('covers every error code the importer can give except the unreadable-value guard', () => {
    const covered = new Set(CASES.map((testCase) => testCase.code));
    // A damaged backup is refused by the restore (backup.backups.test.ts), never by an import.
    expect(IMPORT_ERROR_CODES.filter((code) => !covered.has(code))).toEqual(['unreadable', 'upgrade-failed', 'backup-damaged']);
  });

  it('leaves Object.prototype alone', () => {
    for (const { text } of CASES) parseImport(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names the row and the field in English', () => {
    const result = parseImport(withRow((row) => { row.seconds = -5; delete row.milliseconds; }, 2));
    expect(!result.ok && result.error.message).toBe('Usage row 3: "seconds" must be a whole number from 0, found -5.');
  });
});

describe('parseImport accepts', () => {
  it('the same time of one channel from two sources, and a day long in total', () => {
    const result = parseImport(withFile((file) => {
      file.usage.push(
        channelRow({ seconds: 50_000 }), channelRow({ focus: 'out', seconds: 40_000 }),
        channelRow({ seconds: 50_000, source: 'another-browser' }),
      );
    }));
    expect(result.ok).toBe(true);
  });

  it('exactly 50 sources, the file\'s own included', () => {
    // The example holds two: the file's own and one in its rows.
    const result = parseImport(withFile((file) => {
      for (let index = 0; index < 48; index += 1) file.usage.push(channelRow({ source: `browser-${index}` }));
    }));
    expect(result.ok).toBe(true);
  });

  it('25 hours on one date for each of two sources: the cap holds per source', () => {
    const result = parseImport(withFile((file) => {
      file.usage.push(
        channelRow({ seconds: 50_000 }), channelRow({ platform: 'linkedin', seconds: 40_000 }),
        channelRow({ seconds: 50_000, source: 'laptop' }), channelRow({ platform: 'linkedin', seconds: 40_000, source: 'laptop' }),
      );
    }));
    expect(result.ok).toBe(true);
  });

  it('dates up to tomorrow, across the end of a month; and any date when today is not given', () => {
    const tomorrow = withFile((file) => { file.usage.push(channelRow({ date: '2026-06-01' })); });
    expect(parseImport(tomorrow, { today: '2026-05-31' }).ok).toBe(true);
    const later = withFile((file) => { file.usage.push(channelRow({ date: '2026-06-02' })); });
    const refused = parseImport(later, { today: '2026-05-31' });
    expect(!refused.ok && refused.error.message).toBe(
      'Usage row 9 is dated 2026-06-02, after tomorrow (2026-06-01): the clock of the browser that made the file, or of this one, is wrong.',
    );
    expect(parseImport(later).ok).toBe(true);
  });

  it('settings it cannot use, without them and with a warning', () => {
    const result = parseImport(withFile((file) => { file.settings = { ...file.settings, version: 99 }; }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.warnings).toEqual(['settings-unusable']);
    expect(result.data.settings).toBeNull();
    expect(result.data.settingsError).toContain('newer version');
    expect(result.data.usage).toHaveLength(8);
  });

  it('unknown platform ids, kept, with a warning naming them', () => {
    const result = parseImport(withFile((file) => {
      file.usage.push(channelRow({ platform: 'fediverse-next', account: 'me' }), channelRow({ platform: 'fediverse-next' }));
    }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.warnings).toEqual(['unknown-platforms']);
    expect(result.data.unknownPlatforms).toEqual(['fediverse-next']);
    expect(toDays(result.data.usage)['2026-05-06']).toEqual({ 'fediverse-next:me': [10_000, 0, 0, 0], 'fediverse-next': [10_000, 0, 0, 0] });
  });

  it('a byte order mark, and fields it does not know (dropped)', () => {
    const result = parseImport(`\uFEFF${withRow((row) => { row.note = 'from a later version'; })}`);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.usage[0]).not.toHaveProperty('note');
  });

  it('rows without milliseconds, reading whole seconds', () => {
    const result = parseImport(withRow((row) => { delete row.milliseconds; }));
    expect(result.ok && toDays(result.data.usage)['2026-05-01']?.['custom:forum.example.org']).toEqual([0, 240_000, 0, 0]);
  });
});

describe('a 50 MB file', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is rejected by its size, without JSON.parse', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const huge = `{"format":"channel-focus","version":1,"usage":[${'0,'.repeat(25 * 1024 * 1024)}0]}`;
    const started = performance.now();
    const result = parseImport(huge);
    const elapsed = performance.now() - started;
    expect(!result.ok && result.error.code).toBe('too-large');
    expect(parse).not.toHaveBeenCalled();
    expect(elapsed).toBeLessThan(100);
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzz: hundreds of broken files; the current data must come out byte for byte as it went in.

const SOURCE_ID = 'this-browser';

function currentState(): { history: UsageHistory; settings: ReturnType<typeof defaultSettings>; sourceId: string } {
  return {
    sourceId: SOURCE_ID,
    settings: defaultSettings(),
    history: {
      own: { '2026-05-01': { 'linkedin:company/acme': [600_000, 0, 0, 0], xing: [0, 120_000, 0, 60_000] } },
      imported: { 'b2f0e6d4-91aa-4f0e-8c7d-5e3b2a1f9c08': { '2026-05-02': { youtube: [0, 0, 30_000, 0] } } },
    },
  };
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside the document, as key lists. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

function parentOf(root: Json, path: (string | number)[]): { parent: Json; key: string | number } | null {
  if (path.length === 0) return null;
  let parent = root;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key] as Json;
  return { parent, key: path[path.length - 1] as string | number };
}

const nastyValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, -1, 0.5, 1e21, -1e21, Number.MAX_SAFE_INTEGER, 90_001, '', '2026-02-30', '__proto__', 'custom', [], {}),
  fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.jsonValue() as fc.Arbitrary<Json>,
);

type Mutation =
  | { kind: 'set'; pick: number; inUsage: boolean; value: Json }
  | { kind: 'delete'; pick: number; inUsage: boolean }
  | { kind: 'forbidden'; pick: number; key: string }
  | { kind: 'duplicate-row'; pick: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'text'; text: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), inUsage: fc.boolean(), value: nastyValue }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(), inUsage: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('forbidden' as const), pick: fc.nat(), key: fc.constantFrom('__proto__', 'constructor', 'prototype') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-row' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('bytes' as const), bytes: fc.uint8Array({ maxLength: 400 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('text' as const), text: fc.string({ unit: 'binary', maxLength: 200 }) }) },
);

/** The mutated file as text; `mustFail` when no valid export can come out of it. */
function mutate(mutations: Mutation[]): { text: string; mustFail: boolean } {
  const doc = JSON.parse(FIXTURE) as Json;
  let text: string | null = null;
  let mustFail = false;
  for (const mutation of mutations) {
    if (text !== null) break;
    const paths = pathsOf(doc);
    // Half the edits go to the usage rows: the settings alone hold most of the paths.
    const usagePaths = paths.filter((candidate) => candidate[0] === 'usage');
    const pool = 'inUsage' in mutation && mutation.inUsage && usagePaths.length > 0 ? usagePaths : paths;
    const path = 'pick' in mutation ? pool[mutation.pick % pool.length] ?? [] : [];
    const target = parentOf(doc, path);
    switch (mutation.kind) {
      case 'set':
        if (target) (target.parent as Record<string | number, Json>)[target.key] = mutation.value;
        break;
      case 'delete':
        if (target && Array.isArray(target.parent) && typeof target.key === 'number') target.parent.splice(target.key, 1);
        else if (target) delete (target.parent as Record<string, Json>)[target.key];
        break;
      case 'forbidden': {
        const objects = paths.map((candidate) => candidate.reduce<Json>((value, key) => (value as Record<string | number, Json>)[key] as Json, doc))
          .filter((value): value is { [key: string]: Json } => value !== null && typeof value === 'object' && !Array.isArray(value));
        const object = objects[mutation.pick % objects.length];
        // defineProperty: an own `__proto__` key, as JSON.parse makes one.
        if (object) Object.defineProperty(object, mutation.key, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
        break;
      }
      case 'duplicate-row': {
        const usage = (doc as { usage?: Json }).usage;
        if (Array.isArray(usage) && usage.length > 0) usage.push(usage[mutation.pick % usage.length] ?? null);
        break;
      }
      case 'truncate': {
        const full = JSON.stringify(doc);
        text = full.slice(0, mutation.at % full.length);
        mustFail = true;
        break;
      }
      case 'bytes':
        text = new TextDecoder('latin1').decode(mutation.bytes);
        break;
      case 'text':
        text = mutation.text;
        break;
    }
  }
  if (text !== null) return { text, mustFail };
  const full = JSON.stringify(doc);
  // A forbidden key that a later mutation did not delete again.
  return { text: full, mustFail: /(?<!\\)"(__proto__|constructor|prototype)":/.test(full) };
}

describe('fuzz: malformed files change nothing', () => {
  it('never throws, rejects with a known code, and leaves the current data byte for byte as it was', () => {
    const known = new Set<string>(IMPORT_ERROR_CODES);
    let rejected = 0;
    let runs = 0;
    const codes = new Set<string>();
    fc.assert(fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (mutations) => {
      runs += 1;
      const { text, mustFail } = mutate(mutations);
      const current = currentState();
      const before = JSON.stringify(current);
      const result = parseImport(text);
      if (result.ok) {
        expect(mustFail).toBe(false);
        // Whatever got through is merged the way the options page would: into copies, never in place.
        previewImport(current, result.data);
        importUsage(current.history, result.data, current.sourceId);
      } else {
        rejected += 1; codes.add(result.error.code);
        expect(known.has(result.error.code)).toBe(true);
        expect(result.error.message).not.toBe('');
      }
      expect(JSON.stringify(current)).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }), { numRuns: 400 });
    expect(runs).toBeGreaterThanOrEqual(300);
    // Most mutations break the file; a fuzz that rarely rejects would test nothing.
    expect(rejected).toBeGreaterThan(runs / 2);
    // And it reaches past the JSON parser into the schema and the checks across rows.
    expect(codes.size).toBeGreaterThanOrEqual(8);
  });

  it('a file exported with huge and odd numbers is either refused or imported within the limits', () => {
    fc.assert(fc.property(fc.array(fc.record({
      date: fc.constantFrom('2026-05-01', '2026-05-02'),
      platform: fc.constantFrom('xing', 'custom', 'x'),
      account: fc.constantFrom(null, 'acme', '=1+1'),
      seconds: fc.oneof(fc.integer({ min: -10, max: 100_000 }), fc.double()),
      focus: fc.constantFrom('in', 'out', 'none', 'other'),
    }), { maxLength: 30 }), (usage) => {
      const text = JSON.stringify({ ...JSON.parse(FIXTURE), usage });
      const result = parseImport(text);
      if (!result.ok) return;
      for (const day of Object.values(toDays(result.data.usage))) {
        for (const totals of Object.values(day)) {
          expect(totals.every((ms) => Number.isInteger(ms) && ms >= 0)).toBe(true);
          expect(totals[0] + totals[1] + totals[2]).toBeLessThanOrEqual(MAX_DAY_SECONDS * 1000);
        }
      }
    }), { numRuns: 300 });
  });
});

it('a valid file still imports after all that (the fixture is a real export)', () => {
  const exported = buildExport({
    settings: defaultSettings(), sourceId: 'x1', days: { '2026-05-01': { xing: [1000, 0, 0, 0] } }, exportedAt: new Date(0),
  });
  expect(parseImport(JSON.stringify(exported)).ok).toBe(true);
  expect(parseImport(FIXTURE).ok).toBe(true);
});
