/**
 * The toolbar badge: the active tab's status at a glance (nothing, in focus, flagged), when the
 * user turned it on. Set per tab, so each tab shows its own channel's status when selected; the
 * title says the same in words, for screen readers and for anyone who cannot tell the colours apart.
 */
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { PanelView } from '@/utils/messages';
import type { Settings } from '@/utils/settings';

export type BadgeState = 'none' | 'in-focus' | 'flagged';

export function badgeState(view: PanelView, settings: Settings): BadgeState {
  if (!settings.flags.badge) return 'none';
  if (view.flagged) return 'flagged';
  return view.focus?.status === 'in-focus' ? 'in-focus' : 'none';
}

/** A symbol as well as a colour: the state never depends on colour alone. */
const LOOK: Record<BadgeState, { text: string; color: string | null }> = {
  none: { text: '', color: null },
  'in-focus': { text: '✓', color: '#1e6b34' },
  flagged: { text: '!', color: '#b3261e' },
};

function badgeTitle(state: BadgeState): string {
  if (state === 'none') return i18n.t('extName');
  return `${i18n.t('extName')}: ${i18n.t(state === 'flagged' ? 'panel.status.outside' : 'panel.status.inFocus')}`;
}

/** Chrome (MV3) has `action`, Firefox's MV2 build `browserAction`. */
function toolbarButton() {
  return browser.action ?? browser.browserAction;
}

/** Mirrors one tab's panel view on the toolbar button. Called with every page report's view. */
export async function updateBadge(tabId: number, view: PanelView, settings: Settings): Promise<void> {
  const button = toolbarButton();
  if (!button) return;
  const state = badgeState(view, settings);
  const look = LOOK[state];
  try {
    await Promise.all([
      button.setBadgeText({ tabId, text: look.text }),
      look.color ? button.setBadgeBackgroundColor({ tabId, color: look.color }) : undefined,
      look.color && button.setBadgeTextColor ? button.setBadgeTextColor({ tabId, color: '#ffffff' }) : undefined,
      button.setTitle({ tabId, title: badgeTitle(state) }),
    ]);
  } catch {
    // The tab closed while the report was answered: nothing left to mark.
  }
}

/**
 * Clears a tab's badge when it starts loading another page: Chrome keeps per-tab badges across
 * navigations, and the next page may be no platform at all (its content script sets it again).
 */
export async function clearBadge(tabId: number): Promise<void> {
  const button = toolbarButton();
  if (!button) return;
  try {
    await Promise.all([button.setBadgeText({ tabId, text: '' }), button.setTitle({ tabId, title: badgeTitle('none') })]);
  } catch {
    // The tab is gone.
  }
}
