import { i18n } from '#i18n';
import { DashboardApp } from '@/components/DashboardApp';

export function App() {
  return (
    <main class="popup">
      <header class="popup-header">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <h1>{i18n.t('extName')}</h1>
      </header>
      <DashboardApp variant="popup" />
    </main>
  );
}
