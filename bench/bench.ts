// `npm run bench`: accuracy, storage, cost and size in real Chromium (headed under Xvfb,
// loopback only), printed as a table next to the budgets from the issues. Reports, never asserts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import { it } from 'vitest';
import { launchChromium, ROOT } from '../harness/browsers';
import { STANDARD_SESSION, type Step } from '../harness/scripted-session';
import { bundleSizes, mean, measureAccuracy, measureRendererCost, measureEmptyPage, measurePanel, measurePopup, measurePresence, measureReport, measureWorkerShutdown, measureYear, measureYearWithBackups, type PresenceOutcome } from './measure';

const quick = process.env.CF_BENCH_QUICK === '1';
const RUNS = quick ? 2 : 5;

/** The quick session keeps every kind of step, shorter: it checks the harness, not the product. */
const QUICK_SESSION: Step[] = [
  { open: 'acme', url: 'http://www.linkedin.com/company/acme-gmbh/', window: 1, channel: 'linkedin:company/acme-gmbh' },
  { stay: 3000 },
  { open: 'x', url: 'http://x.com/acmebrand', window: 1, channel: 'x:acmebrand' },
  { stay: 3000 },
  { open: 'insta', url: 'http://www.instagram.com/acme.brand/', window: 2, channel: 'instagram:acme.brand' },
  { stay: 3000 },
  { switchTo: 'acme' },
  { spa: 'acme', link: '/in/jane-doe/', channel: 'linkedin:in/jane-doe' },
  { stay: 3000 },
  { stopWorker: true },
  { stay: 3000 },
];

interface Row { figure: string; value: string; budget: string; mark: 'pass' | 'over' | '' }
const row = (figure: string, value: number, unit: string, budget?: number, digits = 2): Row => ({
  figure,
  value: `${value.toFixed(digits)} ${unit}`,
  budget: budget === undefined ? '' : `≤ ${budget} ${unit}`,
  mark: budget === undefined ? '' : value <= budget ? 'pass' : 'over',
});
/** A signed error against a ± budget: pass when |error| ≤ budget. */
const signedRow = (figure: string, outcome: PresenceOutcome, budgetS: number): Row => {
  if (!('figures' in outcome)) {
    return { figure, value: 'skipped' in outcome ? outcome.skipped : `failed: ${outcome.failed}`, budget: `± ${budgetS} s`, mark: 'skipped' in outcome ? '' : 'over' };
  }
  const errorS = outcome.figures.errorMs / 1000;
  return {
    figure,
    value: `${errorS >= 0 ? '+' : '−'}${Math.abs(errorS).toFixed(2)} s`,
    budget: `± ${budgetS} s`,
    mark: Math.abs(errorS) <= budgetS ? 'pass' : 'over',
  };
};

it('bench', async () => {
  const rows: Row[] = [];
  const session = await launchChromium();
  let results: Record<string, unknown> = {};
  try {
    const accuracy = await measureAccuracy(session, quick ? QUICK_SESSION : STANDARD_SESSION);
    const shutdownS = await measureWorkerShutdown(session, quick ? 5_000 : 60_000);
    const year = await measureYear(session);
    const popupMs = await measurePopup(session, RUNS);
    const emptyPageMs = await measureEmptyPage(session, RUNS);
    const reportMs = await measureReport(session, RUNS);
    const panel = await measurePanel(session, RUNS);
    // Last in this browser: the megabytes of backups it stores would colour the times measured after.
    const yearWithBackups = await measureYearWithBackups(session);
    const sizes = bundleSizes();

    rows.push(
      row(`accuracy: total absolute error (${accuracy.segments} segments, ${accuracy.channels} channels)`, accuracy.totalErrorS, 's', 0.3),
      row('accuracy: largest error of one channel', accuracy.maxChannelErrorS, 's', 1),
      ...accuracy.perChannel.map((r) => row(`  ${r.channel} (truth ${r.truthS.toFixed(2)} s)`, r.errorS, 's')),
      row('storage.local writes per minute of tracking', accuracy.writesPerMinute, '/min', 4),
      row('bytes in storage.local after the session', accuracy.bytesInUse, 'B', undefined, 0),
      row(`bytes for a simulated year (${year.days} days × 40 channels)`, year.bytesInUse / 1e6, 'MB', 1, 3),
      row(`bytes with ${yearWithBackups.backups === 5 ? 'five' : yearWithBackups.backups} backups of a simulated year`, yearWithBackups.bytesInUse / 1e6, 'MB', 12, 3),
      row(`CPU time of extension processes during the session (${accuracy.trackedMinutes.toFixed(1)} min)`, accuracy.cpuSeconds, 's'),
      { figure: 'service worker stops by itself with no platform tab active', value: shutdownS === null ? `not within ${quick ? 5 : 60} s` : `after ${shutdownS.toFixed(0)} s`, budget: 'stops', mark: shutdownS === null ? (quick ? '' : 'over') : 'pass' },
      row('content script size (raw)', sizes.contentRaw / 1024, 'KB', undefined, 1),
      row('content script size (gzip)', sizes.contentGzip / 1024, 'KB', 20, 1),
      row('panel: content script start → painted (median)', panel.scriptStartToPaintedMs, 'ms', 50, 1),
      row('panel: mounted → painted (median)', panel.insertedToPaintedMs, 'ms', 50, 1),
      row('panel: long tasks over 50 ms per load (heavy page, any cause)', panel.longTasksOver50, '', undefined, 1),
      row('panel: layout shift it causes on the host page', panel.layoutShift, '', 0, 3),
      row('  (the heavy fixture page shifts by itself, for context)', panel.pageShift, '', undefined, 3),
      row('popup bundle (gzip, all its scripts and styles)', sizes.popupGzip / 1024, 'KB', 60, 1),
      row('popup first render with the simulated year (median)', popupMs, 'ms', 100, 1),
      row('  (an extension page with no script, measured the same way: the floor)', emptyPageMs, 'ms', undefined, 1),
      row('report: a year of 40 channels and 10 clients, load → painted (median)', reportMs, 'ms', 300, 1),
    );
    results = { accuracy, shutdownS, year, yearWithBackups, popupMs, emptyPageMs, reportMs, panel, sizes };
  } finally {
    await session.close();
  }
  // Each in a browser of its own, with no other one open: after the shared session has closed.
  const presence = await measurePresence(quick);
  rows.push(
    signedRow('presence: page that moves by itself, user away (counted − truth)', presence.selfMovingPage, 1),
    signedRow('presence: tab left the platform, window switched (counted − truth)', presence.leftPlatform, 1),
    signedRow('presence: export right after browsing (exported − truth)', presence.exportRightAfter, 1),
  );
  results = { ...results, presence };

  // The same session with and without the extension, in browsers of their own (2 × 2 sessions of
  // about 90 s: the full run only; the quick run's session is too short to tell anything).
  if (quick) {
    rows.push({ figure: 'panel: page renderer CPU above the same pages without the extension', value: 'skipped (quick)', budget: '≤ 0.15 s', mark: '' });
  } else {
    const renderer = await measureRendererCost(STANDARD_SESSION, 2);
    rows.push(
      row('panel: page renderer CPU above the same pages without the extension (per session)', renderer.aboveS, 's', 0.15),
      row('  page renderers with the extension (mean of 2 sessions)', mean(renderer.withExtensionS), 's'),
      row('  page renderers without any extension (mean of 2 sessions)', mean(renderer.withoutExtensionS), 's'),
    );
    results = { ...results, renderer };
  }

  const widths = [Math.max(...rows.map((r) => r.figure.length)), Math.max(...rows.map((r) => r.value.length)), 12];
  const line = (r: Row) => `${r.figure.padEnd(widths[0]!)}  ${r.value.padStart(widths[1]!)}  ${r.budget.padEnd(widths[2]!)}  ${r.mark}`;
  const commit = (() => { try { return execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim(); } catch { return 'unknown'; } })();
  const out = [
    '',
    `Channel Focus bench${quick ? ' (quick: harness check, short session, 2 runs)' : ''} — commit ${commit}, ${new Date().toISOString()}`,
    `Times are medians of ${RUNS} runs on a noisy 2-core machine; accuracy and counts are single-session figures.`,
    '',
    line({ figure: 'figure', value: 'value', budget: 'budget', mark: '' }),
    ...rows.map(line),
    '',
  ].join('\n');
  process.stdout.write(out);
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const record = JSON.stringify({ commit, at: new Date().toISOString(), quick, rows, results }, null, 2);
  writeFileSync(join(dir, quick ? 'latest-quick.json' : `${commit}.json`), record);
  if (!quick) writeFileSync(join(dir, 'latest.json'), record);
});
