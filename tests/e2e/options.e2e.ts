// The options page in the production builds, in Chromium and Firefox, driven as a screen-reader
// user finds things: by role and accessible name. The browsers' own permission prompts are
// answered the way a user does: Chromium's dialog by keyboard (real X key presses), Firefox's
// door-hanger by its Allow button in the browser window (privileged BiDi).
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '@/utils/settings';
import { launchChromium, launchFirefox, waitFor, type ChromiumSession, type FirefoxSession } from '../../harness/browsers';
import { activateWindow, windowsNamed, xdotool } from '../../harness/desktop';
import { extensionApi, panelSaying, readPanel, type Harness } from './harness';

interface OptionsHarness extends Harness {
  /** Whether a tab shows this extension URL, whoever opened it. */
  hasTab(path: string): Promise<boolean>;
  /** Answers the browser's permission prompt for a host, as the user would; `answered` says when the page shows the outcome. */
  answerPermissionPrompt(allow: boolean, answered: () => Promise<boolean>): Promise<void>;
  close(): Promise<void>;
}

const aria = (name: string, role: string) => `::-p-aria([name="${name}"][role="${role}"])`;

async function storedSettings(page: Page): Promise<Settings> {
  return (await page.evaluate(`(${extensionApi.toString()})().storage.local.get('settings')`) as { settings: Settings }).settings;
}

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  return waitFor(probe, timeoutMs, what);
}

async function click(scope: Page | ElementHandle, selector: string): Promise<void> {
  const element = await scope.waitForSelector(selector, { timeout: 10_000 });
  if (!element) throw new Error(`nothing matches ${selector}`);
  await element.click();
}

async function isChecked(scope: Page | ElementHandle, selector: string): Promise<boolean> {
  const element = await scope.waitForSelector(selector, { timeout: 10_000 });
  return element!.evaluate((input) => (input as HTMLInputElement).checked);
}

async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  const field = await page.waitForSelector(selector, { timeout: 10_000 });
  await field!.click({ count: 3 });
  await field!.type(text);
}

function optionsSuite(start: () => Promise<OptionsHarness>) {
  let harness: OptionsHarness;
  let options: Page;
  const platformPages: Page[] = [];
  const openPlatformPage = async (url: string) => {
    const page = await harness.browser.newPage();
    platformPages.push(page);
    await page.goto(url);
    await page.waitForSelector('#title');
    return page;
  };
  const toOptions = async () => {
    await options.bringToFront();
    return options;
  };

  /** Whether the background opened the options page by itself when the extension was installed. */
  let openedOnInstall = false;

  beforeAll(async () => {
    harness = await start();
    openedOnInstall = await until('the options page opened on install', () => harness.hasTab('/options.html')).catch(() => false);
    options = await harness.browser.newPage();
    await options.goto(harness.extensionUrl('/options.html'), { timeout: 5000 }).catch(() => {});
    await options.waitForSelector('h1', { timeout: 10_000 });
  });
  afterAll(async () => {
    for (const page of platformPages) await page.close().catch(() => {});
    await harness?.close();
  });

  it('opens the guided setup on install, and accepting the suggestion creates the active specialization', async () => {
    expect(openedOnInstall).toBe(true);
    const page = await toOptions();
    await page.waitForSelector(aria('Set up your focus', 'heading'), { timeout: 10_000 });
    await click(page, aria('Businesses in Germany, Austria and Switzerland (B2B DACH)', 'checkbox'));
    await click(page, aria('Suggest channels', 'button'));
    await page.waitForSelector(aria('Your suggested focus', 'heading'));
    expect(await isChecked(page, aria('LinkedIn', 'checkbox'))).toBe(true);
    expect(await isChecked(page, aria('XING', 'checkbox'))).toBe(true);
    expect(await isChecked(page, aria('Instagram', 'checkbox'))).toBe(false);
    await click(page, aria('Accept and start', 'button'));
    await page.waitForSelector(aria('Sections', 'navigation'), { timeout: 10_000 });
    const settings = await storedSettings(page);
    expect(settings.setup).toEqual({ completed: true, skipped: false });
    expect(settings.specializations.map((spec) => [spec.name, spec.channels.map((entry) => entry.platform)]))
      .toEqual([['My focus', ['linkedin', 'xing']]]);
    expect(settings.activeSpecializationId).toBe(settings.specializations[0]!.id);
  });

  it('creates and activates a specialization, and the flag on an open platform page follows', async () => {
    const linkedin = await openPlatformPage('http://www.linkedin.com/feed/');
    await panelSaying(harness.kind, linkedin, ['LinkedIn', 'In focus'], { nudge: true });

    const page = await toOptions();
    await typeInto(page, aria('Name of a new specialization', 'textbox'), 'Visual products');
    await click(page, aria('Create', 'button'));
    await page.waitForSelector(aria('Visual products', 'heading'), { timeout: 10_000 });
    const focus = await page.waitForSelector(aria('Focus channels', 'group'));
    await click(focus!, aria('Instagram', 'checkbox'));
    await click(focus!, aria('Pinterest', 'checkbox'));
    await until('the new specialization saved', async () => {
      const spec = (await storedSettings(page)).specializations.find((entry) => entry.name === 'Visual products');
      return spec?.channels.length === 2;
    });

    await click(page, aria('Visual products', 'radio'));
    await until('Visual products active', async () => {
      const settings = await storedSettings(page);
      return settings.specializations.find((spec) => spec.id === settings.activeSpecializationId)?.name === 'Visual products';
    });
    await linkedin.bringToFront();
    await panelSaying(harness.kind, linkedin, ['LinkedIn', 'Outside your specialization'], { nudge: true });

    await (await toOptions()).waitForSelector(aria('My focus', 'radio'));
    await click(options, aria('My focus', 'radio'));
    await linkedin.bringToFront();
    await panelSaying(harness.kind, linkedin, ['LinkedIn', 'In focus'], { nudge: true });
  });

  it('adds a custom channel host once the browser allows it, tracks it without a reinstall, and removes it', async () => {
    const page = await toOptions();
    const host = aria('Host', 'textbox');
    await typeInto(page, host, 'https://www.example.org/community/');
    if (harness.kind === 'chromium') {
      // First the user says no: nothing is added, and the page says why.
      await click(page, aria('Add channel', 'button'));
      const refused = '::-p-text(Your browser did not allow access to example.org, so it was not added.)';
      await harness.answerPermissionPrompt(false, async () => (await page.$(refused)) !== null);
      await page.waitForSelector(refused, { timeout: 10_000 });
      expect((await storedSettings(page)).customHosts).toEqual([]);
    }
    await click(page, aria('Add channel', 'button'));
    const added = '::-p-text(example.org was added.)';
    await harness.answerPermissionPrompt(true, async () => (await page.$(added)) !== null);
    await page.waitForSelector(added, { timeout: 10_000 });
    expect((await storedSettings(page)).customHosts).toEqual([{ host: 'example.org', platform: 'custom' }]);

    // The panel's script is registered at run time: the next page on the host has the panel.
    const site = await openPlatformPage('http://www.example.org/');
    await panelSaying(harness.kind, site, ['example.org', 'Outside your specialization'], { nudge: true });
    await site.close();

    await toOptions();
    await click(page, aria('Remove example.org', 'button'));
    await until('the host removed', async () => (await storedSettings(page)).customHosts.length === 0);
    const after = await openPlatformPage('http://www.example.org/');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await readPanel(harness.kind, after)).toBeNull();
  });
}

describe('options page in Chromium', () => {
  optionsSuite(async () => {
    const session: ChromiumSession = await launchChromium();
    const base = `chrome-extension://${session.extensionId}`;
    return {
      kind: 'chromium',
      browser: session.browser,
      extensionUrl: (path) => `${base}${path}`,
      hasTab: async (path) => (await session.browser.pages()).some((page) => page.url() === `${base}${path}`),
      async answerPermissionPrompt(allow, answered) {
        // Chromium's dialog is part of the browser window and takes the keyboard focus, on "Deny".
        // Nothing here can see it, so the keys go when it has most likely shown, and again while
        // the page shows no outcome (a busy machine shows it late: the keys went to the page).
        for (let attempt = 0; attempt < 4; attempt += 1) {
          await new Promise((resolve) => setTimeout(resolve, attempt === 0 ? 1000 : 1500));
          if (await answered()) return;
          const [window] = await windowsNamed('Chromium');
          if (window) await activateWindow(window);
          await xdotool('key', ...(allow ? ['Tab', 'Return'] : ['Return']));
          for (let wait = 0; wait < 10; wait += 1) {
            if (await answered()) return;
            await new Promise((resolve) => setTimeout(resolve, 250));
          }
        }
      },
      close: () => session.close(),
    };
  });
});

describe('options page in Firefox', () => {
  optionsSuite(async () => {
    const session: FirefoxSession = await launchFirefox();
    type Bidi = { send(method: string, params: unknown): Promise<{ result: Record<string, unknown> }> };
    const bidi = (session.browser as unknown as { connection: Bidi }).connection;
    interface Context { context: string; url: string; children?: Context[] }
    const contexts = async (scope?: 'chrome') => {
      const reply = await bidi.send('browsingContext.getTree', scope ? { 'moz:scope': scope } : {});
      return (reply.result.contexts as Context[]).flatMap((context) => [context, ...(context.children ?? [])]);
    };
    return {
      kind: 'firefox',
      browser: session.browser,
      extensionUrl: (path) => `${session.extensionBase}${path}`,
      hasTab: async (path) => (await contexts()).some((context) => context.url === `${session.extensionBase}${path}`),
      async answerPermissionPrompt(allow) {
        // The door-hanger lives in the browser window's own document: press its button there.
        const window = (await contexts('chrome')).find((context) => context.url === 'chrome://browser/content/browser.xhtml');
        if (!window) throw new Error('no browser window');
        await until('the permission door-hanger', async () => {
          const reply = await bidi.send('script.evaluate', {
            expression: `(() => {
              const prompt = document.getElementById('addon-webext-permissions-notification');
              if (!prompt || prompt.hidden || !prompt.button) return false;
              (${allow} ? prompt.button : prompt.secondaryButton).click();
              return true;
            })()`,
            target: { context: window.context },
            awaitPromise: false,
          });
          return (reply.result.result as { value?: boolean } | undefined)?.value === true;
        });
      },
      close: () => session.close(),
    };
  });
});
