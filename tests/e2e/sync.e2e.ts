// Sync across devices in the production build, in real Chromium with two profiles. Real account
// sync cannot run here, so the first profile's storage.sync is copied into the second one, as
// Chrome Sync would deliver it; the second then shows the merged totals and the first one's
// settings. Sync is switched on in the options page, by role and name, as a user does.
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { Settings } from '@/utils/settings';
import type { SyncState } from '@/utils/sync/state';
import { launchChromium, waitFor, type ChromiumSession } from '../../harness/browsers';
import { channelRows } from './popup-dom';
import { IDLE_THRESHOLD_S, openObserver, runScriptedSession, withLinkedInFocus, writeSettings, type Step } from '../../harness/scripted-session';

const aria = (name: string, role: string) => `::-p-aria([name="${name}"][role="${role}"])`;
type Storage = { get(key: string | null): Promise<Record<string, unknown>>; set(items: object): Promise<void> };
type Chrome = { chrome: { storage: { local: Storage; sync: Storage } } };

const A_SESSION: Step[] = [
  { open: 'acme', url: 'http://www.linkedin.com/company/acme-gmbh/', window: 1, channel: 'linkedin:company/acme-gmbh' },
  { stay: 6000 },
  { open: 'x', url: 'http://x.com/acmebrand', window: 1, channel: 'x:acmebrand' },
  { stay: 5000 },
];
const B_SESSION: Step[] = [
  { open: 'x', url: 'http://x.com/acmebrand', window: 1, channel: 'x:acmebrand' },
  { stay: 4000 },
];

const syncItems = (page: Page) => page.evaluate(() => (globalThis as unknown as Chrome).chrome.storage.sync.get(null));
const localItem = (page: Page, key: string) =>
  page.evaluate((k) => (globalThis as unknown as Chrome).chrome.storage.local.get(k).then((all) => all[k]), key);

async function turnSyncOn(session: ChromiumSession): Promise<Page> {
  const options = await session.browser.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html#sync`);
  await options.bringToFront();
  const toggle = await options.waitForSelector(aria('Sync settings and daily totals across my devices', 'checkbox'), { timeout: 10_000 });
  await toggle!.click();
  await waitFor(async () => {
    const state = (await localItem(options, 'sync')) as { value?: SyncState } | undefined;
    return state?.value?.enabled && state.value.lastPublishedAt !== null;
  }, 15_000, 'sync on and this device published');
  return options;
}

/** Seconds in a figure the popup writes under a minute (`11 s`). */
const seconds = (figure: string | undefined) => Number(/^(\d+)\s/.exec((figure ?? '').replace(/[\u00a0\u202f]/g, ' '))?.[1] ?? NaN);
const rowSeconds = async (popup: Page, name: string) => seconds((await channelRows(popup)).find((row) => row.name === name)?.time);

describe('Chromium: two profiles sharing one sync copy', () => {
  it('the second device takes the first one’s settings and shows the totals of both, each once', async () => {
    let fromA: Record<string, unknown> = {};
    let truthA: Record<string, number> = {};
    const a = await launchChromium();
    try {
      const observer = await openObserver(a);
      await writeSettings(observer, withLinkedInFocus);
      truthA = (await runScriptedSession(a, A_SESSION)).truth;
      const options = await turnSyncOn(a);
      fromA = await syncItems(options);
      const keys = Object.keys(fromA);
      expect(keys).toContain('s:specializations');
      expect(keys.some((key) => key.startsWith('u:'))).toBe(true);
    } finally {
      await a.close();
    }

    const b = await launchChromium();
    try {
      const observer = await openObserver(b);
      await writeSettings(observer, (s) => ({
        ...s, setup: { completed: true, skipped: false }, tracking: { ...s.tracking, idleThresholdSeconds: IDLE_THRESHOLD_S },
      }));
      const truthB = (await runScriptedSession(b, B_SESSION)).truth;
      // What Chrome Sync would have brought down from the first device.
      await observer.evaluate((items) => (globalThis as unknown as Chrome).chrome.storage.sync.set(items), fromA);
      await turnSyncOn(b);

      // The first device's settings: its specialization, active here too.
      const settings = await waitFor(async () => {
        const stored = (await localItem(observer, 'settings')) as Settings | undefined;
        return stored?.specializations.some((spec) => spec.name === 'B2B DACH') ? stored : null;
      }, 10_000, 'the first device’s specialization on the second');
      expect(settings.activeSpecializationId).toBe('b2b');

      const popup = await b.browser.newPage();
      await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
      await popup.bringToFront();
      const all = await popup.waitForSelector(aria('All devices', 'button'), { timeout: 10_000 });
      expect(await all!.evaluate((button) => button.getAttribute('aria-pressed'))).toBe('true');
      const linkedinS = (truthA['linkedin:company/acme-gmbh'] ?? 0) / 1000;
      const xS = ((truthA['x:acmebrand'] ?? 0) + (truthB['x:acmebrand'] ?? 0)) / 1000;
      // The sync copy holds whole seconds (rounded down): within a second and a half of the truth.
      await waitFor(async () => Math.abs((await rowSeconds(popup, 'LinkedIn')) - linkedinS) <= 1.5, 10_000, `LinkedIn near ${linkedinS} s on all devices`);
      expect(Math.abs((await rowSeconds(popup, 'X')) - xS)).toBeLessThanOrEqual(1.5);

      await (await popup.waitForSelector(aria('This device', 'button')))!.click();
      await waitFor(async () => (await channelRows(popup)).every((row) => row.name !== 'LinkedIn'), 10_000, 'this device alone: no LinkedIn');
      expect(Math.abs((await rowSeconds(popup, 'X')) - (truthB['x:acmebrand'] ?? 0) / 1000)).toBeLessThanOrEqual(1.5);
    } finally {
      await b.close();
    }
  });
});
