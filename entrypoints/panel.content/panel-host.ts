import type { PageScope } from './script-context';

/** A page that keeps removing the panel gets it back at this pace (well within a second), not in a tight loop. */
const RETRY_AFTER_MS = 200;
/** Put back at once this many times a second; a page that fights harder waits RETRY_AFTER_MS. */
const QUICK_RETURNS = 5;

export interface PanelHost {
  /** Where the panel renders: inside a closed shadow root, out of the page's reach. */
  readonly mountPoint: HTMLElement;
  /** Shows the host element (a child of `<html>`) under this profile's neutral name, and keeps it there. */
  show(name: string): void;
  /** Takes the host element out of the page: while the panel does not show, the page sees nothing of us. */
  hide(): void;
  /** The element in the page, while it shows (focus checks); null otherwise. */
  readonly element: HTMLElement | null;
}

/**
 * The panel's host element, kept by us against the page: it exists only while the panel shows; a
 * page that removes it, moves it, or sets `inert`, `hidden`, `style` or any other attribute on it
 * gets it back unchanged at once (a page that does so in a loop, every RETRY_AFTER_MS). An element
 * of the same name left by an older copy of this script (Firefox leaves it after an update) is
 * removed. Every DOM change around the host also checks whether this copy is still ours to run
 * (script-context.ts): a copy cut off by an update gives way to the new one.
 */
export function createPanelHost(scope: PageScope, css: string): PanelHost {
  // The shadow root needs the element, and the element needs its name, which comes with the
  // first view: the mount point exists from the start, the element from the first show.
  const mountPoint = document.createElement('div');
  let element: HTMLElement | null = null;
  let shown = false;
  let watchedRoot: Element | null = null;
  let returns = { second: 0, count: 0 };
  let retry: number | undefined;

  const observer = new MutationObserver(() => keep());

  const watch = () => {
    const root = document.documentElement;
    if (!element || root === watchedRoot) return;
    observer.disconnect();
    observer.observe(document, { childList: true }); // a page that replaces <html> itself
    observer.observe(root, { childList: true });
    observer.observe(element, { attributes: true });
    watchedRoot = root;
  };

  const putBack = () => {
    if (!element || !shown) return;
    const root = document.documentElement;
    if (element.parentNode === root) return;
    const second = Math.floor(Date.now() / 1000);
    if (returns.second !== second) returns = { second, count: 0 };
    if (returns.count >= QUICK_RETURNS) {
      retry ??= scope.setTimeout(() => { retry = undefined; keep(); }, RETRY_AFTER_MS);
      return;
    }
    returns.count += 1;
    root.append(element);
  };

  function keep(): void {
    if (!shown || !element || scope.isInvalid) return;
    for (const name of element.getAttributeNames()) element.removeAttribute(name);
    for (const other of document.documentElement.querySelectorAll(`:scope > ${element.localName}`)) {
      if (other !== element) other.remove();
    }
    putBack();
    watch();
  }

  scope.onInvalidated(() => {
    observer.disconnect();
    shown = false;
    element?.remove();
  });

  return {
    mountPoint,
    get element() { return shown ? element : null; },
    show(name) {
      if (!element || element.localName !== name) {
        element?.remove();
        element = document.createElement(name);
        // Closed: the page can neither read our text nor restyle it.
        const shadow = element.attachShadow({ mode: 'closed' });
        const style = document.createElement('style');
        style.textContent = css;
        shadow.append(style, mountPoint);
        watchedRoot = null;
      }
      shown = true;
      keep();
    },
    hide() {
      shown = false;
      observer.disconnect();
      watchedRoot = null;
      element?.remove();
    },
  };
}
