import { FROM_PAGE, handle, pathSegments, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

// Vanity slugs: letters in any script, digits, `-`, `_`, `.`, and the odd `&` of company slugs.
const SLUG = /^[\p{L}\p{M}\p{N}_.&'-]{1,100}$/u;
const GROUP_ID = /^\d{1,20}$/;
// Profile URLs from Sales Navigator and Recruiter carry an opaque member id, which is case-sensitive.
const MEMBER_ID = /^ACoA[A-Za-z0-9_-]{10,}$/;

/** Sections whose second segment names the account; the section stays part of the account. */
const ACCOUNT_SECTIONS = words('in company school showcase groups');
/** Sections that are content of some account the URL does not name: posts, articles, events. */
const CONTENT_SECTIONS = words('posts pulse events newsletters pub embed');
/** Second segments that are tools, not accounts (`/company/setup/new`, `/groups/new`). */
const NOT_ACCOUNTS = words('setup new create join');
/** LinkedIn Lite for slow phones puts this in front of the usual paths (`/mwlite/in/<slug>`). */
const LITE_PREFIX = 'mwlite';

function account(url: URL): AccountFromUrl {
  const all = pathSegments(url);
  const segments = all[0]?.toLowerCase() === LITE_PREFIX ? all.slice(1) : all;
  const section = segments[0]?.toLowerCase();
  const name = segments[1];
  if (section === undefined) return null;
  if (section === 'feed') return segments[1]?.toLowerCase() === 'update' ? FROM_PAGE : null;
  if (CONTENT_SECTIONS.has(section)) return name === undefined ? null : FROM_PAGE;
  if (!ACCOUNT_SECTIONS.has(section) || name === undefined) return null;
  if (section === 'in') {
    if (name.toLowerCase() === 'me') return FROM_PAGE;
    if (MEMBER_ID.test(name)) return `in/${name}`;
  }
  const slug = handle(name, section === 'groups' ? GROUP_ID : SLUG, NOT_ACCOUNTS);
  return slug === null ? null : `${section}/${slug}`;
}

export const linkedin: PlatformDefinition = {
  id: 'linkedin',
  name: 'LinkedIn',
  // Country hosts (`de.linkedin.com`) serve public profiles and are subdomains.
  hosts: ['linkedin.com'],
  excludedHosts: ['developer.linkedin.com'],
  account,
  reservedPaths: [
    LITE_PREFIX,
    'feed',
    ...CONTENT_SECTIONS,
    ...[...ACCOUNT_SECTIONS].flatMap((section) => [...NOT_ACCOUNTS].map((tool) => `${section}/${tool}`)),
    'in/me',
  ],
  accountFormats: [
    'company/<slug or id>',
    'in/<slug>',
    'school/<slug>',
    'showcase/<slug>',
    'groups/<id>',
  ],
  pageAccount: "posts and articles: their author; `company/<id>` (admin views) counts for the company's `company/<slug>`",
};
