import { describe, expect, it } from 'vitest';
import {
  BACKUPS_KEPT, BACKUPS_MAX_BYTES, backupBytes, buildExport, createBackup, parseBackupList, pushBackup, restoreFromBackup,
  type Backup, type UsageHistory,
} from '@/utils/backup';
import { defaultSettings } from '@/utils/settings';
import { simulatedYear } from '../../harness/simulated-year';

const A = 'browser-a';
const B = 'browser-b';
const MB = 1024 * 1024;

const settings = defaultSettings();
const history: UsageHistory = {
  own: { '2026-05-01': { 'linkedin:company/acme': [600_000, 0, 0, 1000] } },
  imported: { [B]: { '2026-05-02': { xing: [0, 0, 1500, 0] } } },
};
const backupAt = (id: string, iso: string, state: UsageHistory = history): Backup =>
  createBackup({ id, createdAt: new Date(iso), reason: 'before-import', settings, sourceId: A, history: state });


/** The JSON of the stored list, in UTF-8 bytes. */
const listBytes = (list: readonly Backup[]) => Buffer.byteLength(JSON.stringify(list));

describe('a backup', () => {
  it('keeps the state in its storage form: settings, source id, own and imported time', () => {
    expect(backupAt('b1', '2026-05-04T10:00:00Z')).toEqual({
      id: 'b1', createdAt: '2026-05-04T10:00:00.000Z', reason: 'before-import',
      settings, sourceId: A, own: history.own, imported: history.imported,
    });
  });

  it('of a simulated year takes under 1.2 MB, and five of them fit in 12 MB', () => {
    const year = simulatedYear('Europe/Berlin', Date.UTC(2026, 4, 31, 12));
    expect(Object.keys(year)).toHaveLength(365);
    const yearHistory: UsageHistory = { own: year, imported: {} };
    const backup = backupAt('year', '2026-05-31T12:00:00Z', yearHistory);
    expect(backupBytes(backup)).toBeLessThan(1.2 * MB);
    // The full export a backup used to hold is several times larger.
    const asExport = buildExport({ settings, sourceId: A, days: year, exportedAt: new Date('2026-05-31T12:00:00Z') });
    expect(Buffer.byteLength(JSON.stringify(asExport))).toBeGreaterThan(3 * backupBytes(backup));

    let list: Backup[] = [];
    for (let index = 1; index <= 5; index += 1) list = pushBackup(list, backupAt(`b${index}`, `2026-05-0${index}T10:00:00Z`, yearHistory));
    expect(list).toHaveLength(5);
    expect(listBytes(list)).toBeLessThan(12 * MB);
  });

  it('counts its bytes as the UTF-8 of its JSON', () => {
    const backup = backupAt('b1', '2026-05-04T10:00:00Z', { own: { '2026-05-01': { 'youtube:@Müller': [1000, 0, 0, 0] } }, imported: {} });
    expect(backupBytes(backup)).toBe(Buffer.byteLength(JSON.stringify(backup)));
    expect(backupBytes(backup)).toBeGreaterThan(JSON.stringify(backup).length);
  });
});

describe('the ring of backups', () => {
  it('keeps the newest five, newest first, and replaces a backup with the same id', () => {
    let list: Backup[] = [];
    for (let day = 1; day <= 7; day += 1) list = pushBackup(list, backupAt(`b${day}`, `2026-05-0${day}T10:00:00Z`));
    expect(list.map((backup) => backup.id)).toEqual(['b7', 'b6', 'b5', 'b4', 'b3']);
    expect(BACKUPS_KEPT).toBe(5);
    // An older backup pushed late still sorts by its time, and falls off when it is the oldest.
    expect(pushBackup(list, backupAt('old', '2026-04-01T10:00:00Z')).map((backup) => backup.id)).toEqual(['b7', 'b6', 'b5', 'b4', 'b3']);
    const replaced = pushBackup(list, { ...backupAt('b5', '2026-05-05T10:00:00Z'), reason: 'manual' });
    expect(replaced.map((backup) => [backup.id, backup.reason])).toEqual([
      ['b7', 'before-import'], ['b6', 'before-import'], ['b5', 'manual'], ['b4', 'before-import'], ['b3', 'before-import'],
    ]);
    expect(pushBackup(list, backupAt('b8', '2026-05-08T10:00:00Z'), { keep: 2 }).map((backup) => backup.id)).toEqual(['b8', 'b7']);
  });

  it('drops the oldest until the list fits its size, and keeps the newest one whatever its size', () => {
    expect(BACKUPS_MAX_BYTES).toBe(20 * MB);
    let list: Backup[] = [];
    for (let day = 1; day <= 3; day += 1) list = pushBackup(list, backupAt(`b${day}`, `2026-05-0${day}T10:00:00Z`));
    const small = backupBytes(list[0]!);
    // Room for the list of three, not for a fourth.
    const maxBytes = listBytes(list) + small / 2;
    const four = pushBackup(list, backupAt('b4', '2026-05-04T10:00:00Z'), { maxBytes });
    expect(four.map((backup) => backup.id)).toEqual(['b4', 'b3', 'b2']);
    expect(listBytes(four)).toBeLessThanOrEqual(maxBytes);

    // A huge backup evicts every older one, and stays though it alone is over the bound.
    const huge = backupAt('huge', '2026-05-05T10:00:00Z', { own: simulatedYear('Europe/Berlin', Date.UTC(2026, 4, 5, 12)), imported: {} });
    expect(pushBackup(four, huge, { maxBytes }).map((backup) => backup.id)).toEqual(['huge']);
    // Under the default bound a year is small enough to keep them all.
    expect(pushBackup(four, huge).map((backup) => backup.id)).toEqual(['huge', 'b4', 'b3', 'b2']);
  });
});

describe('restoring a backup', () => {
  it('gives back exactly the state it was made of', () => {
    const restored = restoreFromBackup(backupAt('b1', '2026-05-04T10:00:00Z'));
    expect(restored).toEqual({ ok: true, sourceId: A, settings, settingsError: null, history });
  });

  it('restores the time without settings it cannot use, and says why', () => {
    const backup = { ...backupAt('b1', '2026-05-04T10:00:00Z'), settings: { ...settings, version: 99 } } as Backup;
    const restored = restoreFromBackup(backup);
    expect(restored.ok && [restored.settings, restored.history]).toEqual([null, history]);
    expect(restored.ok && restored.settingsError).toContain('newer version');
  });

  it.each([
    ['negative time', { own: { '2026-05-01': { linkedin: [-5, 0, 0, 0] } } }, 'own.2026-05-01.linkedin[0]', '-5'],
    ['a date that is none', { own: { '2026-02-30': { linkedin: [5, 0, 0, 0] } } }, 'own.2026-02-30', '"2026-02-30"'],
    ['totals cut short', { imported: { [B]: { '2026-05-02': { xing: [5, 0] } } } }, `imported.${B}.2026-05-02.xing[2]`, 'nothing'],
    ['an imported source id that is none', { imported: { 'a b': {} } }, 'imported.a b', '"a b"'],
    ['no source id', { sourceId: undefined }, 'sourceId', 'nothing'],
    ['settings that are a list', { settings: [] }, 'settings', 'a list'],
    ['own time that is not an object', { own: 'lots' }, 'own', '"lots"'],
    ['a key no backup has', { own: JSON.parse('{"__proto__": {"linkedin": [5, 0, 0, 0]}}') }, 'own.__proto__', 'an object'],
  ])('refuses a damaged backup (%s) with a clear error', (_name, damage, path, found) => {
    const backup = { ...backupAt('b1', '2026-05-04T10:00:00Z'), ...damage } as Backup;
    const restored = restoreFromBackup(backup);
    if (restored.ok) throw new Error('restored');
    expect(restored.error.code).toBe('backup-damaged');
    expect(restored.error.params).toEqual({ path, found });
    expect(restored.error.message).toBe(`The backup is damaged: at ${path} it holds ${found}. Nothing was restored.`);
  });
});

describe('the stored list', () => {
  it('is read leaving out entries it cannot use; the state inside is checked on restore', () => {
    const good = backupAt('b1', '2026-05-04T10:00:00Z');
    const { own: _own, ...withoutOwn } = good;
    expect(parseBackupList([good, { id: 'x' }, 7, { ...good, reason: 'whim' }, withoutOwn])).toEqual([good]);
    expect(parseBackupList({ not: 'a list' })).toEqual([]);
  });
});
