import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, launchFirefox, waitFor, type ChromiumSession, type FirefoxSession } from '../../harness/browsers';
import { IDLE_THRESHOLD_S, openObserver, runScriptedSession, writeSettings, type BrowserUnderTest, type Step } from '../../harness/scripted-session';
import type { Specialization } from '@/utils/settings';
import { channelRows } from './popup-dom';
import { axeFindings } from './harness';

const spec = (id: string, name: string, platform: 'linkedin' | 'x'): Specialization => ({
  id, name, channels: [{ platform, accounts: null }], budgets: { totalMinutes: null, perChannel: {} }, workingHours: null, clientId: null,
});

const SESSION: Step[] = [
  { open: 'acme', url: 'http://www.linkedin.com/company/acme-gmbh/', window: 1, channel: 'linkedin:company/acme-gmbh' },
  { stay: 4000 },
  { open: 'x', url: 'http://x.com/acmebrand', window: 1, channel: 'x:acmebrand' },
  { stay: 3000 },
];

async function popupAfterSession(target: BrowserUnderTest) {
  const observer = await openObserver(target);
  await writeSettings(observer, (s) => ({
    ...s,
    setup: { completed: true, skipped: false },
    tracking: { ...s.tracking, idleThresholdSeconds: IDLE_THRESHOLD_S },
    specializations: [spec('b2b', 'B2B DACH', 'linkedin'), spec('news', 'Newsroom', 'x')],
    activeSpecializationId: 'b2b',
  }));
  await runScriptedSession(target, SESSION);
  const popup = await target.browser.newPage();
  await popup.goto(`${target.extensionBase}/popup.html`, { timeout: 3000 }).catch(() => {});
  await popup.waitForSelector('.cf-channels > li', { timeout: 10_000 });
  return popup;
}

async function checkPopup(popup: Page) {
  // Both channels with their time; the one outside "B2B DACH" is flagged.
  const rows = await waitFor(async () => {
    const list = await channelRows(popup);
    return list.length === 2 && list;
  }, 10_000, 'two channels in the popup');
  const linkedin = rows.find((r) => r.name.startsWith('LinkedIn'))!;
  const x = rows.find((r) => r.name.startsWith('X'))!;
  expect(linkedin.flagged).toBe(false);
  expect(x.flagged).toBe(true);
  expect(linkedin.time).toMatch(/\d/);
  expect(await axeFindings(popup)).toEqual([]);

  // Switching the specialization moves the flag.
  await popup.select('select', 'news');
  await waitFor(async () => {
    const list = await channelRows(popup);
    return list.find((r) => r.name.startsWith('LinkedIn'))?.flagged && !list.find((r) => r.name.startsWith('X'))?.flagged;
  }, 5000, 'the flag to move to LinkedIn');
}

describe('Chromium: the popup after a browsing session', () => {
  let session: ChromiumSession;
  beforeAll(async () => { session = await launchChromium(); });
  afterAll(async () => { await session?.close(); });

  it('shows the channels and their time, flags the one outside, follows a switch, passes axe', async () => {
    await checkPopup(await popupAfterSession(session));
  });
});

describe('Firefox ESR: the popup after a browsing session', () => {
  let firefox: FirefoxSession;
  beforeAll(async () => { firefox = await launchFirefox({ headless: false }); });
  afterAll(async () => { await firefox?.close(); });

  it('shows the channels and their time, flags the one outside, follows a switch, passes axe', async () => {
    await checkPopup(await popupAfterSession(firefox));
  });
});
