/**
 * The panel's content script in the tabs that were open when the extension was installed or
 * updated. Chrome runs manifest content scripts only in pages loaded afterwards (MDN's browser
 * compatibility notes for `content_scripts`: "not applied to tabs already open when the extension
 * is loaded"), so those tabs would count nothing until reloaded; scripts of an older version keep
 * running there, cut off from the extension. Firefox injects manifest content scripts into open
 * tabs itself, but not scripts registered at runtime: there only the custom hosts need us.
 */
import { browser, type Browser } from 'wxt/browser';
import { contentScriptExcludeMatches, contentScriptMatches, type UserHost } from '@/utils/channels';
import { SETTINGS_KEY, decodeSettings } from '@/utils/storage';
import { PANEL_SCRIPT_FILE, allowedCustomHostPatterns } from './custom-hosts';

export interface OpenTabsApi {
  tabs: Pick<typeof browser.tabs, 'query' | 'sendMessage'>;
  scripting: Pick<typeof browser.scripting, 'executeScript'>;
  permissions: Pick<typeof browser.permissions, 'contains'>;
}

export interface OpenTabsOptions {
  /** The browser injects the manifest's content scripts into open tabs itself (Firefox). */
  manifestInjectedByBrowser: boolean;
  /** How long a live panel has to answer before the tab counts as one without it. */
  answerWithinMs: number;
}

/** What happened in each tab, by tab id: for the tests and the console. */
export interface OpenTabsOutcome {
  injected: number[];
  /** A live panel answered: nothing was changed there. */
  running: number[];
  /** The tab went away, navigated elsewhere or cannot be scripted: nothing to do. */
  failed: number[];
}

/** The manifest's file, as `executeScript` names files: from the extension's root. */
export const PANEL_SCRIPT_PATH = `/${PANEL_SCRIPT_FILE}` as const;

const DEFAULT_OPTIONS: OpenTabsOptions = {
  manifestInjectedByBrowser: import.meta.env.FIREFOX,
  answerWithinMs: 1000,
};

/**
 * True when the URL is covered by a match pattern of the shape our manifest and custom hosts use
 * (`*://*.example.com/*`, `https://example.com/*`); any other shape matches nothing.
 */
export function urlMatchesPattern(url: string, pattern: string): boolean {
  const shape = /^(\*|https?):\/\/(\*\.)?([^/*]+)\/\*$/.exec(pattern);
  if (!shape) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const [, scheme, anySub, host] = shape;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (scheme !== '*' && parsed.protocol !== `${scheme}:`) return false;
  const hostname = parsed.hostname.replace(/\.$/, '');
  return hostname === host || (anySub !== undefined && hostname.endsWith(`.${host}`));
}

/**
 * Whether the tab runs a live panel: it answers the background's `report-now` (the panel's own
 * message, see entrypoints/panel.content). A script left over from before an update cannot hear
 * the extension any more, and a tab without the script has no receiver: both say no.
 */
async function runsLivePanel(api: OpenTabsApi, tabId: number, withinMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silence = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), withinMs); });
  const answer = api.tabs.sendMessage(tabId, { type: 'report-now' }, { frameId: 0 })
    .then((reply: unknown) => reply === true, () => false);
  try {
    return await Promise.race([answer, silence]);
  } finally {
    clearTimeout(timer);
  }
}

/** Open, loaded tabs on the patterns (discarded ones load the script with the page when they come back). */
async function openTabs(api: OpenTabsApi, patterns: readonly string[]): Promise<Browser.tabs.Tab[]> {
  if (patterns.length === 0) return [];
  const tabs = await api.tabs.query({ url: [...patterns] }).catch(() => []);
  return tabs.filter((tab) => tab.id !== undefined && tab.id !== browser.tabs.TAB_ID_NONE && !tab.discarded);
}

/**
 * Injects the panel's content script into every open tab that would get it from a page load now:
 * the manifest's platform hosts (without its excluded hosts) unless the browser did so itself,
 * and the custom hosts whose access the user allowed. A tab that runs a live panel is left alone;
 * a tab that fails (closed, navigated away, discarded meanwhile) does not stop the others.
 */
export async function injectIntoOpenTabs(
  hosts: readonly UserHost[],
  api: OpenTabsApi = { tabs: browser.tabs, scripting: browser.scripting, permissions: browser.permissions },
  options: Partial<OpenTabsOptions> = {},
): Promise<OpenTabsOutcome> {
  const { manifestInjectedByBrowser, answerWithinMs } = { ...DEFAULT_OPTIONS, ...options };
  const excluded = contentScriptExcludeMatches();
  const [platformTabs, customTabs] = await Promise.all([
    manifestInjectedByBrowser ? [] : openTabs(api, contentScriptMatches()).then((tabs) =>
      tabs.filter((tab) => !excluded.some((pattern) => urlMatchesPattern(tab.url ?? '', pattern)))),
    allowedCustomHostPatterns(hosts, api.permissions).then((patterns) => openTabs(api, patterns)),
  ]);
  const targets = new Map<number, Browser.tabs.Tab>();
  for (const tab of [...platformTabs, ...customTabs]) targets.set(tab.id!, tab);

  const outcome: OpenTabsOutcome = { injected: [], running: [], failed: [] };
  await Promise.all([...targets.keys()].map(async (tabId) => {
    try {
      if (await runsLivePanel(api, tabId, answerWithinMs)) {
        outcome.running.push(tabId);
        return;
      }
      await api.scripting.executeScript({ target: { tabId }, files: [PANEL_SCRIPT_PATH] });
      outcome.injected.push(tabId);
    } catch {
      outcome.failed.push(tabId);
    }
  }));
  return outcome;
}

/**
 * Wires the injection to `runtime.onInstalled` (install and update; not a browser update, which
 * leaves our scripts alone). Call once, synchronously, when the background starts.
 */
export function registerOpenTabInjection(api?: OpenTabsApi, options?: Partial<OpenTabsOptions>): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    // Without the `scripting` API (a browser that lacks it) there is no way in: tabs load it on reload.
    if (!browser.scripting && !api) return;
    void browser.storage.local.get(SETTINGS_KEY)
      .then((items) => injectIntoOpenTabs(decodeSettings(items[SETTINGS_KEY]).value.customHosts, api, options))
      .catch((error: unknown) => console.error('Channel Focus: open tabs not reached:', error));
  });
}
