import { i18n } from '#i18n';
import type { ClientGroup, Report } from '@/utils/report/build';
import { BarLegend, ClientBars } from './ClientBars';
import { changeText, duration, rangeText } from './format';
import { ClientSwatch, clientName } from './names';

export interface ClientsProps {
  report: Report;
  locale: string;
  hasClients: boolean;
  onDownloadCsv(group: ClientGroup): void;
}

/** The table an agency bills by: per client, its time by focus status, and a CSV per client. */
export function Clients({ report, locale, hasClients, onDownloadCsv }: ClientsProps) {
  const period = rangeText(report.range, locale);
  return (
    <section class="cf-section" aria-labelledby="cf-clients-title">
      <h2 id="cf-clients-title">{i18n.t('report.clients.title')}</h2>
      {!hasClients && <p class="cf-note">{i18n.t('report.clients.noneSetUp')}</p>}
      <ClientBars clients={report.clients} label={i18n.t('report.clients.chart', [period])} />
      {report.clients.some((row) => row.totalMs > 0) && <BarLegend />}
      <table class="cf-table">
        <caption>{i18n.t('report.clients.caption', [period])}</caption>
        <thead>
          <tr>
            <th scope="col">{i18n.t('report.clients.client')}</th>
            <th scope="col">{i18n.t('report.total')}</th>
            <th scope="col">{i18n.t('report.inFocus')}</th>
            <th scope="col">{i18n.t('report.outside')}</th>
            <th scope="col">{i18n.t('report.none')}</th>
            <th scope="col">{i18n.t('report.afterHours')}</th>
            <th scope="col">{i18n.t('report.change')}</th>
            <th scope="col" class="cf-noprint">{i18n.t('report.clients.download')}</th>
          </tr>
        </thead>
        <tbody>
          {report.clients.map((row) => {
            const name = clientName(row);
            return (
              <tr key={row.key}>
                <th scope="row"><ClientSwatch client={row.client} />{name}</th>
                <td>{duration(row.totalMs, locale)}</td>
                <td>{duration(row.inMs, locale)}</td>
                <td>{duration(row.outMs, locale)}</td>
                <td>{duration(row.noneMs, locale)}</td>
                <td>{duration(row.afterHoursMs, locale)}</td>
                <td>{changeText(row.change, locale)}</td>
                <td class="cf-noprint">
                  <button type="button" aria-label={i18n.t('report.clients.csvFor', [name])} disabled={row.totalMs === 0} onClick={() => onDownloadCsv(row)}>
                    {i18n.t('report.clients.csv')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
