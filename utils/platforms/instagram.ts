import { FROM_PAGE, handle, lowerSegments, onSubdomain, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

const HOSTS = ['instagram.com'] as const;
const APP_SUBDOMAINS = words('www m');
const APP_HOSTS = new Set(['', ...APP_SUBDOMAINS]);
export const INSTAGRAM_USERNAME = /^[a-z0-9._]{1,30}$/;

/** Single posts, reels and highlights: the author is on the page, not in the URL. */
const CONTENT_SECTIONS = words('p reel reels tv s');

const RESERVED = words(`
  explore direct accounts about legal developer emails challenge session web graphql api static
  privacy terms ar lite topics your_activity create directory oauth press nametag qr invites ads
  business popular notifications settings login signup download meta_verified sitemap stories
`);

function account(url: URL): AccountFromUrl {
  if (!onSubdomain(url, HOSTS, APP_HOSTS)) return null;
  const segments = lowerSegments(url);
  const [first, second] = segments;
  if (first === undefined) return null;
  if (first === 'stories') {
    // `/stories/<user>/<id>` names the user; highlights do not.
    if (second === undefined) return null;
    return second === 'highlights' ? FROM_PAGE : handle(second, INSTAGRAM_USERNAME);
  }
  if (CONTENT_SECTIONS.has(first)) return second === undefined ? null : FROM_PAGE;
  // `/<user>/`, `/<user>/reels/`, and the newer `/<user>/p/<code>/` all name the user.
  return handle(first, INSTAGRAM_USERNAME, RESERVED);
}

export const instagram: PlatformDefinition = {
  id: 'instagram',
  name: 'Instagram',
  hosts: HOSTS,
  account,
  reservedPaths: [...RESERVED, ...CONTENT_SECTIONS],
  accountFormats: ['<username>'],
  pageAccount: 'posts, reels and highlights: their author',
  accountLabel: (username) => `@${username}`,
};
