// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { seriousViolations } from './axe';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BACKUPS_KEY, DEVICES_KEY, SETTINGS_KEY, SOURCE_ID_KEY, SYNC_STATE_KEY, devicesItem, encodeEnvelope, syncStateItem,
} from '@/utils/storage';
import { backupList, createBackup } from '@/utils/backup';
import { defaultWorkingHours } from '@/utils/settings';
import { freshBrowser, renderOptions, setUpSettings } from './options-helpers';

afterEach(() => cleanup());

describe('options page accessibility (axe-core)', () => {
  it('has no serious or critical violations with every section filled in', async () => {
    const settings = setUpSettings((s) => ({
      ...s,
      specializations: [{
        id: 'a', name: 'Acme',
        channels: [{ platform: 'linkedin', accounts: ['company/acme'] }, { platform: 'xing', accounts: null }, { platform: 'x', accounts: null }, { platform: 'tiktok', accounts: null }],
        budgets: { totalMinutes: 90, perChannel: { linkedin: 30 } }, workingHours: defaultWorkingHours('Europe/Berlin'), clientId: 'c1',
      }],
      clients: [
        { id: 'c1', name: 'Acme GmbH', color: '#0f7c86', channels: [{ platform: 'linkedin', accounts: ['company/acme'] }, { platform: 'xing', accounts: null }] },
        { id: 'c2', name: 'Globex', color: '#b35900', channels: [] },
      ],
      reports: { weeklyReminder: true },
      activeSpecializationId: 'a',
      customHosts: [{ host: 'forum.example.com', platform: 'custom' }],
      tracking: { ...s.tracking, retentionDays: 90, pausedUntil: Date.now() + 600_000 },
      flags: { ...s.flags, notifyAfterMinutes: 10 },
    }));
    const backup = createBackup({ id: 'b1', createdAt: new Date('2025-06-01T10:00:00Z'), reason: 'before-import', settings, sourceId: 'me', history: { own: {}, imported: {} } });
    await freshBrowser({
      [SETTINGS_KEY]: settings, [SOURCE_ID_KEY]: 'me', [BACKUPS_KEY]: encodeEnvelope(backupList, [backup]),
      'usage:2025-06-01': { version: 1, value: { 'linkedin:company/acme': [60_000, 0, 0, 0] } },
      // Sync on, with its status, a problem and another device.
      [SYNC_STATE_KEY]: encodeEnvelope(syncStateItem, {
        enabled: true, partsAt: {}, lastPublishedAt: Date.now(), lastReceivedAt: null, daysShared: 12, accountsFolded: true,
        bytesInUse: 20_000, attempt: 1, problem: { code: 'rate-minute', message: '', at: Date.now(), retryAt: Date.now() + 60_000 },
      }),
      [DEVICES_KEY]: encodeEnvelope(devicesItem, { 'laptop-1': { publishedAt: Date.now(), days: {} } }),
    });
    const { container } = await renderOptions();
    // With errors shown as well.
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add client' }));
    // A client's channel picker, with a channel another client has ("Move to").
    fireEvent.click(screen.getByRole('button', { name: 'Add channels to Globex' }));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search accounts and platforms' }), { target: { value: 'acme' } });
    expect(screen.getByRole('button', { name: 'Move to Globex – LinkedIn · company/acme' }).textContent).toBe('Move to Globex – LinkedIn · company/acme');
    // A device's name being edited, and another's removal being asked about.
    fireEvent.click(screen.getByRole('button', { name: 'Remove Device laptop-1 from this view' }));
    const renameOwn = screen.getByRole('button', { name: 'Rename This device' });
    await waitFor(() => expect(renameOwn).toHaveProperty('disabled', false));
    fireEvent.click(renameOwn);
    expect(screen.getByRole('textbox', { name: 'Name for This device' })).toHaveProperty('value', '');
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('has no serious or critical violations in the guided setup, both steps', async () => {
    await freshBrowser();
    const { container } = await renderOptions();
    expect(await seriousViolations(container)).toEqual([]);
    fireEvent.click(within(screen.getByRole('group', { name: 'Who do you want to reach?' })).getAllByRole('checkbox')[0]!);
    fireEvent.click(screen.getByRole('button', { name: 'Suggest channels' }));
    expect(await seriousViolations(container)).toEqual([]);
  });
});
