import { useId } from 'preact/hooks';
import { i18n } from '#i18n';
import type { PlatformRow, RangeSummary } from '@/utils/dashboard';
import { formatDuration } from '@/utils/format';
import { PlatformBadge, accountLabel, channelRowLabel, groupLabel } from './labels';
import { TrendChart } from './TrendChart';

export type TrendPeriod = 7 | 30;

/** The trend's period: the last 7 or 30 days, or (full-page report) a chosen range. */
export type TrendChoice = { kind: 'days'; days: TrendPeriod } | { kind: 'range'; from: string; to: string };

export interface TrendsSectionProps {
  range: RangeSummary;
  choice: TrendChoice;
  onChoose(choice: TrendChoice): void;
  locale: string;
  timeZone: string;
  variant: 'popup' | 'page';
  today: string;
  /** The first day of this week, for the page's "this week" choice. */
  weekFrom: string;
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
                <PlatformBadge channel={row.channel} />
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

/** Per-account tables over the chosen range (full-page report). */
function AccountTables({ platforms, locale }: { platforms: readonly PlatformRow[]; locale: string }) {
  return (
    <>
      <h3>{i18n.t('dashboard.accountsTitle')}</h3>
      {platforms.map((platform) => (
        <table key={platform.key} class="cf-accounts-table">
          <caption><PlatformBadge channel={platform.channel} /> {groupLabel(platform)}: {formatDuration(platform.totalMs, locale)}</caption>
          <thead>
            <tr>
              <th scope="col">{i18n.t('dashboard.account')}</th>
              <th scope="col">{i18n.t('dashboard.total')}</th>
              <th scope="col">{i18n.t('dashboard.inFocus')}</th>
              <th scope="col">{i18n.t('dashboard.outside')}</th>
              <th scope="col">{i18n.t('dashboard.none')}</th>
              <th scope="col">{i18n.t('dashboard.afterHours')}</th>
            </tr>
          </thead>
          <tbody>
            {platform.accounts.map((row) => (
              <tr key={row.key}>
                <th scope="row">{accountLabel(row)}</th>
                <td>{formatDuration(row.totalMs, locale)}</td>
                <td>{formatDuration(row.inMs, locale)}</td>
                <td>{formatDuration(row.outMs, locale)}</td>
                <td>{formatDuration(row.noneMs, locale)}</td>
                <td>{formatDuration(row.afterHoursMs, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

function RangePicker({ choice, range, today, weekFrom, onChoose }: {
  choice: TrendChoice; range: RangeSummary; today: string; weekFrom: string; onChoose(choice: TrendChoice): void;
}) {
  const fromId = useId();
  const toId = useId();
  const pick = (from: string, to: string) => {
    // An emptied or half-typed date field keeps the current range.
    if (/^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to)) onChoose({ kind: 'range', from, to });
  };
  const isWeek = choice.kind === 'range' && choice.from === weekFrom && choice.to === today;
  return (
    <div class="cf-range">
      <label for={fromId}>{i18n.t('dashboard.from')}</label>
      <input id={fromId} type="date" value={range.from} max={today} onChange={(event) => pick(event.currentTarget.value, range.to)} />
      <label for={toId}>{i18n.t('dashboard.to')}</label>
      <input id={toId} type="date" value={range.to} max={today} onChange={(event) => pick(range.from, event.currentTarget.value)} />
      <button type="button" aria-pressed={isWeek} onClick={() => onChoose({ kind: 'range', from: weekFrom, to: today })}>
        {i18n.t('dashboard.thisWeek')}
      </button>
    </div>
  );
}

export function TrendsSection(props: TrendsSectionProps) {
  const { range, choice, locale, timeZone, variant } = props;
  const titleId = useId();
  return (
    <section class="cf-trends" aria-labelledby={titleId}>
      <h2 id={titleId}>{i18n.t('dashboard.trends')}</h2>
      <div class="cf-period" role="group" aria-label={i18n.t('dashboard.period')}>
        {([7, 30] as const).map((days) => (
          <button
            key={days}
            type="button"
            aria-pressed={choice.kind === 'days' && choice.days === days}
            onClick={() => props.onChoose({ kind: 'days', days })}
          >
            {i18n.t(days === 7 ? 'dashboard.days7' : 'dashboard.days30')}
          </button>
        ))}
      </div>
      {variant === 'page' && (
        <RangePicker choice={choice} range={range} today={props.today} weekFrom={props.weekFrom} onChoose={props.onChoose} />
      )}
      <TrendChart range={range} locale={locale} timeZone={timeZone} variant={variant} firstWeekday={props.firstWeekday} />
      <TopOutside range={range} locale={locale} />
      {variant === 'page' && range.platforms.length > 0 && <AccountTables platforms={range.platforms} locale={locale} />}
    </section>
  );
}
