import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { download } from '@/components/options/download';
import { send } from '@/components/send';
import { saveSourceName } from '@/components/source-names';
import { writeUnwrittenTime } from '@/components/write-unwritten';
import { reportSources } from '@/utils/report/build';
import { readReportQuery } from '@/utils/report/url';
import type { Settings } from '@/utils/settings';
import {
  DEVICES_KEY, SETTINGS_KEY, SOURCE_ID_KEY, SYNC_STATE_KEY, decodeDevices, decodeSettings, decodeSourceId, decodeSyncState,
  readHistory, type StoredHistory,
} from '@/utils/storage';
import type { DeviceUsage } from '@/utils/sync/usage-encoding';
import { withDevices } from '@/utils/sync/view';
import { localDate } from '@/utils/time-zone';
import { withUnwritten, type TotalsByDate } from '@/utils/tracking/totals';
import { ReportPage } from './ReportPage';

/** How often the time not yet written is asked for while the page is open. */
const LIVE_REFRESH_MS = 15_000;

interface Loaded {
  history: StoredHistory;
  settings: Settings;
  ownSourceId: string | null;
  /** The user's other devices, when sync is on and any has published: null otherwise. */
  devices: Record<string, DeviceUsage> | null;
}

function decode(all: Record<string, unknown>, ownSourceId: string | null): Loaded {
  const ownId = decodeSourceId(all[SOURCE_ID_KEY]) ?? ownSourceId;
  // This device's own counters are the truth: never one of the other devices.
  const devices = Object.fromEntries(Object.entries(decodeSyncState(all[SYNC_STATE_KEY]).enabled ? decodeDevices(all[DEVICES_KEY]) : {})
    .filter(([id]) => id !== ownId));
  return {
    history: readHistory(all), settings: decodeSettings(all[SETTINGS_KEY]).value,
    ownSourceId: ownId,
    devices: Object.keys(devices).length > 0 ? devices : null,
  };
}

/**
 * The report's shell: has the background write what it holds, reads storage once, follows
 * storage changes (applying them to what it read, not reading all again), and adds the time not
 * yet written. Everything shown is ReportPage's, from props.
 */
export function ReportApp() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [unwritten, setUnwritten] = useState<TotalsByDate>({});
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  useEffect(() => {
    let open = true;
    let all: Record<string, unknown> = {};
    let ownSourceId: string | null = null;
    let ready = false;
    // The unwritten time changes rarely; a new object each time would rebuild the whole report.
    let liveKey = '{}';
    const takeLive = (next: TotalsByDate) => {
      const key = JSON.stringify(next);
      if (key === liveKey || !open) return;
      liveKey = key;
      setUnwritten(next);
    };
    const refreshLive = () => send({ type: 'live' }).then((reply) => takeLive(reply.unwritten), () => {});
    void (async () => {
      await writeUnwrittenTime();
      // Storage and the time still unwritten together, so the first render is the whole report.
      const [stored, live] = await Promise.all([
        browser.storage.local.get(null),
        send({ type: 'live' }).then((reply) => reply.unwritten, () => null),
      ]);
      all = stored;
      // Asking the background creates the id on first use (so this browser's column can be named);
      // it reads all storage in its queue, so it is asked only when there is none yet.
      ownSourceId = decodeSourceId(all[SOURCE_ID_KEY])
        ?? await send({ type: 'source-id' }).then((reply) => reply.sourceId, () => null);
      ready = true;
      if (live) takeLive(live);
      if (open) setLoaded(decode(all, ownSourceId));
    })();
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !ready) return;
      all = { ...all };
      for (const [key, change] of Object.entries(changes)) {
        if (change.newValue === undefined) delete all[key];
        else all[key] = change.newValue;
      }
      setLoaded(decode(all, ownSourceId));
      // The background just wrote: what it still holds is less than before.
      void refreshLive();
    };
    browser.storage.onChanged.addListener(onChanged);
    const timer = setInterval(refreshLive, LIVE_REFRESH_MS);
    return () => {
      open = false;
      clearInterval(timer);
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  if (!loaded) return null;
  const withLive = { ...loaded.history, own: withUnwritten(loaded.history.own, unwritten) };
  return (
    <ReportPage
      sources={reportSources(withLive, loaded.ownSourceId)}
      // With sync on, the other devices are sources too (by their device id), on the user's choice.
      allDeviceSources={loaded.devices ? reportSources(withDevices(withLive, loaded.devices), loaded.ownSourceId) : undefined}
      settings={loaded.settings}
      ownSourceId={loaded.ownSourceId}
      today={localDate(Date.now(), timeZone)}
      // Dates and figures in the language of the words around them (the browser's UI language).
      locale={browser.i18n.getUILanguage()}
      initialQuery={readReportQuery(location.search)}
      onQueryChange={(search) => history.replaceState(null, '', search)}
      onRenameSource={(id, name) => saveSourceName(loaded.settings, id, name)}
      onDownload={(name, text) => download(name, text, 'text/csv;charset=utf-8')}
    />
  );
}
