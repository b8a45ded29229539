// A scripted browsing session over several channels, tabs and two windows, with real pointer
// input, that records its own ground truth: which channel the user was looking at, and when.
// Shared by the tracking e2e tests and `npm run bench`.
import type { Browser, Page } from 'puppeteer-core';
import { defaultSettings, type Settings } from '@/utils/settings';
import type { ChromiumSession } from './browsers';
import { waitFor } from './browsers';
import { activateWindow, frontWindow, keepPresent } from './desktop';

export type Step =
  | { open: string; url: string; window: 1 | 2; channel: string }
  | { switchTo: string }
  | { stay: number }
  | { idle: number }
  | { spa: string; link: string; channel: string }
  | { stopWorker: true };

export interface SessionResult {
  /** channelKey -> ms the user really spent there, by the script's clock. */
  truth: Record<string, number>;
  startedAt: number;
  endedAt: number;
  workerStops: number;
  /** Stops the pointer (already stopped when the session ended). */
  stopPresence(): Promise<number>;
}

/** The idle threshold scripted sessions run with (the smallest the idle API allows). */
export const IDLE_THRESHOLD_S = 15;

/** A set-up profile with the shortest idle threshold and "B2B DACH" (all of LinkedIn) as its active specialization. */
export const withLinkedInFocus = (s: Settings): Settings => ({
  ...s,
  setup: { completed: true, skipped: false },
  tracking: { ...s.tracking, idleThresholdSeconds: IDLE_THRESHOLD_S },
  specializations: [{
    id: 'b2b', name: 'B2B DACH', channels: [{ platform: 'linkedin', accounts: null }],
    budgets: { totalMinutes: null, perChannel: {} }, workingHours: null, clientId: null,
  }],
  activeSpecializationId: 'b2b',
});

/** Five channels, two windows, tab and window switches, an SPA navigation, an idle spell, a worker stop. */
export const STANDARD_SESSION: Step[] = [
  { open: 'acme', url: 'http://www.linkedin.com/company/acme-gmbh/', window: 1, channel: 'linkedin:company/acme-gmbh' },
  { stay: 6000 },
  { open: 'x', url: 'http://x.com/acmebrand', window: 1, channel: 'x:acmebrand' },
  { stay: 5000 },
  { open: 'insta', url: 'http://www.instagram.com/acme.brand/', window: 2, channel: 'instagram:acme.brand' },
  { stay: 6000 },
  { switchTo: 'acme' },
  { stay: 5000 },
  { spa: 'acme', link: '/in/jane-doe/', channel: 'linkedin:in/jane-doe' },
  { stay: 4000 },
  { stopWorker: true },
  { stay: 6000 },
  { switchTo: 'x' },
  { stay: 4000 },
  { idle: (IDLE_THRESHOLD_S + 7) * 1000 },
  { stay: 4000 },
  { switchTo: 'insta' },
  { stay: 5000 },
  { open: 'yt', url: 'http://www.youtube.com/@acmebrand', window: 2, channel: 'youtube:@acmebrand' },
  { stay: 5000 },
  { switchTo: 'x' },
  { stay: 4000 },
];

/** Either browser: what a scripted session needs of it. Worker stops need Chromium's CDP. */
export interface BrowserUnderTest {
  browser: Browser;
  extensionBase: string;
  cdp?: ChromiumSession['cdp'];
  extensionId?: string;
}

interface Tab { page: Page; window: 1 | 2; channel: string | null; title: string }

/**
 * The page's own record of when it was shown and hidden, focused and blurred (Date.now() in the
 * page, the same clock as the script's). A switch books its truth at the moment the page saw it:
 * under load a switch (xdotool, then the browser's activate) can take a second or two, and its
 * midpoint is then that far off.
 */
const WATCH_VIEW = `(() => {
  if (window.__cfViewLog) return;
  const log = window.__cfViewLog = [];
  document.addEventListener('visibilitychange', () => log.push([document.visibilityState, Date.now()]), true);
  window.addEventListener('focus', () => log.push(['focus', Date.now()]), true);
  window.addEventListener('blur', () => log.push(['blur', Date.now()]), true);
})()`;

/** The first time since `since` that the page logged one of `kinds`, or null. */
async function viewChangeAt(page: Page, since: number, kinds: string[]): Promise<number | null> {
  const log = await page.evaluate('window.__cfViewLog ?? []').catch(() => []) as [string, number][];
  const hit = log.find(([kind, at]) => at >= since && kinds.includes(kind));
  return hit ? hit[1] : null;
}

/** The part of the extension API an extension page uses here. */
interface ExtensionPage {
  /** Firefox's promise-based namespace; Chromium has only `chrome` (promise-based in MV3). */
  browser?: ExtensionPage['chrome'];
  chrome: {
    storage: {
      local: { get(keys: null): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
      onChanged: { addListener(listener: (changes: Record<string, unknown>, area: string) => void): void };
    };
  };
  __writes: number[];
}

/** An extension page in a background tab: reads storage and counts writes without touching focus. */
export async function openObserver(session: BrowserUnderTest): Promise<Page> {
  const page = await session.browser.newPage();
  // Firefox does not report the load of moz-extension:// pages: wait for the DOM instead.
  await page.goto(`${session.extensionBase}/popup.html`, { timeout: 3000 }).catch(() => {});
  await page.waitForSelector('h1', { timeout: 10_000 });
  await page.evaluate(() => {
    const w = globalThis as unknown as ExtensionPage;
    w.__writes = [];
    (w.browser ?? w.chrome).storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && Object.keys(changes).some((k) => k.startsWith('usage:'))) w.__writes.push(Date.now());
    });
  });
  return page;
}

export async function writeSettings(observer: Page, change: (s: Settings) => Settings): Promise<void> {
  const settings = change(defaultSettings());
  await observer.evaluate((value) => ((globalThis as unknown as ExtensionPage).browser ?? (globalThis as unknown as ExtensionPage).chrome).storage.local.set({ settings: value }), settings);
}

/**
 * What the tracker believed while a scenario ran, sampled from its session state every `everyMs`:
 * one line per change (focused window, system state, the focused window's active tab and what
 * the tracker knows of it, whether evidence is recent). A figure that is off prints it, so a
 * failure in CI says which fact was wrong.
 */
export interface TrackerWatch {
  /** Notes a step of the scenario among the tracker's changes. */
  mark(label: string): void;
  stop(): Promise<string[]>;
}

export function watchTracker(observer: Page, everyMs = 250): TrackerWatch {
  const lines: string[] = [];
  const startedAt = Date.now();
  const since = () => `+${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
  let last = '';
  let stopped = false;
  const sample = () => observer.evaluate((thresholdMs) => {
    const api = (globalThis as unknown as { browser?: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } }).browser
      ?? (globalThis as unknown as { chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } }).chrome;
    return api.storage.session.get('tracker').then((stored) => {
      type Facts = { channel: { platform: string; account: string | null } | null; visible: boolean; gone: boolean; document: unknown };
      const state = (stored.tracker as { value?: { state?: {
        focusedWindowId: number | null; system: { state: string }; activeTabByWindow: Record<string, number>;
        tabs: Record<string, Facts>; lastEvidenceAt: number | null;
      } } } | undefined)?.value?.state;
      if (!state) return 'no tracker state';
      const tabId = state.focusedWindowId === null ? undefined : state.activeTabByWindow[String(state.focusedWindowId)];
      const facts = tabId === undefined ? undefined : state.tabs[String(tabId)];
      const channel = facts?.channel ? `${facts.channel.platform}:${facts.channel.account ?? ''}` : 'none';
      const present = state.lastEvidenceAt !== null && Date.now() - state.lastEvidenceAt <= thresholdMs;
      return `window ${state.focusedWindowId} system ${state.system.state} tab ${tabId ?? '-'} ${channel}`
        + ` ${facts ? `${facts.visible ? 'visible' : 'hidden'}${facts.gone ? ' gone' : ''}${facts.document ? '' : ' no-page'}` : 'unknown'}`
        + ` ${present ? 'present' : 'away'}`;
    });
  }, IDLE_THRESHOLD_S * 1000).catch((error: unknown) => `unreadable: ${String(error).slice(0, 80)}`);
  const loop = (async () => {
    while (!stopped) {
      const line = await sample();
      if (line !== last) lines.push(`${since()} ${line}`);
      last = line;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    mark(label) {
      lines.push(`${since()} -- ${label}`);
    },
    async stop() {
      stopped = true;
      await loop;
      return lines;
    },
  };
}

/** Stored totals per channel key (all dates, all focus kinds), in ms. */
export async function storedTotals(observer: Page): Promise<Record<string, number>> {
  const all = await observer.evaluate(() => ((globalThis as unknown as ExtensionPage).browser ?? (globalThis as unknown as ExtensionPage).chrome).storage.local.get(null));
  const totals: Record<string, number> = {};
  for (const [key, raw] of Object.entries(all as Record<string, { value?: Record<string, number[]> }>)) {
    if (!key.startsWith('usage:') || !raw?.value) continue;
    for (const [channel, [inMs = 0, outMs = 0, noneMs = 0] = []] of Object.entries(raw.value)) {
      totals[channel] = (totals[channel] ?? 0) + inMs + outMs + noneMs;
    }
  }
  return totals;
}

/** Every counted second written first (the views' `write-now`), then the stored totals per channel key. */
export async function writtenTotals(observer: Page): Promise<Record<string, number>> {
  await observer.evaluate(() => {
    const scope = globalThis as unknown as ExtensionPage & { browser?: { runtime: { sendMessage(m: object): Promise<unknown> } }; chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } };
    return (scope.browser ?? scope.chrome).runtime.sendMessage({ type: 'write-now' });
  });
  return storedTotals(observer);
}

export async function writeTimes(observer: Page): Promise<number[]> {
  return observer.evaluate(() => (globalThis as unknown as ExtensionPage).__writes);
}

/** Stops the extension's service worker as Chrome does when it is idle (CDP, browser level). */
async function stopServiceWorker(session: ChromiumSession): Promise<void> {
  const { targetInfos } = await session.cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(session.extensionId));
  if (!worker) return; // already stopped
  await session.cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await waitFor(async () => {
    const { targetInfos: now } = await session.cdp.send('Target.getTargets');
    return !now.some((t) => t.type === 'service_worker' && t.url.includes(session.extensionId) && t.attached);
  }, 5000, 'the service worker to stop').catch(() => {});
}

/**
 * Runs the steps with the pointer moving except in idle steps. With `end: false` the last channel
 * is left counting; `endedAt` is then the moment up to which `truth` is booked.
 */
export async function runScriptedSession(
  session: BrowserUnderTest, steps: readonly Step[], { end = true, watch }: { end?: boolean; watch?: TrackerWatch } = {},
): Promise<SessionResult> {
  const tabs = new Map<string, Tab>();
  const truth: Record<string, number> = {};
  let current: Tab | null = null;
  let since = Date.now();
  let present = false;
  let presence: ReturnType<typeof keepPresent> | null = null;
  let workerStops = 0;
  let secondWindowId: string | null = null;
  let firstWindowId: string | null = null;

  /** Books the time since the last change to the channel the user was looking at. */
  const book = (until: number) => {
    if (present && current?.channel) truth[current.channel] = (truth[current.channel] ?? 0) + (until - since);
    since = until;
  };
  const changeAt = async (action: () => Promise<void>, seenBy?: { page: Page; kinds: string[] }) => {
    const before = Date.now();
    await action();
    const after = Date.now();
    const seen = seenBy ? await viewChangeAt(seenBy.page, before, seenBy.kinds) : null;
    return seen !== null && seen <= after ? seen : Math.round((before + after) / 2);
  };
  const windowOf = (tab: Tab) => (tab.window === 1 ? firstWindowId : secondWindowId);

  const startedAt = Date.now();
  presence = keepPresent();
  present = true;
  since = Date.now();
  for (const step of steps) {
    watch?.mark(Object.entries(step).map(([key, value]) => `${key} ${value}`).join(', '));
    if ('open' in step) {
      let page: Page;
      const at = await changeAt(async () => {
        if (step.window === 2 && !secondWindowId) {
          page = await session.browser.newPage({ type: 'window' });
          await page.goto(step.url);
        } else {
          if (current && current.window !== step.window) await activateWindow(windowOf(tabs.get([...tabs.keys()].find((k) => tabs.get(k)!.window === step.window)!)!)!);
          page = await session.browser.newPage();
          await page.goto(step.url);
        }
        await page.waitForSelector('#title');
        await page.bringToFront();
        // A window's first tab: the user clicks into the window, as the desktop may not have
        // given it focus by itself (a browser started by a script, a window opened by one).
        if (!windowOf({ window: step.window } as Tab)) {
          const id = await frontWindow(page, await page.title());
          if (step.window === 1) firstWindowId = id;
          else secondWindowId = id;
        }
      });
      await page!.evaluate(WATCH_VIEW);
      const title = await page!.title();
      const tab: Tab = { page: page!, window: step.window, channel: step.channel, title };
      book(at);
      tabs.set(step.open, tab);
      current = tab;
    } else if ('switchTo' in step) {
      const tab = tabs.get(step.switchTo)!;
      const at = await changeAt(async () => {
        if (current && current.window !== tab.window) {
          const id = windowOf(tab);
          if (!id) throw new Error(`no X window for ${step.switchTo}`);
          await activateWindow(id);
        }
        await tab.page.bringToFront();
      }, { page: tab.page, kinds: current && current.window !== tab.window ? ['focus', 'visible'] : ['visible'] });
      book(at);
      current = tab;
    } else if ('spa' in step) {
      const tab = tabs.get(step.spa)!;
      const at = await changeAt(() => tab.page.click(`a[href="${step.link}"]`));
      book(at);
      tab.channel = step.channel;
    } else if ('stay' in step) {
      await new Promise((r) => setTimeout(r, step.stay));
    } else if ('idle' in step) {
      const lastMove = await presence!.stop();
      book(lastMove);
      present = false;
      await new Promise((r) => setTimeout(r, step.idle));
      presence = keepPresent();
      await new Promise((r) => setTimeout(r, 150)); // the first movement
      book(Date.now() - 150);
      present = true;
    } else if ('stopWorker' in step) {
      // Only Chromium's service worker can be stopped from outside; Firefox's MV2 event page is not.
      if (session.cdp && session.extensionId) {
        await stopServiceWorker(session as ChromiumSession);
        workerStops += 1;
      }
    }
  }
  if (!end) {
    book(Date.now());
    return { truth, startedAt, endedAt: since, workerStops, stopPresence: () => presence!.stop() };
  }
  // End: the user leaves the platforms (a new tab with no channel) and stops.
  const left = current;
  const endedAt = await changeAt(async () => {
    const blank = await session.browser.newPage();
    await blank.goto('about:blank');
    await blank.bringToFront();
  }, left ? { page: left.page, kinds: ['hidden'] } : undefined);
  book(endedAt);
  await presence?.stop();
  present = false;
  return { truth, startedAt, endedAt, workerStops, stopPresence: async () => endedAt };
}

/**
 * Evaluates `expression` in the extension's service worker (Chromium, CDP) and returns its value
 * (promises awaited). Attaches to the worker's target only for this call: an attached DevTools
 * client keeps the worker from stopping, which must stay the worker's own affair.
 */
export async function evaluateInServiceWorker<T>(session: ChromiumSession, expression: string, timeoutMs = 5000): Promise<T> {
  const { targetInfos } = await session.cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(session.extensionId));
  if (!worker) throw new Error('the extension service worker is not running');
  const { sessionId } = await session.cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const client = session.cdp.connection()?.session(sessionId);
    if (!client) throw new Error('no CDP session for the service worker');
    const evaluation = client.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the service worker did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    const { result, exceptionDetails } = await Promise.race([evaluation, timeout]);
    if (exceptionDetails) throw new Error(`in the service worker: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    clearTimeout(timer);
    await session.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  }
}
