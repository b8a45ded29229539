import { i18n } from '#i18n';
import { detectChannel, channelLabel } from '@/utils/channels';

export function SidePanel({ host }: { host: string }) {
  const channel = detectChannel(`https://${host}/`);
  return (
    <aside class="panel" aria-label={i18n.t('panel.label')}>
      <p class="brand">{i18n.t('extName')}</p>
      <p class="channel">{channel ? channelLabel(channel) : i18n.t('panel.noChannel')}</p>
      <p class="host">{host}</p>
    </aside>
  );
}
