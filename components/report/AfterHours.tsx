import { i18n } from '#i18n';
import { channelRowLabel } from '@/components/dashboard/labels';
import { formatPercent } from '@/utils/format';
import type { Report } from '@/utils/report/build';
import { duration, rangeText } from './format';
import { ClientSwatch, clientName } from './names';

/** Time outside working hours, per client and per channel. */
export function AfterHours({ report, locale }: { report: Report; locale: string }) {
  const period = rangeText(report.range, locale);
  const { clients, channels } = report.afterHours;
  return (
    <section class="cf-section" aria-labelledby="cf-after-title">
      <h2 id="cf-after-title">{i18n.t('report.afterHoursSection.title')}</h2>
      {channels.length === 0 ? <p class="cf-note">{i18n.t('report.afterHoursSection.nothing')}</p> : (
        <div class="cf-pair">
          <table class="cf-table">
            <caption>{i18n.t('report.afterHoursSection.perClient', [period])}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('report.clients.client')}</th>
                <th scope="col">{i18n.t('report.afterHours')}</th>
                <th scope="col">{i18n.t('report.afterHoursSection.shareOfClient')}</th>
              </tr>
            </thead>
            <tbody>
              {clients.map((row) => (
                <tr key={row.key}>
                  <th scope="row"><ClientSwatch client={row.client} />{clientName(row)}</th>
                  <td>{duration(row.afterHoursMs, locale)}</td>
                  <td>{formatPercent(row.totalMs > 0 ? row.afterHoursMs / row.totalMs : 0, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table class="cf-table">
            <caption>{i18n.t('report.afterHoursSection.perChannel', [period])}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('report.outsideFocus.channel')}</th>
                <th scope="col">{i18n.t('report.clients.client')}</th>
                <th scope="col">{i18n.t('report.afterHours')}</th>
              </tr>
            </thead>
            <tbody>
              {channels.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{channelRowLabel(row)}</th>
                  <td class="cf-text-cell">{clientName(row)}</td>
                  <td>{duration(row.afterHoursMs, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
