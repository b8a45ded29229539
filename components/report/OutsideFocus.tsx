import { i18n } from '#i18n';
import { channelRowLabel } from '@/components/dashboard/labels';
import type { Report } from '@/utils/report/build';
import { duration, rangeText } from './format';
import { ClientSwatch, clientName } from './names';

/** The channels that pulled the user away: time counted outside the focus, most first. */
export function OutsideFocus({ report, locale }: { report: Report; locale: string }) {
  const max = report.outside[0]?.outMs ?? 0;
  return (
    <section class="cf-section" aria-labelledby="cf-outside-title">
      <h2 id="cf-outside-title">{i18n.t('report.outsideFocus.title')}</h2>
      {report.outside.length === 0 ? <p class="cf-note">{i18n.t('report.outsideFocus.nothing')}</p> : (
        <>
          <p class="cf-note">{i18n.t('report.outsideFocus.hint')}</p>
          <table class="cf-table">
            <caption>{i18n.t('report.outsideFocus.caption', [rangeText(report.range, locale)])}</caption>
            <thead>
              <tr>
                <th scope="col">{i18n.t('report.outsideFocus.channel')}</th>
                <th scope="col">{i18n.t('report.clients.client')}</th>
                <th scope="col">{i18n.t('report.outside')}</th>
              </tr>
            </thead>
            <tbody>
              {report.outside.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{channelRowLabel(row)}</th>
                  <td class="cf-text-cell"><ClientSwatch client={row.client} />{clientName(row)}</td>
                  <td>
                    {/* The bar repeats the figure beside it for the eye: hidden from screen readers. */}
                    <span class="cf-inline-bar" aria-hidden="true"><span class="cf-bar-out" style={{ width: `${max > 0 ? (row.outMs / max) * 100 : 0}%` }} /></span>
                    {duration(row.outMs, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
