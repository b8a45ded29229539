// `npm test`: every check of the project, one closing line `N passed, N failed` for the whole run.
// Steps: type-check, import boundaries (ESLint), unused code (knip), unit tests, production builds, web-ext lint,
// end-to-end tests in real Chromium and Firefox ESR (loopback-only network namespace, headed under Xvfb + openbox).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const bin = (name) => join('node_modules', '.bin', name);
const results = { passed: 0, failed: 0 };
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
const wants = (step) => only.length === 0 || only.includes(step);

function run(cmd, args, options = {}) {
  console.log(`\n$ ${[cmd, ...args].join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', env, ...options }).status === 0;
}

function check(name, ok) {
  results[ok ? 'passed' : 'failed'] += 1;
  console.log(`${ok ? 'ok' : 'FAILED'}: ${name}`);
}

/** Runs Vitest with a JSON report and adds its test counts to the run's. */
function vitest(name, args, wrap = (c, a) => [c, a]) {
  const report = join(mkdtempSync(join(tmpdir(), 'cf-vitest-')), 'report.json');
  const [cmd, fullArgs] = wrap(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args]);
  const ok = run(cmd, fullArgs);
  if (!existsSync(report)) {
    check(`${name} (no report: the runner did not finish)`, false);
    return;
  }
  const { numPassedTests, numFailedTests, numTotalTests, numPendingTests } = JSON.parse(readFileSync(report, 'utf8'));
  results.passed += numPassedTests;
  results.failed += numFailedTests + (numTotalTests === 0 ? 1 : 0);
  // A suite that failed to load reports no failed test but a non-zero exit.
  if (!ok && numFailedTests === 0) check(`${name} (runner error)`, false);
  console.log(`${name}: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests} skipped`);
}

if (wants('unit')) {
  check('tsc --noEmit', run(bin('tsc'), ['--noEmit']));
  // The layers' boundaries (eslint.config.js): utils/ pure, the content script light, views apart from the background.
  check('eslint (boundaries)', run(bin('eslint'), ['.']));
  check('knip (unused code)', run(bin('knip'), ['--no-progress']));
  vitest('unit tests', []);
}

if (wants('build') || wants('e2e')) {
  check('build chrome-mv3', run(bin('wxt'), ['build']));
  check('build firefox', run(bin('wxt'), ['build', '-b', 'firefox']));
  const lint = spawnSync(bin('web-ext'), ['lint', '--source-dir', '.output/firefox-mv2', '--output', 'json'], { env, encoding: 'utf8' });
  let lintOk = false;
  try {
    const report = JSON.parse(lint.stdout);
    for (const e of report.errors) console.log(`web-ext lint error: ${e.code}: ${e.message} (${e.file ?? ''})`);
    console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
    lintOk = report.summary.errors === 0;
  } catch {
    console.log(lint.stdout, lint.stderr);
  }
  check('web-ext lint (zero errors)', lintOk);
}

if (wants('e2e')) {
  // Browsers under test talk to loopback only: a fresh network namespace with just `lo` up.
  // Tracking depends on real window focus, so the browsers run headed on a virtual display.
  const inner = 'openbox >/dev/null 2>&1 & sleep 0.5; exec "$@"';
  const wrap = (cmd, args) => {
    const xvfb = ['xvfb-run', '-a', '-s', '-screen 0 1280x800x24 -nolisten tcp', 'sh', '-c', inner, 'e2e', cmd, ...args];
    const unshare = process.getuid?.() === 0 ? ['unshare', '-n'] : ['unshare', '-rn'];
    return [unshare[0], [...unshare.slice(1), '--', 'sh', '-c', 'ip link set lo up && exec "$@"', 'netns', ...xvfb]];
  };
  const missing = ['unshare', 'xvfb-run', 'openbox', 'xdotool', 'openssl', 'ip'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0,
  );
  if (missing.length) {
    console.log(`Missing tools for e2e tests: ${missing.join(', ')}. Install: apt-get install -y xvfb openbox xdotool openssl iproute2 util-linux`);
    check('e2e prerequisites', false);
  } else {
    env.CF_E2E_NETNS = '1';
    vitest('e2e tests', ['-c', 'vitest.e2e.config.ts'], wrap);
  }
}

console.log(`\n${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
