import type { Channel } from '@/utils/channels';
import { PLATFORM_IDS } from '@/utils/platforms/types';

/**
 * An original letter badge per platform (no brand logos): the first two letters of its name on a
 * hue spread by the golden angle, so neighbouring platforms differ. A custom host gets its first
 * letter on the neutral colour, an unknown channel (null) a question mark.
 */
function badgeLook(channel: Channel | null, name: string): { letters: string; fill: string } {
  if (channel === null) return { letters: '?', fill: 'var(--cf-badge-neutral)' };
  if (channel.platform === 'custom') {
    return { letters: (channel.account ?? '?').slice(0, 1).toUpperCase(), fill: 'var(--cf-badge-neutral)' };
  }
  const hue = Math.round((PLATFORM_IDS.indexOf(channel.platform) * 137.508) % 360);
  return { letters: name.charAt(0).toUpperCase() + name.slice(1, 2).toLowerCase(), fill: `hsl(${hue} 55% 36%)` };
}

interface PlatformBadgeProps {
  /** Null for a stored key no channel can be read from. */
  channel: Channel | null;
  /**
   * The platform's display name (custom and unknown channels ignore it). A prop rather than a
   * catalog look-up: this file is in the side panel's bundle, which carries no catalog.
   */
  name: string;
  /** Width and height in px: the drawing scales to it. */
  size: number;
}

/** The one letter badge of the side panel and the dashboard. Decorative: the name is written next to it. */
export function PlatformBadge({ channel, name, size }: PlatformBadgeProps) {
  const look = badgeLook(channel, name);
  return (
    <svg class="cf-badge" width={size} height={size} viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <rect width="20" height="20" rx="5" fill={look.fill} />
      <text x="10" y="13.5" text-anchor="middle" font-size="9" font-weight="700" fill="#fff">{look.letters}</text>
    </svg>
  );
}
