import { renderApp } from '@/components/render-app';
import { i18n } from '#i18n';
import { DashboardApp } from '@/components/DashboardApp';
import './dashboard.css';

renderApp(
  <main class="report">
    <header class="report-header">
      <img src="/icon/48.png" alt="" width={32} height={32} />
      <h1>{i18n.t('extName')}</h1>
    </header>
    <DashboardApp variant="page" />
  </main>,
);
