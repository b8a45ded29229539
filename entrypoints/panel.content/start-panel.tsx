import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { PageScope } from './script-context';
import { SidePanel, SNOOZE_MINUTES, type PanelAction, type PlacementChange } from '@/components/SidePanel';
import { pageTheme, type PageColours } from '@/components/panel/theme';
import type { PanelActionMessage, PanelPlacementView, PanelView, PageReportMessage } from '@/utils/messages';
import { send } from '@/components/send';
import { prepareFormats } from '@/utils/format';
import { watchPageSignals } from './page-signals';
import { isPanelToggle, isReportRequest, isSettingsChanged } from './tab-messages';
import { createPanelHost } from './panel-host';
import { isPanelHostName } from '@/utils/panel-host-name';
import panelCss from './panel.css?inline';

const RUNNING = Symbol.for('panel-running');

/** When a page's first report finds no background to answer it, it asks again after these pauses. */
const FIRST_VIEW_RETRIES_MS = [250, 500, 1000, 2000, 4000];

/** Read once when the panel mounts: a page that changes its scheme later is rare, a style read per frame is not free. */
function readPageColours(): PageColours {
  const root = getComputedStyle(document.documentElement);
  const body = document.body ? getComputedStyle(document.body) : null;
  return {
    colorScheme: root.getPropertyValue('color-scheme'),
    backgrounds: [body?.backgroundColor ?? '', root.backgroundColor],
  };
}

/**
 * The side panel in one page: reports the page's signals to the background, shows the view it
 * answers with, and sends the user's choices. Runs until the context is invalidated.
 */
export function startPanel(ctx: PageScope): void {
  // One live copy per page. A second one arrives when the background injects the script into a
  // tab whose own copy had not answered yet (an install while the page loads); both would show
  // the panel and fight over it. The marker lives in the extension's isolated world, which the
  // page cannot see; a copy cut off by an update is no longer live and gives way.
  const marker = globalThis as { [RUNNING]?: { isValid(): boolean } };
  if (marker[RUNNING]?.isValid()) return;
  marker[RUNNING] = { isValid: () => ctx.isValid };

  let view: PanelView | null = null;
  /** Where the panel is: from the first view, then from the user's moves and stored settings. */
  let placement: PanelPlacementView | null = null;
  /** Our own placement writes in flight: views answered meanwhile may still carry the old placement. */
  let placementWrites = 0;
  /** Bumped by every placement change made here: a view is trusted only if none came since its report left. */
  let placementChanges = 0;
  let focusRequest = 0;
  /** The page element that had focus when the shortcut opened the panel; it gets it back on close. */
  let returnFocus: HTMLElement | null = null;
  let lastInputAt: number | null = null;

  const sendReport = (report: PageReportMessage) => {
    lastInputAt = report.lastInputAt;
    // The stored placement in the answer is newer than ours only if nothing moved here since.
    const trusted = placementWrites === 0 ? placementChanges : -1;
    return send(report).then(
      (reply) => {
        if (ctx.isInvalid) return;
        if (reply === undefined) return retryFirstView();
        if (!reply) return;
        view = reply;
        if (view.placement?.key !== placement?.key || trusted === placementChanges) placement = view.placement;
        draw();
      },
      // The worker is starting (a page restored with the browser) or the extension was reloaded.
      () => retryFirstView(),
    );
  };

  // Without a first view there is no panel, and a page the user only reads sends nothing more:
  // ask again a few times, further apart each time. Later reports retry by themselves.
  let firstViewTries = 0;
  const retryFirstView = () => {
    if (view || firstViewTries >= FIRST_VIEW_RETRIES_MS.length) return;
    ctx.setTimeout(() => { if (!view) void signals.reportNow(); }, FIRST_VIEW_RETRIES_MS[firstViewTries++]);
  };

  // The first report goes out before anything else: its answer, the view, is what the panel
  // waits for, and everything below is done while the background answers.
  const signals = watchPageSignals(ctx, sendReport, () => view?.idleThresholdMs ?? 60_000);

  const host = createPanelHost(ctx, panelCss);

  const theme = pageTheme(readPageColours());
  // No time zone here: resolving it costs about 10 ms, on the way to the first paint. The panel
  // asks for it only when it writes a time of day.
  const locale = browser.i18n.getUILanguage();
  // While the background answers the first report, the number formats the panel writes with
  // are made: made during the first render instead, they delayed the first paint by about 20 ms.
  prepareFormats(locale);

  const draw = () => {
    if (ctx.isInvalid) return;
    // Nothing of ours is in the page until the panel shows: where the user hid it, or before
    // the first view, the page cannot tell the extension is there.
    if (!view?.channel || !placement || placement.hidden || !isPanelHostName(view.hostName)) {
      render(null, host.mountPoint);
      host.hide();
      return;
    }
    // A child of <html>, not of the platform's <body> tree: SPA re-renders cannot remove it.
    // Connected before rendering, so that focus can move into it as it renders.
    host.show(view.hostName);
    render(
      <SidePanel
        key="panel" view={view} placement={placement} theme={theme} locale={locale}
        lastInputAt={() => lastInputAt} onPlacement={changePlacement} onAction={act} focusRequest={focusRequest}
        pauseScreen={view.pauseScreen}
      />,
      host.mountPoint,
    );
  };

  const ask = (message: PanelActionMessage) => send(message);

  function changePlacement(change: PlacementChange) {
    const channel = view?.channel;
    if (!channel || !placement) return;
    placement = { ...placement, ...change };
    draw();
    placementChanges += 1;
    placementWrites += 1;
    ask({ type: 'panel-placement', channel, ...change })
      .catch(() => {}) // the worker is restarting: the panel keeps the choice for this page
      .finally(() => { placementWrites -= 1; });
  }

  function act(action: PanelAction, minutes = SNOOZE_MINUTES) {
    const channel = view?.channel;
    if (!channel) return;
    const message: PanelActionMessage = action === 'add-to-focus' ? { type: 'panel-add-to-focus', channel }
      : action === 'snooze' ? { type: 'panel-snooze', channel, minutes }
      : { type: 'panel-open', page: action === 'open-report' ? 'report' : 'options' };
    // The changed settings come back as a new view with the next report.
    ask(message).then(() => { if (message.type !== 'panel-open') signals.reportNow(); }, () => {});
  }


  // The keyboard shortcut (manifest `commands`), forwarded by the background to this tab.
  const onMessage = (raw: unknown) => {
    // Before a write the background asks the counted tab for its latest input: the write then
    // covers the time up to now, not up to the last heartbeat.
    if (isReportRequest(raw)) return Promise.resolve(signals.reportNow()).then(() => true);
    if (isSettingsChanged(raw)) {
      void signals.reportNow();
      return undefined;
    }
    if (!isPanelToggle(raw) || !placement) return undefined;
    const focusInside = host.element !== null && document.activeElement === host.element;
    if (placement.hidden || placement.collapsed) {
      const active = document.activeElement as HTMLElement | null;
      returnFocus = active && active !== host.element && active !== document.body && typeof active.focus === 'function' ? active : null;
      focusRequest += 1;
      changePlacement({ hidden: false, collapsed: false });
    } else {
      const back = returnFocus;
      returnFocus = null;
      if (focusInside && !back?.isConnected) focusRequest += 1;
      changePlacement({ collapsed: true });
      if (focusInside && back?.isConnected) back.focus();
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);

  ctx.onInvalidated(() => {
    // The page first: in a copy cut off by an update `browser.runtime` may be gone, and the
    // panel must leave even so.
    render(null, host.mountPoint);
    browser.runtime?.onMessage.removeListener(onMessage);
  });
}
