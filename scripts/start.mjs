// `npm start`: builds both targets and zips, then opens Chromium with the extension loaded in a
// throwaway profile on the bundled demo pages. Without a display it only builds and says where
// the unpacked extensions and zips are.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../harness/fixture-server.mjs';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const step = (args) => {
  const ok = spawnSync(bin('wxt'), args, { stdio: 'inherit', cwd: root }).status === 0;
  if (!ok) process.exit(1);
};
step(['zip']);
step(['zip', '-b', 'firefox']);

const out = join(root, '.output');
const zips = readdirSync(out).filter((f) => f.endsWith('.zip')).map((f) => join(out, f));
console.log(`
Built:
  Chrome / Chromium (unpacked): ${join(out, 'chrome-mv3')}
  Firefox (unpacked):           ${join(out, 'firefox-mv2')}
  Zips:                         ${zips.join('\n                                ')}

Load it yourself:
  Chrome:  chrome://extensions -> Developer mode -> Load unpacked -> choose the chrome-mv3 folder
  Firefox: about:debugging#/runtime/this-firefox -> Load Temporary Add-on -> choose firefox-mv2/manifest.json
`);

const chromePath = [process.env.CHROME_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/google-chrome']
  .find((p) => p && existsSync(p));
if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log('No display found: not opening a browser.');
  process.exit(0);
}
if (!chromePath) {
  console.log('No Chromium or Chrome found (set CHROME_PATH, or apt-get install chromium): not opening a browser.');
  process.exit(0);
}

const PORT = Number(process.env.DEMO_PORT ?? 8765);
const server = await startFixtureServer({ ports: [PORT], tls: false });
const profile = mkdtempSync(join(tmpdir(), 'channel-focus-demo-'));
const ext = join(out, 'chrome-mv3');
// The demo maps the platforms' host names to the local demo server, so nothing leaves the machine.
const demoPages = ['www.linkedin.com/company/acme-gmbh/', 'www.xing.com/pages/acme-gmbh', 'www.instagram.com/acme.brand/', 'x.com/home']
  .map((p) => `http://${p.replace('/', `:${PORT}/`)}`);
console.log(`Opening Chromium with a throwaway profile on the demo pages (${demoPages[0]} ...). Close the window to stop.`);
const browser = spawn(chromePath, [
  // Chromium refuses to start as root without this (containers, CI boxes); users never need it.
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  `--user-data-dir=${profile}`, '--no-first-run', '--no-default-browser-check', '--disable-features=HttpsUpgrades',
  `--host-resolver-rules=MAP * 127.0.0.1`, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`,
  ...demoPages,
], { stdio: 'ignore' });
browser.on('exit', async () => {
  await server.close();
  rmSync(profile, { recursive: true, force: true });
  process.exit(0);
});
