// A page that hunts for extensions and fights their UI (harness/site/hosts/x.com/hostile):
// it reads every posted message and WXT's script-started events (it knows our ids), watches the
// whole DOM, forges the "newer script started" event, removes our element, moves it, makes it
// inert. The panel survives, the reports go on, and the page learns nothing about us.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_UUID, GECKO_ID, launchChromium, launchFirefox, waitFor, type ChromiumSession, type FirefoxSession } from '../../harness/browsers';
import { activateWindow, frontWindow, keepPresent } from '../../harness/desktop';
import { PANEL_HOST_IN_PAGE, readChromiumPanel, readFirefoxPanel, type PanelDom } from './panel-dom';
import { openObserver, writtenTotals, type BrowserUnderTest } from '../../harness/scripted-session';

/** The time counted on the hostile page so far, in ms. */
const countedMs = async (observer: Page) => (await writtenTotals(observer))['x:hostile'] ?? 0;

async function survivesHostilePage(session: BrowserUnderTest, read: (page: Page) => Promise<PanelDom | null>, secrets: string[]): Promise<void> {
  // The reader of the figures first, in a tab of its own behind the page.
  const observer = await openObserver(session);
  const page = await session.browser.newPage();
  await page.goto(`http://x.com/hostile/?ids=${secrets.filter((s) => !s.includes(' ')).join(',')}`);
  // The window gets the desktop's focus the way a user gives it, so the tab counts.
  const window = await frontWindow(page, 'A hostile page');
  const presence = keepPresent();
  try {
    await waitFor(async () => (await read(page))?.text.includes('@hostile'), 10_000, 'the panel on the hostile page');
    await waitFor(() => page.evaluate('window.hostile.done'), 15_000, 'the page to finish its attacks');
    expect(await page.evaluate('window.hostile.steps.slice(1)')).toEqual(['forged', 'removed', 'moved', 'inert']);

    // Back where it belongs, stripped of what the page put on it, within a second of the last attack.
    const ours = `(() => { const host = ${PANEL_HOST_IN_PAGE}; return !!host && host.parentNode === document.documentElement && host.getAttributeNames().length === 0; })()`;
    await waitFor(() => page.evaluate(ours), 1000, 'our element back under <html>, without attributes');
    expect(await page.evaluate(`[...document.documentElement.children].filter((e) => e.localName.includes('-')).length`)).toBe(1);

    // The reports go on: the user's input here is counted and the panel's figure follows it.
    let last = '';
    const counting = await waitFor(async () => {
      const panel = await read(page);
      last = panel?.text ?? 'none';
      // The welcome tab a new install opens can come in front late: the user goes back to the
      // page's tab and window.
      if (!panel?.text.includes('Counting')) {
        await page.bringToFront();
        await activateWindow(window);
      }
      return panel?.text.includes('Counting') && panel;
    }, 10_000, 'the panel to say Counting').catch((error) => { throw new Error(`${String(error)}; the panel said: ${last}`); });
    expect(counting.text).toContain('Today');
    const before = await countedMs(observer);
    await new Promise((resolve) => setTimeout(resolve, 6000)); // a report every 5 s while present
    const after = await countedMs(observer);
    expect(after - before).toBeGreaterThanOrEqual(4000);
  } finally {
    await presence.stop();
  }

  // What the page learned: every message, event and DOM change it saw, and all its text.
  const learned = await page.evaluate(`JSON.stringify({ seen: window.hostile.seen, inner: document.documentElement.innerText, text: document.documentElement.textContent })`) as string;
  expect(learned.length).toBeGreaterThan(1000); // it did watch
  for (const secret of [...secrets, 'Channel Focus', 'channel-focus', 'Today', '-extension://']) expect(learned).not.toContain(secret);
}

describe('Chromium: a hostile page', () => {
  let session: ChromiumSession;
  beforeAll(async () => { session = await launchChromium(); });
  afterAll(async () => { await session?.close(); });

  it('cannot silence, remove, hide or identify the panel', async () => {
    await survivesHostilePage(session, (p) => readChromiumPanel(p), [session.extensionId]);
  });
});

describe('Firefox ESR: a hostile page', () => {
  let firefox: FirefoxSession;
  beforeAll(async () => { firefox = await launchFirefox(); });
  afterAll(async () => { await firefox?.close(); });

  it('cannot silence, remove, hide or identify the panel', async () => {
    await survivesHostilePage(firefox, readFirefoxPanel, [GECKO_ID, FIREFOX_UUID]);
  });
});
