import { i18n } from '#i18n';
import { platformName, type Channel } from '@/utils/channels';
import type { ChannelRow, PlatformRow } from '@/utils/dashboard';
import { PLATFORMS } from '@/utils/platforms';
import { badgeLook } from '@/components/panel/PlatformBadge';

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
  return PLATFORMS[channel.platform].accountLabel?.(channel.account) ?? channel.account;
}

/** A channel on its own, outside its group: `LinkedIn · company/acme`. */
export function channelRowLabel(row: ChannelRow): string {
  const channel = row.channel;
  if (channel === null || channel.platform === 'custom') return accountLabel(row);
  if (channel.account === null) return platformName(channel.platform);
  return `${platformName(channel.platform)} · ${accountLabel(row)}`;
}

/**
 * The platform's letter badge (the look is shared with the side panel: badgeLook). Decorative:
 * the name is always written next to it.
 */
export function PlatformBadge({ channel }: { channel: Channel | null }) {
  const look = channel ? badgeLook(channel, channel.platform === 'custom' ? '' : platformName(channel.platform)) : null;
  return (
    <svg class="cf-badge" width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <rect width="20" height="20" rx="5" fill={look?.fill ?? 'var(--cf-badge-neutral)'} />
      <text x="10" y="13.5" text-anchor="middle" font-size="9" font-weight="700" fill="#fff">{look?.letters ?? '?'}</text>
    </svg>
  );
}

/** The flag icon: a pennant, shown with text, never alone. */
export function FlagIcon() {
  return (
    <svg class="cf-flag-icon" width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M2 1v10.5M2 1.5h7.5L7.8 4.2l1.7 2.7H2" fill="currentColor" stroke="currentColor" stroke-width="1.2" stroke-linejoin="round" />
    </svg>
  );
}
