import { handle, lowerSegments, onSubdomain, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

const HOSTS = ['xing.com'] as const;
const APP_SUBDOMAINS = words('www');
const SLUG = /^[\p{L}\p{M}\p{N}_.-]{1,100}$/u;

function account(url: URL): AccountFromUrl {
  if (!onSubdomain(url, HOSTS, new Set(['', ...APP_SUBDOMAINS]))) return null;
  const [section, name] = lowerSegments(url);
  // `/companies/<slug>` is the old address of a company page; XING redirects it to `/pages/<slug>`.
  const kind = section === 'companies' ? 'pages' : section;
  if (kind !== 'pages' && kind !== 'profile') return null;
  // Anything after the slug (`/cv`, `/activities`, `/jobs`) is a tab of the same page.
  const slug = handle(name, SLUG);
  return slug === null ? null : `${kind}/${slug}`;
}

export const xing: PlatformDefinition = {
  id: 'xing',
  name: 'XING',
  hosts: HOSTS,
  excludedHosts: ['dev.xing.com'],
  account,
  accountFormats: ['pages/<slug>', 'profile/<slug>'],
};
