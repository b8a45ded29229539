import { it } from 'vitest';
import { launchChromium } from '../../harness/browsers';
import { addPieces, type TotalsByDate } from '@/utils/tracking/totals';
import { encodeEnvelope, usageDay, usageKey } from '@/utils/storage';
import { defaultSettings } from '@/utils/settings';

// Makes the README's popup screenshots from a month of realistic data:
// CF_SCREENSHOTS=1 with the e2e command (see scripts/test.mjs). Skipped otherwise.
it.skipIf(!process.env.CF_SCREENSHOTS)('popup screenshot', async () => {
  const s = await launchChromium();
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const channels = [
    { c: { platform: 'linkedin', account: 'company/acme-gmbh' }, f: 'in', m: 55 },
    { c: { platform: 'linkedin', account: null }, f: 'in', m: 25 },
    { c: { platform: 'xing', account: 'pages/acme-gmbh' }, f: 'in', m: 30 },
    { c: { platform: 'instagram', account: 'acme.brand' }, f: 'out', m: 18 },
    { c: { platform: 'x', account: null }, f: 'out', m: 12 },
    { c: { platform: 'youtube', account: '@acmebrand' }, f: 'out', m: 8 },
  ] as const;
  let days: TotalsByDate = {};
  const now = Date.now();
  for (let d = 29; d >= 0; d--) {
    const base = now - d * 86_400_000 - 6 * 3_600_000;
    let t = base;
    const pieces = channels.map(({ c, f, m }, i) => {
      const ms = Math.round(m * 60_000 * (0.6 + ((d * 7 + i * 3) % 10) / 12) * (d === 0 ? 0.5 : 1));
      const piece = { channel: c, from: t, to: t + ms, focus: f, afterHours: i === 4 };
      t += ms + 1000;
      return piece;
    });
    days = addPieces(days, pieces as never, tz);
  }
  const settings = { ...defaultSettings(), setup: { completed: true, skipped: false }, activeSpecializationId: 'acme', specializations: [{ id: 'acme', name: 'Acme – B2B DACH', channels: [{ platform: 'linkedin', accounts: null }, { platform: 'xing', accounts: null }], budgets: { totalMinutes: 120, perChannel: { linkedin: 90 } }, workingHours: null }] };
  const items = Object.fromEntries(Object.entries(days).map(([date, day]) => [usageKey(date), encodeEnvelope(usageDay, day)]));
  const p = await s.browser.newPage();
  await p.goto(`${s.extensionBase}/popup.html`);
  await p.evaluate((all) => (globalThis as any).chrome.storage.local.set(all), { ...items, settings });
  await p.setViewport({ width: 392, height: 900 });
  await p.reload();
  await new Promise((r) => setTimeout(r, 1500));
  const height = await p.evaluate(() => document.documentElement.scrollHeight);
  await p.setViewport({ width: 392, height: Math.min(height, 1400) });
  await p.screenshot({ path: 'docs/screenshots/popup.png' });
  await p.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  await new Promise((r) => setTimeout(r, 300));
  await p.screenshot({ path: 'docs/screenshots/popup-dark.png' });
  await s.close();
});
