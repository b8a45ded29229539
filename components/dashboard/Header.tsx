import { useId } from 'preact/hooks';
import { i18n } from '#i18n';
import { channelLabel } from '@/utils/channels';
import { formatAxisDuration, formatDate, formatTime } from '@/utils/format';
import { localDate } from '@/utils/time-zone';
import type { Settings } from '@/utils/settings';
import type { DashboardLive, PauseChoice } from './Dashboard';

const PAUSE_MINUTES = [15, 60] as const;

function sameDate(at: number, timeZone: string, today: string): boolean {
  try {
    return localDate(at, timeZone) === today;
  } catch {
    // An unknown zone: name the day rather than break the header.
    return false;
  }
}

function stateText(live: DashboardLive, locale: string, timeZone: string, today: string): string {
  if (live.paused) {
    if (live.pausedUntil === null) return i18n.t('dashboard.state.paused');
    const time = formatTime(live.pausedUntil, locale, timeZone);
    // A pause into another day names the day too.
    const until = sameDate(live.pausedUntil, timeZone, today)
      ? time
      : `${formatDate(live.pausedUntil, locale, timeZone, 'medium')} ${time}`;
    return i18n.t('dashboard.state.pausedUntil', [until]);
  }
  if (live.counting && live.channel) return i18n.t('dashboard.state.counting', [channelLabel(live.channel)]);
  switch (live.reason) {
    case 'idle': return i18n.t('dashboard.state.idle');
    case 'hidden': return i18n.t('dashboard.state.hidden');
    case 'unfocused': return i18n.t('dashboard.state.unfocused');
    case 'paused': return i18n.t('dashboard.state.paused');
    case 'untracked': return i18n.t('dashboard.state.untracked');
    default: return i18n.t('dashboard.state.noChannel');
  }
}

/** Whose time the popup shows: this device's (with its imports), or every synced device's too. */
export type DeviceView = 'this' | 'all';

export interface DeviceViewChoice {
  view: DeviceView;
  onChoose(view: DeviceView): void;
}

/** "Show: This device | All devices", two toggle buttons. */
function DeviceSwitch({ view, onChoose }: DeviceViewChoice) {
  const labelId = useId();
  return (
    <div class="cf-devices" role="group" aria-labelledby={labelId}>
      <span id={labelId}>{i18n.t('dashboard.devices.label')}</span>
      <button type="button" aria-pressed={view === 'this' ? 'true' : 'false'} onClick={() => onChoose('this')}>
        {i18n.t('dashboard.devices.this')}
      </button>
      <button type="button" aria-pressed={view === 'all' ? 'true' : 'false'} onClick={() => onChoose('all')}>
        {i18n.t('dashboard.devices.all')}
      </button>
    </div>
  );
}

export interface HeaderProps {
  settings: Settings;
  live: DashboardLive;
  locale: string;
  timeZone: string;
  today: string;
  /** Show the setup button when there is no specialization (the empty state has its own). */
  offerSetup: boolean;
  /** Shown only with sync on and other devices there. */
  deviceView?: DeviceViewChoice;
  onSwitchSpecialization(id: string | null): void;
  onPause(choice: PauseChoice): void;
  onResume(): void;
  onOpenSetup(): void;
}

/** The active specialization (switchable), whether time is counting, and pause / resume. */
export function Header(props: HeaderProps) {
  const { settings, live, locale, timeZone, today } = props;
  const selectId = useId();
  const state = live.paused ? 'paused' : live.counting ? 'counting' : 'idle';
  return (
    <header class="cf-header">
      <h1 class="cf-title">{i18n.t('extName')}</h1>
      {settings.specializations.length > 0 ? (
        <div class="cf-spec">
          <label for={selectId}>{i18n.t('dashboard.specialization')}</label>
          <select
            id={selectId}
            value={settings.activeSpecializationId ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              props.onSwitchSpecialization(value === '' ? null : value);
            }}
          >
            <option value="">{i18n.t('dashboard.noSpecialization')}</option>
            {settings.specializations.map((spec) => <option key={spec.id} value={spec.id}>{spec.name}</option>)}
          </select>
        </div>
      ) : props.offerSetup && (
        <button type="button" class="cf-primary" onClick={props.onOpenSetup}>{i18n.t('dashboard.setUp')}</button>
      )}
      {props.deviceView && <DeviceSwitch {...props.deviceView} />}
      <div class="cf-tracking">
        <p class={`cf-state cf-state-${state}`} role="status">
          <span class="cf-dot" aria-hidden="true" />
          {stateText(live, locale, timeZone, today)}
        </p>
        {live.paused ? (
          <button type="button" onClick={props.onResume}>{i18n.t('dashboard.resume')}</button>
        ) : (
          <div class="cf-pause" role="group" aria-label={i18n.t('dashboard.pauseGroup')}>
            {PAUSE_MINUTES.map((minutes) => (
              <button key={minutes} type="button" onClick={() => props.onPause(minutes)}>
                {i18n.t('dashboard.pauseFor', [formatAxisDuration(minutes * 60_000, locale)])}
              </button>
            ))}
            <button type="button" aria-label={i18n.t('dashboard.pauseTomorrowLabel')} onClick={() => props.onPause('tomorrow')}>
              {i18n.t('dashboard.pauseTomorrow')}
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
