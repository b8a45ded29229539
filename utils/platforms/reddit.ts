import { FROM_PAGE, handle, lowerSegments, subdomainUnder, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

const SUBREDDIT = /^[a-z0-9_]{2,21}$/;
const USERNAME = /^[a-z0-9_-]{3,20}$/;
// The old and new designs, mobile hosts and the np./nm. link variants all serve the same paths.
const APP_HOSTS = words('www old new np nm m i sh amp');
// Language hosts (`de.reddit.com`) are the same site with another interface language.
const LANGUAGE_HOST = /^[a-z]{2}$/;
/** `r/all`, `r/popular` and friends are feeds across communities, not a community. */
const FEEDS = words('all popular friends mod random randnsfw home');

function subreddit(name: string | undefined): string | null {
  const sub = handle(name, SUBREDDIT, FEEDS);
  return sub === null ? null : `r/${sub}`;
}

function account(url: URL): AccountFromUrl {
  const segments = lowerSegments(url);
  const [first, second, third] = segments;
  // redd.it/<id> is a short link to a post; i.redd.it and v.redd.it serve media.
  if (subdomainUnder(url, ['redd.it']) === '') return first === undefined ? null : FROM_PAGE;
  const subdomain = subdomainUnder(url, ['reddit.com']);
  if (subdomain === null) return null;
  if (subdomain !== '' && !APP_HOSTS.has(subdomain) && !LANGUAGE_HOST.test(subdomain)) return null;
  switch (first) {
    case 'r':
      return subreddit(second);
    case 'u':
    case 'user': {
      if (second === 'me') return FROM_PAGE;
      const user = handle(second, USERNAME);
      return user === null ? null : `u/${user}`;
    }
    case 'mod':
      // Mod tools: `/mod/<subreddit>/queue`; `/mod/queue` covers all of the user's communities.
      return third === undefined ? null : subreddit(second);
    case 'comments':
      return second === undefined ? null : FROM_PAGE;
  }
  return null;
}

export const reddit: PlatformDefinition = {
  id: 'reddit',
  name: 'Reddit',
  hosts: ['reddit.com', 'redd.it'],
  excludedHosts: ['developers.reddit.com'],
  account,
  reservedPaths: [...[...FEEDS].map((feed) => `r/${feed}`), 'u/me'],
  accountFormats: ['r/<subreddit>', 'u/<username>'],
};
