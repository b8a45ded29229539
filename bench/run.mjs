// `npm run bench [-- --quick]`: builds, then runs bench/bench.ts in real Chromium, headed under
// Xvfb with openbox, inside a loopback-only network namespace (like the e2e tests).
import { spawnSync } from 'node:child_process';

const quick = process.argv.includes('--quick');
const env = { ...process.env, NO_COLOR: '1', CF_E2E_NETNS: '1', CF_BENCH_QUICK: quick ? '1' : '0', CF_OUT_DIR: '.output-bench' };
if (spawnSync('node_modules/.bin/wxt', ['build'], { stdio: 'inherit', env }).status !== 0) process.exit(1);
const unshare = process.getuid?.() === 0 ? ['unshare', '-n'] : ['unshare', '-rn'];
const inner = 'openbox >/dev/null 2>&1 & sleep 0.5; exec "$@"';
const result = spawnSync(unshare[0], [
  ...unshare.slice(1), '--', 'sh', '-c', 'ip link set lo up && exec "$@"', 'netns',
  'xvfb-run', '-a', '-s', '-screen 0 1280x800x24 -nolisten tcp', 'sh', '-c', inner, 'bench',
  'node_modules/.bin/vitest', 'run', '-c', 'vitest.bench.config.ts', '--reporter=dot', '--silent=false',
], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
