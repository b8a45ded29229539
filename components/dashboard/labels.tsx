import { i18n } from '#i18n';
import { channelLabel, channelNameParts, platformName, type Channel } from '@/utils/channels';
import type { ChannelRow, PlatformRow } from '@/utils/dashboard';

/** How a platform group reads: the platform's name, a custom host, or the raw key of an unknown one. */
export function groupLabel(row: PlatformRow): string {
  if (row.platform === null || row.channel === null) return i18n.t('dashboard.unknownChannel', [row.key]);
  if (row.platform === 'custom') return row.channel.account ?? row.key;
  return platformName(row.platform);
}

/** How an account reads inside its platform group (`@acme` on X, the account-less part in words). */
export function accountLabel(row: ChannelRow): string {
  const channel = row.channel;
  if (channel === null) return i18n.t('dashboard.unknownChannel', [row.key]);
  if (channel.platform === 'custom') return channel.account ?? row.key;
  if (channel.account === null) return i18n.t('dashboard.noAccount');
  return channelNameParts(channel).account ?? channel.account;
}

/** A channel on its own, outside its group: `LinkedIn · company/acme`. */
export function channelRowLabel(row: ChannelRow): string {
  const channel = row.channel;
  // An unknown key and a custom host read as in their group; a built-in channel as everywhere else.
  if (channel === null || channel.platform === 'custom') return accountLabel(row);
  return channelLabel(channel);
}

/** The name PlatformBadge draws its letters from: only a built-in platform has one. */
export function badgeName(channel: Channel | null): string {
  return channel === null || channel.platform === 'custom' ? '' : platformName(channel.platform);
}

/** The flag icon: a pennant, shown with text, never alone. */
export function FlagIcon() {
  return (
    <svg class="cf-flag-icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M2 1v10.5M2 1.5h7.5L7.8 4.2l1.7 2.7H2" fill="currentColor" stroke="currentColor" stroke-width="1.2" stroke-linejoin="round" />
    </svg>
  );
}
