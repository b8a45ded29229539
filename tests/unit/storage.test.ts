import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  decodeDevices, decodeEnvelope, decodeSettings, decodeSyncState, decodeUsage, devicesItem, encodeEnvelope, importedUsage,
  syncStateItem, trackerRecord, usageDay, usageKey, type Versioned,
} from '@/utils/storage';
import { defaultSyncState } from '@/utils/sync/state';
import { backupList, restoreFromBackup } from '@/utils/backup';
import { SETTINGS_VERSION, defaultSettings } from '@/utils/settings';

const FIXTURES = join(import.meta.dirname, '../fixtures/storage');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

describe('stored examples of every version', () => {
  // One file per item and version: `<item>-v<N>.json`. A new version adds a file; every file must
  // still read after all migrations.
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
  const items: Record<string, { current: number; read(raw: unknown): { status: string } }> = {
    settings: { current: SETTINGS_VERSION, read: decodeSettings },
    usage: { current: usageDay.version, read: (raw) => decodeEnvelope(usageDay, raw) },
    tracker: { current: trackerRecord.version, read: (raw) => decodeEnvelope(trackerRecord, raw) },
    imported: { current: importedUsage.version, read: (raw) => decodeEnvelope(importedUsage, raw) },
    backups: { current: backupList.version, read: (raw) => decodeEnvelope(backupList, raw) },
    sync: { current: syncStateItem.version, read: (raw) => decodeEnvelope(syncStateItem, raw) },
    devices: { current: devicesItem.version, read: (raw) => decodeEnvelope(devicesItem, raw) },
  };

  it('has an example of every version of every item', () => {
    for (const [name, item] of Object.entries(items)) {
      for (let version = 1; version <= item.current; version++) expect(files, name).toContain(`${name}-v${version}.json`);
    }
  });

  it.each(files)('%s reads through all migrations', (file) => {
    const item = items[file.split('-v')[0]!]!;
    expect(item.read(fixture(file)).status).toBe('ok');
  });
});

describe('backups', () => {
  it('version 1 (full exports) becomes version 2, the storage form, with the same state', () => {
    const migrated = decodeEnvelope(backupList, fixture('backups-v1.json'));
    expect(migrated).toEqual({ status: 'ok', value: (fixture('backups-v2.json') as { value: unknown }).value, migratedFrom: 1 });
    const [backup] = migrated.value;
    expect(backup && restoreFromBackup(backup)).toMatchObject({
      ok: true,
      sourceId: '6f1c2a9e-4b7d-4c3e-9a51-0d2f8e7b3c10',
      history: {
        own: { '2026-11-29': { x: [0, 30_000, 0, 0] } },
        imported: { 'b7d3c2a1-0f4e-4a5b-9c8d-112233445566': { '2026-11-30': { 'linkedin:company/acme': [600_000, 0, 0, 0] } } },
      },
    });
  });

  it('leaves a version 1 backup it cannot convert out of the list, and never throws', () => {
    const v1 = fixture('backups-v1.json') as { version: 1; value: Record<string, unknown>[] };
    const good = v1.value[0]!;
    const exported = good.export as Record<string, unknown>;
    const broken = [
      { ...good, id: 'negative', export: { ...exported, usage: [{ date: '2026-11-29', platform: 'x', account: null, seconds: -1, focus: 'out' }] } },
      { ...good, id: 'no-export', export: undefined },
      { ...good, id: 'from-the-future', export: { ...exported, version: 9 } },
      'not a backup',
      null,
    ];
    const outcome = decodeEnvelope(backupList, { version: 1, value: [broken[0], good, ...broken.slice(1)] });
    expect(outcome.status).toBe('ok');
    expect(outcome.value.map((backup) => backup.id)).toEqual(['backup-1']);
    expect(decodeEnvelope(backupList, { version: 1, value: 'not a list' }).status).toBe('unreadable');
  });
});

describe('decodeEnvelope', () => {
  const doubling: Versioned<number> = {
    version: 3,
    migrations: [(old) => (old as number) * 2, (old) => (old as number) + 1],
    parse: (value) => (typeof value === 'number' ? value : null),
    fallback: () => 0,
  };

  it('runs each migration step in order', () => {
    expect(decodeEnvelope(doubling, { version: 1, value: 5 })).toEqual({ status: 'ok', value: 11, migratedFrom: 1 });
    expect(decodeEnvelope(doubling, { version: 2, value: 5 })).toEqual({ status: 'ok', value: 6, migratedFrom: 2 });
    expect(decodeEnvelope(doubling, { version: 3, value: 5 })).toEqual({ status: 'ok', value: 5 });
  });

  it('treats a missing value as missing, with the safe default', () => {
    expect(decodeEnvelope(doubling, undefined)).toEqual({ status: 'missing', value: 0 });
  });

  it.each([
    ['a bare value', 5, 'not a versioned value'],
    ['an array', [1], 'not a versioned value'],
    ['no version', { value: 5 }, 'no valid version'],
    ['a version from the future', { version: 4, value: 5 }, 'newer'],
    ['a value of the wrong shape', { version: 3, value: 'five' }, 'shape'],
  ])('reports %s as unreadable, never as data', (_name, raw, reason) => {
    const outcome = decodeEnvelope(doubling, raw);
    expect(outcome.status).toBe('unreadable');
    expect(outcome.status === 'unreadable' && outcome.reason).toContain(reason);
    expect(outcome.value).toBe(0);
  });

  it('reports a throwing migration as unreadable', () => {
    const broken: Versioned<number> = { ...doubling, migrations: [() => { throw new Error('boom'); }, (v) => v] };
    const outcome = decodeEnvelope(broken, { version: 1, value: 5 });
    expect(outcome.status === 'unreadable' && outcome.reason).toContain('boom');
  });
});

describe('usage days', () => {
  it('round-trips through its envelope and skips other keys', () => {
    const day = { 'linkedin:company/acme': [1000, 0, 0, 0] as [number, number, number, number] };
    const all = { [usageKey('2026-12-01')]: encodeEnvelope(usageDay, day), settings: defaultSettings(), other: 1 };
    expect(decodeUsage(all)).toEqual({ days: { '2026-12-01': day }, unreadable: [] });
  });

  it('lists unreadable days instead of dropping them silently', () => {
    const all = { [usageKey('2026-12-01')]: { version: 1, value: { linkedin: [-5, 0, 0, 0] } } };
    const decoded = decodeUsage(all);
    expect(decoded.days).toEqual({});
    expect(decoded.unreadable.map((u) => u.key)).toEqual([usageKey('2026-12-01')]);
  });
});

describe('settings', () => {
  it('gives defaults for a missing value and a reason for a broken one', () => {
    expect(decodeSettings(undefined)).toEqual({ status: 'missing', value: defaultSettings() });
    const broken = decodeSettings({ version: 1, specializations: 'none' });
    expect(broken.status).toBe('unreadable');
    expect(broken.value).toEqual(defaultSettings());
  });
});

describe('sync state and other devices', () => {
  it('reads sync as off when the state is missing or unreadable: sync is opt-in', () => {
    expect(decodeSyncState(undefined)).toEqual(defaultSyncState());
    expect(decodeSyncState({ version: 1, value: { enabled: 'yes' } })).toEqual(defaultSyncState());
    expect(decodeSyncState({ version: 2, value: { ...defaultSyncState(), enabled: true } })).toEqual(defaultSyncState());
    expect(decodeSyncState(fixture('sync-v1.json'))).toMatchObject({ enabled: true, attempt: 1, problem: { code: 'quota-bytes' } });
  });

  it('reads the other devices, or none', () => {
    expect(decodeDevices(undefined)).toEqual({});
    expect(decodeDevices({ version: 1, value: { 'a:b': { publishedAt: 1, days: {} } } })).toEqual({});
    expect(decodeDevices(fixture('devices-v1.json'))['device-a']?.days['2026-05-04']).toEqual({
      linkedin: [60000, 0, 0, 0], 'linkedin:company/acme': [0, 30000, 0, 0],
    });
    expect(decodeDevices(encodeEnvelope(devicesItem, { phone: { publishedAt: 5, days: {} } }))).toEqual({ phone: { publishedAt: 5, days: {} } });
  });
});
