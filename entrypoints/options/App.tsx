import { i18n } from '#i18n';
import { PLATFORMS } from '@/utils/platforms';

export function App() {
  return (
    <div class="options">
      <header class="options-header">
        <img src="/icon/48.png" alt="" width={40} height={40} />
        <div>
          <h1>{i18n.t('extName')}</h1>
          <p>{i18n.t('options.tagline')}</p>
        </div>
      </header>
      <main>
        <section aria-labelledby="platforms-title">
          <h2 id="platforms-title">{i18n.t('options.platformsTitle')}</h2>
          <ul class="platform-list">
            {Object.values(PLATFORMS).map((p) => <li key={p.id}>{p.name}</li>)}
          </ul>
        </section>
      </main>
    </div>
  );
}
