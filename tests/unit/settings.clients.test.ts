import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CLIENT_COLOR, SETTINGS_MIGRATIONS, defaultSettings, migrateSettings, parseSettings, settingsV1ToV2,
  validateClientName, type Client, type Settings,
} from '@/utils/settings';

// Settings version 2: the migration from version 1, and the safe defaults that keep a bad client
// from costing the rest of the stored settings.

const storedV1 = (): Record<string, unknown> => JSON.parse(readFileSync(
  fileURLToPath(new URL('../fixtures/storage/settings-v1.json', import.meta.url)), 'utf8',
)) as Record<string, unknown>;

const client = (id: string, name: string, channels: Client['channels'] = [], color = '#2f6fde'): Client =>
  ({ id, name, color, channels });

function parsed(value: unknown): Settings {
  const result = parseSettings(value);
  if (!result.ok) throw new Error(result.error);
  return result.settings;
}

/** Settings as stored, with raw clients and specializations that may be broken. */
function stored(clients: unknown, specializations: unknown[] = []): Record<string, unknown> {
  return { ...defaultSettings(), clients, specializations } as unknown as Record<string, unknown>;
}

const spec = (id: string, clientId: unknown) => ({
  id, name: `Focus ${id}`, channels: [], budgets: { totalMinutes: null, perChannel: {} }, workingHours: null, clientId,
});

describe('migration from version 1', () => {
  it('is the one step, and adds clients, browser names, the reminder and a client of none', () => {
    expect(SETTINGS_MIGRATIONS).toEqual([settingsV1ToV2]);
    const v1 = storedV1();
    const migrated = migrateSettings(v1);
    if (!migrated.ok) throw new Error(migrated.error);
    expect(migrated.value).toEqual({
      ...v1,
      version: 2,
      clients: [],
      sourceNames: {},
      reports: { weeklyReminder: false },
      specializations: (v1.specializations as object[]).map((entry) => ({ ...entry, clientId: null })),
    });
  });

  it('reads the stored v1 example to settings that keep everything it held', () => {
    const v1 = storedV1();
    const settings = parsed(v1);
    expect(settings.version).toBe(2);
    expect(settings.activeSpecializationId).toBe('spec-acme');
    expect(settings.specializations).toEqual([
      { id: 'spec-acme', name: 'Client Acme', channels: [], budgets: { totalMinutes: null, perChannel: {} }, workingHours: null, clientId: null },
    ]);
    expect(settings.platforms).toEqual(v1.platforms);
    expect([settings.clients, settings.sourceNames, settings.reports]).toEqual([[], {}, { weeklyReminder: false }]);
  });

  it('reads the v1 settings inside the stored export example', () => {
    const file = JSON.parse(readFileSync(
      fileURLToPath(new URL('../fixtures/exports/channel-focus-v1.json', import.meta.url)), 'utf8',
    )) as { settings: Record<string, unknown> };
    const settings = parsed(file.settings);
    expect(settings.specializations.map((entry) => [entry.id, entry.clientId, entry.workingHours?.timeZone])).toEqual([
      ['spec-acme', null, 'Europe/Berlin'],
    ]);
    expect(settings.customHosts).toEqual([{ host: 'forum.example.org', platform: 'custom' }]);
  });

  it('keeps clients already attached to a v1 object (an import joins a file\'s clients this way)', () => {
    const clients = [client('acme', 'Acme')];
    expect(parsed({ ...storedV1(), clients }).clients).toEqual(clients);
  });
});

describe('safe defaults for stored clients', () => {
  it('an account two clients list, in any case, stays with the first', () => {
    const settings = parsed(stored([
      client('a', 'A', [{ platform: 'linkedin', accounts: ['company/acme', 'company/other'] }]),
      client('b', 'B', [{ platform: 'linkedin', accounts: ['Company/ACME', 'company/beta'] }, { platform: 'x', accounts: ['beta'] }]),
      client('c', 'C', [{ platform: 'linkedin', accounts: ['COMPANY/OTHER'] }]),
    ]));
    expect(settings.clients.map((entry) => [entry.id, entry.channels])).toEqual([
      ['a', [{ platform: 'linkedin', accounts: ['company/acme', 'company/other'] }]],
      ['b', [{ platform: 'linkedin', accounts: ['company/beta'] }, { platform: 'x', accounts: ['beta'] }]],
      // Nothing left on LinkedIn: the entry goes, never widened to the whole platform.
      ['c', []],
    ]);
  });

  it('a whole platform held twice stays with the first; accounts on it may belong to others', () => {
    const settings = parsed(stored([
      client('a', 'A', [{ platform: 'xing', accounts: null }]),
      client('b', 'B', [{ platform: 'xing', accounts: null }, { platform: 'reddit', accounts: null }]),
      client('c', 'C', [{ platform: 'xing', accounts: ['acme'] }]),
    ]));
    expect(settings.clients.map((entry) => entry.channels)).toEqual([
      [{ platform: 'xing', accounts: null }],
      [{ platform: 'reddit', accounts: null }],
      [{ platform: 'xing', accounts: ['acme'] }],
    ]);
  });

  it('custom hosts compare in their normal form', () => {
    const settings = parsed(stored([
      client('a', 'A', [{ platform: 'custom', accounts: ['forum.example.org'] }]),
      client('b', 'B', [{ platform: 'custom', accounts: ['WWW.Forum.Example.org', 'blog.example.org'] }]),
    ]));
    expect(settings.clients[1]?.channels).toEqual([{ platform: 'custom', accounts: ['blog.example.org'] }]);
  });

  it('a later client with an id already used is dropped', () => {
    const settings = parsed(stored([client('a', 'A'), client('a', 'Again'), client('b', 'B')]));
    expect(settings.clients.map((entry) => [entry.id, entry.name])).toEqual([['a', 'A'], ['b', 'B']]);
  });

  it.each([
    ['a colour by name', 'red'],
    ['three digits', '#fff'],
    ['no hash', '2f6fde'],
    ['a number', 0x2f6fde],
    ['missing', undefined],
  ])('%s becomes the default colour', (_label, color) => {
    const settings = parsed(stored([{ id: 'a', name: 'A', color, channels: [] }]));
    expect(settings.clients).toEqual([client('a', 'A', [], DEFAULT_CLIENT_COLOR)]);
  });

  it('unreadable clients and entries are left out, the rest of the settings stays', () => {
    const base = defaultSettings();
    const value = {
      ...base,
      tracking: { ...base.tracking, retentionDays: 90 },
      clients: [
        'Acme',
        null,
        { id: '', name: 'No id', color: '#000000', channels: [] },
        { id: 'blank', name: '   ', color: '#000000', channels: [] },
        { id: 'ok', name: 'Fine', color: '#ABCDEF', channels: [
          { platform: 'myspace', accounts: null },
          { platform: 'linkedin', accounts: ['', 7, 'company/acme', 'company/ACME'] },
          { platform: 'custom', accounts: null },
          { platform: 'custom', accounts: ['not a host', 'forum.example.org'] },
          'x',
          { platform: 'linkedin', accounts: ['company/beta'] },
        ] },
      ],
      specializations: [spec('s1', 'ok')],
      activeSpecializationId: 's1',
    };
    const settings = parsed(value);
    expect(settings.clients).toEqual([client('ok', 'Fine', [
      { platform: 'linkedin', accounts: ['company/acme', 'company/beta'] },
      { platform: 'custom', accounts: ['forum.example.org'] },
    ], '#ABCDEF')]);
    expect(settings.tracking.retentionDays).toBe(90);
    expect(settings.activeSpecializationId).toBe('s1');
    expect(settings.specializations[0]?.clientId).toBe('ok');
  });

  it('clients that are not a list read as none', () => {
    expect(parsed({ ...defaultSettings(), clients: { a: client('a', 'A') } }).clients).toEqual([]);
  });

  it('keeps at most 100 clients, the first ones', () => {
    const many = Array.from({ length: 103 }, (_, index) => client(`c${index}`, `Client ${index}`));
    const settings = parsed(stored(many));
    expect(settings.clients).toHaveLength(100);
    expect(settings.clients.at(-1)?.id).toBe('c99');
  });

  it('a specialization\'s client that does not exist (or is no id) becomes none; the specialization stays', () => {
    const settings = parsed(stored([client('a', 'A')], [spec('s1', 'a'), spec('s2', 'ghost'), spec('s3', 42), spec('s4', undefined)]));
    expect(settings.specializations.map((entry) => [entry.id, entry.clientId])).toEqual([
      ['s1', 'a'], ['s2', null], ['s3', null], ['s4', null],
    ]);
  });

  it('browser names: unreadable ones are dropped; an unreadable reminder choice is off', () => {
    const settings = parsed({
      ...defaultSettings(),
      sourceNames: { 'b2f0e6d4-91aa': 'Laptop', 'not an id': 'X', empty: '  ', long: 'x'.repeat(61), number: 5 },
      reports: { weeklyReminder: 'yes' },
    });
    expect(settings.sourceNames).toEqual({ 'b2f0e6d4-91aa': 'Laptop' });
    expect(settings.reports).toEqual({ weeklyReminder: false });
    expect(parsed({ ...defaultSettings(), sourceNames: [], reports: null })).toEqual(defaultSettings());
  });

  it('a broken client never makes the other settings unreadable, also after a JSON round trip', () => {
    const settings = { ...defaultSettings(), clients: [{ id: 5, name: null, color: {}, channels: 'all' }] };
    expect(parseSettings(JSON.parse(JSON.stringify(settings)))).toEqual({ ok: true, settings: defaultSettings() });
  });
});

describe('validateClientName', () => {
  it('refuses an empty name, more than 60 characters and a name taken regardless of case and spaces', () => {
    expect(validateClientName('  ', [])).toBe('name-empty');
    expect(validateClientName('x'.repeat(61), [])).toBe('name-too-long');
    expect(validateClientName('ü'.repeat(60), [])).toBeNull();
    expect(validateClientName(' ACME ', ['Beta', 'acme'])).toBe('name-taken');
    expect(validateClientName('Acme GmbH', ['Acme'])).toBeNull();
  });
});
