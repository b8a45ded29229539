// Issue 12, "Every counted second is a second the user was there": three situations in which
// time used to be counted (or shown) that the user did not spend, each recording its own ground
// truth like runScriptedSession does. Shared by presence.e2e.ts (Chromium and Firefox) and
// `npm run bench` (Chromium).
//
// (a) selfMovingPage: the user looks at a chat that scrolls itself and fires synthetic input
//     events, then walks away. Counting must stop at the user's last real input.
// (b) leftPlatform: the user leaves a platform in the same tab for a site that is no platform,
//     switches windows away and back and stays there. The platform must gain nothing after it
//     was left.
// (c) exportRightAfter: the user browses a platform, opens the options page and exports at once.
//     The file must hold that time, not only what the 15 s write interval had stored.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { channelKey } from '@/utils/channels';
import { waitFor } from './browsers';
import { activateWindow, frontWindow, keepPresent, windowsNamed } from './desktop';
import { IDLE_THRESHOLD_S, openObserver, storedTotals, watchTracker, writeSettings, type BrowserUnderTest, type TrackerWatch } from './scripted-session';

/** The time after which every counted second is in storage.local (the write interval is 15 s). */
const WRITE_WAIT_MS = 17_000;
/** How far counted time may be from the truth, per channel. */
export const TOLERANCE_MS = 1000;

const CHAT_URL = 'http://www.linkedin.com/messaging/';
const CHAT_CHANNEL = 'linkedin';
const PLATFORM_URL = 'http://www.linkedin.com/company/acme-gmbh/';
const PLATFORM_CHANNEL = 'linkedin:company/acme-gmbh';
/** No platform: the extension has no content script and no host permission there. */
const ELSEWHERE_URL = 'http://www.example.org/news';
const SECOND_WINDOW_URL = 'http://www.example.org/elsewhere';
const EXPORT_URL = 'http://x.com/acmebrand';
const EXPORT_CHANNEL = 'x:acmebrand';

interface PresenceRow {
  key: string;
  /** ms the user spent there, by the script's clock */
  truth: number;
  /** ms the extension counted (stored, or exported) */
  counted: number;
  /** counted − truth, ms */
  error: number;
}

export interface PresenceFigures {
  scenario: 'self-moving-page' | 'left-platform' | 'export-right-after';
  /** The channel the scenario is about. */
  channel: string;
  /** counted − truth for that channel, ms. */
  errorMs: number;
  /** Every channel with truth or counted time. */
  rows: PresenceRow[];
  /** Other figures worth printing (ms): how long the user was away, how soon the export ran... */
  notes: Record<string, number>;
  /** What the tracker believed meanwhile (watchTracker), for a failure's message. */
  tracker: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The moment of a change that happens somewhere within an action: the middle of it. */
async function changeAt(action: () => Promise<void>): Promise<number> {
  const before = Date.now();
  await action();
  return Math.round((before + Date.now()) / 2);
}

function compareTotals(truth: Record<string, number>, counted: Record<string, number>): PresenceRow[] {
  const keys = [...new Set([...Object.keys(truth), ...Object.keys(counted)])].sort();
  return keys.map((key) => {
    const t = Math.round(truth[key] ?? 0);
    const c = Math.round(counted[key] ?? 0);
    return { key, truth: t, counted: c, error: c - t };
  });
}

async function figures(
  scenario: PresenceFigures['scenario'], channel: string, truth: Record<string, number>, counted: Record<string, number>,
  notes: Record<string, number>, watch: TrackerWatch,
): Promise<PresenceFigures> {
  const rows = compareTotals(truth, counted);
  return { scenario, channel, errorMs: rows.find((row) => row.key === channel)?.error ?? 0, rows, notes, tracker: await watch.stop() };
}

/** Observer tab with the smallest idle threshold (and, for the options page, a finished setup). */
export async function prepare(session: BrowserUnderTest): Promise<Page> {
  const observer = await openObserver(session);
  await writeSettings(observer, (s) => ({
    ...s, setup: { completed: true, skipped: false }, tracking: { ...s.tracking, idleThresholdSeconds: IDLE_THRESHOLD_S },
  }));
  // The user clicks into the browser's window: a browser started by a script may not have the
  // desktop's focus, and then nothing counts, rightly.
  await frontWindow(observer, await observer.title());
  return observer;
}

/**
 * When a page was shown, on the page's own clock (the system clock): its first contentful paint,
 * the moment the user sees the platform in place of what the tab showed before. Also when the
 * navigation started (the typed address, the click), for the notes: the extension cannot see a
 * navigation to a platform before the browser commits it (no webNavigation permission).
 */
async function pageShown(page: Page): Promise<{ shownAt: number; loadMs: number }> {
  const read = () => page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0] ?? performance.getEntriesByName('first-paint')[0];
    if (!paint) return null;
    return { shownAt: Math.round(performance.timeOrigin + paint.startTime), loadMs: Math.round(paint.startTime) };
  });
  return waitFor(read, 3000, 'the first paint').catch(async () => {
    // No paint timing in this browser: the response's end, just before the page can paint.
    const entry = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { origin: performance.timeOrigin, responseEnd: navigation?.responseEnd ?? 0 };
    });
    return { shownAt: Math.round(entry.origin + entry.responseEnd), loadMs: Math.round(entry.responseEnd) };
  });
}

/** Opens `url` in a new tab of the current window and shows it; `at` is when the page was shown (pageShown). */
async function openTab(session: BrowserUnderTest, url: string): Promise<{ page: Page; at: number; loadMs: number }> {
  const page = await session.browser.newPage();
  await page.bringToFront();
  await page.goto(url);
  await page.waitForSelector('#title');
  const { shownAt, loadMs } = await pageShown(page);
  return { page, at: shownAt, loadMs };
}

/** Notes in the page when it is hidden: the exact moment the user stopped seeing it. */
const watchHidden = (page: Page) => page.evaluate(() => {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') (window as unknown as { __cfHiddenAt?: number }).__cfHiddenAt ??= Date.now();
  });
});
const hiddenAt = (page: Page) => waitFor(
  () => page.evaluate(() => (window as unknown as { __cfHiddenAt?: number }).__cfHiddenAt ?? null), 2000, 'the page to be hidden',
).catch(() => null);

/** Leaves the counted channel without any input the X server sees: a blank tab in front. */
async function blankTab(session: BrowserUnderTest): Promise<number> {
  return changeAt(async () => {
    const blank = await session.browser.newPage();
    await blank.goto('about:blank');
    await blank.bringToFront();
  });
}

/** The X window showing a page whose title contains `title`. */
async function windowOf(title: string): Promise<string> {
  return waitFor(async () => (await windowsNamed(title))[0], 5000, `an X window named "${title}"`);
}

export interface SelfMovingOptions {
  /** How long the user is there, moving the pointer over the chat. */
  presentMs?: number;
  /** How long the user is away while the page keeps moving by itself. */
  awayMs?: number;
}

/**
 * (a) A chat page that scrolls itself every 300 ms and fires untrusted pointer, key, wheel,
 * touch and scroll events every second (harness/site/presence/chat.js). The user is there
 * `presentMs` with the real pointer moving over it, then walks away for `awayMs` with the page
 * still in front. Then the test, not the user, puts a blank tab in front (no X input) and waits
 * for the write. Truth: from the page being shown (pageShown) to the last real pointer movement.
 */
export async function selfMovingPage(session: BrowserUnderTest, options: SelfMovingOptions = {}): Promise<PresenceFigures> {
  const { presentMs = 6000, awayMs = 45_000 } = options;
  const observer = await prepare(session);
  const watch = watchTracker(observer);
  const presence = keepPresent();
  try {
    const { page, at: openedAt, loadMs } = await openTab(session, CHAT_URL);
    await sleep(presentMs);
    const lastMove = await presence.stop();
    const before = await page.evaluate(() => document.getElementById('stats')?.textContent ?? '');
    await sleep(awayMs);
    // The page really kept moving meanwhile (a broken fixture would make the test pass for nothing).
    const after = await page.evaluate(() => document.getElementById('stats')?.textContent ?? '');
    const endedAt = await blankTab(session);
    await sleep(WRITE_WAIT_MS);
    const counted = await storedTotals(observer);
    const synthetic = (text: string) => Number(/^(\d+) synthetic/.exec(text)?.[1] ?? 0);
    return figures('self-moving-page', CHAT_CHANNEL, { [CHAT_CHANNEL]: lastMove - openedAt }, counted, {
      loadMs, awayMs: endedAt - lastMove, syntheticEventsWhileAway: synthetic(after) - synthetic(before),
    }, watch);
  } finally {
    await presence.stop();
    await watch.stop();
    await observer.close().catch(() => {});
  }
}

export interface LeftPlatformOptions {
  /** How long the user is on the platform before leaving it. */
  presentMs?: number;
  /** How long the user stays (pointer moving) on the site that is no platform, after the window switch. */
  afterMs?: number;
  /** How the tab leaves: a typed address (page.goto) or a click on a plain link in the platform page. */
  leaveBy?: 'address' | 'link';
}

/**
 * (b) A platform tab with the user there `presentMs`, then the same tab goes to a site that is no
 * platform (typed address or plain link). Two seconds later a second window opens (a switch away),
 * the user goes back to the first window and stays `afterMs` with the pointer moving, with one more
 * round trip to the second window halfway. Then the user walks away; the test waits for the system
 * to go idle and for the write. Truth: the platform from its page being shown to the other site's
 * page being shown (pageShown); nothing else.
 */
export async function leftPlatform(session: BrowserUnderTest, options: LeftPlatformOptions = {}): Promise<PresenceFigures> {
  const { presentMs = 6000, afterMs = 20_000, leaveBy = 'address' } = options;
  const observer = await prepare(session);
  const watch = watchTracker(observer);
  const presence = keepPresent();
  try {
    const { page, at: openedAt, loadMs } = await openTab(session, PLATFORM_URL);
    const firstWindow = await windowOf(await page.title());
    await sleep(presentMs);
    if (leaveBy === 'link') {
      // A plain link, as a post's link to a news site would be (the shell's own links are SPA links).
      await page.evaluate((href) => {
        const link = document.createElement('a');
        link.id = 'cf-leave';
        link.href = href;
        link.textContent = 'Read the article';
        document.getElementById('title')!.after(link);
      }, ELSEWHERE_URL);
    }
    if (leaveBy === 'address') await page.goto(ELSEWHERE_URL);
    else await Promise.all([page.waitForNavigation(), page.click('#cf-leave')]);
    await page.waitForSelector('#title');
    // The user left when the other site's page took the platform's place.
    const left = await pageShown(page);
    const leftAt = left.shownAt;
    await sleep(2000);
    // A switch away: a second window, with another page that is no platform.
    const second = await session.browser.newPage({ type: 'window' });
    await second.goto(SECOND_WINDOW_URL);
    await second.waitForSelector('#title');
    await second.bringToFront();
    const secondWindow = await windowOf(await second.title());
    await sleep(2000);
    // ... and back, as a taskbar does it.
    const back = async () => {
      await activateWindow(firstWindow);
      await page.bringToFront();
    };
    await back();
    await sleep(afterMs / 2);
    await activateWindow(secondWindow);
    await sleep(1000);
    await back();
    await sleep(afterMs / 2);
    const lastMove = await presence.stop();
    // The user walks away: the system turns idle (the tracker credits the system's input up to then).
    await sleep(IDLE_THRESHOLD_S * 1000 + 2000);
    await sleep(WRITE_WAIT_MS);
    const counted = await storedTotals(observer);
    return figures('left-platform', PLATFORM_CHANNEL, { [PLATFORM_CHANNEL]: leftAt - openedAt }, counted, {
      loadMs, leaveLoadMs: left.loadMs, elsewhereMs: lastMove - leftAt,
    }, watch);
  } finally {
    await presence.stop();
    await watch.stop();
    await observer.close().catch(() => {});
  }
}

export interface ExportOptions {
  /** How long the user is on the platform before opening the options page. */
  presentMs?: number;
}

/** Lets downloads go to `dir` without asking: CDP in Chromium, WebDriver BiDi in Firefox. */
async function allowDownloads(session: BrowserUnderTest, dir: string): Promise<void> {
  if (session.cdp) {
    await session.cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir });
    return;
  }
  const bidi = (session.browser as unknown as { connection: { send(method: string, params: unknown): Promise<unknown> } }).connection;
  await bidi.send('browser.setDownloadBehavior', { downloadBehavior: { type: 'allowed', destinationFolder: dir } });
}

interface ExportedRow { platform: string; account: string | null; milliseconds?: number; seconds: number }

/** Time per channel key in an exported file (all dates, all focus kinds). */
function exportedTotals(file: { usage: ExportedRow[] }): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const row of file.usage) {
    const key = channelKey({ platform: row.platform, account: row.account } as Parameters<typeof channelKey>[0]);
    totals[key] = (totals[key] ?? 0) + (row.milliseconds ?? row.seconds * 1000);
  }
  return totals;
}

/**
 * (c) The user is on a platform `presentMs`, opens the options page in a new tab and clicks
 * "Export JSON" as soon as it is there. Truth: the platform from its page being shown (pageShown)
 * to the moment it was hidden by the options tab. Counted: the downloaded file's rows, not storage.
 */
export async function exportRightAfter(session: BrowserUnderTest, options: ExportOptions = {}): Promise<PresenceFigures> {
  const { presentMs = 5000 } = options;
  const downloads = mkdtempSync(join(tmpdir(), 'cf-presence-downloads-'));
  const observer = await prepare(session);
  const watch = watchTracker(observer);
  await allowDownloads(session, downloads);
  const presence = keepPresent();
  try {
    const { page, at: openedAt, loadMs } = await openTab(session, EXPORT_URL);
    await watchHidden(page);
    await sleep(presentMs);
    let optionsPage: Page | null = null;
    const switchedAt = await changeAt(async () => {
      optionsPage = await session.browser.newPage();
      await optionsPage.bringToFront();
    });
    const shownAt = (await hiddenAt(page)) ?? switchedAt;
    // Firefox does not report the load of moz-extension:// pages: wait for the button instead.
    void optionsPage!.goto(`${session.extensionBase}/options.html`, { timeout: 10_000 }).catch(() => {});
    const exportButton = await optionsPage!.waitForSelector('::-p-aria([name="Export JSON"][role="button"])', { timeout: 10_000 });
    const clickedAt = Date.now();
    await exportButton!.click();
    const file = await waitFor(async () => {
      const name = readdirSync(downloads).find((f) => /^channel-focus-\d{4}-\d{2}-\d{2}\.json$/.test(f));
      if (!name) return null;
      try {
        return JSON.parse(readFileSync(join(downloads, name), 'utf8')) as { usage: ExportedRow[] };
      } catch {
        return null; // still being written
      }
    }, 10_000, 'the exported JSON file');
    return figures('export-right-after', EXPORT_CHANNEL, { [EXPORT_CHANNEL]: shownAt - openedAt }, exportedTotals(file), {
      loadMs, optionsShownToClickMs: clickedAt - shownAt, hiddenVsScriptMs: shownAt - switchedAt,
    }, watch);
  } finally {
    await presence.stop();
    await watch.stop();
    await observer.close().catch(() => {});
    rmSync(downloads, { recursive: true, force: true });
  }
}
