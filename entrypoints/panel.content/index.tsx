import { startPanel } from './start-panel';

export default defineContentScript({
  // Filled from the platform catalog in wxt.config.ts, like the host permissions: importing the
  // catalog here would put every platform's parser into each page's bundle.
  matches: [],
  runAt: 'document_idle',
  // The context is ours (script-context.ts, through an alias in wxt.config.ts): nothing it does
  // reaches the page.
  main: (ctx) => startPanel(ctx),
});
