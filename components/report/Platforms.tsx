import { i18n } from '#i18n';
import { accountLabel, groupLabel } from '@/components/dashboard/labels';
import type { Report } from '@/utils/report/build';
import { duration, rangeText } from './format';

/** One table, a row group per platform: the platform's total, then its accounts when it has any. */
export function Platforms({ report, locale }: { report: Report; locale: string }) {
  if (report.platforms.length === 0) return null;
  return (
    <section class="cf-section" aria-labelledby="cf-platforms-title">
      <h2 id="cf-platforms-title">{i18n.t('report.platforms.title')}</h2>
      <table class="cf-table">
        <caption>{i18n.t('report.platforms.caption', [rangeText(report.range, locale)])}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('report.platforms.channel')}</th>
            <th scope="col">{i18n.t('report.total')}</th>
            <th scope="col">{i18n.t('report.inFocus')}</th>
            <th scope="col">{i18n.t('report.outside')}</th>
            <th scope="col">{i18n.t('report.none')}</th>
            <th scope="col">{i18n.t('report.afterHours')}</th>
          </tr>
        </thead>
        {report.platforms.map((platform) => {
          // A custom host, or a platform seen only without an account, is a single line.
          const accounts = platform.platform === 'custom' || platform.accounts.every((row) => row.channel?.account == null)
            ? [] : platform.accounts;
          return (
            <tbody key={platform.key}>
              <tr class="cf-group-row">
                <th scope={accounts.length > 0 ? 'rowgroup' : 'row'}>{groupLabel(platform)}</th>
                <td>{duration(platform.totalMs, locale)}</td>
                <td>{duration(platform.inMs, locale)}</td>
                <td>{duration(platform.outMs, locale)}</td>
                <td>{duration(platform.noneMs, locale)}</td>
                <td>{duration(platform.afterHoursMs, locale)}</td>
              </tr>
              {accounts.map((row) => (
                <tr key={row.key} class="cf-account-row">
                  <th scope="row">{accountLabel(row)}</th>
                  <td>{duration(row.totalMs, locale)}</td>
                  <td>{duration(row.inMs, locale)}</td>
                  <td>{duration(row.outMs, locale)}</td>
                  <td>{duration(row.noneMs, locale)}</td>
                  <td>{duration(row.afterHoursMs, locale)}</td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </section>
  );
}
