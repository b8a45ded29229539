import { describe, expect, it } from 'vitest';
import { keptAside, storageUse, storedBytes } from '@/utils/storage-use';

const all = {
  settings: { version: 1, name: 'ä' },
  sourceId: 'laptop',
  'usage:2026-05-04': { version: 1, value: { linkedin: [1000, 0, 0, 0] } },
  'usage:2026-05-05': { version: 1, value: { x: [0, 2000, 0, 0] } },
  imported: { version: 1, value: { desktop: {} } },
  backups: { version: 2, value: [] },
  devices: { version: 1, value: { phone: { publishedAt: 1, days: {} } } },
  sync: { version: 1, value: { enabled: true } },
  'quarantine:settings:1796000000000': { version: 99 },
  'quarantine:usage:2026-05-01:1796000100000': 'damaged',
  'quarantine:odd': 1,
};

describe('storage use', () => {
  it('counts each kind of item by the UTF-8 bytes of its key and JSON', () => {
    expect(storedBytes('settings', { name: 'ä' })).toBe('settings'.length + '{"name":"ä"}'.length + 1);
    const use = storageUse(all);
    expect(use.history).toBe(storedBytes('usage:2026-05-04', all['usage:2026-05-04']) + storedBytes('usage:2026-05-05', all['usage:2026-05-05']));
    expect(use.imported).toBe(storedBytes('imported', all.imported));
    expect(use.backups).toBe(storedBytes('backups', all.backups));
    expect(use.devices).toBe(storedBytes('devices', all.devices));
    expect(use.other).toBe(storedBytes('settings', all.settings) + storedBytes('sourceId', all.sourceId) + storedBytes('sync', all.sync));
    expect(use.total).toBe(use.history + use.imported + use.backups + use.keptAside + use.devices + use.other);
  });

  it('lists what was kept aside, newest first, with the key it came from and when', () => {
    expect(keptAside(all).map(({ key, of, at }) => ({ key, of, at }))).toEqual([
      { key: 'quarantine:usage:2026-05-01:1796000100000', of: 'usage:2026-05-01', at: 1796000100000 },
      { key: 'quarantine:settings:1796000000000', of: 'settings', at: 1796000000000 },
      { key: 'quarantine:odd', of: 'odd', at: null },
    ]);
    expect(keptAside(all)[1]!.value).toEqual({ version: 99 });
  });

  it('counts nothing for a value JSON cannot hold', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(storedBytes('x', circular)).toBe(0);
  });
});
