import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { Dashboard, type DashboardLive, type PauseChoice } from '@/components/dashboard/Dashboard';
import { HiddenPanels } from '@/components/HiddenPanels';
import { MastodonOffer } from '@/components/MastodonOffer';
import { send } from '@/components/send';
import type { Settings } from '@/utils/settings';
import type { LiveReply } from '@/utils/messages';
import {
  DEVICES_KEY, IMPORTED_KEY, SETTINGS_KEY, SOURCE_ID_KEY, SYNC_STATE_KEY, decodeDevices, decodeSettings, decodeSourceId, decodeSyncState,
  readHistory, usageKey,
} from '@/utils/storage';
import { visibleUsage } from '@/utils/backup/history';
import { withDevices } from '@/utils/sync/view';
import type { DeviceView } from '@/components/dashboard/Header';
import { addDays } from '@/utils/dashboard';
import { localDate, startOfNextLocalDate } from '@/utils/time-zone';
import { withUnwritten, type TotalsByDate } from '@/utils/tracking/totals';

const LIVE_REFRESH_MS = 1000;

interface Loaded {
  /** This device: own time plus what was imported from the user's other browsers. */
  stored: TotalsByDate;
  /** The same with every synced device added; null when sync is off or no other device published. */
  allDevices: TotalsByDate | null;
  settings: Settings;
}

/** The popup shows at most the last 30 days: it reads only those, not the whole history. */
const POPUP_DAYS = 31;

/**
 * What the popup reads from storage; runs again whenever storage changes. The popup opens often
 * and must paint at once: rather than have the background write first (as the report does), it
 * adds the live unwritten time.
 */
async function loadStored(today: string): Promise<Loaded> {
  const keys = [
    SETTINGS_KEY, IMPORTED_KEY, SYNC_STATE_KEY, DEVICES_KEY, SOURCE_ID_KEY,
    ...Array.from({ length: POPUP_DAYS }, (_, i) => usageKey(addDays(today, -i))),
  ];
  const all = await browser.storage.local.get(keys);
  const history = readHistory(all);
  const ownId = decodeSourceId(all[SOURCE_ID_KEY]);
  const devices = Object.fromEntries(Object.entries(decodeSyncState(all[SYNC_STATE_KEY]).enabled ? decodeDevices(all[DEVICES_KEY]) : {})
    .filter(([id]) => id !== ownId));
  return {
    stored: history.visible,
    allDevices: Object.keys(devices).length > 0 ? visibleUsage(withDevices(history, devices)) : null,
    settings: decodeSettings(all[SETTINGS_KEY]).value,
  };
}

/**
 * The popup: stored history plus the time the background has not written yet, refreshed every
 * second while it is open. The full-page report is components/report/ReportApp.tsx.
 */
export function DashboardApp() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [live, setLive] = useState<LiveReply | null>(null);
  const [deviceView, setDeviceView] = useState<DeviceView>('all');
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  // A layout effect: the reads start as the popup mounts, not after its first (empty) frame.
  useLayoutEffect(() => {
    let open = true;
    const reload = () => loadStored(localDate(Date.now(), timeZone)).then((value) => open && setLoaded(value));
    const refreshLive = () => send({ type: 'live' }).then((reply) => open && setLive(reply), () => {});
    void reload();
    void refreshLive();
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'local') void reload();
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
  const now = Date.now();
  // All devices: every synced device's stored days; this device's time not yet written goes on top either way.
  const stored = loaded.allDevices && deviceView === 'all' ? loaded.allDevices : loaded.stored;
  const pausedUntil = loaded.settings.tracking.pausedUntil;
  const dashboardLive: DashboardLive = {
    counting: live?.snapshot.counting ?? false,
    paused: pausedUntil !== null && pausedUntil > now,
    reason: live?.snapshot.reason ?? undefined,
    channel: live?.snapshot.channel ?? null,
    pausedUntil,
  };
  return (
    <>
    {live && live.storage.failedWrites > 0 && (
      // Counted time waits in the background while storage refuses it: say so, and where to make room.
      <div class="cf-storage-full" role="alert">
        <p>{i18n.t('popup.storageFull')}</p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{i18n.t('popup.makeRoom')}</button>
      </div>
    )}
    <Dashboard
      days={live ? withUnwritten(stored, live.unwritten) : stored}
      deviceView={loaded.allDevices ? { view: deviceView, onChoose: setDeviceView } : undefined}
      today={localDate(now, timeZone)}
      settings={loaded.settings}
      live={dashboardLive}
      locale={navigator.language}
      timeZone={timeZone}
      onSwitchSpecialization={(id) => void send({ type: 'specialization-activate', id })}
      onPause={(choice: PauseChoice) =>
        void send({ type: 'tracking-pause', until: choice === 'tomorrow' ? startOfNextLocalDate(Date.now(), timeZone) : Date.now() + choice * 60_000 })}
      onResume={() => void send({ type: 'tracking-resume' })}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onOpenReport={() => void browser.tabs.create({ url: browser.runtime.getURL('/report.html') })}
      onOpenSetup={() => void browser.runtime.openOptionsPage()}
    />
    <HiddenPanels settings={loaded.settings} />
    <MastodonOffer settings={loaded.settings} />
    </>
  );
}
