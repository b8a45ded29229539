import { renderApp } from '@/components/render-app';
import { DashboardApp } from '@/components/DashboardApp';
import './dashboard.css';

renderApp(
  <main>
    <DashboardApp variant="page" />
  </main>,
);
