import { FROM_PAGE, handle, lowerSegments, subdomainUnder, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

const SUBREDDIT = /^[a-z0-9_]{2,21}$/;
const USERNAME = /^[a-z0-9_-]{3,20}$/;
const APP_HOSTS = words('www old new np m i sh amp');
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
  if (subdomain === null || (subdomain !== '' && !APP_HOSTS.has(subdomain))) return null;
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
  accountFormats: ['r/<subreddit>', 'u/<username>'],
};
