import type { Channel } from '@/utils/channels';
import { PLATFORM_IDS } from '@/utils/platforms/types';

/**
 * An original letter badge per platform (no brand logos): the first two letters of its name on a
 * hue spread by the golden angle, so neighbouring platforms differ. It takes the name instead of
 * reading the catalog, so the page bundle stays small; the dashboard uses the same look.
 * Decorative: the name is written next to it.
 */
export function badgeLook(channel: Channel, name: string): { letters: string; fill: string | null } {
  if (channel.platform === 'custom') return { letters: (channel.account ?? '?').slice(0, 1).toUpperCase(), fill: null };
  const hue = Math.round((PLATFORM_IDS.indexOf(channel.platform) * 137.508) % 360);
  return { letters: name.charAt(0).toUpperCase() + name.slice(1, 2).toLowerCase(), fill: `hsl(${hue} 55% 36%)` };
}

export function PlatformBadge({ channel, name }: { channel: Channel; name: string }) {
  const look = badgeLook(channel, name);
  return (
    <svg class="badge" width="24" height="24" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <rect width="20" height="20" rx="5" fill={look.fill ?? 'var(--cf-badge-neutral)'} />
      <text x="10" y="13.5" text-anchor="middle" font-size="9" font-weight="700" fill="#fff">{look.letters}</text>
    </svg>
  );
}
