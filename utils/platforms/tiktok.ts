import { FROM_PAGE, handle, lowerSegments, subdomainUnder, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

const USERNAME = /^[a-z0-9._]{1,24}$/;
const APP_HOSTS = new Set(['', 'www', 'm']);
/** Short-link hosts (`vm.tiktok.com/<code>`) that redirect to a video. */
const SHORT_LINK_HOSTS = words('vm vt');
/** Video links without the author (`/t/<code>`, `/v/<id>.html`, embeds). */
const CONTENT_SECTIONS = words('t v video embed');

function account(url: URL): AccountFromUrl {
  const subdomain = subdomainUnder(url, ['tiktok.com']);
  const segments = lowerSegments(url);
  const [first, second] = segments;
  if (subdomain !== null && SHORT_LINK_HOSTS.has(subdomain)) return first === undefined ? null : FROM_PAGE;
  if (subdomain === null || !APP_HOSTS.has(subdomain) || first === undefined) return null;
  // `/@user`, `/@user/video/<id>`, `/@user/live`. TikTok Studio (`/tiktokstudio`) names no account.
  if (first.startsWith('@')) {
    const user = handle(first.slice(1), USERNAME);
    return user === null ? null : `@${user}`;
  }
  return CONTENT_SECTIONS.has(first) && second !== undefined ? FROM_PAGE : null;
}

export const tiktok: PlatformDefinition = {
  id: 'tiktok',
  name: 'TikTok',
  hosts: ['tiktok.com'],
  excludedHosts: ['developers.tiktok.com'],
  account,
  reservedPaths: [...CONTENT_SECTIONS],
  accountFormats: ['@<username>'],
};
