import { useId } from 'preact/hooks';
import { i18n } from '#i18n';
import type { DaySummary } from '@/utils/dashboard';
import { formatDuration, formatPercent } from '@/utils/format';
import { BudgetMeter } from './BudgetMeter';
import { ChannelList } from './ChannelList';

export function TodaySection({ summary, locale, hasSpecialization }: {
  summary: DaySummary; locale: string; hasSpecialization: boolean;
}) {
  const titleId = useId();
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
      {summary.platforms.length > 0
        ? <ChannelList platforms={summary.platforms} locale={locale} />
        : <p class="cf-note">{i18n.t('dashboard.nothingToday')}</p>}
    </section>
  );
}
