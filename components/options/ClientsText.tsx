import { i18n } from '#i18n';
import { channelLabel, platformName, type Channel } from '@/utils/channels';
import { findClient } from '@/utils/clients/membership';
import { LIMITS, type Client, type EditError, type Settings } from '@/utils/settings';
import { validationText } from './fields';

/** A client's entries as single channels: a whole platform, or each listed account. */
export function channelsOf(client: Client): Channel[] {
  return client.channels.flatMap((entry): Channel[] => (entry.accounts === null
    ? [{ platform: entry.platform, account: null }]
    : entry.accounts.map((account) => ({ platform: entry.platform, account }))));
}

/** How a client's channel reads: `LinkedIn · company/acme`, or `LinkedIn (whole platform)`. */
export function clientChannelLabel(channel: Channel): string {
  return channel.account === null && channel.platform !== 'custom'
    ? i18n.t('options.clients.wholePlatform', [platformName(channel.platform)])
    : channelLabel(channel);
}

/** The other client an `account-has-client` / `platform-has-client` refusal names, if any. */
function otherClientName(settings: Settings, error: EditError): string {
  // assignToClient and moveToClient name the client in the way (ClientConflict).
  const id = (error as EditError & { otherClientId?: string }).otherClientId ?? null;
  return findClient(settings, id)?.name ?? '?';
}

/** The sentence for a refused client edit, in the words of this section. */
export function clientErrorText(settings: Settings, error: EditError): string {
  switch (error.code) {
    case 'name-empty': return i18n.t('options.clients.error.nameEmpty');
    case 'name-taken':
    case 'name-duplicate': return i18n.t('options.clients.error.nameTaken');
    case 'name-too-long': return i18n.t('options.clients.error.nameTooLong', [String(LIMITS.nameMaxLength)]);
    case 'account-has-client': return i18n.t('options.clients.error.accountHasClient', [otherClientName(settings, error)]);
    case 'platform-has-client': return i18n.t('options.clients.error.platformHasClient', [otherClientName(settings, error)]);
    default: return validationText(error.code);
  }
}
