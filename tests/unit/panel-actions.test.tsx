import { fakeBrowser } from 'wxt/testing';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyPanelAction, panelAction as panelActionWith, registerPanelShortcut } from '@/entrypoints/background/panel-actions';
import { SettingsStore } from '@/entrypoints/background/settings-store';
import { StorageDoor } from '@/entrypoints/background/storage-door';
import { badgeState, clearBadge, updateBadge } from '@/entrypoints/background/badge';
import { PANEL_TOGGLE_COMMAND } from '@/utils/messages';
import { activeSpecialization, panelPlacement, setFlagLoudness, setPanelPlacement, type Settings } from '@/utils/settings';
import { SETTINGS_KEY } from '@/utils/storage';
import { installLocale } from './dashboard-locale';
import { ACME, MIN, T0, X_ACME, focusSettings, viewFor } from './panel-fixtures';

const stored = async (): Promise<Settings> => (await fakeBrowser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings;

/** The background's settings store, with its one `edit`, in front of the fake browser's storage. */
let store: SettingsStore;
const panelAction = (message: Parameters<typeof panelActionWith>[0], sender: Parameters<typeof panelActionWith>[1]) =>
  panelActionWith(message, sender, (edit) => store.edit(edit));

beforeEach(async () => {
  fakeBrowser.reset();
  await installLocale('en');
  store = new SettingsStore(new StorageDoor());
  await store.ready;
});

describe('panel actions on settings (pure)', () => {
  it('remembers collapse, hide and position per platform, the edge for all', () => {
    let settings = applyPanelAction(focusSettings(), { type: 'panel-placement', channel: X_ACME, collapsed: true, top: 0.75 }, T0);
    settings = applyPanelAction(settings, { type: 'panel-placement', channel: ACME, edge: 'left' }, T0);
    expect(panelPlacement(settings, 'x')).toEqual({ collapsed: true, hidden: false, top: 0.75 });
    expect(panelPlacement(settings, 'linkedin')).toEqual({ collapsed: false, hidden: false, top: 0.3 });
    expect(settings.panel.edge).toBe('left');
    // Nothing to change: the same settings, so nothing is written.
    const same = applyPanelAction(settings, { type: 'panel-placement', channel: ACME, edge: 'left' }, T0);
    expect(same).toBe(settings);
  });

  it('adds the flagged account (or the whole platform) to the active specialization', () => {
    const withAccount = applyPanelAction(focusSettings(), { type: 'panel-add-to-focus', channel: X_ACME }, T0);
    expect(activeSpecialization(withAccount)?.channels).toContainEqual({ platform: 'x', accounts: ['acme'] });
    const withPlatform = applyPanelAction(focusSettings(), { type: 'panel-add-to-focus', channel: { platform: 'instagram', account: null } }, T0);
    expect(activeSpecialization(withPlatform)?.channels).toContainEqual({ platform: 'instagram', accounts: null });
    // Afterwards the channel is in focus.
    expect(viewFor({ channel: X_ACME, settings: withAccount }).focus).toEqual({ status: 'in-focus', afterHours: false });
    const none = { ...focusSettings(), activeSpecializationId: null };
    expect(applyPanelAction(none, { type: 'panel-add-to-focus', channel: X_ACME }, T0)).toBe(none);
  });

  it('snoozes the flag for the minutes asked, and forgets snoozes that ran out', () => {
    const old = applyPanelAction(focusSettings(), { type: 'panel-snooze', channel: ACME, minutes: 5 }, T0 - 60 * MIN);
    const settings = applyPanelAction(old, { type: 'panel-snooze', channel: X_ACME, minutes: 15 }, T0);
    expect(settings.flags.snoozedUntil).toEqual({ 'x:acme': T0 + 15 * MIN });
    expect(viewFor({ channel: X_ACME, settings }).flagged).toBe(false);
    expect(viewFor({ channel: X_ACME, settings, now: T0 + 15 * MIN }).flagged).toBe(true);
  });

  it('shows the panel again on one platform or on all', () => {
    const hidden = setPanelPlacement(setPanelPlacement(focusSettings(), 'x', { hidden: true }), 'linkedin', { hidden: true, collapsed: true });
    const one = applyPanelAction(hidden, { type: 'panel-unhide', key: 'x' }, T0);
    expect(panelPlacement(one, 'x').hidden).toBe(false);
    expect(panelPlacement(one, 'linkedin').hidden).toBe(true);
    const all = applyPanelAction(hidden, { type: 'panel-unhide' }, T0);
    expect(panelPlacement(all, 'x').hidden).toBe(false);
    expect(panelPlacement(all, 'linkedin')).toEqual({ hidden: false, collapsed: true, top: 0.3 });
  });
});

describe('panel actions against storage', () => {
  it('writes the edited settings, starting from defaults when there are none', async () => {
    expect(await panelAction({ type: 'panel-placement', channel: ACME, collapsed: true }, {})).toEqual({ ok: true });
    expect(panelPlacement(await stored(), 'linkedin').collapsed).toBe(true);
  });

  it('applies quick clicks one after the other, none lost', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: focusSettings() });
    await Promise.all([
      panelAction({ type: 'panel-add-to-focus', channel: X_ACME }, {}),
      panelAction({ type: 'panel-placement', channel: X_ACME, top: 0.9 }, {}),
      panelAction({ type: 'panel-snooze', channel: { platform: 'instagram', account: null }, minutes: 15 }, {}),
    ]);
    const settings = await stored();
    expect(activeSpecialization(settings)?.channels).toContainEqual({ platform: 'x', accounts: ['acme'] });
    expect(panelPlacement(settings, 'x').top).toBe(0.9);
    expect(Object.keys(settings.flags.snoozedUntil)).toEqual(['instagram']);
  });

  it('keeps settings it cannot read aside, once, before an edit writes over them', async () => {
    const unreadable = { version: 99, whatever: true };
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: unreadable });
    expect(await panelAction({ type: 'panel-placement', channel: ACME, hidden: true }, {})).toEqual({ ok: true });
    expect(panelPlacement(await stored(), 'linkedin').hidden).toBe(true);
    const keptAside = () => fakeBrowser.storage.local.get(null).then((all) => Object.entries(all).filter(([key]) => key.startsWith('quarantine:settings:')));
    expect((await keptAside()).map(([, value]) => value)).toEqual([unreadable]);
    // The same unreadable value again (a second profile sync, say) is not copied twice.
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: unreadable });
    await panelAction({ type: 'panel-placement', channel: ACME, collapsed: true }, {});
    expect(await keptAside()).toHaveLength(1);
  });

  it('never writes settings that would not validate, and says why', async () => {
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: focusSettings() });
    const broken = await store.edit((settings) => ({ ...settings, activeSpecializationId: 'gone' }));
    expect(broken).toEqual({ ok: false, error: 'settings: the active specialization exists' });
    expect((await stored()).activeSpecializationId).toBe('b2b');
  });

  it('opens the full-page report in a tab next to the page', async () => {
    const created = vi.fn();
    fakeBrowser.tabs.onCreated.addListener(created);
    await panelAction({ type: 'panel-open', page: 'report' }, { tab: { id: 1, windowId: 1 } });
    expect(created).toHaveBeenCalledWith(expect.objectContaining({ url: fakeBrowser.runtime.getURL('/report.html') }));
  });
});

describe('keyboard shortcut', () => {
  it('forwards the command to the tab it was pressed in', async () => {
    const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    // The fake browser has no commands API: catch the listener the background registers.
    let onCommand: ((command: string, tab?: { id?: number }) => void) | undefined;
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => { onCommand = listener as typeof onCommand; });
    registerPanelShortcut();
    onCommand?.(PANEL_TOGGLE_COMMAND, { id: 42 });
    onCommand?.('some-other-command', { id: 42 });
    await vi.waitFor(() => expect(sent).toHaveBeenCalledTimes(1));
    expect(sent).toHaveBeenCalledWith(42, { type: 'panel-toggle' });
  });
});

describe('toolbar badge', () => {
  const badgeOn = (settings: Settings) => setFlagLoudness(settings, { badge: true });

  it('mirrors the status when the user turned it on: none, in focus, flagged', () => {
    const on = badgeOn(focusSettings());
    expect(badgeState(viewFor({ channel: ACME, settings: on }), on)).toBe('in-focus');
    expect(badgeState(viewFor({ channel: X_ACME, settings: on }), on)).toBe('flagged');
    const noSpec = { ...on, activeSpecializationId: null };
    expect(badgeState(viewFor({ channel: X_ACME, settings: noSpec }), noSpec)).toBe('none');
    const off = focusSettings();
    expect(badgeState(viewFor({ channel: X_ACME, settings: off }), off)).toBe('none');
  });

  it('sets text, colour and a title in words for that tab only', async () => {
    const on = badgeOn(focusSettings());
    await updateBadge(5, viewFor({ channel: X_ACME, settings: on }), on);
    await updateBadge(6, viewFor({ channel: ACME, settings: on }), on);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('!');
    expect(await fakeBrowser.action.getTitle({ tabId: 5 })).toBe('Channel Focus: Outside your specialization');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 6 })).toBe('✓');
    expect(await fakeBrowser.action.getTitle({ tabId: 6 })).toBe('Channel Focus: In focus');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    // Turned off: the tab's badge goes.
    await updateBadge(5, viewFor({ channel: X_ACME }), focusSettings());
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('');
    await clearBadge(6);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 6 })).toBe('');
    expect(await fakeBrowser.action.getTitle({ tabId: 6 })).toBe('Channel Focus');
  });

  it('uses browserAction where there is no action (Firefox MV2)', async () => {
    const setBadgeText = vi.fn().mockResolvedValue(undefined);
    const setTitle = vi.fn().mockResolvedValue(undefined);
    const setBadgeBackgroundColor = vi.fn().mockResolvedValue(undefined);
    const browserAction = { setBadgeText, setTitle, setBadgeBackgroundColor };
    const action = fakeBrowser.action;
    const original = fakeBrowser.browserAction;
    Object.assign(fakeBrowser, { action: undefined, browserAction });
    try {
      const on = badgeOn(focusSettings());
      await updateBadge(9, viewFor({ channel: X_ACME, settings: on }), on);
      expect(setBadgeText).toHaveBeenCalledWith({ tabId: 9, text: '!' });
      expect(setBadgeBackgroundColor).toHaveBeenCalledWith({ tabId: 9, color: '#b3261e' });
    } finally {
      Object.assign(fakeBrowser, { action, browserAction: original });
    }
  });
});
