import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { download } from '@/components/options/download';
import { send } from '@/components/send';
import { writeUnwrittenTime } from '@/components/write-unwritten';
import { reportSources } from '@/utils/report/build';
import { readReportQuery } from '@/utils/report/url';
import { LIMITS, renameSource, type Settings } from '@/utils/settings';
import { SETTINGS_KEY, SOURCE_ID_KEY, decodeSettings, decodeSourceId, readHistory, type StoredHistory } from '@/utils/storage';
import { localDate } from '@/utils/tracking/local-date';
import { withUnwritten, type TotalsByDate } from '@/utils/tracking/totals';
import { ReportPage } from './ReportPage';

/** How often the time not yet written is asked for while the page is open. */
const LIVE_REFRESH_MS = 15_000;

interface Loaded {
  history: StoredHistory;
  settings: Settings;
  ownSourceId: string | null;
}

function decode(all: Record<string, unknown>, ownSourceId: string | null): Loaded {
  return {
    history: readHistory(all), settings: decodeSettings(all[SETTINGS_KEY]).value,
    ownSourceId: decodeSourceId(all[SOURCE_ID_KEY]) ?? ownSourceId,
  };
}

async function saveSourceName(settings: Settings, sourceId: string, name: string): Promise<string | null> {
  const result = renameSource(settings, sourceId, name);
  if (!result.ok) {
    return result.code === 'name-too-long'
      ? i18n.t('report.sources.nameTooLong', [String(LIMITS.sourceNameMaxLength)])
      : i18n.t('report.sources.saveFailed', [result.code]);
  }
  try {
    const reply = await send({ type: 'settings-save', settings: result.settings });
    return reply.ok ? null : i18n.t('report.sources.saveFailed', [reply.error]);
  } catch (error) {
    return i18n.t('report.sources.saveFailed', [error instanceof Error ? error.message : String(error)]);
  }
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
    const refreshLive = () => send({ type: 'live' }).then((reply) => open && setUnwritten(reply.unwritten), () => {});
    void (async () => {
      await writeUnwrittenTime();
      // Asking creates the id on first use, so this browser's column can be named.
      ownSourceId = await send({ type: 'source-id' }).then((reply) => reply.sourceId, () => null);
      all = await browser.storage.local.get(null);
      ready = true;
      if (open) setLoaded(decode(all, ownSourceId));
      await refreshLive();
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
