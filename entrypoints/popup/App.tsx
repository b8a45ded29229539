import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { StatusReply } from '@/utils/messages';

export function App() {
  const [status, setStatus] = useState<StatusReply | null>(null);
  useEffect(() => {
    browser.runtime.sendMessage({ type: 'status' }).then((reply) => setStatus(reply as StatusReply));
  }, []);
  return (
    <main class="popup">
      <header class="popup-header">
        <img src="/icon/32.png" alt="" width={24} height={24} />
        <h1>{i18n.t('extName')}</h1>
      </header>
      <section class="empty" aria-labelledby="empty-title">
        <h2 id="empty-title">{i18n.t('popup.emptyTitle')}</h2>
        <p>{i18n.t('popup.emptyBody')}</p>
        <button type="button" onClick={() => browser.runtime.openOptionsPage()}>{i18n.t('popup.openSetup')}</button>
      </section>
      <footer class="popup-footer">{status ? i18n.t('popup.version', [status.version]) : ''}</footer>
    </main>
  );
}
