/**
 * The side panel's requests to the background: where the panel sits, the quick actions of a
 * flagged channel, opening the report, and the popup's "show the panel again". Settings are
 * edited with the pure reducers of utils/settings/edits/ through the settings store's one `edit`;
 * every open panel and view hears of it through storage.onChanged.
 */
import { browser } from 'wxt/browser';
import { PANEL_TOGGLE_COMMAND, type MessageSender, type PanelActionMessage, type PanelToggleMessage } from '@/utils/messages';
import { placementKey } from '@/utils/panel-view';
import {
  activeSpecialization, addChannelToFocus, clearExpiredSnoozes, panelPlacement, setPanelEdge,
  setPanelPlacement, snoozeFlag, type PanelPlacement, type Settings,
} from '@/utils/settings';
import type { SettingsStore } from './settings-store';

const MINUTE = 60_000;

export type SettingsAction = Exclude<PanelActionMessage, { type: 'panel-open' }>;

/** The settings after one panel action, at `now`; the same object when the action changes nothing. */
export function applyPanelAction(settings: Settings, message: SettingsAction, now: number): Settings {
  switch (message.type) {
    case 'panel-placement': {
      let next = message.edge && message.edge !== settings.panel.edge ? setPanelEdge(settings, message.edge) : settings;
      const change: Partial<PanelPlacement> = {};
      if (message.collapsed !== undefined) change.collapsed = message.collapsed;
      if (message.hidden !== undefined) change.hidden = message.hidden;
      if (message.top !== undefined) change.top = message.top;
      if (Object.keys(change).length > 0) next = setPanelPlacement(next, placementKey(message.channel), change);
      return next;
    }
    case 'panel-add-to-focus': {
      // No active specialization: nothing to add to (and nothing is flagged then).
      const spec = activeSpecialization(settings);
      return spec ? addChannelToFocus(settings, spec.id, message.channel) : settings;
    }
    case 'panel-snooze':
      return snoozeFlag(clearExpiredSnoozes(settings, now), message.channel, now + message.minutes * MINUTE);
    case 'panel-unhide': {
      const keys = message.key !== undefined ? [message.key] : Object.keys(settings.panel.perPlatform);
      return keys.reduce((next, key) => (panelPlacement(next, key).hidden ? setPanelPlacement(next, key, { hidden: false }) : next), settings);
    }
  }
}

async function openPage(page: 'report' | 'options', sender: MessageSender): Promise<void> {
  if (page === 'options') return browser.runtime.openOptionsPage();
  // A tab, next to the one the user works in: a popup cannot be opened from a page everywhere.
  await browser.tabs.create({ url: browser.runtime.getURL('/report.html'), windowId: sender.tab?.windowId, openerTabId: sender.tab?.id });
}

/** Answers one `panel-*` message; settings change through `edit` (the settings store's, in the storage door). */
export async function panelAction(
  message: PanelActionMessage, sender: MessageSender, edit: SettingsStore['edit'],
): Promise<{ ok: boolean }> {
  if (message.type === 'panel-open') {
    await openPage(message.page, sender);
    return { ok: true };
  }
  return { ok: (await edit((settings, now) => applyPanelAction(settings, message, now))).ok };
}

/**
 * Tells the panels in `tabIds` that the settings changed: each asks for a fresh view, with the
 * focus status and placement that follow. The panels never read storage themselves.
 */
export async function tellPanelsSettingsChanged(tabIds: readonly number[]): Promise<void> {
  await Promise.all(tabIds.map((tabId) => browser.tabs.sendMessage(tabId, { type: 'settings-changed' }).catch(() => {})));
}

/** Forwards the shortcut to the active tab's panel; a tab without one (no platform) ignores it. */
async function toggleInTab(tabId: number | undefined): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  await browser.tabs.sendMessage(id, { type: 'panel-toggle' } satisfies PanelToggleMessage).catch(() => {});
}

/** The keyboard shortcut that shows or hides the panel (manifest `commands`). Register at startup. */
export function registerPanelShortcut(): void {
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === PANEL_TOGGLE_COMMAND) void toggleInTab(tab?.id);
  });
}
