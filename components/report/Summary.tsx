import { i18n } from '#i18n';
import type { Report } from '@/utils/report/build';
import { changeText, duration, rangeText, share } from './format';

/** The period in four figures, and what it is compared with. */
export function Summary({ report, locale }: { report: Report; locale: string }) {
  const previous = i18n.t('report.summary.previous', [rangeText(report.previousRange, locale), duration(report.previous.totalMs, locale)]);
  return (
    <section class="cf-section" aria-labelledby="cf-summary-title">
      <h2 id="cf-summary-title">{i18n.t('report.summary.title')}</h2>
      <dl class="cf-figures">
        <div class="cf-figure">
          <dt>{i18n.t('report.total')}</dt>
          <dd>{duration(report.total.totalMs, locale)}</dd>
        </div>
        <div class="cf-figure">
          <dt>{i18n.t('report.summary.focusShare')}</dt>
          <dd>{share(report.total, locale)}</dd>
        </div>
        <div class="cf-figure">
          <dt>{i18n.t('report.afterHours')}</dt>
          <dd>{duration(report.total.afterHoursMs, locale)}</dd>
        </div>
        <div class="cf-figure">
          <dt>{i18n.t('report.summary.changeVs')}</dt>
          <dd>{changeText(report.change, locale)}</dd>
        </div>
      </dl>
      <p class="cf-note">{previous}</p>
      {report.total.totalMs === 0 && <p class="cf-note">{i18n.t('report.nothing')}</p>}
    </section>
  );
}
