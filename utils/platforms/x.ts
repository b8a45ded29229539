import { FROM_PAGE, handle, lowerSegments, onSubdomain, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

const HOSTS = ['x.com', 'twitter.com'] as const;
// X Pro (pro.x.com), TweetDeck, ads and analytics are X's tools with no account in the URL.
const APP_HOSTS = new Set(['', 'www', 'mobile', 'm']);
const HANDLE = /^[a-z0-9_]{1,20}$/;

/** Paths X reserves; no handle can be one of them. */
const RESERVED = words(`
  home explore search notifications messages settings i compose hashtag login logout signup tos
  privacy intent share account jobs about download rules help oauth personalization lists
  bookmarks topics communities premium verified en who_to_follow twitter_blue following followers
  safety ads business
`);

function account(url: URL): AccountFromUrl {
  if (!onSubdomain(url, HOSTS, APP_HOSTS)) return null;
  const [first, second, third] = lowerSegments(url);
  // `/i/web/status/<id>` and `/i/status/<id>`: a post whose author only the page shows.
  if (first === 'i') return second === 'status' || third === 'status' ? FROM_PAGE : null;
  // `/<handle>`, `/<handle>/status/<id>`, `/<handle>/media` ... all name the handle. X also
  // opens `/@<handle>` as the profile, so the `@` is dropped: both forms are one channel.
  const name = first?.startsWith('@') ? first.slice(1) : first;
  return handle(name, HANDLE, RESERVED);
}

export const x: PlatformDefinition = {
  id: 'x',
  name: 'X',
  hosts: HOSTS,
  excludedHosts: ['developer.x.com', 'developer.twitter.com'],
  account,
  reservedPaths: [...RESERVED],
  accountFormats: ['<handle>'],
  pageAccount: '`/i/status/<id>` posts: their author',
  accountLabel: (name) => `@${name}`,
};
