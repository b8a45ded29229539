// Reads our closed shadow root the way only the browser's own tooling can: through CDP (Chromium)
// or a BiDi evaluate with shadow trees serialised (Firefox). Page scripts cannot do either.
import type { CDPSession, Page } from 'puppeteer-core';

interface DomNode { nodeName: string; nodeValue?: string; localName?: string; backendNodeId?: number; shadowRootType?: string; children?: DomNode[]; shadowRoots?: DomNode[] }

export interface PanelDom { shadowRootType: string | null; text: string }

function collectText(node: DomNode, out: string[]): void {
  if (node.nodeName === '#text' && node.nodeValue) out.push(node.nodeValue);
  if (node.localName === 'style') return;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) collectText(child, out);
}

/**
 * Our host element: the custom element (a name with a hyphen) among the children of `<html>`. Its
 * name is neutral and differs per profile (utils/panel-host-name.ts), so tests find it by place.
 */
export const PANEL_HOST_IN_PAGE = '[...document.documentElement.children].find((element) => element.localName.includes("-"))';

const isHostName = (name: string | undefined) => name !== undefined && name.includes('-');

function findHost(node: DomNode): DomNode | null {
  const html = node.children?.find((child) => child.localName === 'html');
  return html?.children?.find((child) => isHostName(child.localName)) ?? null;
}

export async function readChromiumPanel(page: Page, cdp?: CDPSession): Promise<PanelDom | null> {
  const session = cdp ?? (await page.createCDPSession());
  const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode };
  const host = findHost(root);
  if (!host) return null;
  const shadow = host.shadowRoots?.[0];
  const text: string[] = [];
  if (shadow) collectText(shadow, text);
  if (!cdp) await session.detach();
  return { shadowRootType: shadow?.shadowRootType ?? null, text: text.join(' ').replace(/\s+/g, ' ').trim() };
}

interface BidiNode { type: string; value?: { nodeType?: number; localName?: string; nodeValue?: string; mode?: string; children?: BidiNode[]; shadowRoot?: BidiNode | null } }

function bidiText(node: BidiNode | null | undefined, out: string[]): void {
  if (!node?.value) return;
  if (node.value.nodeType === 3 && node.value.nodeValue) out.push(node.value.nodeValue);
  if (node.value.localName === 'style') return;
  bidiText(node.value.shadowRoot, out);
  for (const child of node.value.children ?? []) bidiText(child, out);
}

function bidiHost(html: BidiNode | null | undefined): BidiNode | null {
  return html?.value?.children?.find((child) => isHostName(child.value?.localName)) ?? null;
}

/** Firefox: a BiDi evaluate that serialises closed shadow trees (page scripts cannot). */
export async function readFirefoxPanel(page: Page): Promise<PanelDom | null> {
  const connection = (page.browser() as unknown as { connection: { send(method: string, params: unknown): Promise<{ result: { result: BidiNode } }> } }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const reply = await connection.send('script.evaluate', {
    expression: 'document.documentElement',
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 200, includeShadowTree: 'all' },
  });
  const host = bidiHost(reply.result.result);
  if (!host) return null;
  const shadow = host.value?.shadowRoot ?? null;
  const text: string[] = [];
  bidiText(shadow, text);
  return { shadowRootType: shadow?.value?.mode ?? null, text: text.join(' ').replace(/\s+/g, ' ').trim() };
}

/**
 * Test only: gives the page's main world the panel's closed shadow root, as `shadowRoot` of our
 * host element, so a test can click inside it (real input at its coordinates) and axe-core can
 * scan the real panel in place. The reference comes from the browser's own tooling (CDP in
 * Chromium, a BiDi evaluate in Firefox), which page scripts do not have; it lasts until the page
 * is reloaded. Run the "page cannot see us" checks before this, on the same page.
 */
export async function exposePanelRoot(page: Page, browser: 'chromium' | 'firefox'): Promise<void> {
  const define = 'function (root) { Object.defineProperty(this, "shadowRoot", { configurable: true, get: () => root }); }';
  if (browser === 'chromium') {
    const session = await page.createCDPSession();
    try {
      const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode };
      const host = findHost(root);
      const shadow = host?.shadowRoots?.[0];
      if (!host?.backendNodeId || !shadow?.backendNodeId) throw new Error('no panel host with a shadow root');
      const { object: hostObject } = await session.send('DOM.resolveNode', { backendNodeId: host.backendNodeId });
      const { object: rootObject } = await session.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      await session.send('Runtime.callFunctionOn', {
        objectId: hostObject.objectId!, functionDeclaration: define, arguments: [{ objectId: rootObject.objectId! }],
      });
    } finally {
      await session.detach();
    }
    return;
  }
  const connection = (page.browser() as unknown as { connection: { send(method: string, params: unknown): Promise<{ result: { result: BidiRemote } }> } }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const reply = await connection.send('script.evaluate', {
    expression: PANEL_HOST_IN_PAGE,
    target: { context },
    awaitPromise: false,
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
  });
  const host = reply.result.result;
  const shadow = host.value?.shadowRoot;
  if (!host.sharedId || !shadow?.sharedId) throw new Error('no panel host with a shadow root');
  await connection.send('script.callFunction', {
    functionDeclaration: define,
    this: { sharedId: host.sharedId },
    arguments: [{ sharedId: shadow.sharedId }],
    target: { context },
    awaitPromise: false,
  });
}

interface BidiRemote { type: string; sharedId?: string; value?: { shadowRoot?: BidiRemote | null } }
