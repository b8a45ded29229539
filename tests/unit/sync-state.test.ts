import { describe, expect, it } from 'vitest';
import { parseAnySyncKey, parseSyncKey, settingsPartKey, usageKey, itemBytes, staleKeys } from '@/utils/sync/layout';
import { defaultSyncState, parseDevices, parseSyncState } from '@/utils/sync/state';

// The local sync state, the stored devices, and the key scheme.

describe('sync state', () => {
  it('starts off, and reads back what it wrote', () => {
    const state = defaultSyncState();
    expect(state.enabled).toBe(false);
    expect(parseSyncState(state)).toEqual(state);
    const busy = { ...state, enabled: true, partsAt: { flags: 5 }, attempt: 2, problem: { code: 'rate-hour', message: 'x', at: 1, retryAt: 2 } };
    expect(parseSyncState(busy)).toEqual({ ...busy, partsBy: {} });
  });

  it('rejects what it cannot read', () => {
    expect(parseSyncState({ ...defaultSyncState(), problem: { code: 'nope', message: '', at: 1, retryAt: null } })).toBeNull();
    expect(parseSyncState({ ...defaultSyncState(), attempt: -1 })).toBeNull();
    expect(parseSyncState(null)).toBeNull();
  });

  it('reads stored devices, and rejects bad ids, dates and cells', () => {
    const devices = { phone: { publishedAt: 5, days: { '2026-03-31': { linkedin: [1000, 0, 0, 0] } } } };
    expect(parseDevices(devices)).toEqual(devices);
    expect(parseDevices({ 'bad id': devices.phone })).toBeNull();
    expect(parseDevices({ phone: { publishedAt: 5, days: { yesterday: {} } } })).toBeNull();
    expect(parseDevices({ phone: { publishedAt: 5, days: { '2026-03-31': { linkedin: [-1, 0, 0, 0] } } } })).toBeNull();
  });
});

describe('keys', () => {
  it('names settings parts and usage chunks, and reads them back', () => {
    expect(settingsPartKey('flags')).toBe('s:flags');
    expect(usageKey('dev', 2)).toBe('u:dev:2');
    expect(parseSyncKey('s:flags')).toEqual({ kind: 'part', part: 'flags' });
    expect(parseSyncKey('u:my-device_1:12')).toEqual({ kind: 'usage', deviceId: 'my-device_1', index: 12 });
    expect(parseSyncKey('s:flags#2')).toBeNull();
    expect(parseAnySyncKey('s:flags#2')).toEqual({ kind: 'piece', part: 'flags', index: 2 });
    for (const key of ['u:dev:01', 'u:dev:-1', 'u::0', 's:', 's:__proto__', 'u:__proto__:0', 'x:flags', 'flags']) expect(parseSyncKey(key)).toBeNull();
  });

  it('counts the key plus the JSON text, UTF-8 bytes for non-ASCII', () => {
    expect(itemBytes('s:flags', { a: 1 })).toBe('s:flags'.length + '{"a":1}'.length);
    expect(itemBytes('k', 'é')).toBe(1 + 4);
  });

  it('finds the stale chunks and pieces of a rewrite, and nothing else', () => {
    const existing = ['u:a:0', 'u:a:1', 'u:a:2', 'u:b:0', 's:flags', 's:flags#0', 's:flags#1', 's:clients#0'];
    expect(staleKeys(existing, { 'u:a:0': {}, 's:flags': {} })).toEqual(['u:a:1', 'u:a:2', 's:flags#0', 's:flags#1']);
  });
});
