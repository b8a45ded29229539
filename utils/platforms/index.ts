import { bluesky } from './bluesky';
import { discord } from './discord';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { pinterest } from './pinterest';
import { reddit } from './reddit';
import { snapchat } from './snapchat';
import { telegram } from './telegram';
import { threads } from './threads';
import { tiktok } from './tiktok';
import { tumblr } from './tumblr';
import { twitch } from './twitch';
import { whatsapp } from './whatsapp';
import { x } from './x';
import { xing } from './xing';
import { youtube } from './youtube';
import { PLATFORM_IDS, type PlatformDefinition, type PlatformId } from './types';

/** The catalog: every built-in platform by id. Adding a platform means adding a file and a line here. */
export const PLATFORMS: Readonly<Record<PlatformId, PlatformDefinition>> = {
  linkedin, xing, facebook, instagram, threads, x, bluesky, mastodon, youtube,
  tiktok, pinterest, reddit, tumblr, twitch, snapchat, whatsapp, telegram, discord,
};

/** The catalog in `PLATFORM_IDS` order, for lists and tables. */
export const PLATFORM_LIST: readonly PlatformDefinition[] = PLATFORM_IDS.map((id) => PLATFORMS[id]);

export function isPlatformId(value: string): value is PlatformId {
  return (PLATFORM_IDS as readonly string[]).includes(value);
}
