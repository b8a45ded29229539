import type { PlatformId } from './platforms/types';

/** A platform, or a platform plus an account inside it. Time is counted per channel. */
export interface Channel {
  platform: PlatformId;
  account: string | null;
}

/** Stable string form of a channel, used as a storage key: `linkedin` or `linkedin:company/acme`. */
export function channelKey(channel: Channel): string {
  return channel.account ? `${channel.platform}:${channel.account}` : channel.platform;
}
