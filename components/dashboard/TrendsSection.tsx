import { useId } from 'preact/hooks';
import { i18n } from '#i18n';
import type { RangeSummary } from '@/utils/dashboard';
import { formatDuration } from '@/utils/format';
import { PlatformBadge } from '@/components/panel/PlatformBadge';
import { badgeName, channelRowLabel } from './labels';
import { TrendChart } from './TrendChart';

/** The trend's period: the last 7 or 30 days. */
export type TrendPeriod = 7 | 30;

export interface TrendsSectionProps {
  range: RangeSummary;
  period: TrendPeriod;
  onChoose(period: TrendPeriod): void;
  locale: string;
  timeZone: string;
  firstWeekday: number;
}

function TopOutside({ range, locale }: { range: RangeSummary; locale: string }) {
  const most = range.topOutside[0]?.outMs ?? 0;
  return (
    <>
      <h3>{i18n.t('dashboard.topOutside')}</h3>
      {range.topOutside.length === 0 ? <p class="cf-note">{i18n.t('dashboard.noOutside')}</p> : (
        <ol class="cf-top">
          {range.topOutside.map((row) => (
            <li key={row.key}>
              <div class="cf-row">
                <PlatformBadge channel={row.channel} name={badgeName(row.channel)} size={20} />
                <span class="cf-name">{channelRowLabel(row)}</span>
                <span class="cf-time">{formatDuration(row.outMs, locale)}</span>
              </div>
              <div class="cf-top-bar" aria-hidden="true"><span style={{ width: `${most > 0 ? (row.outMs / most) * 100 : 0}%` }} /></div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function TrendsSection(props: TrendsSectionProps) {
  const { range, period, locale, timeZone } = props;
  const titleId = useId();
  return (
    <section class="cf-trends" aria-labelledby={titleId}>
      <h2 id={titleId}>{i18n.t('dashboard.trends')}</h2>
      <div class="cf-period" role="group" aria-label={i18n.t('dashboard.period')}>
        {([7, 30] as const).map((days) => (
          <button
            key={days}
            type="button"
            aria-pressed={period === days}
            onClick={() => props.onChoose(days)}
          >
            {i18n.t(days === 7 ? 'dashboard.days7' : 'dashboard.days30')}
          </button>
        ))}
      </div>
      <TrendChart range={range} locale={locale} timeZone={timeZone} firstWeekday={props.firstWeekday} />
      <TopOutside range={range} locale={locale} />
    </section>
  );
}
