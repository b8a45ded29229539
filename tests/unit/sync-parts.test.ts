import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings, type Specialization } from '@/utils/settings';
import { SYNC_QUOTA, itemBytes, settingsPartKey, settingsPieceKey, staleKeys } from '@/utils/sync/layout';
import { SYNCED_PARTS, applyRemoteParts, changedParts, encodeParts } from '@/utils/sync/parts';

// Settings across devices: last writer wins per part.

const A = 'device-a';
const B = 'device-b';

const spec = (id: string, name = `Focus ${id}`, accounts: string[] | null = null): Specialization => ({
  id, name, channels: [{ platform: 'linkedin', accounts }], budgets: { totalMinutes: null, perChannel: {} }, workingHours: null, clientId: null,
});

function settings(edit: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), ...edit };
}

describe('changedParts and encodeParts', () => {
  it('names the parts that differ; a snooze or a panel move changes none', () => {
    const before = settings();
    expect(changedParts(before, { ...before, flags: { ...before.flags, snoozedUntil: { linkedin: 5 } } })).toEqual([]);
    expect(changedParts(before, { ...before, panel: { ...before.panel, edge: 'left' } })).toEqual([]);
    expect(changedParts(before, { ...before, flags: { ...before.flags, badge: true }, specializations: [spec('s1')] }))
      .toEqual(['specializations', 'flags']);
  });

  it('writes one item per part, flags without snoozes', () => {
    const local = settings({ flags: { badge: true, notifyAfterMinutes: 10, pauseScreen: false, snoozedUntil: { x: 9 } } });
    expect(encodeParts(local, ['flags', 'activeSpecializationId'], 1_000, A)).toEqual({
      's:flags': { v: 1, at: 1_000, by: A, sv: 2, value: { badge: true, notifyAfterMinutes: 10, pauseScreen: false } },
      's:activeSpecializationId': { v: 1, at: 1_000, by: A, sv: 2, value: null },
    });
  });

  it('cuts a part larger than one item into pieces that each fit, and reads it back', () => {
    // 40 specializations with 100 accounts of up to 200 characters: far beyond 8 KB, within LIMITS.
    const big = Array.from({ length: 40 }, (_, i) =>
      spec(`s${i}`, `Focus "${i}" ünïcödé`, Array.from({ length: 100 }, (_, j) => `company/${'é'.repeat(20)}-${i}-${j}`)));
    const local = settings({ specializations: big });
    const items = encodeParts(local, ['specializations'], 2_000, A);
    expect(Object.keys(items).length).toBeGreaterThan(20);
    for (const [key, value] of Object.entries(items)) expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_QUOTA.bytesPerItem);
    const result = applyRemoteParts(settings(), {}, items);
    expect(result.applied).toEqual(['specializations']);
    expect(result.settings.specializations).toEqual(big);

    // Pieces of an older, longer write are stale once a shorter one is written.
    const small = encodeParts(settings({ specializations: [spec('s1')] }), ['specializations'], 3_000, A);
    expect(Object.keys(small)).toEqual([settingsPartKey('specializations')]);
    expect(staleKeys(Object.keys(items), small)).toEqual(Object.keys(items).filter((key) => key.includes('#')));
    // A missing piece: the part waits, nothing local changes.
    const { [settingsPieceKey('specializations', 3)]: _gone, ...partial } = items;
    const waiting = applyRemoteParts(settings(), {}, partial);
    expect(waiting.applied).toEqual([]);
    expect(waiting.ignored[0]?.reason).toMatch(/^incomplete/);
    expect(waiting.settings).toEqual(settings());
  });
});

describe('applyRemoteParts', () => {
  const local = settings({ specializations: [spec('mine')], flags: { badge: false, notifyAfterMinutes: null, pauseScreen: false, snoozedUntil: { linkedin: 77 } } });

  it('applies a newer part, keeps an older one, and reports outdated parts for publishing again', () => {
    const remote = settings({ specializations: [spec('theirs')], flags: { badge: true, notifyAfterMinutes: 5, pauseScreen: true, snoozedUntil: {} } });
    const items = { ...encodeParts(remote, ['specializations'], 200, B), ...encodeParts(remote, ['flags'], 50, B) };
    const result = applyRemoteParts(local, { specializations: 100, flags: 100 }, items);
    expect(result.applied).toEqual(['specializations']);
    expect(result.settings.specializations).toEqual([spec('theirs')]);
    expect(result.settings.flags).toEqual(local.flags);
    expect(result.partsAt).toEqual({ specializations: 200, flags: 100 });
    expect(result.outdated).toEqual(['flags']);
  });

  it('keeps the local snoozes when remote flags apply', () => {
    const remote = settings({ flags: { badge: true, notifyAfterMinutes: 5, pauseScreen: true, snoozedUntil: { x: 1 } } });
    const result = applyRemoteParts(local, {}, encodeParts(remote, ['flags'], 10, B));
    expect(result.settings.flags).toEqual({ badge: true, notifyAfterMinutes: 5, pauseScreen: true, snoozedUntil: { linkedin: 77 } });
  });

  it('breaks a tie of equal `at` by the larger device id, the same way on both devices', () => {
    const fromA = encodeParts(settings({ specializations: [spec('a')] }), ['specializations'], 500, A);
    const fromB = encodeParts(settings({ specializations: [spec('b')] }), ['specializations'], 500, B);
    // Device A wrote at 500 and sees B's write at 500: B > A, so B's wins.
    const onA = applyRemoteParts(settings({ specializations: [spec('a')] }), { specializations: 500 }, fromB, { specializations: A });
    expect(onA.applied).toEqual(['specializations']);
    expect(onA.settings.specializations).toEqual([spec('b')]);
    expect(onA.partsBy).toEqual({ specializations: B });
    // Device B sees A's: keeps its own, and asks to publish again (storage may hold A's).
    const onB = applyRemoteParts(settings({ specializations: [spec('b')] }), { specializations: 500 }, fromA, { specializations: B });
    expect(onB.applied).toEqual([]);
    expect(onB.settings.specializations).toEqual([spec('b')]);
    expect(onB.outdated).toEqual(['specializations']);
    // Its own write coming back changes nothing; without partsBy an equal `at` keeps the local part.
    expect(applyRemoteParts(onB.settings, { specializations: 500 }, fromB, { specializations: B }).applied).toEqual([]);
    expect(applyRemoteParts(settings(), { specializations: 500 }, fromB).applied).toEqual([]);
  });

  it('ignores parts that would make the settings invalid, are malformed or come from a newer format', () => {
    const items: Record<string, unknown> = {
      's:activeSpecializationId': { v: 1, at: 900, by: B, sv: 2, value: 'no-such-focus' },
      's:clients': { v: 2, at: 900, by: B, sv: 2, value: [] },
      's:platforms': { v: 1, at: 900, by: B, sv: 3, value: {} },
      's:customHosts': { v: 1, at: 900, by: B, sv: 2, value: [{ host: 'not a host', platform: 'custom' }] },
      's:sourceNames': 'garbage',
      's:flags': { v: 1, at: 900, by: '__proto__', sv: 2, value: {} },
    };
    const result = applyRemoteParts(local, {}, items);
    expect(result.applied).toEqual([]);
    expect(result.settings).toBe(local);
    expect(result.partsAt).toEqual({});
    expect(Object.fromEntries(result.ignored.map(({ key, reason }) => [key, reason.split(':')[0]]))).toEqual({
      's:activeSpecializationId': 'invalid',
      's:clients': 'newer sync format 2',
      's:platforms': 'newer settings version 3',
      's:customHosts': 'invalid',
      's:sourceNames': 'malformed',
      's:flags': 'malformed',
    });
  });

  it('applies parts that need each other together (a new focus made active)', () => {
    const remote = settings({ specializations: [spec('new')], activeSpecializationId: 'new' });
    const result = applyRemoteParts(local, {}, encodeParts(remote, ['activeSpecializationId', 'specializations'], 10, B));
    expect(result.applied).toEqual(['specializations', 'activeSpecializationId']);
    expect(result.settings.activeSpecializationId).toBe('new');
  });

  it('applies what it can when another part is invalid', () => {
    const remote = settings({ specializations: [spec('new')], sourceNames: { [B]: 'Laptop' } });
    const items = { ...encodeParts(remote, ['specializations', 'sourceNames'], 10, B), 's:activeSpecializationId': { v: 1, at: 10, by: B, sv: 2, value: 'ghost' } };
    const result = applyRemoteParts(local, {}, items);
    expect(result.applied).toEqual(['specializations', 'sourceNames']);
    expect(result.settings.sourceNames).toEqual({ [B]: 'Laptop' });
    expect(result.ignored.map(({ key }) => key)).toEqual(['s:activeSpecializationId']);
  });

  it('lists every synced part', () => {
    expect(SYNCED_PARTS).toEqual(['specializations', 'activeSpecializationId', 'clients', 'platforms', 'customHosts', 'flags', 'sourceNames']);
  });
});
