/**
 * The browser's own extension API, without webextension-polyfill: Chrome's MV3 `chrome.*` returns
 * promises like Firefox's `browser.*`. What runs in every platform page (the panel's content
 * script) and the protocol's `send` use this; the polyfill's 10 KB stay out of the page. Listeners
 * here answer through `sendResponse` (Chrome takes a listener's promise only from version 144 on).
 */
export { browser } from '@wxt-dev/browser';
