import { describe, expect, it } from 'vitest';
import {
  addChannelToFocus,
  addCustomHost,
  budgetKeys,
  clearExpiredSnoozes,
  completeSetup,
  createSpecialization,
  defaultSettings,
  defaultWorkingHours,
  deleteSpecialization,
  duplicateSpecialization,
  firstFreeName,
  migrateSettings,
  parseSettings,
  removeCustomHost,
  renameSpecialization,
  restoreSpecialization,
  setActiveSpecialization,
  setChannelBudget,
  setFocusAccounts,
  setIdleThreshold,
  setPanelPlacement,
  setTotalBudget,
  setWorkingHours,
  skipSetup,
  snoozeFlag,
  toggleFocusPlatform,
  validateBudgetMinutes,
  validateCustomHost,
  validateIdleThreshold,
  validateSpecializationName,
  validateWorkingHours,
  SETTINGS_VERSION,
  type EditResult,
  type Settings,
} from '@/utils/settings';

function ids(...list: string[]): () => string {
  const queue = [...list];
  return () => queue.shift() ?? 'exhausted';
}

function settingsOf<T extends object>(result: EditResult<T>): Settings {
  if (!result.ok) throw new Error(`expected success, got ${result.code} on ${result.field}`);
  return result.settings;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Settings with two specializations, budgets, working hours and a custom host. */
function sample(): Settings {
  let s = defaultSettings();
  s = settingsOf(addCustomHost(s, 'https://Forum.Example.org/t/123', 'custom'));
  s = settingsOf(createSpecialization(s, 'Acme', ids('acme')));
  s = setFocusAccounts(s, 'acme', 'linkedin', ['company/acme']);
  s = toggleFocusPlatform(s, 'acme', 'xing');
  s = setFocusAccounts(s, 'acme', 'custom', ['forum.example.org']);
  s = settingsOf(setChannelBudget(s, 'acme', 'linkedin:company/acme', 45));
  s = settingsOf(setChannelBudget(s, 'acme', 'custom:forum.example.org', 20));
  s = settingsOf(setTotalBudget(s, 'acme', 120));
  s = settingsOf(setWorkingHours(s, 'acme', defaultWorkingHours('Europe/Berlin')));
  s = settingsOf(createSpecialization(s, 'Bakery', ids('bakery')));
  s = toggleFocusPlatform(s, 'bakery', 'instagram');
  return s;
}

describe('parseSettings', () => {
  it('accepts the defaults and a full example, also after a JSON round trip', () => {
    expect(parseSettings(defaultSettings())).toEqual({ ok: true, settings: defaultSettings() });
    const full = sample();
    expect(parseSettings(JSON.parse(JSON.stringify(full)))).toEqual({ ok: true, settings: full });
  });

  it('the stored version is explicit and current', () => {
    expect(defaultSettings().version).toBe(SETTINGS_VERSION);
    expect(SETTINGS_VERSION).toBe(2);
  });

  it.each([
    ['null', null, 'settings: expected an object'],
    ['a string', 'settings', 'settings: expected an object'],
    ['an array', [], 'settings: expected an object'],
    ['no version', {}, 'settings.version'],
    ['version 0', { ...defaultSettings(), version: 0 }, 'settings.version'],
    ['a fractional version', { ...defaultSettings(), version: 1.5 }, 'settings.version'],
  ])('refuses %s with a specific error', (_label, value, expected) => {
    const result = parseSettings(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(expected);
  });

  it('refuses a version from the future and says so', () => {
    const result = parseSettings({ ...defaultSettings(), version: 7 });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('newer version') });
  });

  it('names the offending field', () => {
    const base = defaultSettings();
    const cases: [unknown, string][] = [
      [{ ...base, tracking: { ...base.tracking, idleThresholdSeconds: 5 } }, 'settings.tracking.idleThresholdSeconds'],
      [{ ...base, tracking: { ...base.tracking, recordAccounts: 'yes' } }, 'settings.tracking.recordAccounts'],
      [{ ...base, panel: { ...base.panel, edge: 'top' } }, 'settings.panel.edge'],
      [{ ...base, platforms: { ...base.platforms, myspace: { tracked: true } } }, 'settings.platforms'],
      [{ ...base, customHosts: [{ host: 'not a host', platform: 'custom' }] }, 'settings.customHosts.0.host'],
      [{ ...base, activeSpecializationId: 'ghost' }, 'the active specialization exists'],
    ];
    for (const [value, expected] of cases) {
      const result = parseSettings(value);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toContain(expected);
    }
  });

  it('refuses broken specializations: budget 0, a day of budget and more, bad hours, duplicates', () => {
    const full = sample();
    const acme = full.specializations[0]!;
    const withAcme = (change: object) => ({ ...full, specializations: [{ ...acme, ...change }, full.specializations[1]] });
    const broken: unknown[] = [
      withAcme({ budgets: { totalMinutes: 0, perChannel: {} } }),
      withAcme({ budgets: { totalMinutes: null, perChannel: { linkedin: 1441 } } }),
      withAcme({ workingHours: { ...acme.workingHours, from: '18:00', to: '09:00' } }),
      withAcme({ workingHours: { ...acme.workingHours, timeZone: 'Mars/Olympus' } }),
      withAcme({ name: '   ' }),
      withAcme({ name: 'BAKERY' }),
      withAcme({ id: 'bakery' }),
      withAcme({ channels: [{ platform: 'xing', accounts: null }, { platform: 'xing', accounts: null }] }),
      withAcme({ channels: [{ platform: 'custom', accounts: null }] }),
      withAcme({ channels: [{ platform: 'linkedin', accounts: [] }] }),
    ];
    for (const value of broken) expect(parseSettings(value).ok).toBe(false);
  });

  it('accepts an explicit overnight window', () => {
    const full = sample();
    const acme = full.specializations[0]!;
    const night = { ...full, specializations: [{ ...acme, workingHours: { ...acme.workingHours!, from: '22:00', to: '06:00', overnight: true } }] };
    expect(parseSettings(night).ok).toBe(true);
  });

  it('drops __proto__ and constructor keys without polluting any prototype', () => {
    const json = JSON.stringify(defaultSettings())
      .replace('"snoozedUntil":{}', '"snoozedUntil":{"__proto__":{"polluted":1},"constructor":5,"x":99}')
      .replace('"perPlatform":{}', '"perPlatform":{"__proto__":{"collapsed":true,"hidden":true,"top":0.5}}')
      .replace(/^\{/, '{"__proto__":{"polluted":2},');
    const result = parseSettings(JSON.parse(json));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const snoozes = result.settings.flags.snoozedUntil;
    expect(snoozes).toEqual({ x: 99 });
    expect(Object.getPrototypeOf(snoozes)).toBe(Object.prototype);
    expect(Object.hasOwn(snoozes, '__proto__')).toBe(false);
    expect(Object.keys(result.settings.panel.perPlatform)).toEqual([]);
    expect(Object.getPrototypeOf(result.settings)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((result.settings as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on hostile values, and keeps errors short', () => {
    const throwing = { ...defaultSettings() };
    Object.defineProperty(throwing, 'tracking', { enumerable: true, get() { throw new Error('boom'); } });
    expect(parseSettings(throwing)).toEqual({ ok: false, error: 'settings: unreadable value' });
    const proxy = new Proxy({}, { get() { throw new Error('trap'); } });
    expect(parseSettings(proxy).ok).toBe(false);
    const huge = parseSettings({ ...defaultSettings(), panel: { edge: 'x'.repeat(1_000_000), perPlatform: {} } });
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.error.length).toBeLessThanOrEqual(200);
  });
});

describe('migrateSettings', () => {
  it('runs every step from the stored version to the current one, in order', () => {
    const steps = [
      (old: Record<string, unknown>) => ({ ...old, trail: [...(old.trail as string[]), '1->2'] }),
      (old: Record<string, unknown>) => ({ ...old, trail: [...(old.trail as string[]), '2->3'] }),
    ];
    expect(migrateSettings({ version: 1, trail: [] }, steps)).toEqual({ ok: true, value: { version: 3, trail: ['1->2', '2->3'] } });
    expect(migrateSettings({ version: 2, trail: [] }, steps)).toEqual({ ok: true, value: { version: 3, trail: ['2->3'] } });
    expect(migrateSettings({ version: 3, trail: [] }, steps)).toEqual({ ok: true, value: { version: 3, trail: [] } });
    expect(migrateSettings({ version: 4 }, steps).ok).toBe(false);
  });

  it('reports a step that fails instead of throwing', () => {
    const steps = [() => { throw new Error('bad'); }];
    expect(migrateSettings({ version: 1 }, steps)).toEqual({ ok: false, error: expect.stringContaining('version 1') });
  });

  it('with no steps, the current version passes unchanged', () => {
    const stored = defaultSettings();
    expect(migrateSettings(stored)).toEqual({ ok: true, value: stored });
  });
});

describe('validation for the editor', () => {
  it('names: empty, duplicate regardless of case and spaces, at most 60 characters', () => {
    expect(validateSpecializationName('', [])).toBe('name-empty');
    expect(validateSpecializationName('   ', [])).toBe('name-empty');
    expect(validateSpecializationName(' acme ', ['ACME'])).toBe('name-duplicate');
    expect(validateSpecializationName('Acme GmbH', ['Acme'])).toBeNull();
    expect(validateSpecializationName('a'.repeat(60), [])).toBeNull();
    expect(validateSpecializationName('a'.repeat(61), [])).toBe('name-too-long');
    expect(validateSpecializationName('🎯'.repeat(60), [])).toBeNull(); // characters, not UTF-16 units
  });

  it('budgets: whole minutes from 1 to 24 h', () => {
    expect(validateBudgetMinutes(0)).toBe('budget-too-small');
    expect(validateBudgetMinutes(-3)).toBe('budget-too-small');
    expect(validateBudgetMinutes(1)).toBeNull();
    expect(validateBudgetMinutes(1440)).toBeNull();
    expect(validateBudgetMinutes(1441)).toBe('budget-too-large');
    expect(validateBudgetMinutes(1.5)).toBe('budget-invalid');
    expect(validateBudgetMinutes(Number.NaN)).toBe('budget-invalid');
  });

  it('idle threshold: 15 s to 1 h', () => {
    expect(validateIdleThreshold(14)).toBe('idle-too-small');
    expect(validateIdleThreshold(15)).toBeNull();
    expect(validateIdleThreshold(3600)).toBeNull();
    expect(validateIdleThreshold(3601)).toBe('idle-too-large');
  });

  it('working hours: from after to is explained unless the window is overnight', () => {
    const base = defaultWorkingHours('Europe/Berlin');
    expect(validateWorkingHours(base)).toEqual({});
    expect(validateWorkingHours({ ...base, from: '18:00', to: '09:00' })).toEqual({ to: 'from-not-before-to' });
    expect(validateWorkingHours({ ...base, from: '09:00', to: '09:00' })).toEqual({ to: 'from-not-before-to' });
    expect(validateWorkingHours({ ...base, from: '18:00', to: '09:00', overnight: true })).toEqual({});
    expect(validateWorkingHours({ ...base, overnight: true })).toEqual({ to: 'overnight-to-not-before-from' });
    expect(validateWorkingHours({ ...base, from: '9:00', to: '24:00' })).toEqual({ from: 'time-invalid', to: 'time-invalid' });
    expect(validateWorkingHours({ ...base, days: [] })).toEqual({ days: 'days-empty' });
    expect(validateWorkingHours({ ...base, days: [1, 7] })).toEqual({ days: 'day-invalid' });
    expect(validateWorkingHours({ ...base, days: [1, 1] })).toEqual({ days: 'day-invalid' });
    expect(validateWorkingHours({ ...base, timeZone: 'Europe/Atlantis' })).toEqual({ timeZone: 'time-zone-invalid' });
  });

  it('custom hosts: the host inside what was typed, not a built-in platform, not twice', () => {
    const s = settingsOf(addCustomHost(defaultSettings(), 'forum.example.org', 'custom'));
    expect(validateCustomHost('  ', s)).toEqual({ ok: false, code: 'host-empty' });
    expect(validateCustomHost('not a host', s)).toEqual({ ok: false, code: 'host-invalid' });
    expect(validateCustomHost('https://Social.Example.com/@me', s)).toEqual({ ok: true, host: 'social.example.com' });
    expect(validateCustomHost('FORUM.example.org', s)).toEqual({ ok: false, code: 'host-duplicate' });
    expect(validateCustomHost('www.linkedin.com', s)).toEqual({ ok: false, code: 'host-built-in' });
  });
});

describe('editor reducers', () => {
  it('never mutate their input, and every result is a valid stored state', () => {
    const frozen = deepFreeze(sample());
    const snapshot = JSON.parse(JSON.stringify(frozen));
    const results: Settings[] = [
      settingsOf(createSpecialization(frozen, 'Client C', ids('c'))),
      settingsOf(renameSpecialization(frozen, 'acme', 'Acme AG')),
      settingsOf(duplicateSpecialization(frozen, 'acme', 'Acme (copy)', ids('acme-copy'))),
      deleteSpecialization(frozen, 'acme')!.settings,
      setActiveSpecialization(frozen, 'bakery'),
      toggleFocusPlatform(frozen, 'acme', 'linkedin'),
      setFocusAccounts(frozen, 'acme', 'linkedin', ['company/acme', 'showcase/acme-labs']),
      addChannelToFocus(frozen, 'bakery', { platform: 'pinterest', account: 'bakery' }),
      settingsOf(setChannelBudget(frozen, 'acme', 'xing', 30)),
      settingsOf(setTotalBudget(frozen, 'acme', null)),
      settingsOf(setWorkingHours(frozen, 'bakery', { ...defaultWorkingHours('America/New_York'), days: [6, 0] })),
      settingsOf(addCustomHost(frozen, 'mastodon.example', 'mastodon')),
      removeCustomHost(frozen, 'forum.example.org'),
      settingsOf(setIdleThreshold(frozen, 120)),
      snoozeFlag(frozen, { platform: 'tiktok', account: null }, 1_750_000_000_000),
      setPanelPlacement(frozen, 'linkedin', { collapsed: true, top: 2 }),
      skipSetup(frozen),
    ];
    expect(JSON.parse(JSON.stringify(frozen))).toEqual(snapshot);
    for (const result of results) {
      expect(result).not.toBe(frozen);
      expect(parseSettings(JSON.parse(JSON.stringify(result)))).toEqual({ ok: true, settings: result });
    }
  });

  it('the first specialization becomes active, later ones do not', () => {
    const first = createSpecialization(defaultSettings(), ' Acme ', ids('a'));
    expect(first.ok && first.id).toBe('a');
    const s1 = settingsOf(first);
    expect(s1.activeSpecializationId).toBe('a');
    expect(s1.specializations[0]?.name).toBe('Acme');
    const s2 = settingsOf(createSpecialization(s1, 'Bakery', ids('b')));
    expect(s2.activeSpecializationId).toBe('a');
  });

  it('refuses invalid names and reused ids with a code', () => {
    const s = sample();
    expect(createSpecialization(s, 'acme', ids('x'))).toEqual({ ok: false, field: 'name', code: 'name-duplicate' });
    expect(createSpecialization(s, 'New', ids('acme'))).toEqual({ ok: false, field: 'id', code: 'specialization-id-taken' });
    expect(renameSpecialization(s, 'acme', 'BAKERY')).toEqual({ ok: false, field: 'name', code: 'name-duplicate' });
    expect(renameSpecialization(s, 'acme', 'ACME').ok).toBe(true); // its own name in another case
    expect(renameSpecialization(s, 'ghost', 'Ghost')).toEqual({ ok: false, field: 'id', code: 'specialization-not-found' });
  });

  it('a duplicate is a deep copy placed after the original, not active', () => {
    const s = sample();
    const result = duplicateSpecialization(s, 'acme', firstFreeName(s, (n) => `Acme (copy${n > 1 ? ` ${n}` : ''})`), ids('copy'));
    const next = settingsOf(result);
    expect(next.specializations.map((spec) => spec.id)).toEqual(['acme', 'copy', 'bakery']);
    const [original, copy] = next.specializations;
    expect(copy?.name).toBe('Acme (copy)');
    expect(copy?.channels).toEqual(original?.channels);
    expect(copy?.channels).not.toBe(original?.channels);
    expect(copy?.budgets.perChannel).not.toBe(original?.budgets.perChannel);
    expect(next.activeSpecializationId).toBe('acme');
    expect(firstFreeName(next, (n) => `Acme (copy${n > 1 ? ` ${n}` : ''})`)).toBe('Acme (copy 2)');
  });

  it('delete then restore gives back the original settings, active or not', () => {
    const s = settingsOf(createSpecialization(sample(), 'Client C', ids('c')));
    for (const id of ['acme', 'bakery', 'c']) {
      const deleted = deleteSpecialization(s, id);
      expect(deleted).not.toBeNull();
      if (!deleted) continue;
      expect(deleted.settings.specializations.some((spec) => spec.id === id)).toBe(false);
      expect(deleted.removed.wasActive).toBe(id === 'acme');
      if (id === 'acme') expect(deleted.settings.activeSpecializationId).toBeNull();
      expect(settingsOf(restoreSpecialization(deleted.settings, deleted.removed))).toEqual(s);
    }
    expect(deleteSpecialization(s, 'ghost')).toBeNull();
  });

  it('restore is refused when the name was taken meanwhile, and keeps a newer active choice', () => {
    const deleted = deleteSpecialization(sample(), 'acme')!;
    const taken = settingsOf(createSpecialization(deleted.settings, 'ACME', ids('new')));
    expect(restoreSpecialization(taken, deleted.removed)).toEqual({ ok: false, field: 'name', code: 'name-duplicate' });
    const switched = setActiveSpecialization(deleted.settings, 'bakery');
    expect(settingsOf(restoreSpecialization(switched, deleted.removed)).activeSpecializationId).toBe('bakery');
  });

  it('switching: to a known specialization or none; an unknown id changes nothing', () => {
    const s = sample();
    expect(setActiveSpecialization(s, 'bakery').activeSpecializationId).toBe('bakery');
    expect(setActiveSpecialization(s, null).activeSpecializationId).toBeNull();
    expect(setActiveSpecialization(s, 'ghost')).toBe(s);
  });

  it('removing a focus platform removes its budgets too', () => {
    const s = sample();
    const withoutLinkedin = toggleFocusPlatform(s, 'acme', 'linkedin');
    const acme = withoutLinkedin.specializations[0]!;
    expect(acme.channels.map((entry) => entry.platform)).toEqual(['xing', 'custom']);
    expect(acme.budgets.perChannel).toEqual({ 'custom:forum.example.org': 20 });
    expect(toggleFocusPlatform(withoutLinkedin, 'acme', 'linkedin').specializations[0]?.channels.at(-1))
      .toEqual({ platform: 'linkedin', accounts: null });
  });

  it('"only these accounts": cleaned, empty means the whole platform, dropped accounts lose their budget', () => {
    const s = sample();
    const listed = setFocusAccounts(s, 'acme', 'linkedin', [' company/acme ', 'COMPANY/ACME', '', 'showcase/labs']);
    expect(listed.specializations[0]?.channels[0]).toEqual({ platform: 'linkedin', accounts: ['company/acme', 'showcase/labs'] });
    const whole = setFocusAccounts(s, 'acme', 'linkedin', []);
    expect(whole.specializations[0]?.channels[0]).toEqual({ platform: 'linkedin', accounts: null });
    expect(whole.specializations[0]?.budgets.perChannel).toEqual({ 'custom:forum.example.org': 20 });
    const noCustom = setFocusAccounts(s, 'acme', 'custom', ['not a host']);
    expect(noCustom.specializations[0]?.channels.some((entry) => entry.platform === 'custom')).toBe(false);
  });

  it('the quick action adds a platform or an account, and leaves a whole platform whole', () => {
    const s = sample();
    const account = addChannelToFocus(s, 'acme', { platform: 'linkedin', account: 'company/other' });
    expect(account.specializations[0]?.channels[0]?.accounts).toEqual(['company/acme', 'company/other']);
    const platform = addChannelToFocus(s, 'acme', { platform: 'tiktok', account: null });
    expect(platform.specializations[0]?.channels.at(-1)).toEqual({ platform: 'tiktok', accounts: null });
    expect(addChannelToFocus(s, 'acme', { platform: 'xing', account: 'someone' })).toBe(s);
    expect(addChannelToFocus(s, 'acme', { platform: 'linkedin', account: null })).toBe(s);
  });

  it('budgets only on focus keys, within 1..1440 minutes; null clears', () => {
    const s = sample();
    expect(budgetKeys(s.specializations[0]!)).toEqual(['linkedin', 'linkedin:company/acme', 'xing', 'custom:forum.example.org']);
    expect(setChannelBudget(s, 'acme', 'tiktok', 30)).toEqual({ ok: false, field: 'channel', code: 'channel-not-in-focus' });
    expect(setChannelBudget(s, 'acme', 'xing', 0)).toEqual({ ok: false, field: 'minutes', code: 'budget-too-small' });
    expect(setTotalBudget(s, 'acme', 24 * 60 + 1)).toEqual({ ok: false, field: 'totalMinutes', code: 'budget-too-large' });
    const cleared = settingsOf(setChannelBudget(s, 'acme', 'linkedin:company/acme', null));
    expect(cleared.specializations[0]?.budgets.perChannel).toEqual({ 'custom:forum.example.org': 20 });
  });

  it('working hours are saved only when valid', () => {
    const s = sample();
    const wrong = { ...defaultWorkingHours('Europe/Berlin'), from: '18:00', to: '08:00' };
    expect(setWorkingHours(s, 'bakery', wrong)).toEqual({ ok: false, field: 'to', code: 'from-not-before-to' });
    const night = settingsOf(setWorkingHours(s, 'bakery', { ...wrong, overnight: true, days: [5, 1, 3] }));
    expect(night.specializations[1]?.workingHours).toMatchObject({ from: '18:00', to: '08:00', overnight: true, days: [1, 3, 5] });
    expect(settingsOf(setWorkingHours(night, 'bakery', null)).specializations[1]?.workingHours).toBeNull();
  });

  it('removing a custom host removes it from focus, budgets, snoozes and panel state', () => {
    let s = snoozeFlag(sample(), { platform: 'custom', account: 'forum.example.org' }, 10);
    s = setPanelPlacement(s, 'custom:forum.example.org', { hidden: true });
    const next = removeCustomHost(s, 'forum.example.org');
    expect(next.customHosts).toEqual([]);
    expect(next.specializations[0]?.channels.map((entry) => entry.platform)).toEqual(['linkedin', 'xing']);
    expect(next.specializations[0]?.budgets.perChannel).toEqual({ 'linkedin:company/acme': 45 });
    expect(next.flags.snoozedUntil).toEqual({});
    expect(next.panel.perPlatform).toEqual({});
  });

  it('expired snoozes are forgotten', () => {
    let s = snoozeFlag(defaultSettings(), { platform: 'x', account: null }, 100);
    s = snoozeFlag(s, { platform: 'tiktok', account: 'someone' }, 300);
    expect(clearExpiredSnoozes(s, 200).flags.snoozedUntil).toEqual({ 'tiktok:someone': 300 });
  });

  it('panel placement keeps its position within the viewport', () => {
    const s = setPanelPlacement(defaultSettings(), 'linkedin', { top: 2 });
    expect(s.panel.perPlatform.linkedin).toEqual({ collapsed: false, hidden: false, top: 1 });
    expect(setPanelPlacement(s, 'linkedin', { top: -1 }).panel.perPlatform.linkedin?.top).toBe(0);
  });

  it('the first run ends with an active specialization of the accepted platforms, or skipped', () => {
    const result = completeSetup(defaultSettings(), 'My focus', ['linkedin', 'xing', 'linkedin'], ids('first'));
    const s = settingsOf(result);
    expect(s.activeSpecializationId).toBe('first');
    expect(s.specializations[0]?.channels).toEqual([
      { platform: 'linkedin', accounts: null }, { platform: 'xing', accounts: null },
    ]);
    expect(s.setup).toEqual({ completed: true, skipped: false });
    expect(skipSetup(defaultSettings()).setup).toEqual({ completed: true, skipped: true });
    expect(completeSetup(defaultSettings(), '', ['linkedin'], ids('x'))).toEqual({ ok: false, field: 'name', code: 'name-empty' });
  });
});
