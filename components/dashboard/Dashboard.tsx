import { useId, useMemo, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { Channel } from '@/utils/channels';
import {
  addDays,
  hasTimeBetween,
  summarizeDay,
  summarizeRange,
  weekStart,
} from '@/utils/dashboard';
import { buildReport } from '@/utils/report/build';
import type { Settings } from '@/utils/settings';
import { activeSpecialization } from '@/utils/settings/queries';
import type { NotCountingReason } from '@/utils/tracking/tracker';
import type { TotalsByDate } from '@/utils/tracking/totals';
import { Header, type DeviceViewChoice } from './Header';
import { TodaySection } from './TodaySection';
import { TrendsSection, type TrendPeriod } from './TrendsSection';
import './dashboard.css';

/** What the background says about tracking right now. */
export interface DashboardLive {
  counting: boolean;
  paused: boolean;
  reason?: NotCountingReason;
  channel: Channel | null;
  pausedUntil: number | null;
}

export type PauseChoice = number | 'tomorrow';

export interface DashboardProps {
  /** Stored days with today's live totals merged in. */
  days: TotalsByDate;
  /** Today's local date, `YYYY-MM-DD`, in the user's time zone. */
  today: string;
  settings: Settings;
  live: DashboardLive;
  /** Locale for numbers and dates (e.g. `navigator.language`). */
  locale: string;
  /** The user's time zone, for times of day (a pause's end); the browser's own when left out. */
  timeZone?: string;
  /** With sync on and other devices there: whose time `days` holds, and how to choose. */
  deviceView?: DeviceViewChoice;
  onSwitchSpecialization(id: string | null): void;
  /** Minutes to pause, or until the start of tomorrow. */
  onPause(choice: PauseChoice): void;
  onResume(): void;
  onOpenOptions(): void;
  onOpenReport(): void;
  onOpenSetup(): void;
}

/** The longest look-back that decides whether a user is new: the popup's longest trend. */
const RECENT_DAYS = 30;

function EmptyState({ onOpenSetup }: { onOpenSetup(): void }) {
  const titleId = useId();
  return (
    <section class="cf-empty" aria-labelledby={titleId}>
      <h2 id={titleId}>{i18n.t('dashboard.emptyTitle')}</h2>
      <p>{i18n.t('dashboard.emptyBody')}</p>
      <button type="button" class="cf-primary" onClick={onOpenSetup}>{i18n.t('dashboard.setUp')}</button>
    </section>
  );
}

/**
 * The popup's dashboard: all data comes in as props, every action goes out as a callback. Only
 * today and the range on screen are aggregated, memoised on the days object, so a live update
 * re-aggregates at most the visible range. The host page provides the `<main>` landmark around it.
 */
export function Dashboard(props: DashboardProps) {
  const { days, today, settings, live, locale } = props;
  const timeZone = props.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [period, setPeriod] = useState<TrendPeriod>(7);
  const spec = activeSpecialization(settings);
  const firstWeekday = useMemo(() => weekStart(locale), [locale]);

  const todaySummary = useMemo(() => summarizeDay(days, today, spec), [days, today, spec]);
  // Today per client, grouped as the report groups (clients with time, then the rest).
  const todayClients = useMemo(() => (settings.clients.length === 0 ? null
    : buildReport({ sources: [{ id: '', days }], settings, range: { from: today, to: today }, ownSourceId: null })
      .clients.filter((group) => group.totalMs > 0)), [days, today, settings]);
  const range = useMemo(() => summarizeRange(days, today, period, spec), [days, today, spec, period]);
  const isNew = useMemo(
    () => todaySummary.totalMs === 0 && range.totalMs === 0 && !hasTimeBetween(days, addDays(today, -(RECENT_DAYS - 1)), today),
    [days, today, todaySummary, range],
  );

  return (
    <div class="cf-dashboard cf-popup">
      <Header
        settings={settings}
        live={live}
        locale={locale}
        timeZone={timeZone}
        today={today}
        offerSetup={!isNew}
        deviceView={props.deviceView}
        onSwitchSpecialization={props.onSwitchSpecialization}
        onPause={props.onPause}
        onResume={props.onResume}
        onOpenSetup={props.onOpenSetup}
      />
      {isNew ? <EmptyState onOpenSetup={props.onOpenSetup} /> : (
        <div class="cf-body">
          <TodaySection summary={todaySummary} clients={todayClients} locale={locale} hasSpecialization={spec !== null} />
          <TrendsSection
            range={range}
            period={period}
            onChoose={setPeriod}
            locale={locale}
            timeZone={timeZone}
            firstWeekday={firstWeekday}
          />
        </div>
      )}
      <footer class="cf-footer">
        <button type="button" class="cf-link" onClick={props.onOpenOptions}>{i18n.t('dashboard.openOptions')}</button>
        <button type="button" class="cf-link" onClick={props.onOpenReport}>{i18n.t('dashboard.openReport')}</button>
      </footer>
    </div>
  );
}
