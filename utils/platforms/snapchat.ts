import { FROM_PAGE, handle, lowerSegments, onSubdomain, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

const HOSTS = ['snapchat.com'] as const;
const APP_HOSTS = new Set(['', 'www']);
const USERNAME = /^[a-z0-9._-]{2,15}$/;
/** Spotlight videos, public profiles by id and short links: the page shows whose they are. */
const CONTENT_SECTIONS = words('t spotlight p discover');

function account(url: URL): AccountFromUrl {
  if (!onSubdomain(url, HOSTS, APP_HOSTS)) return null;
  const [first, second] = lowerSegments(url);
  if (first === undefined) return null;
  // `/add/<user>` is the classic profile link, `/@<user>` the newer one.
  if (first === 'add') return handle(second, USERNAME);
  if (first.startsWith('@')) return handle(first.slice(1), USERNAME);
  return CONTENT_SECTIONS.has(first) && second !== undefined ? FROM_PAGE : null;
}

export const snapchat: PlatformDefinition = {
  id: 'snapchat',
  name: 'Snapchat',
  hosts: HOSTS,
  account,
  reservedPaths: [...CONTENT_SECTIONS],
  accountFormats: ['<username>'],
  accountLabel: (name) => `@${name}`,
};
