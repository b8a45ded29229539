import { useMemo, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { seenAccounts } from '@/utils/options-data';
import type { Settings } from '@/utils/settings';
import { Channels } from './Channels';
import { Clients } from './Clients';
import { Data } from './Data';
import { Flags } from './Flags';
import { Setup } from './Setup';
import { Specializations } from './Specializations';
import { Sync } from './Sync';
import { Tracking } from './Tracking';
import { useOptionsStore } from './options-store';

const SECTIONS = [
  { id: 'specializations', key: 'options.nav.specializations' },
  { id: 'clients', key: 'options.clients.title' },
  { id: 'channels', key: 'options.nav.channels' },
  { id: 'tracking', key: 'options.nav.tracking' },
  { id: 'flags', key: 'options.nav.flags' },
  { id: 'sync', key: 'options.sync.title' },
  { id: 'data', key: 'options.nav.data' },
] as const;

/** The options page: guided setup on the first run, then the sections with a navigation beside them. */
export function OptionsPage() {
  const store = useOptionsStore();
  const [setupAgain, setSetupAgain] = useState(false);
  // The newest settings for handlers that finish after an await (the permission prompt).
  const latest = useRef<Settings | null>(null);
  const data = store.data;
  if (data) latest.current = data.settings;
  const accounts = useMemo(() => (data ? seenAccounts(data.history.visible) : {}), [data?.history]);

  const saveAndWait = (next: Settings) => {
    latest.current = next;
    return store.save(next);
  };
  const save = (next: Settings) => void saveAndWait(next);
  const current = () => latest.current ?? data!.settings;

  const header = (
    <header class="cf-header">
      <img src="/icon/48.png" alt="" width={40} height={40} />
      <div>
        <h1>{i18n.t('extName')}</h1>
        <p>{i18n.t('options.tagline')}</p>
      </div>
    </header>
  );

  if (!data) {
    return (
      <div class="cf-options">
        {header}
        <main class="cf-main"><p role="status">{i18n.t('options.loading')}</p></main>
      </div>
    );
  }

  const settings = data.settings;
  const banners = (
    <>
      {store.saveError && <p class="cf-banner cf-banner-error" role="alert">{i18n.t('options.saveFailed', [store.saveError])}</p>}
      {data.settingsProblem && <p class="cf-banner" role="status">{i18n.t('options.settingsUnreadable', [data.settingsProblem])}</p>}
    </>
  );
  const firstRun = !settings.setup.completed && !settings.setup.skipped;

  if (firstRun || setupAgain) {
    return (
      <div class="cf-options">
        {header}
        <main class="cf-main cf-main-setup">
          {banners}
          <Setup settings={settings} save={save} onFinished={() => setSetupAgain(false)} />
        </main>
      </div>
    );
  }

  return (
    <div class="cf-options">
      {header}
      <div class="cf-layout">
        <nav class="cf-nav" aria-label={i18n.t('options.nav.label')}>
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.id}><a href={`#${section.id}`}>{i18n.t(section.key)}</a></li>
            ))}
          </ul>
        </nav>
        <main class="cf-main">
          {banners}
          <Specializations settings={settings} save={save} seenAccounts={accounts} onStartSetup={() => setSetupAgain(true)} />
          <Clients settings={settings} save={save} current={current} seenAccounts={accounts} />
          <Channels settings={settings} save={save} current={current} />
          <Tracking settings={settings} save={save} />
          <Flags settings={settings} save={save} />
          <Sync data={data} current={current} save={saveAndWait} />
          <Data data={data} />
        </main>
      </div>
    </div>
  );
}
