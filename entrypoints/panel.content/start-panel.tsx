import { render } from 'preact';
import { browser } from '@/components/extension-api';
import { i18n } from '#i18n';
import type { PageScope } from './script-context';
import { SidePanel, SNOOZE_MINUTES, type PanelAction } from '@/components/SidePanel';
import { pageTheme, type PageColours } from '@/components/panel/theme';
import { send } from '@/components/send';
import { watchPageSignals } from './page-signals';
import { isPanelToggle, isReportRequest, isSettingsChanged } from './tab-messages';
import { createPanelHost } from './panel-host';
import { createPanelController } from './panel-controller';
import { isPanelHostName } from '@/utils/panel-host-name';
import panelCss from './panel.css?inline';

const RUNNING = Symbol.for('panel-running');

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

  // The first report goes out before anything else: its answer, the view, is what the panel
  // waits for, and everything below is done while the background answers.
  const panel = createPanelController({
    // A copy cut off by an update takes no more views.
    sendReport: (report) => send(report).then((reply) => (ctx.isInvalid ? null : reply)),
    send: (message) => send(message),
    reportNow: () => void signals.reportNow(),
    schedule: (run, ms) => { ctx.setTimeout(run, ms); },
    draw: () => draw(),
  });
  const signals = watchPageSignals(ctx, panel.report, () => panel.view?.idleThresholdMs ?? 60_000);

  const host = createPanelHost(ctx, panelCss);

  const theme = pageTheme(readPageColours());
  // No time zone here: resolving it costs about 10 ms, on the way to the first paint. The panel
  // asks for it only when it writes a time of day.
  const locale = browser.i18n.getUILanguage();
  // The first word read fetches the extension's whole message catalog, a blocking call of 10 to
  // 20 ms: made now, while the background answers, it stays out of the first render. (The
  // figures need no such start: English and German ones are written without Intl, utils/format.ts.)
  i18n.t('extName');

  const lastInputAt = () => panel.lastInputAt;
  const act = (action: PanelAction, minutes = SNOOZE_MINUTES) => panel.act(action, minutes);

  const draw = () => {
    if (ctx.isInvalid) return;
    const { view, placement } = panel;
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
        lastInputAt={lastInputAt} onPlacement={panel.changePlacement} onAction={act} focusRequest={panel.focusRequest}
        pauseScreen={view.pauseScreen}
      />,
      host.mountPoint,
    );
  };

  /** Where focus is now: in the panel (its host element), or on a page element it can go back to. */
  const focusNow = () => {
    const active = document.activeElement as HTMLElement | null;
    const inPanel = host.element !== null && active === host.element;
    const inPage = active && active !== host.element && active !== document.body && typeof active.focus === 'function' ? active : null;
    return { inPanel, inPage };
  };

  const onMessage = (raw: unknown, _sender: unknown, sendResponse: (handled: boolean) => void) => {
    // Before a write the background asks the counted tab for its latest input: the write then
    // covers the time up to now, not up to the last heartbeat. Answered through sendResponse:
    // Chrome takes a listener's promise only from version 144 on.
    if (isReportRequest(raw)) {
      void Promise.resolve(signals.reportNow()).then(() => sendResponse(true));
      return true;
    }
    if (isSettingsChanged(raw)) {
      void signals.reportNow();
      return undefined;
    }
    // The keyboard shortcut (manifest `commands`), forwarded by the background to this tab.
    if (isPanelToggle(raw)) panel.toggle(focusNow());
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
