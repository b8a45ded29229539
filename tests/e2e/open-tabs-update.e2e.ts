// An update with a platform tab open (Chromium: its manifest scripts reach only pages loaded
// later). The extension is reloaded as an update does it: the old panel script in the tab is cut
// off, the new background injects the script again, and the tab shows one panel that reports to
// the new background, without a reload of the page.
import type { CDPSession, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveReply } from '@/utils/messages';
import { launchChromium, waitFor, type ChromiumSession } from '../../harness/browsers';
import { keepPresent } from '../../harness/desktop';

interface DomNode { nodeName: string; shadowRootType?: string; children?: DomNode[]; shadowRoots?: DomNode[]; nodeValue?: string; localName?: string }

/** Our panels in the page: closed shadow roots (the fixture pages have none of their own), with their text. */
async function panelsIn(cdp: CDPSession): Promise<string[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as unknown as { root: DomNode };
  const panels: string[] = [];
  const text = (node: DomNode, out: string[]) => {
    if (node.nodeName === '#text' && node.nodeValue) out.push(node.nodeValue);
    if (node.localName === 'style') return;
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) text(child, out);
  };
  const walk = (node: DomNode) => {
    for (const shadow of node.shadowRoots ?? []) {
      if (shadow.shadowRootType !== 'closed') continue;
      const out: string[] = [];
      text(shadow, out);
      panels.push(out.join(' ').replace(/\s+/g, ' ').trim());
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  return panels;
}

/** An extension page to call the extension API from, once the extension serves one. */
async function extensionPage(session: ChromiumSession): Promise<Page> {
  const page = await session.browser.newPage();
  return waitFor(async () => {
    await page.goto(`${session.extensionBase}/options.html`, { timeout: 5000 }).catch(() => {});
    return (await page.evaluate('typeof chrome.tabs?.query === "function"').catch(() => false)) === true ? page : null;
  }, 20_000, 'an extension page');
}

describe('Chromium: an update with a platform tab open', () => {
  let session: ChromiumSession;
  let tab: Page;
  let cdp: CDPSession;
  beforeAll(async () => { session = await launchChromium(); });
  afterAll(async () => {
    await cdp?.detach().catch(() => {});
    await session?.close();
  });

  it('injects the script again: the tab answers the new background without a page reload', async () => {
    tab = await session.browser.newPage();
    await tab.goto('http://www.linkedin.com/feed/');
    await tab.waitForSelector('#title');
    cdp = await tab.createCDPSession();
    await waitFor(async () => (await panelsIn(cdp)).some((text) => text.includes('LinkedIn')), 10_000, 'the panel on LinkedIn');
    // A mark on the page: it is gone if the page is reloaded.
    await tab.evaluate(() => { (window as unknown as { loadedOnce: boolean }).loadedOnce = true; });

    // What an update does to an unpacked extension: the running version goes, the new one starts
    // and gets `runtime.onInstalled` with reason "update". chrome://extensions' reload button does
    // it, in developer mode (without it Chromium switches a reloaded unpacked extension off as an
    // "unsupported developer extension"; runtime.reload() does the same).
    const manager = await session.browser.newPage();
    await manager.goto('chrome://extensions/');
    await manager.evaluate('chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true })');
    await manager.evaluate(`chrome.developerPrivate.reload(${JSON.stringify(session.extensionId)}, { failQuietly: true })`);
    await manager.close();

    // The new script answers the new background's `report-now` after sending its report: the tab
    // keeps counting. (The old script cannot answer: it lost its connection with the update.)
    let page: Page | null = null;
    const answer = await waitFor(async () => {
      if (!page || page.isClosed()) page = await extensionPage(session);
      return page.evaluate(`(async () => {
        const [tab] = await chrome.tabs.query({ url: '*://*.linkedin.com/*' });
        return tab ? await chrome.tabs.sendMessage(tab.id, { type: 'report-now' }).catch(() => false) : false;
      })()`);
    }, 15_000, 'the tab to answer the new background');
    expect(answer).toBe(true);
    expect(await tab.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    await waitFor(async () => (await panelsIn(cdp)).some((text) => text.includes('LinkedIn')), 10_000, 'a panel on LinkedIn');
  });

  // The cut-off script gives way: the new script's panel appears as a child of <html>, the old
  // one's DOM watch sees it, finds `browser.runtime` gone (script-context.ts) and removes its own.
  it('shows one panel after the update, not the cut-off one as well', async () => {
    const panels = await waitFor(async () => {
      const found = await panelsIn(cdp);
      return found.length === 1 && found[0]!.includes('LinkedIn') ? found : null;
    }, 5000, 'exactly one panel naming LinkedIn');
    expect(panels).toHaveLength(1);
  });

  it('keeps counting the tab: the user’s input there is counted by the new background', async () => {
    const page = await extensionPage(session);
    await tab.bringToFront();
    const linkedInMs = async () => {
      const live = await page.evaluate(`chrome.runtime.sendMessage({ type: 'live' })`) as LiveReply;
      const unwritten = Object.values(live.unwritten).flatMap((day) => Object.entries(day))
        .filter(([key]) => key.startsWith('linkedin'))
        .reduce((sum, [, totals]) => sum + totals[0] + totals[1] + totals[2], 0);
      return { counting: live.snapshot.counting && live.snapshot.channel?.platform === 'linkedin', ms: unwritten + live.snapshot.openConfirmedMs };
    };
    const presence = keepPresent();
    try {
      const first = await waitFor(async () => { const now = await linkedInMs(); return now.counting && now; }, 10_000, 'LinkedIn counting after the update');
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const later = await linkedInMs();
      expect(later.counting).toBe(true);
      expect(later.ms - first.ms).toBeGreaterThan(2000);
    } finally {
      await presence.stop();
      await page.close();
    }
  });
});
