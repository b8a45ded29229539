import { i18n } from '#i18n';
import { renderApp } from '@/components/render-app';
import { ReportApp } from '@/components/report/ReportApp';
import './report.css';

renderApp(
  <main>
    <ReportApp />
  </main>,
);
// The product's name and the page's, in the tab and on a printed page's header.
document.title = `${i18n.t('extName')} · ${i18n.t('report.title')}`;
