// The measurements of `npm run bench`. Each returns figures; bench.ts prints them with budgets.
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { CHROME_BUILD, launchChromium, waitFor, type ChromiumSession } from '../harness/browsers';
import { exportRightAfter, leftPlatform, selfMovingPage, type PresenceFigures } from '../harness/presence-scenarios';
import { openObserver, runScriptedSession, storedTotals, writeSettings, writeTimes, IDLE_THRESHOLD_S, type Step } from '../harness/scripted-session';
import { simulatedClients, simulatedYear } from '../harness/simulated-year';
import { localDate } from '../utils/time-zone';
export { simulatedYear };
import { backupList, createBackup, pushBackup, BACKUPS_KEPT, type Backup } from '../utils/backup';
import {
  BACKUPS_KEY, SETTINGS_KEY, SOURCE_ID_KEY, decodeSettings, decodeSourceId, encodeEnvelope, readHistory, usageDay, usageKey,
} from '../utils/storage';

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** CPU seconds (user + system) by pid of the processes whose command line matches, from /proc. */
function processCpuSeconds(match: (cmdline: string) => boolean): Map<number, number> {
  const ticks = 100; // USER_HZ on Linux
  const byPid = new Map<number, number>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (!match(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      byPid.set(Number(pid), (Number(fields[11]) + Number(fields[12])) / ticks);
    } catch {
      // the process ended meanwhile
    }
  }
  return byPid;
}

const sum = (values: Iterable<number>) => [...values].reduce((total, value) => total + value, 0);
export const mean = (values: number[]) => sum(values) / values.length;

/** CPU seconds of the extension's own processes (service worker, its pages). */
export function extensionCpuSeconds(): number {
  return sum(processCpuSeconds((cmdline) => cmdline.includes('--extension-process')).values());
}

/** Chromium's renderers of web pages (not of extension pages). */
const isPageRenderer = (cmdline: string) => cmdline.includes('--type=renderer') && !cmdline.includes('--extension-process');

export interface RendererCostFigures {
  /** Page renderers' CPU seconds per session, each run, with and without the extension. */
  withExtensionS: number[];
  withoutExtensionS: number[];
  /** Mean with minus mean without: what the panel costs the pages. */
  aboveS: number;
}

/**
 * What the content script costs the pages it runs in: the same scripted session in a fresh
 * Chromium with the extension and without any, alternating, the page renderers' CPU time summed
 * from /proc over the session (renderers that live through it; the session keeps its tabs open).
 */
export async function measureRendererCost(steps: Step[], runs: number, extensionDir?: string): Promise<RendererCostFigures> {
  const figures: RendererCostFigures = { withExtensionS: [], withoutExtensionS: [], aboveS: 0 };
  for (let run = 0; run < runs; run += 1) {
    for (const withExtension of [false, true]) {
      const session = await launchChromium({ withoutExtension: !withExtension, extensionDir });
      try {
        if (withExtension) {
          const observer = await openObserver(session);
          await writeSettings(observer, (s) => ({ ...s, tracking: { ...s.tracking, idleThresholdSeconds: IDLE_THRESHOLD_S } }));
          await observer.close();
        }
        const before = processCpuSeconds(isPageRenderer);
        await runScriptedSession(session, steps);
        const after = processCpuSeconds(isPageRenderer);
        const spent = sum([...after].map(([pid, seconds]) => seconds - (before.get(pid) ?? 0)));
        (withExtension ? figures.withExtensionS : figures.withoutExtensionS).push(spent);
      } finally {
        await session.close();
      }
    }
  }
  figures.aboveS = mean(figures.withExtensionS) - mean(figures.withoutExtensionS);
  return figures;
}

export interface AccuracyFigures {
  perChannel: { channel: string; truthS: number; storedS: number; errorS: number }[];
  totalErrorS: number;
  maxChannelErrorS: number;
  segments: number;
  channels: number;
  trackedMinutes: number;
  writesPerMinute: number;
  bytesInUse: number;
  cpuSeconds: number;
}

export async function measureAccuracy(session: ChromiumSession, steps: Step[]): Promise<AccuracyFigures> {
  const observer = await openObserver(session);
  await writeSettings(observer, (s) => ({ ...s, tracking: { ...s.tracking, idleThresholdSeconds: IDLE_THRESHOLD_S } }));
  const cpuBefore = extensionCpuSeconds();
  const result = await runScriptedSession(session, steps);
  const cpuSeconds = extensionCpuSeconds() - cpuBefore;
  await new Promise((r) => setTimeout(r, 17_000)); // the last write comes within 15 s
  const stored = await storedTotals(observer);
  const writes = (await writeTimes(observer)).filter((t) => t >= result.startedAt && t <= result.endedAt);
  const keys = [...new Set([...Object.keys(result.truth), ...Object.keys(stored)])].sort();
  const perChannel = keys.map((channel) => {
    const truthS = (result.truth[channel] ?? 0) / 1000;
    const storedS = (stored[channel] ?? 0) / 1000;
    return { channel, truthS, storedS, errorS: storedS - truthS };
  });
  const truthTotal = perChannel.reduce((sum, r) => sum + r.truthS, 0);
  const storedTotal = perChannel.reduce((sum, r) => sum + r.storedS, 0);
  const bytesInUse = await observer.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { getBytesInUse(k: null): Promise<number> } } } }).chrome.storage.local.getBytesInUse(null));
  const minutes = (result.endedAt - result.startedAt) / 60_000;
  await observer.close();
  return {
    perChannel,
    totalErrorS: Math.abs(storedTotal - truthTotal),
    maxChannelErrorS: Math.max(...perChannel.map((r) => Math.abs(r.errorS))),
    segments: steps.filter((s) => 'open' in s || 'switchTo' in s || 'spa' in s || 'idle' in s).length,
    channels: Object.keys(result.truth).length,
    trackedMinutes: minutes,
    writesPerMinute: writes.length / minutes,
    bytesInUse,
    cpuSeconds,
  };
}


export async function measureYear(session: ChromiumSession): Promise<{ bytesInUse: number; jsonBytes: number; days: number }> {
  const year = simulatedYear(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const items = Object.fromEntries(Object.entries(year).map(([date, totals]) => [usageKey(date), encodeEnvelope(usageDay, totals)]));
  const observer = await openObserver(session);
  const bytesInUse = await observer.evaluate(async (all) => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void>; getBytesInUse(k: string[]): Promise<number> } } } }).chrome.storage.local;
    await api.set(all);
    return api.getBytesInUse(Object.keys(all));
  }, items);
  await observer.close();
  return { bytesInUse, jsonBytes: Buffer.byteLength(JSON.stringify(items)), days: Object.keys(items).length };
}

export interface YearWithBackupsFigures {
  /** Bytes in use of the year's days plus the `backups` item: the figure with a budget. */
  bytesInUse: number;
  /** Bytes in use of the `backups` item alone. */
  backupsBytesInUse: number;
  /** Everything in storage.local meanwhile (the session's settings and the like too). */
  totalBytesInUse: number;
  backups: number;
  days: number;
  /** How long the measurement took (reading the state, making, storing and weighing the backups). */
  measureMs: number;
}

/**
 * The simulated year (measureYear must have stored it) with BACKUPS_KEPT backups of that state,
 * made as the extension makes them before an import, restore or deletion: the state read from
 * storage (readHistory), createBackup, pushBackup into the ring, one `backups` item in its
 * envelope. Reads the bytes in use. The backups stay: run it last in a session (storing and
 * removing megabytes takes Chromium seconds, and they would colour the times measured after).
 */
export async function measureYearWithBackups(session: ChromiumSession): Promise<YearWithBackupsFigures> {
  type Local = { get(k: null): Promise<Record<string, unknown>>; set(v: object): Promise<void>; getBytesInUse(k: string[] | null): Promise<number> };
  const began = Date.now();
  const observer = await openObserver(session);
  try {
    const all = await observer.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.get(null));
    const history = readHistory(all);
    const settings = decodeSettings(all[SETTINGS_KEY]).value;
    const sourceId = decodeSourceId(all[SOURCE_ID_KEY]) ?? randomUUID();
    const start = Date.now();
    let list: Backup[] = [];
    for (let i = 0; i < BACKUPS_KEPT; i++) {
      list = pushBackup(list, createBackup({ id: randomUUID(), createdAt: new Date(start + i * 1000), reason: 'before-import', settings, sourceId, history }));
    }
    const dayKeys = Object.keys(history.own).map(usageKey);
    const figures = await observer.evaluate(async (item, key, days) => {
      const api = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
      await api.set({ [key]: item });
      return {
        bytesInUse: await api.getBytesInUse([...days, key]),
        backupsBytesInUse: await api.getBytesInUse([key]),
        totalBytesInUse: await api.getBytesInUse(null),
      };
    }, encodeEnvelope(backupList, list), BACKUPS_KEY, dayKeys);
    return { ...figures, backups: list.length, days: dayKeys.length, measureMs: Date.now() - began };
  } finally {
    await observer.close();
  }
}

export function bundleSizes(): { contentRaw: number; contentGzip: number; popupRaw: number; popupGzip: number } {
  const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
  const content = join(CHROME_BUILD, 'content-scripts/panel.js');
  // The popup's own page: every script and stylesheet popup.html loads.
  const html = readFileSync(join(CHROME_BUILD, 'popup.html'), 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => join(CHROME_BUILD, m[1]!));
  return {
    contentRaw: readFileSync(content).length,
    contentGzip: gz(content),
    popupRaw: assets.reduce((sum, f) => sum + readFileSync(f).length, 0),
    popupGzip: assets.reduce((sum, f) => sum + gz(f), 0),
  };
}

/** Observes the page from its own main world: when our host element appears, paints, long tasks, layout shifts. */
const PANEL_PROBE = `(() => {
  const probe = window.__cfProbe = { inserted: null, painted: null, dcl: null, longTasks: [], shift: 0 };
  document.addEventListener('DOMContentLoaded', () => { probe.dcl = performance.now(); });
  // Our host is a child of <html>: watch <html>'s children (and wait for <html> itself if need be).
  const watchHtml = () => new MutationObserver((records, observer) => {
    if (![...document.documentElement.children].some((element) => element.localName.includes('-'))) return;
    probe.inserted = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { probe.painted = performance.now(); }, 0));
  }).observe(document.documentElement, { childList: true });
  if (document.documentElement) watchHtml();
  else new MutationObserver((records, observer) => {
    if (!document.documentElement) return;
    observer.disconnect();
    watchHtml();
  }).observe(document, { childList: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) probe.longTasks.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  // Shifts whose moved nodes are outside our host are the fixture's own; ours would name the host.
  probe.ownShift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      probe.shift += e.value;
      if ((e.sources || []).some((s) => s.node && s.node.parentNode === document.documentElement && s.node.localName.includes('-'))) probe.ownShift += e.value;
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

export interface PanelFigures {
  /** From the content script's world being created (CDP event, so at most a few ms late) to the panel's first paint. */
  scriptStartToPaintedMs: number;
  insertedToPaintedMs: number;
  longTasksOver50: number;
  maxLongTaskMs: number;
  /** Layout shift the panel caused; `pageShift` is everything the heavy page shifted, for context. */
  layoutShift: number;
  pageShift: number;
}

export async function measurePanel(session: ChromiumSession, runs: number): Promise<PanelFigures> {
  const samples: { start: number; ins: number; long: number[]; shift: number; ownShift: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await session.browser.newPage();
    await page.evaluateOnNewDocument(PANEL_PROBE);
    const cdp = await page.createCDPSession();
    let scriptWorldAt = 0;
    cdp.on('Runtime.executionContextCreated', (event: { context: { origin: string; name: string } }) => {
      if (event.context.origin.startsWith('chrome-extension://') || event.context.name === 'Channel Focus') scriptWorldAt = Date.now();
    });
    await cdp.send('Runtime.enable');
    await page.goto('http://www.linkedin.com/feed/?heavy=400');
    const probe = await waitFor(() => page.evaluate(() => {
      const p = (window as unknown as { __cfProbe: { painted: number | null } }).__cfProbe;
      return p.painted !== null ? p : null;
    }), 10_000, 'the panel to paint') as unknown as { inserted: number; painted: number };
    const paintedAt = await page.evaluate((painted) => performance.timeOrigin + painted, probe.painted);
    await new Promise((r) => setTimeout(r, 500)); // layout shifts after paint
    const after = await page.evaluate(() => (window as unknown as { __cfProbe: { longTasks: number[]; shift: number; ownShift: number } }).__cfProbe);
    if (!scriptWorldAt) throw new Error('the content script world was not seen');
    samples.push({ start: paintedAt - scriptWorldAt, ins: probe.painted - probe.inserted, long: after.longTasks, shift: after.shift, ownShift: after.ownShift });
    await cdp.detach();
    await page.close();
  }
  const allLong = samples.flatMap((s) => s.long);
  return {
    scriptStartToPaintedMs: median(samples.map((s) => s.start)),
    insertedToPaintedMs: median(samples.map((s) => s.ins)),
    longTasksOver50: allLong.filter((d) => d > 50).length / runs,
    maxLongTaskMs: allLong.length ? Math.max(...allLong) : 0,
    layoutShift: Math.max(...samples.map((s) => s.ownShift)),
    pageShift: Math.max(...samples.map((s) => s.shift)),
  };
}

/**
 * Popup first render with the simulated year in storage: navigation start to the dashboard's first
 * paint (`path`: another page of the build, measured the same way; it needs a <section> in #app).
 */
export async function measurePopup(session: ChromiumSession, runs: number, path = 'popup.html'): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page: Page = await session.browser.newPage();
    await page.evaluateOnNewDocument(`(() => {
      const probe = window.__cfPopup = { rendered: null };
      new MutationObserver((records, observer) => {
        if (!document.querySelector('#app section')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => { probe.rendered = performance.now(); }, 0));
      }).observe(document, { childList: true, subtree: true });
    })();`);
    await page.goto(`chrome-extension://${session.extensionId}/${path}`);
    const rendered = await waitFor(() => page.evaluate(() => (window as unknown as { __cfPopup: { rendered: number | null } }).__cfPopup.rendered), 10_000, 'the popup to render');
    times.push(rendered);
    await page.close();
  }
  return median(times);
}

/**
 * The floor under the popup's figure: an extension page with no script and no stylesheet, one
 * <section> of text, measured as the popup is. Written into the bench's own build folder.
 */
export async function measureEmptyPage(session: ChromiumSession, runs: number): Promise<number> {
  writeFileSync(join(CHROME_BUILD, 'bench-empty.html'), '<!doctype html><meta charset="utf-8"><title>empty</title><div id="app"><section>Channel Focus</section></div>');
  return measurePopup(session, runs, 'bench-empty.html');
}

/** Whether Chrome stops the service worker on its own when no platform tab is active. */
export async function measureWorkerShutdown(session: ChromiumSession, waitMs: number): Promise<number | null> {
  const page = await session.browser.newPage();
  await page.goto('about:blank');
  const start = Date.now();
  while (Date.now() - start < waitMs) {
    const { targetInfos } = await session.cdp.send('Target.getTargets');
    if (!targetInfos.some((t) => t.type === 'service_worker' && t.url.includes(session.extensionId))) return (Date.now() - start) / 1000;
    await new Promise((r) => setTimeout(r, 1000));
  }
  return null;
}

/** One presence scenario's figures, or why it has none (not run in quick mode, or it failed). */
export type PresenceOutcome = { figures: PresenceFigures } | { skipped: string } | { failed: string };

export interface PresenceBench {
  selfMovingPage: PresenceOutcome;
  leftPlatform: PresenceOutcome;
  exportRightAfter: PresenceOutcome;
}

/**
 * Issue 12's three situations (harness/presence-scenarios.ts), each in a fresh Chromium: no
 * other browser may be open meanwhile, window focus is part of what is measured. Quick mode
 * runs only the short export scenario.
 */
export async function measurePresence(quick: boolean): Promise<PresenceBench> {
  const fresh = async (run: (session: ChromiumSession) => Promise<PresenceFigures>): Promise<PresenceOutcome> => {
    let session: ChromiumSession | null = null;
    try {
      session = await launchChromium();
      return { figures: await run(session) };
    } catch (error) {
      return { failed: String(error instanceof Error ? error.message : error).split('\n')[0]!.slice(0, 80) };
    } finally {
      await session?.close();
    }
  };
  const skipped = { skipped: 'not run in quick mode' };
  return {
    selfMovingPage: quick ? skipped : await fresh((session) => selfMovingPage(session)),
    leftPlatform: quick ? skipped : await fresh((session) => leftPlatform(session)),
    exportRightAfter: await fresh((session) => exportRightAfter(session, { presentMs: quick ? 3000 : 5000 })),
  };
}

/**
 * The report page over the simulated year (measureYear must have stored it) with ten clients:
 * from navigation to the clients table painted, the median of `runs` loads. The range is the
 * whole year, so every day is read, grouped and compared with the year before (empty).
 */
export async function measureReport(session: ChromiumSession, runs: number): Promise<number> {
  const observer = await openObserver(session);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  await writeSettings(observer, (s) => ({ ...s, clients: simulatedClients() }));
  await observer.close();
  const today = localDate(Date.now(), timeZone);
  const from = localDate(Date.now() - 364 * 86_400_000, timeZone);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page: Page = await session.browser.newPage();
    await page.evaluateOnNewDocument(`(() => {
      const probe = window.__cfReport = { rendered: null };
      new MutationObserver((records, observer) => {
        if (!document.querySelector('section[aria-labelledby="cf-clients-title"] tbody tr')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => { probe.rendered = performance.now(); }, 0));
      }).observe(document, { childList: true, subtree: true });
    })();`);
    await page.goto(`chrome-extension://${session.extensionId}/report.html?from=${from}&to=${today}`);
    times.push(await waitFor(() => page.evaluate(() => (window as unknown as { __cfReport: { rendered: number | null } }).__cfReport.rendered), 20_000, 'the report to render'));
    await page.close();
  }
  return median(times);
}
