// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackgroundParts } from '@/entrypoints/background/parts';
import { localDate } from '@/utils/time-zone';
import { MAX_IMPORT_BYTES, backupList, buildExport, exportText, parseImport, type ExportRow } from '@/utils/backup';
import type { Settings } from '@/utils/settings';
import { BACKUPS_KEY, IMPORTED_KEY, SETTINGS_KEY, SOURCE_ID_KEY, decodeEnvelope, importedUsage } from '@/utils/storage';
import type { TotalsByDate } from '@/utils/tracking/totals';
import { errorOf, freshBrowser, renderOptions, setUpSettings, storedAll, storedSettings } from './options-helpers';

const MIN = 60_000;
const OWN = 'desktop-browser';

const mySettings = (): Settings => setUpSettings((s) => ({
  ...s,
  specializations: [{ id: 'acme', name: 'Acme', channels: [{ platform: 'linkedin', accounts: null }], budgets: { totalMinutes: null, perChannel: {} }, workingHours: null, clientId: null }],
  activeSpecializationId: 'acme',
}));

const ownDays: TotalsByDate = {
  '2025-06-01': { linkedin: [30 * MIN, 0, 0, 0], 'x:acme': [0, 5 * MIN, 0, 0] },
  '2025-06-02': { linkedin: [10 * MIN, 0, 0, 0] },
};

const usageItems = (days: TotalsByDate) => Object.fromEntries(Object.entries(days).map(([date, value]) => [`usage:${date}`, { version: 1, value }]));

/** An export of another browser ("laptop"): 1 h 30 min on two dates and three channels. */
function laptopFile(settings: Settings = mySettings()): string {
  return exportText(buildExport({
    settings, sourceId: 'laptop', exportedAt: new Date('2025-06-03T10:00:00Z'),
    days: {
      '2025-06-01': { linkedin: [20 * MIN, 0, 0, 0] },
      '2025-06-02': { xing: [40 * MIN, 0, 0, 0], 'instagram:shop': [0, 30 * MIN, 0, 0] },
    },
  }));
}

let background: BackgroundParts;

async function start(extra: Record<string, unknown> = {}) {
  background = await freshBrowser({ [SETTINGS_KEY]: mySettings(), [SOURCE_ID_KEY]: OWN, ...usageItems(ownDays), ...extra });
  await renderOptions();
  await waitFor(() => expect((screen.getByLabelText('Import', { selector: 'input' }) as HTMLInputElement).disabled).toBe(false));
}

function choose(text: string, name = 'export.json') {
  const file = new File([text], name, { type: 'application/json' });
  fireEvent.change(screen.getByLabelText('Import', { selector: 'input' }), { target: { files: [file] } });
  return file;
}

/** The import preview's figures: each term with its value. */
const figures = (fileName = 'export.json') => {
  const preview = screen.getByRole('region', { name: `What ${fileName} adds` });
  return Object.fromEntries(within(preview).queryAllByRole('term')
    .map((term) => [term.textContent, term.nextElementSibling?.textContent?.replace(/\u00a0/g, ' ')]));
};

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('data: import', () => {
  beforeEach(() => start());

  it('previews what another browser adds, then keeps a backup and merges on confirm', async () => {
    const before = await storedAll();
    choose(laptopFile());
    await screen.findByRole('heading', { name: 'What export.json adds' });
    expect(figures()).toEqual({ Days: '2', Channels: '3', 'Time added': '1 h 30 min' });
    // Same settings: nothing to choose.
    expect(screen.queryByRole('group', { name: 'The file has other settings than yours' })).toBeNull();
    // The preview writes nothing.
    expect(await storedAll()).toEqual(before);

    fireEvent.click(screen.getByRole('button', { name: 'Confirm import' }));
    await screen.findByText(/export\.json was imported/);
    const all = await storedAll();
    const imported = decodeEnvelope(importedUsage, all[IMPORTED_KEY]);
    expect(imported.status).toBe('ok');
    expect(imported.value).toEqual({
      laptop: { '2025-06-01': { linkedin: [20 * MIN, 0, 0, 0] }, '2025-06-02': { xing: [40 * MIN, 0, 0, 0], 'instagram:shop': [0, 30 * MIN, 0, 0] } },
    });
    // Own time is untouched; the backup holds the state before.
    expect(all['usage:2025-06-01']).toEqual(before['usage:2025-06-01']);
    const backups = decodeEnvelope(backupList, all[BACKUPS_KEY]).value;
    expect(backups.map((b) => b.reason)).toEqual(['before-import']);
    expect(backups[0]!.imported).toEqual({});
    // ... and is listed with a way back.
    const listed = within(screen.getByRole('group', { name: 'Backups' }));
    await waitFor(() => expect(listed.getAllByRole('listitem')).toHaveLength(1));
    expect(listed.getByRole('listitem').textContent).toContain('Before an import');
    expect(listed.getAllByRole('button', { name: /^Restore / })).toHaveLength(1);

    // The same file again adds nothing.
    choose(laptopFile());
    await screen.findByText('Nothing new in this file: all of its time is here already.');
  });

  it.each([
    ['not JSON', '{"format": "channel-focus",', /^The file is not valid JSON; it may be cut off or not an export \(.+\)\.$/],
    ['another format', JSON.stringify({ format: 'other-app', version: 1 }), /^This is not a Channel Focus export: "format" is "other-app", expected "channel-focus"\.$/],
    ['a version from the future', JSON.stringify({ format: 'channel-focus', version: 99 }), /^The file has version 99, written by a newer Channel Focus; this one reads up to version 1\./],
    ['negative seconds', laptopFile().replace('"seconds":1200', '"seconds":-5'), /^Row 1 of the usage: "seconds" must be a whole number from 0; the file has -5\.$/],
    ['a prototype key', laptopFile().replace('"format"', '"__proto__": {}, "format"'), /^The file contains the key "__proto__" at __proto__/],
    ['a missing field', JSON.stringify({ format: 'channel-focus', version: 1, exportedAt: '2025-06-03T10:00:00.000Z', source: 'x', usage: [] }), /^The file: "settings" is missing\.$/],
  ])('refuses %s with a specific message next to the field and changes nothing', async (_what, text, message) => {
    const before = JSON.stringify(await storedAll());
    expect(parseImport(text).ok).toBe(false);
    choose(text);
    const input = screen.getByLabelText('Import', { selector: 'input' });
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(errorOf(input)).toMatch(message);
    expect(screen.queryByRole('button', { name: 'Confirm import' })).toBeNull();
    expect(JSON.stringify(await storedAll())).toBe(before);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const file = new File(['{}'], 'huge.json');
    Object.defineProperty(file, 'size', { value: MAX_IMPORT_BYTES + 1 });
    const read = vi.spyOn(file, 'text');
    fireEvent.change(screen.getByLabelText('Import', { selector: 'input' }), { target: { files: [file] } });
    await waitFor(() => expect(errorOf(screen.getByLabelText('Import', { selector: 'input' }))).toMatch(/^The file is too large \(20 MB\); at most 20 MB can be imported\. Nothing was imported\.$/));
    expect(read).not.toHaveBeenCalled();
  });

  it('offers the file’s settings when they differ, and takes them only when chosen', async () => {
    const theirs = { ...mySettings(), specializations: [{ ...mySettings().specializations[0]!, name: 'Laptop focus' }] };
    choose(laptopFile(theirs));
    const group = await screen.findByRole('group', { name: 'The file has other settings than yours' });
    expect((within(group).getByRole('radio', { name: 'Keep my settings' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(group).getByRole('radio', { name: 'Take the settings from the file' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm import' }));
    await screen.findByText(/was imported with its settings/);
    expect((await storedSettings()).specializations[0]!.name).toBe('Laptop focus');
    expect(screen.getByRole('radio', { name: 'Laptop focus' })).toHaveProperty('checked', true);
  });

  it('cancels without writing', async () => {
    const before = await storedAll();
    choose(laptopFile());
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('button', { name: 'Confirm import' })).toBeNull();
    expect(await storedAll()).toEqual(before);
  });
});

describe('data: export', () => {
  beforeEach(() => start());

  function captureDownloads() {
    const files: { name: string; blob: Blob }[] = [];
    const blobs = new Map<string, Blob>();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob as Blob);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      files.push({ name: this.download, blob: blobs.get(this.href)! });
    });
    return files;
  }

  it('downloads JSON and CSV through the buttons, named with today’s date', async () => {
    const files = captureDownloads();
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(files).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(files).toHaveLength(2));
    expect(files.map((file) => file.name)).toEqual([
      expect.stringMatching(/^channel-focus-\d{4}-\d{2}-\d{2}\.json$/),
      expect.stringMatching(/^channel-focus-\d{4}-\d{2}-\d{2}\.csv$/),
    ]);
    const json = JSON.parse(await files[0]!.blob.text());
    expect(json).toMatchObject({ format: 'channel-focus', version: 1, source: OWN });
    expect(json.usage).toHaveLength(3);
    expect(parseImport(await files[0]!.blob.text()).ok).toBe(true);
    const csv = await files[1]!.blob.text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('date,platform,account,seconds,focus');
    expect(csv).toContain('2025-06-01,x,acme,300,out');
  });

  it('exports a date range, and explains an end before the start', async () => {
    const files = captureDownloads();
    const from = screen.getByLabelText('From', { selector: 'input[type="date"]' });
    const to = screen.getByLabelText('To', { selector: 'input[type="date"]' });
    fireEvent.input(from, { target: { value: '2025-06-02' } });
    fireEvent.input(to, { target: { value: '2025-06-01' } });
    expect(errorOf(to)).toBe('The end date is before the start date.');
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(files).toHaveLength(0);
    fireEvent.input(to, { target: { value: '2025-06-02' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const json = JSON.parse(await files[0]!.blob.text());
    expect(json.usage.map((row: ExportRow) => row.date)).toEqual(['2025-06-02']);
  });

  it('holds the time the background had counted but not yet written when Export is clicked', async () => {
    const files = captureDownloads();
    // Right after browsing: 8 s on X, counted by the real tracker, not yet written (the write
    // interval is 15 s), and the user now on the options page.
    const x = { platform: 'x', account: 'acme' } as const;
    const page = () => background.tracker.handle({ type: 'page', tabId: 1, windowId: 1, channel: x, visible: true, lastInputAt: Date.now(), mediaPlaying: false });
    const now = Date.now();
    vi.useFakeTimers({ toFake: ['Date', 'performance'], now: now - 8_000 });
    try {
      await background.tracker.handle({ type: 'window-focused', windowId: 1 });
      await page();
      vi.advanceTimersByTime(4_000);
      await page();
      vi.advanceTimersByTime(4_000);
      await page();
      await background.tracker.handle({ type: 'tab-activated', tabId: 2, windowId: 1 });
    } finally {
      vi.useRealTimers();
    }
    const today = localDate(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(await storedAll()).not.toHaveProperty(`usage:${today}`);

    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const json = JSON.parse(await files[0]!.blob.text());
    const row = json.usage.find((entry: ExportRow) => entry.date === today && entry.platform === 'x');
    expect(row).toMatchObject({ account: 'acme', focus: 'out' });
    expect(Math.abs(row.milliseconds - 8_000)).toBeLessThan(250);
  });
});

describe('data: deletion and backups', () => {
  beforeEach(() => start());

  it('deletes one channel’s history after a backup, and the backup restores it', async () => {
    const select = screen.getByLabelText('Channel') as HTMLSelectElement;
    const labels = [...select.options].map((option) => option.textContent);
    expect(labels).toEqual(['LinkedIn', 'X · @acme']);
    fireEvent.change(select, { target: { value: 'channel:x:acme' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete this channel’s history' }));
    await screen.findByText('The history of X · @acme was deleted.');
    let all = await storedAll();
    expect(all['usage:2025-06-01']).toEqual({ version: 1, value: { linkedin: [30 * MIN, 0, 0, 0] } });
    expect(decodeEnvelope(backupList, all[BACKUPS_KEY]).value.map((b) => b.reason)).toEqual(['before-reset']);

    fireEvent.click(await screen.findByRole('button', { name: /^Restore / }));
    await screen.findByText(/^The backup from .+ was restored\.$/);
    all = await storedAll();
    expect(all['usage:2025-06-01']).toEqual({ version: 1, value: ownDays['2025-06-01'] });
    // Restoring kept the state before it as well.
    expect(decodeEnvelope(backupList, all[BACKUPS_KEY]).value.map((b) => b.reason)).toEqual(['manual', 'before-reset']);
  });

  it('deletes a day left without channels', async () => {
    fireEvent.change(screen.getByLabelText('Channel'), { target: { value: 'channel:linkedin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete this channel’s history' }));
    await screen.findByText('The history of LinkedIn was deleted.');
    const all = await storedAll();
    expect(all['usage:2025-06-02']).toBeUndefined();
    expect(all['usage:2025-06-01']).toEqual({ version: 1, value: { 'x:acme': [0, 5 * MIN, 0, 0] } });
  });

  it('deletes all data only after the typed confirmation, keeping the source id', async () => {
    const field = screen.getByLabelText('Type DELETE to delete all data');
    fireEvent.input(field, { target: { value: 'delet' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data' }));
    expect(errorOf(field)).toBe('Type DELETE to confirm.');
    expect(Object.keys(await storedAll()).length).toBeGreaterThan(2);
    fireEvent.input(field, { target: { value: 'DELETE' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete all data' }));
    await waitFor(async () => expect(await storedAll()).toEqual({ [SOURCE_ID_KEY]: OWN }));
    // Without settings the page is a first run again.
    await screen.findByRole('heading', { name: 'Set up your focus' });
  });
});
