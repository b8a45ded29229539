import { send } from '@/components/send';
import { i18n } from '#i18n';
import { PLATFORMS, isPlatformId } from '@/utils/platforms';
import type { Settings } from '@/utils/settings';

/** Placement key (`linkedin`, `custom:<host>`) as people read it. */
function placeName(key: string): string {
  if (isPlatformId(key)) return PLATFORMS[key].name;
  return key.startsWith('custom:') ? key.slice('custom:'.length) : key;
}

/** The way back after "hide on this platform": one button per platform the panel is hidden on. */
export function HiddenPanels({ settings }: { settings: Settings }) {
  const hidden = Object.entries(settings.panel.perPlatform).filter(([, placement]) => placement.hidden).map(([key]) => key);
  if (hidden.length === 0) return null;
  return (
    <section class="cf-hidden-panels" aria-labelledby="cf-hidden-panels-title">
      <h2 id="cf-hidden-panels-title">{i18n.t('popup.hiddenPanels')}</h2>
      <ul>
        {hidden.map((key) => (
          <li key={key}>
            <span>{placeName(key)}</span>{' '}
            <button type="button" onClick={() => void send({ type: 'panel-unhide', key })}>
              {i18n.t('popup.showPanelAgain', [placeName(key)])}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
