// Issue 13, "One writer for the user's data", in Chromium, headed under Xvfb with real pointer
// input and real window focus. The background is the only writer of storage.local:
// (a) "Delete all" sent by an extension page while the user browses a platform: the deleted time
//     never comes back, and what is stored afterwards is exactly the time after the deletion;
// (b) storage.local.set made to fail in the service worker (CDP): the options page says that it
//     cannot save and names the browser's error; once writes work again, no counted second is lost.
// Each test records its own truth from the browser's clocks and prints its figures.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { launchChromium, waitFor, type ChromiumSession } from '../../harness/browsers';
import { keepPresent } from '../../harness/desktop';
import {
  evaluateInServiceWorker, storedTotals,
} from '../../harness/scripted-session';
import { prepare } from '../../harness/presence-scenarios';

const PLATFORM_URL = 'http://www.linkedin.com/company/acme-gmbh/';
const CHANNEL = 'linkedin:company/acme-gmbh';
/** The time after which every counted second is in storage.local (the write interval is 15 s). */
const WRITE_WAIT_MS = 17_000;
const TOLERANCE_MS = 1000;
const QUOTA_ERROR = 'QUOTA_BYTES quota exceeded';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Row { figure: string; ms: number }

/**
 * Opens the platform in a new tab in front; `shownAt` is its first paint on the page's own clock
 * (the moment the user sees it). The page notes the moment it is hidden (`hiddenAt`).
 */
async function openPlatform(session: ChromiumSession): Promise<{ page: Page; shownAt: number }> {
  const page = await session.browser.newPage();
  await page.bringToFront();
  await page.goto(PLATFORM_URL);
  await page.waitForSelector('#title');
  const shownAt = await waitFor(() => page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0] ?? performance.getEntriesByName('first-paint')[0];
    return paint ? Math.round(performance.timeOrigin + paint.startTime) : null;
  }), 3000, 'the platform page to paint');
  await page.evaluate(() => {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') (window as unknown as { __hiddenAt?: number }).__hiddenAt ??= Date.now();
    });
  });
  return { page, shownAt };
}

/** When the page was hidden, by its own clock; `fallback` (the script's) if it never said. */
async function hiddenAt(page: Page, fallback: number): Promise<number> {
  return waitFor(() => page.evaluate(() => (window as unknown as { __hiddenAt?: number }).__hiddenAt ?? null), 3000, 'the page to be hidden')
    .catch(() => fallback);
}

/** A new tab in front (about:blank or an extension page); returns the tab and the script's moment of the switch. */
async function newTabInFront(session: ChromiumSession, url: string): Promise<{ page: Page; at: number }> {
  const before = Date.now();
  const page = await session.browser.newPage();
  await page.bringToFront();
  const at = Math.round((before + Date.now()) / 2);
  // Chromium reports the load of extension pages; a short timeout keeps a slow one from failing here.
  await page.goto(url, { timeout: 10_000 });
  return { page, at };
}

function report(title: string, rows: Row[]) {
  console.log(title);
  console.table(Object.fromEntries(rows.map((row) => [row.figure, { ms: Math.round(row.ms) }])));
}

/** A view command from an extension page, the way the views send it: chrome.runtime.sendMessage. */
async function sendFromPage<T>(page: Page, message: object): Promise<{ reply: T; answeredAt: number }> {
  return page.evaluate(async (m) => {
    const reply = await (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage(m);
    return { reply: reply as T, answeredAt: Date.now() };
  }, message);
}

/** Replaces storage.local.set in the worker: writes of `usage:` items throw the quota error. */
const STUB_SET = `(() => {
  const scope = globalThis;
  if (scope.__cfSetStub) return { installed: false, areas: scope.__cfSetStub.originals.length };
  const areas = [scope.chrome && scope.chrome.storage && scope.chrome.storage.local, scope.browser && scope.browser.storage && scope.browser.storage.local]
    .filter((area, index, all) => area && all.indexOf(area) === index);
  const stub = scope.__cfSetStub = { failures: 0, originals: [] };
  for (const area of areas) {
    const original = area.set;
    stub.originals.push([area, original]);
    area.set = function set(items, ...rest) {
      if (items && typeof items === 'object' && Object.keys(items).some((key) => key.startsWith('usage:'))) {
        stub.failures += 1;
        throw new Error(${JSON.stringify(QUOTA_ERROR)});
      }
      return original.call(this, items, ...rest);
    };
  }
  return { installed: areas.every((area) => area.set !== stub.originals.find(([a]) => a === area)[1]), areas: areas.length };
})()`;

/** Puts the original set back; says how many writes the stub refused (null: the stub was gone, the worker restarted). */
const RESTORE_SET = `(() => {
  const stub = globalThis.__cfSetStub;
  if (!stub) return { failures: null };
  for (const [area, original] of stub.originals) area.set = original;
  delete globalThis.__cfSetStub;
  return { failures: stub.failures };
})()`;

async function inFreshChromium(run: (session: ChromiumSession) => Promise<void>) {
  const session = await launchChromium();
  try {
    await run(session);
  } finally {
    await session.close();
  }
}

describe('Chromium (headed, real focus): one writer for the user\'s data', () => {
  it('(a) "Delete all" from an extension page while the user browses: the deleted time never comes back', async () => {
    await inFreshChromium(async (session) => {
      const observer = await prepare(session);
      const presence = keepPresent();
      try {
        const { page, shownAt } = await openPlatform(session);
        await sleep(20_000);
        // Some time is written by now, some is pending (the write interval is 15 s).
        const storedBefore = (await storedTotals(observer))[CHANNEL] ?? 0;
        // The observer tab (popup.html in a background tab) is an extension page without focus.
        const { reply, answeredAt } = await sendFromPage<{ ok: boolean; error?: string }>(observer, { type: 'data-delete-all' });
        expect(reply, 'the reply to data-delete-all').toEqual({ ok: true });
        const storedJustAfter = await storedTotals(observer);
        // When the background counts the platform again, as its own `live` answer says (a diagnosis figure).
        const countingAgainAt = await waitFor(async () => {
          const { reply: live } = await sendFromPage<{ snapshot: { counting: boolean } }>(observer, { type: 'live' });
          return live.snapshot.counting && Date.now();
        }, 9000, 'the background to count again').catch(() => null);
        await sleep(Math.max(0, answeredAt + 10_000 - Date.now()));
        const { at: switchedAt } = await newTabInFront(session, 'about:blank');
        const leftAt = await hiddenAt(page, switchedAt);
        await presence.stop();
        await sleep(WRITE_WAIT_MS);
        const stored = await storedTotals(observer);
        const truth = leftAt - answeredAt;
        const counted = stored[CHANNEL] ?? 0;
        report('(a) delete all while browsing', [
          { figure: 'browsed before the deletion (truth)', ms: answeredAt - shownAt },
          { figure: 'stored before the deletion', ms: storedBefore },
          { figure: 'browsed after the deletion (truth)', ms: truth },
          { figure: 'stored at the end', ms: counted },
          { figure: 'stored − truth after the deletion', ms: counted - truth },
          { figure: 'deletion answered → counting again (live)', ms: countingAgainAt === null ? -1 : countingAgainAt - answeredAt },
          { figure: 'hidden by page − by script', ms: leftAt - switchedAt },
        ]);
        // The scenario ran: time was written before the deletion, and the deletion took it all.
        expect(storedBefore, 'time written before the deletion').toBeGreaterThan(5000);
        // Right after it, nothing of before is left (at most the first moments after it, if a write came at once).
        expect(Object.values(storedJustAfter).reduce((sum, ms) => sum + ms, 0), 'stored right after the deletion').toBeLessThan(TOLERANCE_MS);
        expect(Object.keys(stored), 'channels stored at the end').toEqual([CHANNEL]);
        expect(counted - truth, `the deleted time came back: stored ${counted} ms, truth after the deletion ${truth} ms`).toBeLessThanOrEqual(TOLERANCE_MS);
        expect(truth - counted, `time after the deletion was lost: stored ${counted} ms, truth after the deletion ${truth} ms`).toBeLessThanOrEqual(TOLERANCE_MS);
      } finally {
        await presence.stop();
      }
    });
  }, 90_000);

  it('(b) a failing storage write: the options page says it cannot save, and no counted second is lost once writes work', async () => {
    await inFreshChromium(async (session) => {
      const observer = await prepare(session);
      const stub = await evaluateInServiceWorker<{ installed: boolean; areas: number }>(session, STUB_SET);
      expect(stub.installed, 'storage.local.set replaced in the service worker').toBe(true);
      const presence = keepPresent();
      let restored = false;
      try {
        const { page, shownAt } = await openPlatform(session);
        await sleep(25_000);
        const storedWhileFailing = (await storedTotals(observer))[CHANNEL] ?? 0;
        const { reply: live } = await sendFromPage<{ storage: { failedWrites: number; lastError: string | null } }>(observer, { type: 'live' });

        const { page: options, at: switchedAt } = await newTabInFront(session, `${session.extensionBase}/options.html`);
        const leftAt = await hiddenAt(page, switchedAt);
        await presence.stop();
        const alertShownAt = Date.now();
        // Found as a screen reader finds it: the alert named by its bold title.
        const alert = await options.waitForSelector('::-p-aria([name="Channel Focus cannot save right now"][role="alert"])', { timeout: 6000 });
        const alertMs = Date.now() - alertShownAt;
        const alertText = await alert!.evaluate((element) => element.textContent ?? '');
        // The popup (the observer) says it too.
        const popupAlert = await waitFor(() => observer.evaluate(() => [...document.querySelectorAll('[role="alert"]')]
          .map((element) => element.textContent ?? '').find((text) => text.includes('cannot save right now')) ?? null), 8000, 'the popup\'s alert')
          .catch(() => null);

        const { failures } = await evaluateInServiceWorker<{ failures: number | null }>(session, RESTORE_SET);
        restored = true;
        const reloadedAt = Date.now();
        await options.reload({ timeout: 10_000 });
        // The options page's load sends write-now, which writes at once whatever the back-off.
        const stored = await waitFor(async () => {
          const totals = await storedTotals(observer);
          return (totals[CHANNEL] ?? 0) > 0 && totals;
        }, 10_000, 'the pending time to be written');
        const writtenMs = Date.now() - reloadedAt;
        await options.waitForSelector('::-p-aria([role="group"][name="Storage"])', { timeout: 10_000 });
        await sleep(1000); // the page's first health answer
        const alertAfter = await options.$('::-p-aria([name="Channel Focus cannot save right now"][role="alert"])');
        const truth = leftAt - shownAt;
        const counted = stored[CHANNEL] ?? 0;
        report('(b) a storage write made to fail', [
          { figure: 'browsed (truth)', ms: truth },
          { figure: 'stored while writes failed', ms: storedWhileFailing },
          { figure: 'writes refused by the stub', ms: failures ?? -1 },
          { figure: 'failed writes the background counted', ms: live.storage.failedWrites },
          { figure: 'options page shown → alert found', ms: alertMs },
          { figure: 'reload → time written', ms: writtenMs },
          { figure: 'stored after writes work again', ms: counted },
          { figure: 'stored − truth', ms: counted - truth },
          { figure: 'hidden by page − by script', ms: leftAt - switchedAt },
        ]);
        console.log(`storage areas stubbed in the worker: ${stub.areas} (chrome.storage.local${stub.areas > 1 ? ' and a separate browser.storage.local' : ''})`);
        console.log(`options alert: ${alertText}\npopup alert: ${popupAlert}`);
        expect(failures, 'the stub was still in place (the worker did not restart)').not.toBeNull();
        expect(failures!, 'writes refused').toBeGreaterThan(0);
        expect(storedWhileFailing, 'nothing of the channel stored while writes failed').toBe(0);
        expect(live.storage).toEqual({ failedWrites: expect.any(Number), lastError: QUOTA_ERROR });
        expect(live.storage.failedWrites).toBeGreaterThan(0);
        expect(alertText).toContain(`The browser refused to store your counted time (${QUOTA_ERROR}). Nothing is lost`);
        expect(popupAlert, 'the popup\'s alert').toContain('Your time is kept, and saving is tried again.');
        expect(alertAfter, 'the alert once writes work again').toBeNull();
        expect(Object.keys(stored), 'channels stored').toEqual([CHANNEL]);
        expect(Math.abs(counted - truth), `stored ${counted} ms, truth ${truth} ms`).toBeLessThanOrEqual(TOLERANCE_MS);
      } finally {
        await presence.stop();
        if (!restored) await evaluateInServiceWorker(session, RESTORE_SET).catch(() => {});
      }
    });
  }, 90_000);
});
