import { FROM_PAGE, handle, lowerSegments, subdomainUnder, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

/**
 * pinterest.com and the country domains listed on Pinterest's TLS certificate; many of them
 * redirect to a language host. Language hosts (`de.pinterest.com`, `br.pinterest.com`) are
 * subdomains. Look-alike names not on the certificate (`pinterest.com.br`, `pinterest.pl`) are left
 * out: they may belong to someone else, and every host here is a host permission.
 */
const SITES = [
  'pinterest.com',
  // Europe
  'pinterest.de', 'pinterest.at', 'pinterest.co.at', 'pinterest.ch', 'pinterest.co.uk',
  'pinterest.uk', 'pinterest.ie', 'pinterest.fr', 'pinterest.be', 'pinterest.nl', 'pinterest.es',
  'pinterest.pt', 'pinterest.it', 'pinterest.se', 'pinterest.dk', 'pinterest.hu', 'pinterest.ru',
  // Americas
  'pinterest.ca', 'pinterest.com.mx', 'pinterest.mx', 'pinterest.cl', 'pinterest.co',
  'pinterest.pe', 'pinterest.com.pe', 'pinterest.ec', 'pinterest.com.ec', 'pinterest.com.bo',
  'pinterest.com.py', 'pinterest.com.uy',
  // Asia and Oceania
  'pinterest.com.au', 'pinterest.nz', 'pinterest.co.nz', 'pinterest.jp', 'pinterest.co.kr',
  'pinterest.kr', 'pinterest.ph', 'pinterest.in', 'pinterest.co.in', 'pinterest.id', 'pinterest.th',
  'pinterest.tw', 'pinterest.vn', 'pinterest.com.vn',
] as const;
const SHORT_LINKS = ['pin.it'] as const;
const USERNAME = /^[a-z0-9_]{3,30}$/;
// Country subdomains are two letters (`de.`, `br.`); analytics., ads., help. are tools.
const COUNTRY_SUBDOMAIN = /^[a-z]{2}$/;

const RESERVED = words(`
  search ideas today business settings notifications login signup logout explore categories topics
  homefeed news_hub pin-builder pin-creation-tool board source resource oauth password about edit me
  analytics ads shopping videos following feed discover messages inbox offsite secure join recipes
  trends creator-hub convert privacy terms help _ _tools pin
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
  reservedPaths: [...RESERVED],
  accountFormats: ['<username>'],
};
