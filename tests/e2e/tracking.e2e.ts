import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, launchFirefox, type FirefoxSession } from '../../harness/browsers';
import { IDLE_THRESHOLD_S, STANDARD_SESSION, openObserver, runScriptedSession, storedTotals, watchTracker, writeSettings } from '../../harness/scripted-session';

export const withShortIdle = (observer: Page) =>
  writeSettings(observer, (s) => ({ ...s, tracking: { ...s.tracking, idleThresholdSeconds: IDLE_THRESHOLD_S } }));

function compare(truth: Record<string, number>, stored: Record<string, number>) {
  const keys = [...new Set([...Object.keys(truth), ...Object.keys(stored)])].sort();
  return keys.map((key) => ({ key, truth: truth[key] ?? 0, stored: stored[key] ?? 0, error: (stored[key] ?? 0) - (truth[key] ?? 0) }));
}

/**
 * Every channel within 1 s; a failure names every row and what the tracker believed meanwhile
 * (CI keeps only the tail of the log).
 */
function expectWithinASecond(rows: ReturnType<typeof compare>, timeline: string[]) {
  console.table(rows);
  const table = rows.map((row) => `${row.key}: truth ${row.truth}, stored ${row.stored}`).join('; ');
  // Printed too: a retry that passes hides the first attempt's message.
  if (rows.some((row) => Math.abs(row.error) > 1000)) console.log(`tracker:\n${timeline.join('\n')}`);
  expect(rows.filter((row) => Math.abs(row.error) > 1000), `${table}\ntracker:\n${timeline.join('\n')}`).toEqual([]);
}

describe('Chromium (headed, real focus): time per channel', () => {
  // One retry in a fresh browser: one CI run of many lost 5 s on one channel and its log kept too
  // little to say why; the message now names every row, so a repeat can be diagnosed.
  it('counts a scripted session within 1 s per channel, across a service-worker stop', { retry: 1 }, async () => {
    const session = await launchChromium();
    try {
      const observer = await openObserver(session);
      await withShortIdle(observer);
      const watch = watchTracker(observer);
      const result = await runScriptedSession(session, STANDARD_SESSION, { watch });
      // The last channel's time is written within the 15 s write interval.
      await new Promise((r) => setTimeout(r, 17_000));
      expectWithinASecond(compare(result.truth, await storedTotals(observer)), await watch.stop());
      expect(result.workerStops).toBe(1);
    } finally {
      await session.close();
    }
  });
});

describe('Chromium: a browser killed outright', () => {
  it('keeps the totals from before the kill, minus at most the heartbeat window', async () => {
    const first = await launchChromium();
    const profileDir = first.profileDir;
    const observer = await openObserver(first);
    await withShortIdle(observer);
    const result = await runScriptedSession(first, [
      { open: 'acme', url: 'http://www.linkedin.com/company/acme-gmbh/', window: 1, channel: 'linkedin:company/acme-gmbh' },
      { stay: 22_000 },
    ], { end: false });
    // No orderly end: the process dies while the channel is counting.
    const killedAt = Date.now();
    await first.kill();
    await result.stopPresence();
    const truthMs = (result.truth['linkedin:company/acme-gmbh'] ?? 0) + (killedAt - result.endedAt);
    const second = await launchChromium({ profileDir });
    try {
      const reader = await openObserver(second);
      const stored = (await storedTotals(reader))['linkedin:company/acme-gmbh'] ?? 0;
      console.log({ truthMs, stored });
      expect(stored).toBeGreaterThanOrEqual(truthMs - 15_000 - 1000);
      expect(stored).toBeLessThanOrEqual(truthMs + 1000);
    } finally {
      await second.close();
    }
  });
});

describe('Firefox ESR (headed, real focus): time per channel', () => {
  let firefox: FirefoxSession;
  beforeAll(async () => { firefox = await launchFirefox({ headless: false }); });
  afterAll(async () => { await firefox?.close(); });

  it('counts the same scripted session within 1 s per channel', async () => {
    const observer = await openObserver(firefox);
    await withShortIdle(observer);
    const watch = watchTracker(observer);
    const result = await runScriptedSession(firefox, STANDARD_SESSION.filter((step) => !('stopWorker' in step)), { watch });
    await new Promise((r) => setTimeout(r, 17_000));
    expectWithinASecond(compare(result.truth, await storedTotals(observer)), await watch.stop());
  });
});
