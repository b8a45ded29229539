import { FROM_PAGE, handle, lowerSegments, queryParam, subdomainUnder, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

const CHANNEL = /^[a-z0-9_]{1,25}$/;
// m. and go. (once the beta of today's site) serve the same paths as www.
const APP_HOSTS = new Set(['', 'www', 'm', 'go']);
// Language hosts (`zh-tw.twitch.tv`) are the main site in another language. Only the
// language-region form is taken: two-letter hosts include id. (login), which is no channel page.
const LANGUAGE_HOST = /^[a-z]{2}-[a-z]{2}$/;

/** Root paths that are Twitch features, never a channel. */
const RESERVED = words(`
  directory settings subscriptions inventory wallet drops search p login signup downloads jobs
  prime turbo store friends messages payments broadcast creatorcamp bits products team event events
  collections embed subs following redeem activate recaps privacy legal videos moderator popout
  u user
`);

function channel(name: string | undefined): string | null {
  return handle(name, CHANNEL, RESERVED);
}

function mainSite(url: URL): AccountFromUrl {
  const [first, second] = lowerSegments(url);
  switch (first) {
    case undefined:
      return null;
    case 'videos':
    case 'collections':
      return second === undefined ? null : FROM_PAGE;
    case 'moderator':
    case 'popout':
      // Mod view `/moderator/<channel>` and pop-out chat `/popout/<channel>/chat`.
      return channel(second);
  }
  // `/<channel>`, `/<channel>/videos`, `/<channel>/clip/<slug>`, `/<channel>/about`.
  return channel(first);
}

function account(url: URL): AccountFromUrl {
  const subdomain = subdomainUnder(url, ['twitch.tv']);
  const [first, second] = lowerSegments(url);
  switch (subdomain) {
    case null:
      return null;
    case 'dashboard':
      // Creator dashboard: `dashboard.twitch.tv/u/<channel>/stream-manager`.
      return first === 'u' ? channel(second) : null;
    case 'clips':
      return first === undefined ? null : FROM_PAGE;
    case 'player':
      return channel(queryParam(url, 'channel') ?? undefined) ?? (queryParam(url, 'video') ? FROM_PAGE : null);
  }
  return APP_HOSTS.has(subdomain) || LANGUAGE_HOST.test(subdomain) ? mainSite(url) : null;
}

export const twitch: PlatformDefinition = {
  id: 'twitch',
  name: 'Twitch',
  hosts: ['twitch.tv'],
  excludedHosts: ['dev.twitch.tv'],
  account,
  reservedPaths: [...RESERVED],
  accountFormats: ['<channel>'],
};
