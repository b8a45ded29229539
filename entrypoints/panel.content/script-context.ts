/**
 * The panel's content-script context, in place of WXT's (wxt.config.ts aliases
 * `wxt/utils/content-script-context` to this file for the content script's build).
 *
 * WXT's context tells an older copy of the script that a newer one started through the page:
 * `window.postMessage(…, '*')` and a `CustomEvent` on `document`, both named after the extension
 * id. Any page can read the first (and learn the id) and dispatch the second (and switch our script
 * off). This one keeps WXT's API and uses no channel the page shares: a copy learns it is cut off
 * from `browser.runtime.id`, which only the extension can take away (an update, a reload, an
 * uninstall). Only what the panel uses is here. The panel checks it whenever something happens in the page's DOM around our host
 * (panel-host.ts), so an old copy gives way as soon as the new one shows its panel.
 */
import { browser } from '@/components/extension-api';

/** What the panel's code uses of a context: ours in the build, WXT's in unit tests. */
export type PageScope = Pick<ContentScriptContext, 'isInvalid' | 'isValid' | 'onInvalidated' | 'setTimeout' | 'setInterval' | 'addEventListener'>;

export class ContentScriptContext {
  readonly #abort = new AbortController();

  /** WXT's entry passes the script's name and its definition's options; nothing here needs them. */
  constructor(readonly contentScriptName: string, _options?: unknown) {}

  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  abort(reason?: unknown): void {
    this.#abort.abort(reason);
  }

  /** True once the extension this copy belongs to was updated, reloaded or removed. */
  get isInvalid(): boolean {
    // In a cut-off copy `browser.runtime` itself can be gone, not only its id.
    if (!this.signal.aborted && browser.runtime?.id == null) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** `cb` runs once when the context is invalidated; the returned function unregisters it. */
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = window.setInterval(() => { if (this.isValid) handler(); }, timeout);
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = window.setTimeout(() => { if (this.isValid) handler(); }, timeout);
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  /** A listener removed with the context. Plain DOM event names only: no `wxt:` events here. */
  addEventListener(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}
