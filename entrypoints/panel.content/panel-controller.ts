import type { PanelAction, PlacementChange } from '@/components/SidePanel';
import type { PageReportMessage, PanelActionMessage, PanelPlacementView, PanelView } from '@/utils/messages';

/** When a page's first report finds no background to answer it, it asks again after these pauses. */
const FIRST_VIEW_RETRIES_MS = [250, 500, 1000, 2000, 4000];

/** A page element focus can go back to (an HTMLElement in the page; anything with these in tests). */
export interface FocusTarget {
  readonly isConnected: boolean;
  focus(): void;
}

/** What the controller needs from the page and the extension; the content script passes the real ones. */
export interface PanelControllerDeps {
  /** Sends a page report; the view it answers with, null for none, undefined when nobody answered. Rejects when the background cannot answer. */
  sendReport(report: PageReportMessage): Promise<PanelView | null | undefined>;
  /** Sends one of the panel's messages (a placement, an action). Rejects when the background cannot answer. */
  send(message: PanelActionMessage): Promise<unknown>;
  /** Has the page send a report now (page-signals.ts): its answer is a fresh view. */
  reportNow(): void;
  /** Runs `run` once after `ms` (the context's timer: nothing runs once the script is cut off). */
  schedule(run: () => void, ms: number): void;
  /** Shows the controller's state in the page: called after every change to it. */
  draw(): void;
}

export interface PanelController {
  /** The background's latest answer; null before the first one. */
  readonly view: PanelView | null;
  /** Where the panel is: from the first view, then from the user's moves and stored settings. */
  readonly placement: PanelPlacementView | null;
  /** Bumped when the shortcut wants focus moved into the panel (SidePanel moves it). */
  readonly focusRequest: number;
  /** The last trusted input the page reported, for the panel's live clock. */
  readonly lastInputAt: number | null;
  /** Sends the page's report and shows the view it is answered with. */
  report(report: PageReportMessage): Promise<void>;
  /** The user moved, collapsed, opened or hid the panel: shown at once, then stored by the background. */
  changePlacement(change: PlacementChange): void;
  /** One of the panel's buttons; `minutes` only counts for a snooze. */
  act(action: PanelAction, minutes: number): void;
  /**
   * The keyboard shortcut: a hidden or collapsed panel opens and takes focus, remembering where
   * in the page focus was; an open one collapses and, if it had focus, gives it back there.
   */
  toggle(focus: { inPanel: boolean; inPage: FocusTarget | null }): void;
}

/**
 * The side panel's state in one page and the rules about it: which view and placement win,
 * asking again for a first view, the shortcut, the messages the user's choices become. No DOM,
 * no browser API and no timers of its own: start-panel.tsx wires it to the page.
 */
export function createPanelController(deps: PanelControllerDeps): PanelController {
  let view: PanelView | null = null;
  let placement: PanelPlacementView | null = null;
  /** Our own placement writes in flight: views answered meanwhile may still carry the old placement. */
  let placementWrites = 0;
  /** Bumped by every placement change made here: a view is trusted only if none came since its report left. */
  let placementChanges = 0;
  let focusRequest = 0;
  /** Where focus was in the page when the shortcut opened the panel; it goes back there on collapse. */
  let returnFocus: FocusTarget | null = null;
  let lastInputAt: number | null = null;
  let firstViewTries = 0;

  // Without a first view there is no panel, and a page the user only reads sends nothing more:
  // ask again a few times, further apart each time. Later reports retry by themselves.
  const retryFirstView = () => {
    const pause = FIRST_VIEW_RETRIES_MS[firstViewTries];
    if (view || pause === undefined) return;
    firstViewTries += 1;
    deps.schedule(() => { if (!view) deps.reportNow(); }, pause);
  };

  const changePlacement = (change: PlacementChange) => {
    const channel = view?.channel;
    if (!channel || !placement) return;
    placement = { ...placement, ...change };
    deps.draw();
    placementChanges += 1;
    placementWrites += 1;
    deps.send({ type: 'panel-placement', channel, ...change })
      .catch(() => {}) // the worker is restarting: the panel keeps the choice for this page
      .finally(() => { placementWrites -= 1; });
  };

  return {
    get view() { return view; },
    get placement() { return placement; },
    get focusRequest() { return focusRequest; },
    get lastInputAt() { return lastInputAt; },

    report(report) {
      lastInputAt = report.lastInputAt;
      // The stored placement in the answer is newer than ours only if nothing moved here since.
      const trusted = placementWrites === 0 ? placementChanges : -1;
      return deps.sendReport(report).then(
        (reply) => {
          if (reply === undefined) return retryFirstView();
          if (!reply) return;
          view = reply;
          // The first placement, or another platform's, always applies.
          if (view.placement?.key !== placement?.key || trusted === placementChanges) placement = view.placement;
          deps.draw();
        },
        // The worker is starting (a page restored with the browser) or the extension was reloaded.
        () => retryFirstView(),
      );
    },

    changePlacement,

    act(action, minutes) {
      const channel = view?.channel;
      if (!channel) return;
      const message: PanelActionMessage = action === 'add-to-focus' ? { type: 'panel-add-to-focus', channel }
        : action === 'snooze' ? { type: 'panel-snooze', channel, minutes }
        : { type: 'panel-open', page: action === 'open-report' ? 'report' : 'options' };
      // The changed settings come back as a new view with the next report.
      deps.send(message).then(() => { if (message.type !== 'panel-open') deps.reportNow(); }, () => {});
    },

    toggle({ inPanel, inPage }) {
      if (!placement) return;
      if (placement.hidden || placement.collapsed) {
        returnFocus = inPage;
        focusRequest += 1;
        changePlacement({ hidden: false, collapsed: false });
        return;
      }
      const back = returnFocus;
      returnFocus = null;
      // Focus in the panel must land somewhere: where the user was, or else on the collapsed tab.
      if (inPanel && !back?.isConnected) focusRequest += 1;
      changePlacement({ collapsed: true });
      if (inPanel && back?.isConnected) back.focus();
    },
  };
}
