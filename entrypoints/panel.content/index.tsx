import { render } from 'preact';
import { SidePanel } from '@/components/SidePanel';
import { contentScriptMatches } from '@/utils/channels';
import panelCss from './panel.css?inline';

export default defineContentScript({
  matches: contentScriptMatches(),
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
    render(<SidePanel host={location.hostname} />, mountPoint);
    ctx.onInvalidated(() => {
      render(null, mountPoint);
      host.remove();
    });
  },
});
