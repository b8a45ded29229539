import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupList, buildExport, createBackup, exportText, parseImport, restoreFromBackup } from '@/utils/backup';
import {
  assignToClient, createClient, createSpecialization, defaultSettings, setSpecializationClient, type EditResult, type Settings,
} from '@/utils/settings';
import { BACKUPS_KEY, SETTINGS_KEY, SOURCE_ID_KEY, decodeEnvelope, decodeSettings } from '@/utils/storage';
import { startBackground } from './background-harness';

// Clients in export files and backups: their own field in the file, strict checks on import,
// older files without them, and a restore that brings them back.

const FIXTURES = fileURLToPath(new URL('../fixtures/exports/', import.meta.url));
const fixture = (name: string) => readFileSync(`${FIXTURES}${name}`, 'utf8');
const OWN = 'own-browser-1';
const AT = new Date('2026-05-04T16:20:05.123Z');

function settingsOf<T extends object>(result: EditResult<T>): Settings {
  if (!result.ok) throw new Error(`expected success, got ${result.code} on ${result.field}`);
  return result.settings;
}

/** Two clients (one holds LinkedIn whole, the other a page on it) and a specialization for the first. */
function withClients(): Settings {
  let s = defaultSettings();
  s = settingsOf(createClient(s, 'Acme', '#2F6FDE', () => 'acme'));
  s = settingsOf(createClient(s, 'Beta', '#d9480f', () => 'beta'));
  s = settingsOf(assignToClient(s, 'acme', { platform: 'linkedin', account: null }));
  s = settingsOf(assignToClient(s, 'beta', { platform: 'linkedin', account: 'company/beta' }));
  s = settingsOf(assignToClient(s, 'beta', { platform: 'custom', account: 'https://www.Forum.example.org/t/1' }));
  s = settingsOf(createSpecialization(s, 'Acme focus', () => 'spec-acme'));
  return settingsOf(setSpecializationClient(s, 'spec-acme', 'acme'));
}

function exportOf(settings: Settings) {
  return buildExport({ settings, sourceId: OWN, days: { '2026-05-01': { xing: [60_000, 0, 0, 0] } }, exportedAt: AT });
}

describe('the export file', () => {
  it('has the clients as a field of its own, and settings without them', () => {
    const settings = withClients();
    const file = exportOf(settings);
    expect(file.clients).toEqual(settings.clients);
    expect(Object.hasOwn(file.settings, 'clients')).toBe(false);
    const { clients: _clients, ...rest } = settings;
    expect(file.settings).toEqual(rest);
    // The text puts `clients` beside `settings`, before the rows.
    const parsed = JSON.parse(exportText(file)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'exportedAt', 'source', 'settings', 'clients', 'usage']);
  });

  it('imports back to the same settings, clients and the specialization\'s client included', () => {
    const settings = withClients();
    const result = parseImport(exportText(exportOf(settings)));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.warnings).toEqual([]);
    expect(result.data.settings).toEqual(settings);
    expect(result.data.settings?.specializations[0]?.clientId).toBe('acme');
    expect(result.data.settings?.clients.map((client) => [client.name, client.color])).toEqual([['Acme', '#2f6fde'], ['Beta', '#d9480f']]);
  });
});

describe('files without the clients field', () => {
  it('the stored v1 example imports with no clients and every specialization for none', () => {
    const result = parseImport(fixture('channel-focus-v1.json'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.warnings).toEqual([]);
    expect(result.data.settings?.clients).toEqual([]);
    expect(result.data.settings?.specializations.map((spec) => [spec.id, spec.clientId])).toEqual([['spec-acme', null]]);
    expect(result.data.settings?.sourceNames).toEqual({});
    expect(result.data.settings?.reports).toEqual({ weeklyReminder: false });
    expect(result.data.usage).toHaveLength(8);
  });

  it('take the clients their settings hold, when they hold some', () => {
    const settings = withClients();
    const { clients: _clients, ...file } = exportOf(settings);
    const result = parseImport(JSON.stringify({ ...file, settings: settings }));
    expect(result.ok && result.data.settings).toEqual(settings);
  });

  it('the top-level field goes before clients inside the settings', () => {
    const settings = withClients();
    const file = exportOf(settings);
    const stale = { ...file.settings, clients: [{ id: 'old', name: 'Old', color: '#000000', channels: [] }] };
    const result = parseImport(JSON.stringify({ ...file, settings: stale }));
    expect(result.ok && result.data.settings?.clients.map((client) => client.id)).toEqual(['acme', 'beta']);
  });

  it('top-level clients join settings of version 1 and keep what a specialization says', () => {
    const v1 = JSON.parse(fixture('channel-focus-v1.json')) as { settings: Record<string, unknown> };
    const clients = [{ id: 'acme', name: 'Acme', color: '#2f6fde', channels: [{ platform: 'xing', accounts: null }] }];
    const result = parseImport(JSON.stringify({ ...v1, clients }));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.settings?.clients).toEqual(clients);
    expect(result.data.settings?.specializations[0]?.clientId).toBeNull();
  });
});

describe('the example file with clients', () => {
  it('imports without warnings, with its clients, their specializations and browser names', () => {
    const result = parseImport(fixture('channel-focus-v1-clients.json'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.warnings).toEqual([]);
    const settings = result.data.settings;
    expect(settings?.clients.map((client) => [client.id, client.name, client.color])).toEqual([
      ['client-acme', 'Acme GmbH', '#2f6fde'], ['client-beta', 'Beta Studio', '#d9480f'],
    ]);
    expect(settings?.clients[0]?.channels).toEqual([
      { platform: 'linkedin', accounts: ['company/acme'] }, { platform: 'xing', accounts: null },
      { platform: 'custom', accounts: ['forum.example.org'] },
    ]);
    expect(settings?.specializations.map((spec) => [spec.id, spec.clientId])).toEqual([
      ['spec-acme', 'client-acme'], ['spec-beta', 'client-beta'],
    ]);
    expect(settings?.sourceNames).toEqual({ 'b2f0e6d4-91aa-4f0e-8c7d-5e3b2a1f9c08': 'Office laptop' });
    expect(settings?.reports).toEqual({ weeklyReminder: true });
    // The same rows as the v1 example: clients change nothing about the time.
    const v1 = parseImport(fixture('channel-focus-v1.json'));
    expect(v1.ok && v1.data.usage).toEqual(result.data.usage);
  });

  it('is what the exporter writes for those settings', () => {
    const result = parseImport(fixture('channel-focus-v1-clients.json'));
    if (!result.ok || !result.data.settings) throw new Error('expected usable settings');
    const again = buildExport({ settings: result.data.settings, sourceId: result.data.source, days: {}, exportedAt: AT });
    const stored = JSON.parse(fixture('channel-focus-v1-clients.json')) as Record<string, unknown>;
    expect(again.clients).toEqual(stored.clients);
    expect(again.settings).toEqual(stored.settings);
  });
});

describe('a backup', () => {
  it('brings the clients back on restore', () => {
    const settings = withClients();
    const backup = createBackup({
      id: 'b1', createdAt: AT, reason: 'before-import', settings, sourceId: OWN, history: { own: {}, imported: {} },
    });
    // Through storage's JSON, as the ring keeps it.
    const stored = decodeEnvelope(backupList, JSON.parse(JSON.stringify({ version: backupList.version, value: [backup] })));
    const [read] = stored.value;
    if (!read) throw new Error('backup lost');
    const restored = restoreFromBackup(read);
    expect(restored.ok && restored.settings).toEqual(settings);
    expect(restored.ok && restored.settings?.clients.map((client) => client.id)).toEqual(['acme', 'beta']);
  });
});

describe('through the background', () => {
  const withClientsStored = withClients();

  beforeEach(async () => {
    fakeBrowser.reset();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.UTC(2026, 4, 4, 12) });
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: withClientsStored, [SOURCE_ID_KEY]: OWN });
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('a file whose clients share an account changes nothing stored', async () => {
    const background = startBackground();
    await background.settings.ready;
    const before = await fakeBrowser.storage.local.get(null);
    const file = JSON.parse(exportText(exportOf(defaultSettings()))) as Record<string, unknown>;
    file.clients = [
      { id: 'a', name: 'A', color: '#111111', channels: [{ platform: 'x', accounts: ['acme'] }] },
      { id: 'b', name: 'B', color: '#222222', channels: [{ platform: 'x', accounts: ['ACME'] }] },
    ];
    const reply = await background.data.import(JSON.stringify(file), true);
    expect(reply).toMatchObject({ ok: false, error: 'account-in-two-clients' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('a restore after an import that replaced the settings gives the clients back', async () => {
    const background = startBackground();
    await background.settings.ready;
    const reply = await background.data.import(exportText(exportOf(defaultSettings())), true);
    expect(reply).toEqual({ ok: true });
    expect(decodeSettings((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).value.clients).toEqual([]);
    const backups = decodeEnvelope(backupList, (await fakeBrowser.storage.local.get(BACKUPS_KEY))[BACKUPS_KEY]).value;
    const [beforeImport] = backups;
    expect(beforeImport?.reason).toBe('before-import');
    const restored = await background.data.restore(beforeImport?.id ?? '');
    expect(restored).toEqual({ ok: true, settingsError: null });
    const settings = decodeSettings((await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]).value;
    expect(settings).toEqual(withClientsStored);
  });
});
