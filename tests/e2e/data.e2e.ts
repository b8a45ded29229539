import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchChromium, waitFor, type ChromiumSession } from '../../harness/browsers';
import { IDLE_THRESHOLD_S, openObserver, runScriptedSession, writeSettings } from '../../harness/scripted-session';
import { channelRows } from './popup-dom';

async function popupRows(session: ChromiumSession) {
  const popup = await session.browser.newPage();
  await popup.goto(`${session.extensionBase}/popup.html`);
  await popup.waitForSelector('.cf-channels > li', { timeout: 10_000 });
  const rows = await channelRows(popup);
  await popup.close();
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

async function openOptions(session: ChromiumSession): Promise<Page> {
  const page = await session.browser.newPage();
  await page.goto(`${session.extensionBase}/options.html`);
  await page.bringToFront();
  return page;
}

const button = (page: Page, name: string) => page.waitForSelector(`::-p-aria([name="${name}"][role="button"])`, { timeout: 10_000 });

describe('Chromium: export, then import into a fresh profile', () => {
  it('exports JSON and CSV through the buttons, and the import shows the same totals in the popup', async () => {
    const downloads = mkdtempSync(join(tmpdir(), 'cf-downloads-'));
    const first = await launchChromium();
    let jsonFile = '';
    let before: Awaited<ReturnType<typeof popupRows>> = [];
    try {
      const observer = await openObserver(first);
      await writeSettings(observer, (s) => ({
        ...s, setup: { completed: true, skipped: false }, tracking: { ...s.tracking, idleThresholdSeconds: IDLE_THRESHOLD_S },
      }));
      await runScriptedSession(first, [
        { open: 'acme', url: 'http://www.linkedin.com/company/acme-gmbh/', window: 1, channel: 'linkedin:company/acme-gmbh' },
        { stay: 4000 },
        { open: 'x', url: 'http://x.com/acmebrand', window: 1, channel: 'x:acmebrand' },
        { stay: 3000 },
      ]);
      await new Promise((r) => setTimeout(r, 17_000)); // the export reads what is written
      before = await popupRows(first);
      expect(before.map((r) => r.name)).toEqual(['LinkedIn', 'X']);

      await first.cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
      const options = await openOptions(first);
      await (await button(options, 'Export JSON'))!.click();
      await (await button(options, 'Export CSV'))!.click();
      const files = await waitFor(async () => {
        const names = readdirSync(downloads).filter((f) => /^channel-focus-\d{4}-\d{2}-\d{2}\.(json|csv)$/.test(f));
        return names.length === 2 && names;
      }, 10_000, 'both downloads');
      jsonFile = join(downloads, files.find((f) => f.endsWith('.json'))!);
      const exported = JSON.parse(readFileSync(jsonFile, 'utf8'));
      expect(exported.format).toBe('channel-focus');
      expect(exported.usage.map((row: { platform: string; account: string | null }) => `${row.platform}:${row.account}`).sort())
        .toEqual(['linkedin:company/acme-gmbh', 'x:acmebrand']);
      const csv = readFileSync(join(downloads, files.find((f) => f.endsWith('.csv'))!), 'utf8').replace(/^\uFEFF/, '').split('\r\n');
      expect(csv[0]).toBe('date,platform,account,seconds,focus');
      expect(csv.filter((line) => line.includes(',linkedin,company/acme-gmbh,'))).toHaveLength(1);
    } finally {
      await first.close();
    }

    const second = await launchChromium();
    try {
      // A fresh profile whose user skipped the first-run setup (the setup takes the whole page).
      await writeSettings(await openObserver(second), (s) => ({ ...s, setup: { completed: false, skipped: true } }));
      const options = await openOptions(second);
      // The one file input of the page, labelled "Import"; enabled once the page knows this browser's id.
      const input = await options.waitForSelector('input[type="file"]:not([disabled])', { timeout: 10_000 });
      expect(await options.evaluate(() => document.querySelector<HTMLInputElement>('input[type="file"]')?.labels?.[0]?.textContent?.trim())).toBe('Import');
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(jsonFile);
      await (await button(options, 'Confirm import'))!.click();
      await options.waitForFunction(() => document.body.innerText.includes('was imported'), { timeout: 10_000, polling: 200 });
      expect(await popupRows(second)).toEqual(before);
    } finally {
      await second.close();
    }
    expect(existsSync(jsonFile)).toBe(true);
  });
});
