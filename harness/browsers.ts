// Starts the real browsers under test with the production builds loaded, both driven by
// puppeteer-core. Chromium is started by us and attached over CDP (a launcher that starts it
// itself fakes window focus); Firefox is driven over WebDriver BiDi.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type CDPSession } from 'puppeteer-core';

export const ROOT = resolve(import.meta.dirname, '..');
const OUT_DIR = join(ROOT, process.env.CF_OUT_DIR ?? '.output');
export const CHROME_BUILD = join(OUT_DIR, 'chrome-mv3');
const FIREFOX_BUILD = join(OUT_DIR, 'firefox-mv2');
/** Fixed so Firefox's moz-extension:// origin is known before start. */
export const FIREFOX_UUID = '7d1c1f0e-3c4a-4b8e-9a51-0c6f2f5e6a11';
export const GECKO_ID = 'channel-focus@channel-focus.app';

/** Host names the fixture server answers in Firefox (Chromium maps every name). */
const FIXTURE_HOSTS = [
  'www.linkedin.com', 'linkedin.com', 'www.xing.com', 'x.com', 'twitter.com', 'www.facebook.com', 'www.instagram.com',
  'www.youtube.com', 'www.reddit.com', 'www.tiktok.com', 'bsky.app', 'www.pinterest.com', 'www.example.org',
  'mastodon.social',
];

function firstExisting(envName: string, candidates: string[], pkg: string): string {
  const fromEnv = process.env[envName];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envName}=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = candidates.find((c) => existsSync(c));
  if (!found) {
    throw new Error(`No browser found for ${envName}: install the Debian package "${pkg}" (apt-get install -y ${pkg}) or set ${envName}.`);
  }
  return found;
}

const chromiumPath = () =>
  firstExisting('CHROME_PATH', ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'], 'chromium');
const firefoxPath = () =>
  firstExisting('FIREFOX_PATH', ['/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox-esr', '/usr/bin/firefox'], 'firefox-esr');

export interface ChromiumSession {
  browser: Browser;
  /** Browser-level CDP session (targets, windows, process info). */
  cdp: CDPSession;
  extensionId: string;
  /** `chrome-extension://<id>`: where the extension's pages live. */
  extensionBase: string;
  profileDir: string;
  process: ChildProcess;
  /** Closes the browser; removes the profile unless it is to be reused. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
  /** Kills the browser process outright (SIGKILL), as a crash would. */
  kill(): Promise<void>;
}

/** Removes a browser profile. Chromium's helpers may still be writing for a moment after it exits: retried, and a clean-up never fails a test. */
export function removeProfile(profileDir: string): void {
  try {
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  } catch (error) {
    console.warn(`Could not remove the test profile ${profileDir}: ${String(error)}`);
  }
}

export async function launchChromium(options: { profileDir?: string; lang?: string; extensionDir?: string; withoutExtension?: boolean } = {}): Promise<ChromiumSession> {
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'cf-chromium-'));
  const ext = options.extensionDir ?? CHROME_BUILD;
  if (!options.withoutExtension && !existsSync(join(ext, 'manifest.json'))) throw new Error(`No Chrome build at ${ext}: run npm run build first`);
  const args = [
    `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', '--no-first-run', '--no-default-browser-check',
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--disable-features=HttpsUpgrades,Translate,MediaRouter', '--ignore-certificate-errors',
    '--password-store=basic', '--use-mock-keychain', '--window-size=1200,800', '--window-position=0,0',
    '--host-resolver-rules=MAP *.google.com ~NOTFOUND, MAP *.googleapis.com ~NOTFOUND, MAP *.gvt1.com ~NOTFOUND, MAP * 127.0.0.1',
    // The bench's baseline runs the same pages with no extension at all.
    ...(options.withoutExtension ? ['--disable-extensions'] : [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`]),
    `--lang=${options.lang ?? 'en-US'}`, 'about:blank',
  ];
  // A first start on a busy machine (CI's first browser, fonts and caches cold) has once printed
  // nothing for 30 s: such a start is stopped and tried once more before the test fails.
  const start = () => {
    const process_ = spawn(chromiumPath(), args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LANGUAGE: options.lang ?? 'en-US' },
    });
    const url = new Promise<string>((resolveUrl, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${seen.slice(-2000)}`)), 30_000);
      process_.stderr!.on('data', (chunk: Buffer) => {
        seen += chunk.toString();
        const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]!);
        }
      });
      process_.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Chromium exited (${code}):\n${seen.slice(-2000)}`));
      });
    });
    return { process: process_, url };
  };
  let child: ChildProcess;
  let wsUrl: string;
  try {
    const first = start();
    child = first.process;
    wsUrl = await first.url;
  } catch (error) {
    console.warn(`Chromium start failed, trying once more: ${String(error).slice(0, 300)}`);
    child!.kill('SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const second = start();
    child = second.process;
    wsUrl = await second.url;
  }
  child.stderr!.resume();
  // Not attached to the service worker: an attached DevTools client would keep it from stopping.
  const browser = await puppeteer.connect({ browserWSEndpoint: wsUrl, defaultViewport: null, targetFilter: (t) => t.type() !== 'service_worker' });
  const cdp = await browser.target().createCDPSession();
  const extensionId = options.withoutExtension ? '' : await waitFor(async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'));
    return worker ? new URL(worker.url).host : null;
  }, 20_000, 'the extension service worker');
  let exited = false;
  child.once('exit', () => { exited = true; });
  const waitExit = () => new Promise<void>((r) => (exited ? r() : child.once('exit', () => r())));
  return {
    browser, cdp, extensionId, extensionBase: `chrome-extension://${extensionId}`, profileDir, process: child,
    async close({ keepProfile = false } = {}) {
      await browser.close().catch(() => {});
      if (!exited) child.kill('SIGTERM');
      await waitExit();
      if (!keepProfile && !options.profileDir) removeProfile(profileDir);
    },
    async kill() {
      child.kill('SIGKILL');
      await waitExit();
    },
  };
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      // A probe that hangs (a browser command that never answers) fails here, named, not as a test timeout.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const hung = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('a probe did not answer')), Math.max(1000, deadline - Date.now())); });
      const value = await Promise.race([probe(), hung]).finally(() => clearTimeout(timer));
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

export interface FirefoxSession {
  browser: Browser;
  extensionBase: string;
  close(): Promise<void>;
}

export async function launchFirefox(options: { lang?: string; headless?: boolean } = {}): Promise<FirefoxSession> {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) throw new Error(`No Firefox build at ${FIREFOX_BUILD}: run npm run build first`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: options.headless ?? !process.env.DISPLAY,
    args: ['--remote-allow-system-access', '--width=1200', '--height=800'],
    extraPrefsFirefox: {
      'network.dns.localDomains': FIXTURE_HOSTS.join(','),
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'intl.locale.requested': options.lang ?? 'en-US',
      'intl.accept_languages': options.lang ?? 'en-US',
      'dom.security.https_only_mode': false,
      'browser.fixup.fallback-to-https': false,
      'network.stricttransportsecurity.preloadlist': false,
    },
  });
  await browser.installExtension(FIREFOX_BUILD);
  return {
    browser,
    extensionBase: `moz-extension://${FIREFOX_UUID}`,
    async close() {
      await browser.close().catch(() => {});
    },
  };
}
