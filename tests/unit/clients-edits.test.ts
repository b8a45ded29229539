import { describe, expect, it } from 'vitest';
import {
  LIMITS, assignToClient, createClient, createSpecialization, defaultSettings, deleteClient, deleteSpecialization,
  duplicateSpecialization, moveToClient, parseSettings, recolorClient, renameClient, renameSource, restoreSpecialization,
  setSpecializationClient, setWeeklyReminder, unassignFromClient, type Client, type EditResult, type Settings,
} from '@/utils/settings';

function settingsOf<T extends object>(result: EditResult<T>): Settings {
  if (!result.ok) throw new Error(`expected success, got ${result.code} on ${result.field}`);
  return result.settings;
}

const ids = (...list: string[]) => {
  const queue = [...list];
  return () => queue.shift() ?? 'exhausted';
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Acme and Beta, no channels yet. */
function twoClients(): Settings {
  let s = defaultSettings();
  s = settingsOf(createClient(s, 'Acme', '#2f6fde', ids('acme')));
  return settingsOf(createClient(s, 'Beta', '#d9480f', ids('beta')));
}

const channelsOf = (settings: Settings, id: string): Client['channels'] | undefined =>
  settings.clients.find((client) => client.id === id)?.channels;

describe('creating, renaming, recolouring clients', () => {
  it('creates a client with a trimmed name, its colour in lower case and no channels', () => {
    const result = createClient(defaultSettings(), '  Acme GmbH ', '#2F6FDE', ids('acme'));
    expect(result).toEqual({
      ok: true, id: 'acme',
      settings: { ...defaultSettings(), clients: [{ id: 'acme', name: 'Acme GmbH', color: '#2f6fde', channels: [] }] },
    });
  });

  it.each([
    ['an empty name', '  ', '#2f6fde', 'name', 'name-empty'],
    ['a long name', 'x'.repeat(61), '#2f6fde', 'name', 'name-too-long'],
    ['a taken name, in another case', ' ACME ', '#2f6fde', 'name', 'name-taken'],
    ['a colour by name', 'Gamma', 'red', 'color', 'color-invalid'],
    ['a short colour', 'Gamma', '#fff', 'color', 'color-invalid'],
  ])('refuses %s', (_label, name, color, field, code) => {
    expect(createClient(twoClients(), name, color, ids('gamma'))).toEqual({ ok: false, field, code });
  });

  it('refuses an id already used, and a client past the 100th', () => {
    expect(createClient(twoClients(), 'Gamma', '#000000', ids('acme'))).toEqual({ ok: false, field: 'id', code: 'client-id-taken' });
    let s = defaultSettings();
    for (let n = 0; n < LIMITS.clients; n += 1) s = settingsOf(createClient(s, `Client ${n}`, '#000000', ids(`c${n}`)));
    expect(createClient(s, 'One more', '#000000', ids('more'))).toEqual({ ok: false, field: 'clients', code: 'too-many-clients' });
  });

  it('renames (its own name in another case is fine) and recolours; unknown ids fail', () => {
    const s = twoClients();
    expect(settingsOf(renameClient(s, 'acme', ' ACME ')).clients[0]?.name).toBe('ACME');
    expect(renameClient(s, 'acme', 'beta')).toEqual({ ok: false, field: 'name', code: 'name-taken' });
    expect(renameClient(s, 'ghost', 'Gamma')).toEqual({ ok: false, field: 'id', code: 'client-not-found' });
    expect(settingsOf(recolorClient(s, 'beta', '#ABCDEF')).clients[1]?.color).toBe('#abcdef');
    expect(recolorClient(s, 'beta', 'blue')).toEqual({ ok: false, field: 'color', code: 'color-invalid' });
    expect(recolorClient(s, 'ghost', '#000000')).toEqual({ ok: false, field: 'id', code: 'client-not-found' });
  });
});

describe('deleting a client', () => {
  it('removes it; its specializations stay, active, for no client', () => {
    let s = twoClients();
    s = settingsOf(createSpecialization(s, 'Acme focus', ids('focus')));
    s = settingsOf(setSpecializationClient(s, 'focus', 'acme'));
    s = settingsOf(createSpecialization(s, 'Beta focus', ids('beta-focus')));
    s = settingsOf(setSpecializationClient(s, 'beta-focus', 'beta'));
    const after = settingsOf(deleteClient(s, 'acme'));
    expect(after.clients.map((client) => client.id)).toEqual(['beta']);
    expect(after.specializations.map((spec) => [spec.id, spec.clientId])).toEqual([['focus', null], ['beta-focus', 'beta']]);
    expect(after.activeSpecializationId).toBe('focus');
    expect(deleteClient(after, 'acme')).toEqual({ ok: false, field: 'id', code: 'client-not-found' });
  });
});

describe('assigning channels', () => {
  it('lists accounts, once regardless of case, and adds the whole platform', () => {
    let s = twoClients();
    s = settingsOf(assignToClient(s, 'acme', { platform: 'linkedin', account: ' company/acme ' }));
    s = settingsOf(assignToClient(s, 'acme', { platform: 'linkedin', account: 'Company/ACME' }));
    s = settingsOf(assignToClient(s, 'acme', { platform: 'linkedin', account: 'company/acme-jobs' }));
    s = settingsOf(assignToClient(s, 'acme', { platform: 'xing', account: null }));
    expect(channelsOf(s, 'acme')).toEqual([
      { platform: 'linkedin', accounts: ['company/acme', 'company/acme-jobs'] },
      { platform: 'xing', accounts: null },
    ]);
  });

  it('the whole platform replaces the accounts listed on it; an account on a whole platform changes nothing', () => {
    let s = twoClients();
    s = settingsOf(assignToClient(s, 'acme', { platform: 'linkedin', account: 'company/acme' }));
    s = settingsOf(assignToClient(s, 'acme', { platform: 'linkedin', account: null }));
    expect(channelsOf(s, 'acme')).toEqual([{ platform: 'linkedin', accounts: null }]);
    expect(assignToClient(s, 'acme', { platform: 'linkedin', account: 'company/other' })).toEqual({ ok: true, settings: s });
  });

  it('a custom channel is its host, in its normal form; it needs one', () => {
    let s = twoClients();
    s = settingsOf(assignToClient(s, 'acme', { platform: 'custom', account: 'https://www.Forum.Example.org/t/1' }));
    expect(channelsOf(s, 'acme')).toEqual([{ platform: 'custom', accounts: ['forum.example.org'] }]);
    expect(assignToClient(s, 'acme', { platform: 'custom', account: null })).toEqual({ ok: false, field: 'channel', code: 'channel-invalid' });
    expect(assignToClient(s, 'acme', { platform: 'custom', account: 'not a host' })).toEqual({ ok: false, field: 'channel', code: 'channel-invalid' });
    expect(assignToClient(s, 'beta', { platform: 'custom', account: 'FORUM.example.org' }))
      .toEqual({ ok: false, field: 'channel', code: 'account-has-client', otherClientId: 'acme' });
  });

  it('refuses an account another client lists, naming that client', () => {
    const s = settingsOf(assignToClient(twoClients(), 'acme', { platform: 'x', account: 'acme' }));
    expect(assignToClient(s, 'beta', { platform: 'x', account: 'ACME' }))
      .toEqual({ ok: false, field: 'channel', code: 'account-has-client', otherClientId: 'acme' });
  });

  it('refuses a whole platform another client holds, but not an account on it', () => {
    const s = settingsOf(assignToClient(twoClients(), 'acme', { platform: 'linkedin', account: null }));
    expect(assignToClient(s, 'beta', { platform: 'linkedin', account: null }))
      .toEqual({ ok: false, field: 'channel', code: 'platform-has-client', otherClientId: 'acme' });
    const page = settingsOf(assignToClient(s, 'beta', { platform: 'linkedin', account: 'company/beta' }));
    expect(channelsOf(page, 'beta')).toEqual([{ platform: 'linkedin', accounts: ['company/beta'] }]);
    // Accounts another client lists do not block the whole platform either: they go before it.
    const whole = settingsOf(assignToClient(twoClients(), 'beta', { platform: 'linkedin', account: 'company/beta' }));
    expect(channelsOf(settingsOf(assignToClient(whole, 'acme', { platform: 'linkedin', account: null })), 'acme'))
      .toEqual([{ platform: 'linkedin', accounts: null }]);
  });

  it('refuses unknown clients, empty and too long accounts, and the 101st account of a platform', () => {
    const s = twoClients();
    expect(assignToClient(s, 'ghost', { platform: 'x', account: null })).toEqual({ ok: false, field: 'id', code: 'client-not-found' });
    expect(assignToClient(s, 'acme', { platform: 'x', account: '  ' })).toEqual({ ok: false, field: 'channel', code: 'channel-invalid' });
    expect(assignToClient(s, 'acme', { platform: 'x', account: 'a'.repeat(201) })).toEqual({ ok: false, field: 'channel', code: 'channel-invalid' });
    let full = s;
    for (let n = 0; n < LIMITS.accountsPerPlatform; n += 1) full = settingsOf(assignToClient(full, 'acme', { platform: 'x', account: `a${n}` }));
    expect(assignToClient(full, 'acme', { platform: 'x', account: 'one-more' })).toEqual({ ok: false, field: 'channel', code: 'too-many-accounts' });
  });

  it('"move here" takes an account from the other client and gives it to this one', () => {
    let s = twoClients();
    s = settingsOf(assignToClient(s, 'acme', { platform: 'x', account: 'shared' }));
    s = settingsOf(assignToClient(s, 'acme', { platform: 'x', account: 'acme' }));
    const moved = settingsOf(moveToClient(s, 'beta', { platform: 'x', account: 'SHARED' }));
    expect(channelsOf(moved, 'acme')).toEqual([{ platform: 'x', accounts: ['acme'] }]);
    expect(channelsOf(moved, 'beta')).toEqual([{ platform: 'x', accounts: ['SHARED'] }]);
  });

  it('"move here" of a whole platform leaves the accounts other clients list on it', () => {
    let s = twoClients();
    s = settingsOf(createClient(s, 'Gamma', '#00aa00', ids('gamma')));
    s = settingsOf(assignToClient(s, 'acme', { platform: 'linkedin', account: null }));
    s = settingsOf(assignToClient(s, 'acme', { platform: 'xing', account: null }));
    s = settingsOf(assignToClient(s, 'gamma', { platform: 'linkedin', account: 'company/gamma' }));
    const moved = settingsOf(moveToClient(s, 'beta', { platform: 'linkedin', account: null }));
    expect(channelsOf(moved, 'acme')).toEqual([{ platform: 'xing', accounts: null }]);
    expect(channelsOf(moved, 'beta')).toEqual([{ platform: 'linkedin', accounts: null }]);
    expect(channelsOf(moved, 'gamma')).toEqual([{ platform: 'linkedin', accounts: ['company/gamma'] }]);
    expect(moveToClient(s, 'ghost', { platform: 'x', account: null })).toEqual({ ok: false, field: 'id', code: 'client-not-found' });
  });

  it('unassigns an account (the entry goes with its last one) or a whole platform', () => {
    let s = twoClients();
    s = settingsOf(assignToClient(s, 'acme', { platform: 'x', account: 'one' }));
    s = settingsOf(assignToClient(s, 'acme', { platform: 'x', account: 'two' }));
    s = settingsOf(assignToClient(s, 'acme', { platform: 'xing', account: null }));
    s = settingsOf(assignToClient(s, 'acme', { platform: 'custom', account: 'forum.example.org' }));
    s = settingsOf(unassignFromClient(s, 'acme', { platform: 'x', account: 'ONE' }));
    expect(channelsOf(s, 'acme')).toEqual([
      { platform: 'x', accounts: ['two'] }, { platform: 'xing', accounts: null }, { platform: 'custom', accounts: ['forum.example.org'] },
    ]);
    s = settingsOf(unassignFromClient(s, 'acme', { platform: 'x', account: 'two' }));
    s = settingsOf(unassignFromClient(s, 'acme', { platform: 'xing', account: null }));
    s = settingsOf(unassignFromClient(s, 'acme', { platform: 'custom', account: 'www.forum.example.org' }));
    expect(channelsOf(s, 'acme')).toEqual([]);
    expect(unassignFromClient(s, 'ghost', { platform: 'x', account: null })).toEqual({ ok: false, field: 'id', code: 'client-not-found' });
  });
});

describe('specializations and clients', () => {
  it('a new specialization is for no client; one can be set and cleared', () => {
    let s = settingsOf(createSpecialization(twoClients(), 'Focus', ids('focus')));
    expect(s.specializations[0]?.clientId).toBeNull();
    s = settingsOf(setSpecializationClient(s, 'focus', 'beta'));
    expect(s.specializations[0]?.clientId).toBe('beta');
    expect(settingsOf(setSpecializationClient(s, 'focus', null)).specializations[0]?.clientId).toBeNull();
    expect(setSpecializationClient(s, 'ghost', 'beta')).toEqual({ ok: false, field: 'id', code: 'specialization-not-found' });
    expect(setSpecializationClient(s, 'focus', 'ghost')).toEqual({ ok: false, field: 'clientId', code: 'client-not-found' });
  });

  it('a copy keeps the client; a restored specialization whose client was deleted meanwhile is for none', () => {
    let s = settingsOf(createSpecialization(twoClients(), 'Focus', ids('focus')));
    s = settingsOf(setSpecializationClient(s, 'focus', 'acme'));
    const copied = settingsOf(duplicateSpecialization(s, 'focus', 'Focus (copy)', ids('copy')));
    expect(copied.specializations.map((spec) => spec.clientId)).toEqual(['acme', 'acme']);
    const deleted = deleteSpecialization(s, 'focus');
    if (!deleted) throw new Error('not deleted');
    const withoutAcme = settingsOf(deleteClient(deleted.settings, 'acme'));
    const restored = settingsOf(restoreSpecialization(withoutAcme, deleted.removed));
    expect(restored.specializations.map((spec) => [spec.id, spec.clientId])).toEqual([['focus', null]]);
    expect(settingsOf(restoreSpecialization(deleted.settings, deleted.removed)).specializations[0]?.clientId).toBe('acme');
  });
});

describe('browser names and the weekly reminder', () => {
  it('names a browser, trimmed; an empty name removes it; too long or no source id is refused', () => {
    let s = settingsOf(renameSource(defaultSettings(), 'b2f0e6d4-91aa', '  Office laptop '));
    expect(s.sourceNames).toEqual({ 'b2f0e6d4-91aa': 'Office laptop' });
    s = settingsOf(renameSource(s, 'other', 'Home'));
    expect(settingsOf(renameSource(s, 'b2f0e6d4-91aa', '   ')).sourceNames).toEqual({ other: 'Home' });
    expect(renameSource(s, 'other', 'x'.repeat(61))).toEqual({ ok: false, field: 'name', code: 'name-too-long' });
    expect(renameSource(s, 'not an id', 'X')).toEqual({ ok: false, field: 'sourceId', code: 'source-invalid' });
    expect(renameSource(s, '__proto__', 'X')).toEqual({ ok: false, field: 'sourceId', code: 'source-invalid' });
  });

  it('turns the reminder on and off', () => {
    const on = settingsOf(setWeeklyReminder(defaultSettings(), true));
    expect(on.reports).toEqual({ weeklyReminder: true });
    expect(settingsOf(setWeeklyReminder(on, false))).toEqual(defaultSettings());
  });
});

describe('every edit', () => {
  it('leaves its input untouched, and every result reads back as the same stored settings', () => {
    let s = twoClients();
    s = settingsOf(createSpecialization(s, 'Focus', ids('focus')));
    const steps: ((settings: Settings) => EditResult<object>)[] = [
      (x) => assignToClient(x, 'acme', { platform: 'linkedin', account: 'company/acme' }),
      (x) => assignToClient(x, 'beta', { platform: 'linkedin', account: null }),
      (x) => assignToClient(x, 'beta', { platform: 'custom', account: 'forum.example.org' }),
      (x) => moveToClient(x, 'acme', { platform: 'custom', account: 'forum.example.org' }),
      (x) => setSpecializationClient(x, 'focus', 'beta'),
      (x) => renameClient(x, 'beta', 'Beta Studio'),
      (x) => recolorClient(x, 'beta', '#123456'),
      (x) => renameSource(x, 'laptop', 'Laptop'),
      (x) => setWeeklyReminder(x, true),
      (x) => unassignFromClient(x, 'acme', { platform: 'linkedin', account: 'company/acme' }),
      (x) => deleteClient(x, 'beta'),
    ];
    for (const step of steps) {
      const before = JSON.stringify(s);
      const next = settingsOf(step(deepFreeze(s)));
      expect(JSON.stringify(s)).toBe(before);
      expect(parseSettings(JSON.parse(JSON.stringify(next)))).toEqual({ ok: true, settings: next });
      s = next;
    }
    expect(s.clients).toEqual([{ id: 'acme', name: 'Acme', color: '#2f6fde', channels: [{ platform: 'custom', accounts: ['forum.example.org'] }] }]);
    expect(s.specializations[0]?.clientId).toBeNull();
  });
});
