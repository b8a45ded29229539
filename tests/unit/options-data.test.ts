import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  IMPORT_ERROR_CODES, buildExport, exportText, importUsage, parseImport, type ImportErrorCode, type UsageHistory,
} from '@/utils/backup';
import {
  IMPORT_MESSAGE_KEYS, accountFromInput, importErrorMessage, planHistoryWrite, seenAccounts, seenChannelKeys, type Translate,
} from '@/utils/options-data';
import { defaultSettings } from '@/utils/settings';
import { IMPORTED_KEY, readHistory, usageKey } from '@/utils/storage';
import type { TotalsByDate } from '@/utils/tracking/totals';

const MIN = 60_000;

async function translator(language: 'en' | 'de'): Promise<Translate> {
  const messages = generateChromeMessages(await parseMessagesFile(resolve(import.meta.dirname, '../../locales', `${language}.yml`)));
  return (key, subs = []) => {
    const name = key.replaceAll('.', '_');
    const message = Object.hasOwn(messages, name) ? messages[name]?.message : undefined;
    if (message === undefined) throw new Error(`No message ${key} in ${language}`);
    return message.replace(/\$([1-9])/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  };
}

let en: Translate;
let de: Translate;
beforeAll(async () => {
  en = await translator('en');
  de = await translator('de');
});

describe('what the history has seen', () => {
  const days: TotalsByDate = {
    '2025-06-01': { 'linkedin:company/acme': [MIN, 0, 0, 0], linkedin: [MIN, 0, 0, 0], 'x:acme': [0, MIN, 0, 0] },
    '2025-06-02': { 'linkedin:in/jane': [MIN, 0, 0, 0], 'linkedin:company/acme': [MIN, 0, 0, 0], 'custom:forum.example.com': [MIN, 0, 0, 0], 'newthing:abc': [MIN, 0, 0, 0] },
  };

  it('lists accounts per built-in platform, each once and sorted', () => {
    expect(seenAccounts(days)).toEqual({ linkedin: ['company/acme', 'in/jane'], x: ['acme'] });
  });

  it('lists every channel key, unknown ones too', () => {
    expect(seenChannelKeys(days)).toEqual([
      'custom:forum.example.com', 'linkedin', 'linkedin:company/acme', 'linkedin:in/jane', 'newthing:abc', 'x:acme',
    ]);
  });
});

describe('accountFromInput', () => {
  it.each([
    ['linkedin', 'https://www.linkedin.com/company/acme/posts/', 'company/acme'],
    ['linkedin', 'www.linkedin.com/company/acme', 'company/acme'],
    ['linkedin', '  company/acme ', 'company/acme'],
    ['x', '@acme', 'acme'],
    ['x', 'https://x.com/acme', 'acme'],
    // An address of another platform is not read as this platform's account.
    ['x', 'https://www.linkedin.com/company/acme/', 'https://www.linkedin.com/company/acme/'],
    ['youtube', 'https://www.youtube.com/@acme', '@acme'],
  ] as const)('%s: %j -> %j', (platform, input, account) => {
    expect(accountFromInput(platform, input)).toBe(account);
  });

  it('refuses empty and overlong input', () => {
    expect(accountFromInput('linkedin', '   ')).toBeNull();
    expect(accountFromInput('linkedin', 'a'.repeat(201))).toBeNull();
  });
});

describe('planHistoryWrite', () => {
  const own: TotalsByDate = { '2025-06-01': { linkedin: [MIN, 0, 0, 0] }, '2025-06-02': { xing: [MIN, 0, 0, 0] } };
  const all = { [usageKey('2025-06-01')]: { version: 1, value: own['2025-06-01'] }, [usageKey('2025-06-02')]: { version: 1, value: own['2025-06-02'] } };

  it('writes nothing when nothing changed', () => {
    const history: UsageHistory = { own, imported: {} };
    expect(planHistoryWrite(all, history, history, 0)).toEqual({ set: {}, remove: [] });
  });

  it('writes changed days, removes gone ones and writes imported time as a whole', () => {
    const before: UsageHistory = { own, imported: {} };
    const after: UsageHistory = {
      own: { '2025-06-01': own['2025-06-01']!, '2025-06-03': { x: [MIN, 0, 0, 0] } },
      imported: { laptop: { '2025-06-01': { xing: [2 * MIN, 0, 0, 0] } } },
    };
    expect(planHistoryWrite(all, before, after, 0)).toEqual({
      set: {
        [usageKey('2025-06-03')]: { version: 1, value: { x: [MIN, 0, 0, 0] } },
        [IMPORTED_KEY]: { version: 1, value: after.imported },
      },
      remove: [usageKey('2025-06-02')],
    });
  });

  it('keeps an unreadable day aside before writing over it, and removes emptied imported time', () => {
    const broken = { ...all, [usageKey('2025-06-05')]: { version: 99, value: 'from the future' } };
    const before: UsageHistory = { own, imported: { laptop: { '2025-06-01': { xing: [MIN, 0, 0, 0] } } } };
    const after: UsageHistory = { own: { ...own, '2025-06-05': { x: [MIN, 0, 0, 0] } }, imported: {} };
    const plan = planHistoryWrite(broken, before, after, 1234);
    expect(plan.set).toEqual({
      'quarantine:usage:2025-06-05:1234': { version: 99, value: 'from the future' },
      [usageKey('2025-06-05')]: { version: 1, value: { x: [MIN, 0, 0, 0] } },
    });
    expect(plan.remove).toEqual([IMPORTED_KEY]);
  });

  it('round-trips through readHistory: own, imported and their sum', () => {
    const before = readHistory(all);
    const file = parseImport(exportText(buildExport({
      settings: defaultSettings(), sourceId: 'laptop', exportedAt: new Date('2025-06-03T00:00:00Z'),
      days: { '2025-06-01': { linkedin: [3 * MIN, 0, 0, 0] } },
    })));
    if (!file.ok) throw new Error(file.error.message);
    const after = importUsage(before, file.data, 'desktop');
    const plan = planHistoryWrite(all, before, after, 0);
    const stored = readHistory({ ...all, ...plan.set });
    expect(stored.own).toEqual(own);
    expect(stored.imported).toEqual({ laptop: { '2025-06-01': { linkedin: [3 * MIN, 0, 0, 0] } } });
    expect(stored.visible['2025-06-01']).toEqual({ linkedin: [4 * MIN, 0, 0, 0] });
  });
});

describe('import error messages', () => {
  /** Params as the importer fills them, per code (see utils/backup/errors.ts). */
  const PARAMS: Record<ImportErrorCode, Record<string, string | number | null>> = {
    'too-large': { size: 52_428_800, maxBytes: 20_971_520 },
    empty: {}, 'not-json': { detail: 'Unexpected end of JSON input' }, 'not-an-object': { found: 'a list' },
    unreadable: {}, 'forbidden-key': { key: '__proto__', path: 'settings.__proto__' }, 'wrong-format': { found: '"x"' },
    'version-missing': {}, 'version-invalid': { found: '1.5' }, 'version-from-future': { version: 7, supported: 1 },
    'upgrade-failed': { version: 1, supported: 2 }, 'field-missing': { row: null, field: 'usage' },
    'field-invalid': { row: 3, field: 'focus', found: '"maybe"' }, 'row-not-object': { row: 2, found: 'a list' },
    'date-invalid': { row: 1, found: '"2026-02-30"' }, 'platform-invalid': { row: 1, found: '"Linked In"' },
    'account-invalid': { row: 1, found: '""' }, 'account-required': { row: 4, field: 'account' },
    'seconds-invalid': { row: 1, field: 'seconds', found: '-5' }, 'seconds-too-large': { row: 1, field: 'seconds', found: '99999' },
    'milliseconds-mismatch': { row: 1, field: 'milliseconds', found: '5000', secondsField: 'seconds', seconds: 60 },
    'after-hours-exceeds-time': { row: 1, field: 'afterHoursSeconds', found: 9000, total: 6000 },
    'duplicate-row': { row: 5, firstRow: 2, date: '2025-06-01', channel: 'linkedin', focus: 'in' },
    'day-too-long': { row: 9, date: '2025-06-01', channel: 'linkedin', seconds: 95_000 },
    'source-day-too-long': { row: null, source: 'laptop', date: '2025-06-01', seconds: 95_000 },
    'too-many-sources': { row: null, count: 51, max: 50 },
    'date-after-tomorrow': { row: 3, date: '2031-01-01', latest: '2025-06-02' },
    'backup-damaged': { path: 'own.2025-06-01.linkedin', found: 'a list' },
    'client-invalid': { client: 2, field: 'color', found: '"red"' },
    'account-in-two-clients': { platform: 'linkedin', account: 'company/acme', first: 'Acme', second: 'Beta' },
  };

  it('has a complete sentence for every code in English and German', () => {
    expect(Object.keys(PARAMS).sort()).toEqual([...IMPORT_ERROR_CODES].sort());
    for (const code of IMPORT_ERROR_CODES) {
      for (const [t, locale] of [[en, 'en'], [de, 'de']] as const) {
        const text = importErrorMessage({ code, params: PARAMS[code] }, t, locale);
        expect(text, `${code} ${locale}`).not.toMatch(/\$\d|undefined|null:/);
        expect(text.length, code).toBeGreaterThan(10);
      }
    }
    for (const key of IMPORT_MESSAGE_KEYS) {
      expect(() => en(key)).not.toThrow();
      expect(() => de(key)).not.toThrow();
    }
  });

  it('names the row, the field, what was found and what was expected', () => {
    expect(importErrorMessage({ code: 'field-invalid', params: PARAMS['field-invalid'] }, en, 'en'))
      .toBe('Row 3 of the usage: "focus" must be "in", "out" or "none"; the file has "maybe".');
    expect(importErrorMessage({ code: 'field-invalid', params: PARAMS['field-invalid'] }, de, 'de'))
      .toBe('Zeile 3 der Nutzungsdaten: "focus" muss "in", "out" oder "none" sein; die Datei hat "maybe".');
    expect(importErrorMessage({ code: 'field-missing', params: PARAMS['field-missing'] }, en, 'en')).toBe('The file: "usage" is missing.');
    expect(importErrorMessage({ code: 'not-an-object', params: PARAMS['not-an-object'] }, de, 'de'))
      .toBe('Die Datei enthält eine Liste, keinen Channel-Focus-Export.');
    expect(importErrorMessage({ code: 'too-large', params: PARAMS['too-large'] }, de, 'de'))
      .toBe('Die Datei ist zu groß (50 MB); importiert werden können höchstens 20 MB. Es wurde nichts importiert.');
  });

  it('names the count and the maximum of sources, the source, date and total of a day, the row and date after tomorrow', () => {
    expect(importErrorMessage({ code: 'too-many-sources', params: PARAMS['too-many-sources'] }, en, 'en'))
      .toBe('The file holds the time of 51 browsers (source ids); at most 50 can be imported from one file. Nothing was imported.');
    expect(importErrorMessage({ code: 'source-day-too-long', params: PARAMS['source-day-too-long'] }, de, 'de'))
      .toBe('Am 2025-06-01 ergeben die Zeilen des Browsers laptop über alle Kanäle zusammen 95000 Sekunden, mehr als die 90000 Sekunden (25 Stunden) des längsten Tages. Es wurde nichts importiert.');
    expect(importErrorMessage({ code: 'date-after-tomorrow', params: PARAMS['date-after-tomorrow'] }, en, 'en'))
      .toBe('Row 3 of the usage is dated 2031-01-01, after tomorrow (2025-06-02): the clock of the browser that made the file, or of this one, is wrong. Nothing was imported.');
  });

  it('names where a backup is damaged and what it holds there', () => {
    expect(importErrorMessage({ code: 'backup-damaged', params: PARAMS['backup-damaged'] }, en, 'en'))
      .toBe('The backup is damaged: at own.2025-06-01.linkedin it holds a list. Nothing was restored.');
    expect(importErrorMessage({ code: 'backup-damaged', params: PARAMS['backup-damaged'] }, de, 'de'))
      .toBe('Die Sicherung ist beschädigt: Bei own.2025-06-01.linkedin enthält sie eine Liste. Es wurde nichts wiederhergestellt.');
  });

  it('words the errors of real malformed files', () => {
    const file = JSON.parse(exportText(buildExport({
      settings: defaultSettings(), sourceId: 'laptop', exportedAt: new Date('2025-06-03T00:00:00Z'),
      days: { '2025-06-01': { linkedin: [3 * MIN, 0, 0, 0], xing: [MIN, 0, 0, 0] } },
    })));
    const cases: [unknown, string][] = [
      [[1, 2], 'The file holds a list, not a Channel Focus export.'],
      [{ ...file, usage: [file.usage[0], file.usage[0]] }, 'Row 2 of the usage repeats row 1: the same date, channel and focus (2025-06-01, linkedin, in). Nothing was imported.'],
      [{ ...file, usage: [{ ...file.usage[0], date: '2025-02-30' }] }, 'Row 1 of the usage: "date" must be a real date YYYY-MM-DD; the file has "2025-02-30".'],
      [{ ...file, usage: [{ ...file.usage[0], seconds: 100_000, milliseconds: undefined }] }, 'Row 1 of the usage: "seconds" is 100000, more than the 90000 seconds (25 hours) of the longest day.'],
    ];
    for (const [value, message] of cases) {
      const result = parseImport(JSON.stringify(value));
      if (result.ok) throw new Error('accepted');
      expect(importErrorMessage(result.error, en, 'en')).toBe(message);
    }
  });
});
