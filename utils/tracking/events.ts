import type { Channel } from '@/utils/channels';
import type { PageDocument } from './presence';

/**
 * The facts the background feeds into the tracker, one event per thing that happened.
 *
 * Every event carries two clock readings, taken by the background when it handles the event:
 * - `at`: wall time, `Date.now()`. All times in the tracker and in its pieces are wall times.
 * - `mono` (optional): `performance.timeOrigin + performance.now()` of the background's current
 *   life. Only consecutive events that both carry it are compared, so leave it out on the first
 *   event after the state was restored from storage in a new service-worker life.
 *
 * Which events are evidence that the user is present (see tracker.ts):
 * - `page` with a `lastInputAt` that changed since the tab's previous report (new trusted input),
 * - `page` from the counted tab while visible with `mediaPlaying: true`,
 * - `page` that shows a new page in the counted tab, when the user caused the load (presence.ts),
 * - `page` that hides the counted tab,
 * - `tab-activated` that changes the active tab of the focused window,
 * - `window-focused` that changes the focused window (including to `null`),
 * - `system` going back to `active`.
 * Repeating what the tracker already knows (a re-sync after a restart) is never evidence.
 */
export type TrackerEvent =
  | PageEvent
  | {
      /** `tabs.onActivated`: the active tab of a window changed. */
      type: 'tab-activated'; at: number; mono?: number; tabId: number; windowId: number;
    }
  | {
      /**
       * `tabs.onUpdated` with a new URL, as the browser sees it, or a page starting to load
       * (`newPage`). Needed where no content script runs: without the `tabs` permission a page
       * on a host we may not see comes with no URL at all, so `newPage` with a null channel
       * means the tab left the platforms. The next `page` report refines the channel (an
       * account only the page can read).
       */
      type: 'tab-updated'; at: number; mono?: number; tabId: number; windowId: number; channel: Channel | null; newPage?: boolean;
    }
  | { /** `tabs.onRemoved` */ type: 'tab-removed'; at: number; mono?: number; tabId: number }
  | {
      /** `windows.onFocusChanged`; `null` when the browser lost focus (WINDOW_ID_NONE). */
      type: 'window-focused'; at: number; mono?: number; windowId: number | null;
    }
  | { /** `windows.onRemoved` */ type: 'window-removed'; at: number; mono?: number; windowId: number }
  | {
      /**
       * `idle.onStateChanged`. The idle detection interval must equal the idle threshold: an
       * `idle` at `at` means the system saw no input since about `at - idleThresholdMs`.
       */
      type: 'system'; at: number; mono?: number; state: SystemState;
    }
  | {
      /**
       * Something `classify` depends on changed (settings, the active specialization, a pause).
       * The time until `at` keeps the classification it was counted under.
       */
      type: 'reclassify'; at: number; mono?: number;
    }
  | {
      /** An alarm or a query: lets the tracker notice the passing of time. Never evidence. */
      type: 'tick'; at: number; mono?: number;
    };

/**
 * A content script's report: sent on load, on every URL change (SPA navigation), on visibility
 * change, on new input (throttled) and as a heartbeat. `tabId`/`windowId` come from the sender.
 */
export interface PageEvent {
  type: 'page';
  at: number;
  mono?: number;
  tabId: number;
  windowId: number;
  /** The channel the page is on now, or null when it is none (a platform's help pages, say). */
  channel: Channel | null;
  /** `document.visibilityState === 'visible'` */
  visible: boolean;
  /** Exact wall time of the last trusted input event the page saw, or null if none yet. */
  lastInputAt: number | null;
  /**
   * A video or audio plays that someone may be watching: the content script leaves out muted
   * autoplay in a feed. Counts as presence only while the page is visible.
   */
  mediaPlaying: boolean;
  /**
   * `document.hasFocus()`: the page's window has the desktop's focus. Taken only where the
   * browser named no window; the window it named last wins over a report sent before a switch.
   */
  focused?: boolean;
  /** Which page of the tab reports: a late report of a page the tab has left is ignored. */
  document?: PageDocument;
  /** The page is going away (`pagehide`): its last input still counts, it shows nothing any more. */
  gone?: boolean;
}

/** An event as the wiring reports it: the tracker service adds the clock readings. */
export type TrackerEventWithoutClock = TrackerEvent extends infer E ? (E extends TrackerEvent ? Omit<E, 'at' | 'mono'> : never) : never;

/** `browser.idle` states. */
export type SystemState = 'active' | 'idle' | 'locked';
