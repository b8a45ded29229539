import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox, waitFor, type ChromiumSession, type FirefoxSession } from '../../harness/browsers';
import { PANEL_HOST_IN_PAGE, readChromiumPanel, readFirefoxPanel } from './panel-dom';

describe('Chromium: the production build', () => {
  let session: ChromiumSession;
  beforeAll(async () => { session = await launchChromium(); });
  afterAll(async () => { await session?.close(); });

  it('mounts the side panel in a closed shadow root on www.linkedin.com', async () => {
    const page = await session.browser.newPage();
    await page.goto('http://www.linkedin.com/feed/');
    const panel = await waitFor(async () => { const p = await readChromiumPanel(page); return p?.text.includes('LinkedIn') && p; }, 10_000, 'the panel naming LinkedIn');
    expect(panel.shadowRootType).toBe('closed');
    expect(panel.text).toContain('LinkedIn');
    // What the host page can see: the host element, but none of our text.
    const seen = await page.evaluate((find) => {
      const host = (0, eval)(find) as Element | undefined;
      return { name: host?.localName, shadowRoot: host?.shadowRoot ?? null, text: document.documentElement.innerText };
    }, PANEL_HOST_IN_PAGE);
    // A neutral name, made for this profile: nothing a page could look for.
    expect(seen.name).toMatch(/^[a-z]{5}-[a-z]{6}$/);
    expect(seen.shadowRoot).toBeNull();
    expect(seen.text).not.toContain('Channel Focus');
    await page.close();
  });

  it('follows an SPA navigation (history.pushState) to the new channel', async () => {
    const page = await session.browser.newPage();
    await page.goto('http://www.linkedin.com/feed/');
    await waitFor(async () => (await readChromiumPanel(page))?.text.includes('LinkedIn'), 10_000, 'the panel');
    await page.click('a[href="/company/acme-gmbh/"]');
    const panel = await waitFor(async () => { const p = await readChromiumPanel(page); return p?.text.includes('company/acme-gmbh') && p; }, 5000, 'the panel to show the company page');
    expect(await page.evaluate(() => location.pathname)).toBe('/company/acme-gmbh/');
    expect(panel.text).toContain('LinkedIn');
    await page.close();
  });

  it('does not touch an unrelated host', async () => {
    const page = await session.browser.newPage();
    await page.goto('http://www.example.org/');
    await page.waitForSelector('#title');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await page.evaluate(`[...document.documentElement.children].map((element) => element.localName).join()`)).toBe('head,body');
    await page.close();
  });

  it('opens the popup and the options page', async () => {
    const page = await session.browser.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await page.waitForSelector('::-p-aria([name="Channel Focus"][role="heading"])', { timeout: 10_000 });
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await page.waitForSelector('::-p-aria([name="Channel Focus"][role="heading"])', { timeout: 10_000 });
    await page.close();
  });

  it('answers a typed status message', async () => {
    const page = await session.browser.newPage();
    await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const reply = await page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'status' }));
    expect(reply).toMatchObject({ product: 'channel-focus' });
    expect(await page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'no-such-message' }))).toBeUndefined();
    await page.close();
  });
});

describe('Chromium in German', () => {
  it('shows the popup and the panel in the browser language', async () => {
    const session = await launchChromium({ lang: 'de' });
    try {
      const page = await session.browser.newPage();
      await page.goto(`${session.extensionBase}/popup.html`);
      await page.bringToFront();
      // A new user's popup: the empty state, in German (polled: a page without focus gets no frames).
      await page.waitForFunction(() => document.body.innerText.includes('Noch nichts erfasst'), { timeout: 10_000, polling: 200 });
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
      await page.goto('http://www.linkedin.com/feed/');
      const panel = await waitFor(async () => { const p = await readChromiumPanel(page); return p?.text.includes('Heute') && p; }, 10_000, 'the German panel');
      expect(panel.text).toContain('LinkedIn');
    } finally {
      await session.close();
    }
  });
});

describe('Firefox ESR: the production build', () => {
  let firefox: FirefoxSession;
  beforeAll(async () => { firefox = await launchFirefox(); });
  afterAll(async () => { await firefox?.close(); });

  it('mounts the side panel in a closed shadow root on www.linkedin.com', async () => {
    const page = await firefox.browser.newPage();
    await page.goto('http://www.linkedin.com/feed/');
    const panel = await waitFor(async () => { const p = await readFirefoxPanel(page); return p?.text.includes('LinkedIn') && p; }, 10_000, 'the panel naming LinkedIn');
    expect(panel.shadowRootType).toBe('closed');
    expect(panel.text).toContain('LinkedIn');
    const seen = await page.evaluate((find) => {
      const host = (0, eval)(find) as Element | undefined;
      return { name: host?.localName, shadowRoot: host?.shadowRoot ?? null, text: document.documentElement.innerText };
    }, PANEL_HOST_IN_PAGE);
    expect(seen.name).toMatch(/^[a-z]{5}-[a-z]{6}$/);
    expect(seen.shadowRoot).toBeNull();
    expect(seen.text).not.toContain('Channel Focus');
    await page.close();
  });

  it('follows an SPA navigation (history.pushState) to the new channel', async () => {
    const page = await firefox.browser.newPage();
    await page.goto('http://www.linkedin.com/feed/');
    await waitFor(async () => (await readFirefoxPanel(page))?.text.includes('LinkedIn'), 10_000, 'the panel');
    await page.click('a[href="/company/acme-gmbh/"]');
    await waitFor(async () => (await readFirefoxPanel(page))?.text.includes('company/acme-gmbh'), 5000, 'the panel to show the company page');
    expect(await page.evaluate(() => location.pathname)).toBe('/company/acme-gmbh/');
    await page.close();
  });

  it('does not touch an unrelated host', async () => {
    const page = await firefox.browser.newPage();
    await page.goto('http://www.example.org/');
    await page.waitForSelector('#title');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await page.evaluate(`[...document.documentElement.children].map((element) => element.localName).join()`)).toBe('head,body');
    await page.close();
  });

  it('opens the popup and the options page', async () => {
    const page = await firefox.browser.newPage();
    for (const view of ['popup', 'options']) {
      await page.goto(`${firefox.extensionBase}/${view}.html`, { timeout: 3000 }).catch(() => {});
      const heading = await page.waitForSelector('h1', { timeout: 10_000 });
      expect(await heading!.evaluate((h) => h.textContent)).toBe('Channel Focus');
    }
    await page.close();
  });
});
