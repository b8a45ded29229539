// The side panel in the production builds, in Chromium and Firefox, on the fixture platforms.
// Reading our closed shadow root takes the browser's own tooling (panel-dom.ts); clicks are real
// input at the controls' coordinates. With CF_SCREENSHOTS=1 the Chromium run also saves the
// README's screenshots to docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { channelKey, detectChannel, type Channel } from '@/utils/channels';
import { PLATFORMS } from '@/utils/platforms';
import { defaultSettings, setChannelBudget, setPlatformTracked, type FocusChannel, type Settings } from '@/utils/settings';
import { encodeEnvelope, usageDay, usageKey } from '@/utils/storage';
import { localDate } from '@/utils/time-zone';
import { ROOT, launchChromium, launchFirefox, waitFor, type ChromiumSession, type FirefoxSession } from '../../harness/browsers';
import { PANEL_HOST_IN_PAGE, exposePanelRoot } from './panel-dom';
import { openObserver } from '../../harness/scripted-session';
import { axeFindings, extensionApi, panelSaying, readPanel, type Harness, type Kind } from './harness';

const MIN = 60_000;
const SCREENSHOTS = join(ROOT, 'docs/screenshots');

function focusOn(channels: FocusChannel[], change: (settings: Settings) => Settings = (s) => s): Settings {
  return change({
    ...defaultSettings(),
    specializations: [{ id: 'b2b', name: 'B2B', channels, budgets: { totalMinutes: null, perChannel: {} }, workingHours: null, clientId: null }],
    activeSpecializationId: 'b2b',
  });
}

/** The channel a fixture URL stands for, and its account as the platform writes it, from the real catalog. */
function expected(url: string): { channel: Channel; name: string; account: string } {
  const channel = detectChannel(url);
  if (!channel || channel.platform === 'custom' || channel.account === null) throw new Error(`${url} names no account`);
  const platform = PLATFORMS[channel.platform];
  return { channel, name: platform.name, account: platform.accountLabel?.(channel.account) ?? channel.account };
}

async function storeSettings(observer: Page, settings: Settings, usage: Record<string, unknown> = {}): Promise<void> {
  await observer.evaluate(`(${extensionApi.toString()})().storage.local.set(${JSON.stringify({ settings, ...usage })})`);
}

async function storedSettings(observer: Page): Promise<Settings> {
  return (await observer.evaluate(`(${extensionApi.toString()})().storage.local.get('settings')`) as { settings: Settings }).settings;
}

async function ask(observer: Page, message: object): Promise<unknown> {
  return observer.evaluate(`(${extensionApi.toString()})().runtime.sendMessage(${JSON.stringify(message)})`);
}

/** What the keyboard shortcut does once the background has it: a toggle message to the tab's panel. */
async function pressShortcut(observer: Page): Promise<void> {
  await observer.evaluate(`(async () => {
    const ext = (${extensionApi.toString()})();
    for (const tab of await ext.tabs.query({})) ext.tabs.sendMessage(tab.id, { type: 'panel-toggle' }).catch(() => {});
  })()`);
}

/** What the host page's own scripts can find of us. */
function pageSees(page: Page) {
  return page.evaluate((find) => {
    const host = (0, eval)(find) as Element | undefined;
    return {
      host: !!host,
      shadowRoot: host?.shadowRoot ?? null,
      text: `${document.body.innerText}\n${document.documentElement.innerText}`,
      status: document.querySelector('[role="status"]')?.textContent ?? null,
    };
  }, PANEL_HOST_IN_PAGE);
}

/** A control in the (exposed) panel by its accessible name or its text. */
async function control(page: Page, name: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle((label, find) => {
    const root = ((0, eval)(find) as Element | undefined)?.shadowRoot;
    return [...(root?.querySelectorAll('button, [role="slider"]') ?? [])]
      .find((element) => element.getAttribute('aria-label') === label || element.textContent?.trim() === label) ?? null;
  }, name, PANEL_HOST_IN_PAGE);
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) throw new Error(`no control "${name}" in the panel`);
  return element;
}

async function inPanel<T>(page: Page, read: (root: ShadowRoot) => T): Promise<T> {
  return page.evaluate(`(${read.toString()})((${PANEL_HOST_IN_PAGE}).shadowRoot)`) as Promise<T>;
}


/** A platform in its dark mode, as the fixture page does not have one. */
const DARK_PAGE = `document.addEventListener('DOMContentLoaded', () => {
  const style = document.createElement('style');
  style.textContent = 'html { color-scheme: dark } body { background: #15202b; color: #e7e9ea } .post { background: #1e2732 }';
  document.head.append(style);
});`;

const LINKEDIN = 'http://www.linkedin.com/company/acme-gmbh/';
const X = 'http://x.com/acmebrand';

function panelSuite(kind: Kind, start: () => Promise<Harness>) {
  let harness: Harness;
  let observer: Page;
  const open: Page[] = [];
  const newPage = async (url: string, before?: (page: Page) => Promise<void>) => {
    const page = await harness.browser.newPage();
    open.push(page);
    await before?.(page);
    await page.goto(url);
    await page.waitForSelector('#title');
    return page;
  };

  beforeAll(async () => {
    harness = await start();
    observer = await openObserver({ browser: harness.browser, extensionBase: harness.extensionUrl('') });
  });
  afterAll(async () => { await harness?.close(); });
  // One platform page at a time, even after a failure: the shortcut test messages every tab.
  const closePages = async () => {
    for (const page of open.splice(0)) await page.close().catch(() => {});
  };
  afterEach(closePages);

  it('names the channel and account on several platforms, with the status of each', async () => {
    await storeSettings(observer, focusOn([{ platform: 'linkedin', accounts: null }, { platform: 'xing', accounts: null }]));
    const cases = [
      [LINKEDIN, 'In focus'],
      ['http://www.xing.com/pages/acme-gmbh', 'In focus'],
      [X, 'Outside your specialization'],
      ['http://www.instagram.com/acme.brand/', 'Outside your specialization'],
      ['http://www.youtube.com/@acmebrand', 'Outside your specialization'],
    ] as const;
    for (const [url, status] of cases) {
      const { name, account } = expected(url);
      const page = await newPage(url);
      const panel = await panelSaying(kind, page, [name, account, status]);
      expect(panel.shadowRootType).toBe('closed');
      await page.close();
    }
  });

  it('is invisible to the host page', async () => {
    await storeSettings(observer, focusOn([{ platform: 'linkedin', accounts: null }]));
    const page = await newPage(LINKEDIN);
    await panelSaying(kind, page, ['In focus', 'Channel Focus']);
    const seen = await pageSees(page);
    expect(seen.host).toBe(true);
    expect(seen.shadowRoot).toBeNull();
    expect(seen.status).toBeNull();
    for (const ours of ['Channel Focus', 'In focus', 'Today', 'Hide on LinkedIn']) expect(seen.text).not.toContain(ours);
  });

  it('changes its status with the specialization, without a reload', async () => {
    await storeSettings(observer, focusOn([{ platform: 'linkedin', accounts: null }]));
    const page = await newPage(LINKEDIN);
    await panelSaying(kind, page, ['In focus']);
    await storeSettings(observer, focusOn([{ platform: 'xing', accounts: null }]));
    await panelSaying(kind, page, ['Outside your specialization', 'Add company/acme-gmbh to “B2B”']);
    await storeSettings(observer, setPlatformTracked(focusOn([{ platform: 'xing', accounts: null }]), 'linkedin', false));
    await panelSaying(kind, page, ['Not tracked', 'You turned tracking off for this platform']);
  });

  it('follows SPA navigation within a second', async () => {
    await storeSettings(observer, focusOn([{ platform: 'linkedin', accounts: ['company/acme-gmbh'] }]));
    const page = await newPage('http://www.linkedin.com/feed/');
    await panelSaying(kind, page, ['LinkedIn', 'In focus']);
    const clicked = Date.now();
    await page.click('a[href="/in/jane-doe/"]');
    await panelSaying(kind, page, ['in/jane-doe', 'Outside your specialization']);
    expect(Date.now() - clicked).toBeLessThan(1000);
  });

  it('quick actions: snooze the flag, open the report, add the account to the focus', async () => {
    const { channel, account } = expected(X);
    await storeSettings(observer, focusOn([{ platform: 'linkedin', accounts: null }]));
    const page = await newPage(X);
    await panelSaying(kind, page, ['Outside your specialization', `Add ${account} to “B2B”`]);
    await exposePanelRoot(page, kind);

    const snoozedAt = Date.now();
    await (await control(page, 'Snooze the flag for 15 minutes')).click();
    await panelSaying(kind, page, ['Outside your specialization', 'Flag snoozed until']);
    const until = (await storedSettings(observer)).flags.snoozedUntil[channelKey(channel)] ?? 0;
    expect(until).toBeGreaterThanOrEqual(snoozedAt + 15 * MIN - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + 15 * MIN);
    expect((await readPanel(kind, page))?.text).not.toContain('Add ');

    // The report opens in a tab (the extension sees its own pages' addresses; puppeteer does not in
    // Firefox). The report writes its range into the address (`report.html?range=this-week`).
    const reportTabs = () => observer.evaluate(`(${extensionApi.toString()})().tabs.query({}).then((tabs) => tabs.filter((t) => /\\/report\\.html(\\?|$)/.test(t.url ?? '')).map((t) => t.id))`) as Promise<number[]>;
    const before = await reportTabs();
    await (await control(page, 'Open report')).click();
    const opened = await waitFor(async () => (await reportTabs()).find((id) => !before.includes(id)), 10_000, 'the report to open in a tab');
    await observer.evaluate(`(${extensionApi.toString()})().tabs.remove(${opened})`);

    // A new specialization day: the flag is back, and this time the account joins the focus.
    await storeSettings(observer, focusOn([{ platform: 'linkedin', accounts: null }]));
    await panelSaying(kind, page, [`Add ${account} to “B2B”`]);
    await (await control(page, `Add ${account} to “B2B”`)).click();
    await panelSaying(kind, page, ['In focus']);
    const focus = (await storedSettings(observer)).specializations[0]?.channels;
    expect(focus).toContainEqual({ platform: 'x', accounts: [channel.account] });
  });

  it('remembers collapsed per platform across reloads', async () => {
    await storeSettings(observer, focusOn([{ platform: 'linkedin', accounts: null }]));
    const page = await newPage(LINKEDIN);
    await panelSaying(kind, page, ['In focus']);
    await exposePanelRoot(page, kind);
    await (await control(page, 'Collapse the panel')).click();
    await waitFor(async () => (await storedSettings(observer)).panel.perPlatform.linkedin?.collapsed === true, 5000, 'collapsed to be stored');
    expect(await inPanel(page, (root) => ({ tab: !!root.querySelector('.tab'), panel: !!root.querySelector('.panel') }))).toEqual({ tab: true, panel: false });

    await page.reload();
    await page.waitForSelector('#title');
    await waitFor(() => page.evaluate(`!!(${PANEL_HOST_IN_PAGE})`), 10_000, 'the panel after the reload');
    await exposePanelRoot(page, kind);
    const label = await inPanel(page, (root) => root.querySelector('.tab')?.getAttribute('aria-label') ?? null);
    expect(label).toBe('Channel Focus: In focus. Show the panel');
    expect(await inPanel(page, (root) => !!root.querySelector('.panel'))).toBe(false);

    // Another platform keeps its own placement.
    const other = await newPage(X);
    await panelSaying(kind, other, ['Outside your specialization', 'Today']);
    await other.close();
    await page.bringToFront();
    await (await control(page, label!)).click();
    await panelSaying(kind, page, ['In focus', 'Today']);
    await waitFor(async () => (await storedSettings(observer)).panel.perPlatform.linkedin?.collapsed === false, 5000, 'open to be stored');
  });

  it('hides on this platform, and comes back when the popup asks', async () => {
    await storeSettings(observer, focusOn([{ platform: 'linkedin', accounts: null }]));
    const page = await newPage(LINKEDIN);
    await panelSaying(kind, page, ['In focus']);
    await exposePanelRoot(page, kind);
    await (await control(page, 'Hide on LinkedIn')).click();
    await waitFor(async () => !(await pageSees(page)).host, 5000, 'the panel to leave the page');
    await page.reload();
    await page.waitForSelector('#title');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await pageSees(page)).host).toBe(false);
    expect(await ask(observer, { type: 'panel-unhide', key: 'linkedin' })).toEqual({ ok: true });
    await panelSaying(kind, page, ['In focus']);
  });

  it('is reachable and operable with the keyboard, and lets focus go', async () => {
    await storeSettings(observer, focusOn([{ platform: 'linkedin', accounts: null }]));
    const page = await newPage(LINKEDIN);
    await panelSaying(kind, page, ['In focus']);
    const focusIsOurs = () => page.evaluate(`document.activeElement === (${PANEL_HOST_IN_PAGE})`);
    let presses = 0;
    while (!(await focusIsOurs()) && presses < 30) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    expect(await focusIsOurs()).toBe(true);
    await exposePanelRoot(page, kind);
    const focused = () => inPanel(page, (root) => root.activeElement?.getAttribute('aria-label') ?? null);
    expect(await focused()).toBe('Panel position');
    // The handle moves the panel with the arrow keys; the position is saved once the keys rest.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await waitFor(async () => (await storedSettings(observer)).panel.perPlatform.linkedin?.top === 0.4, 5000, 'the new position to be stored');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Collapse the panel');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await focused()) === 'Channel Focus: In focus. Show the panel', 5000, 'focus on the collapsed tab');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await focused()) === 'Collapse the panel', 5000, 'focus back on the collapse button');
    // Not a trap: Tab goes on and leaves the panel.
    let left = false;
    for (let i = 0; i < 12 && !left; i++) {
      await page.keyboard.press('Tab');
      left = !(await focusIsOurs());
    }
    expect(left).toBe(true);
  });

  it('toggles with the shortcut’s message, also back from hidden', async () => {
    await storeSettings(observer, focusOn([{ platform: 'linkedin', accounts: null }]));
    const page = await newPage(LINKEDIN);
    await panelSaying(kind, page, ['In focus', 'Today']);
    await pressShortcut(observer);
    await waitFor(async () => (await storedSettings(observer)).panel.perPlatform.linkedin?.collapsed === true, 5000, 'collapsed by the shortcut');
    expect((await readPanel(kind, page))?.text).not.toContain('Today');
    await storeSettings(observer, focusOn([{ platform: 'linkedin', accounts: null }], (s) => ({
      ...s, panel: { ...s.panel, perPlatform: { linkedin: { collapsed: false, hidden: true, top: 0.3 } } },
    })));
    await waitFor(async () => !(await pageSees(page)).host, 5000, 'the panel to hide');
    await pressShortcut(observer);
    await panelSaying(kind, page, ['In focus', 'Today']);
  });

  it('has no serious or critical axe-core findings, open, flagged, collapsed, dark', async () => {
    const withBudget = setChannelBudget(focusOn([{ platform: 'linkedin', accounts: null }]), 'b2b', 'linkedin', 30);
    if (!withBudget.ok) throw new Error('budget refused');
    await storeSettings(observer, withBudget.settings);
    const scan = async (url: string, text: string, before?: (page: Page) => Promise<void>) => {
      const page = await newPage(url, before);
      await panelSaying(kind, page, [text]);
      await exposePanelRoot(page, kind);
      return { page, findings: await axeFindings(page, { inPanel: true }) };
    };
    const inFocus = await scan(LINKEDIN, 'In focus');
    expect(inFocus.findings).toEqual([]);
    const flagged = await scan(X, 'Outside your specialization');
    expect(flagged.findings).toEqual([]);
    await (await control(flagged.page, 'Collapse the panel')).click();
    await waitFor(() => inPanel(flagged.page, (root) => !!root.querySelector('.tab')), 5000, 'the collapsed tab');
    expect(await axeFindings(flagged.page, { inPanel: true })).toEqual([]);
    await (await control(flagged.page, 'Channel Focus: Outside your specialization. Show the panel')).click();
    const dark = await scan(LINKEDIN, 'In focus', (page) => page.evaluateOnNewDocument(DARK_PAGE).then(() => {}));
    expect(await inPanel(dark.page, (root) => root.querySelector('.dock')?.className)).toContain('theme-dark');
    expect(dark.findings).toEqual([]);
  });

  if (kind === 'chromium') {
    it('follows the page’s colours, else the system’s', async () => {
      await storeSettings(observer, focusOn([{ platform: 'linkedin', accounts: null }]));
      const background = async (before?: (page: Page) => Promise<void>) => {
        const page = await newPage(LINKEDIN, before);
        await panelSaying(kind, page, ['In focus']);
        await exposePanelRoot(page, kind);
        return inPanel(page, (root) => getComputedStyle(root.querySelector('.panel')!).backgroundColor);
      };
      const systemDark = (page: Page) => page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
      // A light page in a dark system: the panel matches the page.
      expect(await background(systemDark)).toBe('rgb(255, 255, 255)');
      expect(await background(async (page) => { await page.evaluateOnNewDocument(DARK_PAGE); })).toBe('rgb(29, 37, 39)');
      // A page that shows no colour of its own: the system decides.
      const transparent = `document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = 'html, body { background: transparent !important }';
        document.head.append(style);
      });`;
      expect(await background(async (page) => { await systemDark(page); await page.evaluateOnNewDocument(transparent); })).toBe('rgb(29, 37, 39)');
      });

    it('never shifts the host page', async () => {
      await storeSettings(observer, focusOn([{ platform: 'linkedin', accounts: null }]));
      // Every layout shift, with whether input came just before and which page elements moved
      // (nodes inside our closed root are not reported to the page: they come as null).
      const page = await newPage(LINKEDIN, (p) => p.evaluateOnNewDocument(`window.__shifts = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__shifts.push({ value: e.value, input: e.hadRecentInput, pageNodes: e.sources.filter((s) => s.node).length });
        }).observe({ type: 'layout-shift', buffered: true });`).then(() => {}));
      const size = () => page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
      const before = await size();
      await panelSaying(kind, page, ['In focus']);
      await exposePanelRoot(page, kind);
      await (await control(page, 'Collapse the panel')).click();
      await (await control(page, 'Channel Focus: In focus. Show the panel')).click();
      await (await control(page, 'Move the panel to the left edge')).click();
      await (await control(page, 'Move the panel to the right edge')).click();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const shifts = await page.evaluate(() => (window as unknown as { __shifts: { value: number; input: boolean; pageNodes: number }[] }).__shifts);
      // Mounting moves nothing; the panel's own moves follow the user's clicks and move no page element.
      expect(shifts.filter((shift) => !shift.input)).toEqual([]);
      expect(shifts.filter((shift) => shift.pageNodes > 0)).toEqual([]);
      expect(await size()).toEqual(before);
      });

    it.runIf(process.env.CF_SCREENSHOTS)('saves screenshots in light and dark, in and out of focus', async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const today = localDate(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
      const budgeted = setChannelBudget(focusOn([{ platform: 'linkedin', accounts: null }, { platform: 'xing', accounts: null }]), 'b2b', 'linkedin', 60);
      if (!budgeted.ok) throw new Error('budget refused');
      await storeSettings(observer, budgeted.settings, {
        [usageKey(today)]: encodeEnvelope(usageDay, { 'linkedin:company/acme-gmbh': [38 * MIN, 0, 0, 0], xing: [12 * MIN, 0, 0, 0], 'x:acmebrand': [0, 14 * MIN, 0, 0] }),
      });
      for (const scheme of ['light', 'dark'] as const) {
        for (const [state, url, text] of [['in-focus', LINKEDIN, 'In focus'], ['outside', X, 'Outside your specialization']] as const) {
          const page = await newPage(url, async (p) => {
            await p.setViewport({ width: 1100, height: 700 });
            if (scheme === 'dark') {
              await p.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
              await p.evaluateOnNewDocument(DARK_PAGE);
            }
          });
          await panelSaying(kind, page, [text]);
          await page.bringToFront();
          await new Promise((resolve) => setTimeout(resolve, 600));
          await exposePanelRoot(page, kind);
          const box = await inPanel(page, (root) => {
            const rect = root.querySelector('.panel')!.getBoundingClientRect();
            return { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
          });
          const width = 460;
          await page.screenshot({
            path: join(SCREENSHOTS, `panel-${scheme}-${state}.png`),
            clip: { x: box.x + box.width - width, y: Math.max(0, box.y - 30), width, height: box.height + 60 },
          });
        }
      }
      });
  }
}

describe('side panel in Chromium', () => {
  panelSuite('chromium', async () => {
    const session: ChromiumSession = await launchChromium();
    return {
      kind: 'chromium', browser: session.browser,
      extensionUrl: (path) => `chrome-extension://${session.extensionId}${path}`,
      close: () => session.close(),
    };
  });
});

describe('side panel in Firefox', () => {
  panelSuite('firefox', async () => {
    const session: FirefoxSession = await launchFirefox();
    return { kind: 'firefox', browser: session.browser, extensionUrl: (path) => `${session.extensionBase}${path}`, close: () => session.close() };
  });
});
