// What the e2e specs share: the browser under test as a spec drives it, the extension API an
// extension page reaches, the panel read through the browser's own tooling, and axe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { ROOT, waitFor } from '../../harness/browsers';
import { PANEL_HOST_IN_PAGE, readChromiumPanel, readFirefoxPanel, type PanelDom } from './panel-dom';

export type Kind = 'chromium' | 'firefox';

/** One browser with the extension, as a spec drives it. */
export interface Harness {
  kind: Kind;
  browser: Browser;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/** The part of the extension API an extension page uses in the specs (Chromium: `chrome`, Firefox: `browser`). */
type ExtensionApi = {
  storage: { local: { get(key: string | null): Promise<Record<string, unknown>>; set(items: object): Promise<void> } };
  runtime: { sendMessage(message: object): Promise<unknown> };
  tabs: {
    query(info: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: object): Promise<unknown>;
    remove(tabId: number): Promise<void>;
  };
};

/** The extension API, inside an extension page: pass `(${extensionApi.toString()})()` to evaluate. */
export const extensionApi = () => {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return (scope.browser ?? scope.chrome)!;
};

export function readPanel(kind: Kind, page: Page): Promise<PanelDom | null> {
  return kind === 'chromium' ? readChromiumPanel(page) : readFirefoxPanel(page);
}

/**
 * Waits for the panel to say all `texts` (within `timeoutMs`); a timeout says what it said last.
 * With `nudge`, a bit of pointer input keeps the page reporting (a page the user only reads asks
 * for no new view).
 */
export async function panelSaying(kind: Kind, page: Page, texts: string[], { nudge = false, timeoutMs = 10_000 } = {}): Promise<PanelDom> {
  let step = 0;
  let last = 'no panel';
  return waitFor(async () => {
    if (nudge) await page.mouse.move(200 + (step++ % 2) * 20, 300).catch(() => {});
    const panel = await readPanel(kind, page);
    last = panel?.text ?? 'no panel';
    return panel && texts.every((text) => panel.text.includes(text)) ? panel : null;
  }, timeoutMs, `the panel to say ${texts.map((t) => `"${t}"`).join(', ')}`)
    .catch((error: unknown) => { throw new Error(`${String(error)}; it said: ${last}`); });
}

/**
 * Serious and critical axe findings: on the whole page, or inside the panel's (exposed) shadow
 * root. axe is evaluated through the automation protocol: extension pages' CSP forbids inline scripts.
 */
export async function axeFindings(page: Page, { inPanel = false } = {}): Promise<string[]> {
  await page.evaluate(readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  const hostName = inPanel ? await page.evaluate(`(${PANEL_HOST_IN_PAGE}).localName`) as string : null;
  return page.evaluate(async (hostName) => {
    type Violation = { id: string; impact: string | null; nodes: { html: string }[] };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
    const context = hostName ? { include: [{ fromShadowDom: [hostName, '.dock'] }] } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
  }, hostName);
}
