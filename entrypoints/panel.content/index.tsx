import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SidePanel } from '@/components/SidePanel';
import type { PanelView, PageReportMessage } from '@/utils/messages';
import { watchPageSignals } from './page-signals';
import panelCss from './panel.css?inline';

export default defineContentScript({
  // Filled from the platform catalog in wxt.config.ts, like the host permissions: importing the
  // catalog here would put every platform's parser into each page's bundle.
  matches: [],
  runAt: 'document_idle',
  main(ctx) {
    const host = document.createElement('channel-focus-panel');
    // Closed: the host page can neither read our text nor restyle it.
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = panelCss;
    shadow.append(style);
    const mountPoint = document.createElement('div');
    shadow.append(mountPoint);
    // A child of <html>, not of the platform's <body> tree: SPA re-renders cannot remove it.
    document.documentElement.append(host);

    let view: PanelView | null = null;
    let lastInputAt: number | null = null;
    const draw = () => render(<SidePanel view={view} host={location.hostname} lastInputAt={() => lastInputAt} />, mountPoint);
    const send = (report: PageReportMessage) => {
      lastInputAt = report.lastInputAt;
      browser.runtime.sendMessage(report).then(
        (reply) => {
          if (ctx.isInvalid || !reply) return;
          view = reply as PanelView;
          draw();
        },
        () => {}, // the extension was reloaded or the worker is starting: the next report retries
      );
    };
    draw();
    watchPageSignals(ctx, send, () => view?.idleThresholdMs ?? 60_000);
    ctx.onInvalidated(() => {
      render(null, mountPoint);
      host.remove();
    });
  },
});
