import { useId, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { DaySummary } from '@/utils/dashboard';
import type { ClientGroup } from '@/utils/report/build';
import { formatDuration, formatPercent } from '@/utils/format';
import { BudgetMeter } from './BudgetMeter';
import { ChannelList } from './ChannelList';
import { ClientList } from './ClientList';

type Grouping = 'client' | 'platform';

/** The two ways to list today's channels, offered once the user has clients. */
function GroupingSwitch({ value, onChange }: { value: Grouping; onChange(value: Grouping): void }) {
  return (
    <div class="cf-period" role="group" aria-label={i18n.t('dashboard.groupBy')}>
      {(['client', 'platform'] as const).map((choice) => (
        <button key={choice} type="button" aria-pressed={value === choice} onClick={() => onChange(choice)}>
          {i18n.t(choice === 'client' ? 'dashboard.byClient' : 'dashboard.byPlatform')}
        </button>
      ))}
    </div>
  );
}

/**
 * Today's figures and channels. With clients set up, the channels list per client first (an
 * agency's first question), with a switch back to platforms.
 */
export function TodaySection({ summary, clients, locale, hasSpecialization }: {
  summary: DaySummary;
  /** Today's time per client; null while the user has no clients. */
  clients: readonly ClientGroup[] | null;
  locale: string;
  hasSpecialization: boolean;
}) {
  const titleId = useId();
  const [grouping, setGrouping] = useState<Grouping>('client');
  const figures: [string, string][] = [
    [i18n.t('dashboard.total'), formatDuration(summary.totalMs, locale)],
    [i18n.t('dashboard.inFocus'), formatDuration(summary.inMs, locale)],
    [i18n.t('dashboard.outside'), formatDuration(summary.outMs, locale)],
    [i18n.t('dashboard.focusShare'),
      summary.focusShare === null ? i18n.t('dashboard.notMeasured') : formatPercent(summary.focusShare, locale)],
    [i18n.t('dashboard.afterHours'), formatDuration(summary.afterHoursMs, locale)],
  ];
  // Time counted while no specialization was active is neither in nor outside focus: show it when there is some.
  if (summary.noneMs > 0) figures.splice(3, 0, [i18n.t('dashboard.none'), formatDuration(summary.noneMs, locale)]);
  return (
    <section class="cf-today" aria-labelledby={titleId}>
      <h2 id={titleId}>{i18n.t('dashboard.today')}</h2>
      <dl class="cf-figures">
        {figures.map(([term, value]) => (
          <div key={term} class="cf-figure">
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {!hasSpecialization && <p class="cf-note">{i18n.t('dashboard.noSpecHint')}</p>}
      {summary.budget && <BudgetMeter status={summary.budget} label={i18n.t('dashboard.budgetWhole')} locale={locale} showLabel />}
      <h3>{i18n.t('dashboard.channelsToday')}</h3>
      {clients && summary.platforms.length > 0 && <GroupingSwitch value={grouping} onChange={setGrouping} />}
      {summary.platforms.length === 0
        ? <p class="cf-note">{i18n.t('dashboard.nothingToday')}</p>
        : clients && grouping === 'client'
          ? <ClientList clients={clients} locale={locale} />
          : <ChannelList platforms={summary.platforms} locale={locale} />}
    </section>
  );
}
