/**
 * What counts as the user's presence on a page: the rules the content script applies to the
 * events it sees, and the tracker to the pages a tab loads. Pure: no DOM, no browser.
 *
 * Presence is the user's own input. A page that moves by itself (a chat that scrolls, a feed that
 * loads more, a script that dispatches events or reloads) is not the user.
 */

/**
 * The events that are a hand on the page. `scroll` is not among them: a user's scroll comes with
 * a wheel, touch, key or pointer event, a page's own scroll with none.
 */
export const PRESENCE_INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'touchmove'] as const;

/** Only events the browser made from real input count; a page's `dispatchEvent` makes untrusted ones. */
export function isPresenceInput(event: { type: string; isTrusted: boolean }): boolean {
  return event.isTrusted && (PRESENCE_INPUT_EVENTS as readonly string[]).includes(event.type);
}

/** How a page came to be shown, from the Navigation Timing entry (`back_forward` also for a page back from the cache). */
export const NAVIGATION_KINDS = ['navigate', 'reload', 'back_forward', 'other'] as const;
export type NavigationKind = (typeof NAVIGATION_KINDS)[number];

export function navigationKind(entryType: string | undefined): NavigationKind {
  return entryType === 'navigate' || entryType === 'reload' || entryType === 'back_forward' ? entryType : 'other';
}

/** A page of ours, as its content script names it in every report. */
export interface PageDocument {
  /** Random per content-script instance: tells the tab's pages apart. */
  id: string;
  /** When the page was shown (the script started, or the page came back from the back/forward cache). */
  shownAt: number;
  navigation: NavigationKind;
}

/**
 * A new page is the user's doing when the page before it in the tab saw their input this shortly
 * before: a link clicked, Enter pressed, a key that reloads. Longer than a slow load, short enough
 * that a page reloading itself after the user left credits little.
 */
export const LOAD_CAUSE_MS = 5_000;

/**
 * Whether showing `page` is evidence of the user. `before` is what the tab showed until then:
 * one of our pages (its last input decides) or none we know of (another site, a new tab, the
 * address bar: then anything but a reload is the user's doing, since no script of ours could
 * watch it; a reload with nothing to vouch for it may be the page's own).
 */
export function loadIsPresence(
  page: PageDocument,
  before: { ourPage: boolean; lastInputAt: number | null },
): boolean {
  if (!before.ourPage) return page.navigation !== 'reload';
  const input = before.lastInputAt;
  return input !== null && input <= page.shownAt && page.shownAt - input <= LOAD_CAUSE_MS;
}
