// Issue 12, "Every counted second is a second the user was there", in Chromium and Firefox ESR,
// headed under Xvfb with real pointer input and real window focus. Each situation runs in a fresh
// browser and compares what the extension counted with the truth the script recorded itself.
import { describe, expect, it } from 'vitest';
import { launchChromium, launchFirefox } from '../../harness/browsers';
import {
  TOLERANCE_MS, exportRightAfter, leftPlatform, selfMovingPage, type PresenceFigures,
} from '../../harness/presence-scenarios';
import type { BrowserUnderTest } from '../../harness/scripted-session';

type Launch = () => Promise<BrowserUnderTest & { close(): Promise<void> }>;

function check(name: string, result: PresenceFigures) {
  console.log(`${name}: ${result.scenario}, ${JSON.stringify(result.notes)}`);
  console.table(result.rows);
  // The scenario ran: the user spent time on its channel.
  expect(result.rows.find((row) => row.key === result.channel)?.truth ?? 0).toBeGreaterThan(2000);
  // A failure says what the tracker believed meanwhile: CI keeps only the tail of the log.
  const tracker = `\ntracker:\n${result.tracker.join('\n')}`;
  for (const row of result.rows) expect(Math.abs(row.error), `${row.key}: counted ${row.counted} ms, truth ${row.truth} ms${tracker}`).toBeLessThanOrEqual(TOLERANCE_MS);
}

async function inFreshBrowser(launch: Launch, run: (session: BrowserUnderTest) => Promise<PresenceFigures>) {
  const session = await launch();
  try {
    return await run(session);
  } finally {
    await session.close();
  }
}

function presenceSuite(name: string, launch: Launch) {
  it('(a) a page that moves by itself: counting stops at the last real input when the user walks away', async () => {
    check(name, await inFreshBrowser(launch, (session) => selfMovingPage(session)));
  }, 150_000);

  it('(b) a tab that left the platform for a site that is no platform: the platform gains nothing after, across window switches', async () => {
    check(name, await inFreshBrowser(launch, (session) => leftPlatform(session)));
  }, 150_000);

  it('(c) an export right after browsing holds that time', async () => {
    check(name, await inFreshBrowser(launch, (session) => exportRightAfter(session)));
  }, 90_000);
}

describe('Chromium (headed, real focus): every counted second is a second the user was there', () => {
  presenceSuite('Chromium', () => launchChromium());
});

describe('Firefox ESR (headed, real focus): every counted second is a second the user was there', () => {
  presenceSuite('Firefox', () => launchFirefox({ headless: false }));
});
