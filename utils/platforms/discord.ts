import { onSubdomain, pathSegments, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

const HOSTS = ['discord.com'] as const;
// ptb. and canary. are Discord's test builds of the same app.
const APP_HOSTS = new Set(['', ...words('www ptb canary')]);
const SNOWFLAKE = /^\d{15,22}$/;

function account(url: URL): AccountFromUrl {
  if (!onSubdomain(url, HOSTS, APP_HOSTS)) return null;
  const [section, server] = pathSegments(url);
  // `/channels/<server id>/<channel id>`: the server (guild) is the account; `/channels/@me` are
  // direct messages. Server names are not in the URL and can change; the id cannot.
  return section === 'channels' && server !== undefined && SNOWFLAKE.test(server) ? server : null;
}

export const discord: PlatformDefinition = {
  id: 'discord',
  name: 'Discord',
  // discord.gg (invites) and discordapp.com only redirect here; cdn.discordapp.com serves files.
  hosts: HOSTS,
  account,
  accountFormats: ['<server id>'],
};
