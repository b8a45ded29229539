import { FROM_PAGE, handle, lowerSegments, subdomainUnder, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

/** pinterest.com and its country sites; language hosts (`de.pinterest.com`) are subdomains. */
const SITES = [
  'pinterest.com', 'pinterest.de', 'pinterest.at', 'pinterest.ch', 'pinterest.co.uk',
  'pinterest.ie', 'pinterest.fr', 'pinterest.es', 'pinterest.pt', 'pinterest.it', 'pinterest.se',
  'pinterest.dk', 'pinterest.ru', 'pinterest.ca', 'pinterest.com.mx', 'pinterest.cl',
  'pinterest.com.au', 'pinterest.nz', 'pinterest.jp', 'pinterest.co.kr', 'pinterest.ph',
] as const;
const SHORT_LINKS = ['pin.it'] as const;
const USERNAME = /^[a-z0-9_]{3,30}$/;
// Country subdomains are two letters (`de.`, `br.`); analytics., ads., help. are tools.
const COUNTRY_SUBDOMAIN = /^[a-z]{2}$/;

const RESERVED = words(`
  search ideas today business settings notifications login signup logout explore categories topics
  homefeed news_hub pin-builder pin-creation-tool board source resource oauth password about edit me
  analytics ads shopping videos following feed discover messages inbox offsite secure join recipes
  trends creator-hub convert privacy terms help _ _tools
`);

function account(url: URL): AccountFromUrl {
  if (subdomainUnder(url, SHORT_LINKS) !== null) return lowerSegments(url).length > 0 ? FROM_PAGE : null;
  const subdomain = subdomainUnder(url, SITES);
  if (subdomain === null || (subdomain !== '' && subdomain !== 'www' && !COUNTRY_SUBDOMAIN.test(subdomain))) {
    return null;
  }
  const [first, second] = lowerSegments(url);
  if (first === 'pin') return second === undefined ? null : FROM_PAGE;
  // `/<user>/` and the user's boards `/<user>/<board>/`: a board is part of the profile a manager
  // runs, so it counts for the user.
  return handle(first, USERNAME, RESERVED);
}

export const pinterest: PlatformDefinition = {
  id: 'pinterest',
  name: 'Pinterest',
  hosts: [...SITES, ...SHORT_LINKS],
  excludedHosts: ['developers.pinterest.com'],
  account,
  accountFormats: ['<username>'],
};
