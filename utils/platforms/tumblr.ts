import { handle, lowerSegments, subdomainUnder, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

const BLOG = /^[a-z0-9-]{1,32}$/;
/** Subdomains of tumblr.com that are Tumblr's own services, not blogs. */
const SERVICE_SUBDOMAINS = words('www api assets help static media embed px secure cdn mail');

const RESERVED = words(`
  dashboard explore tagged search settings inbox likes following new login register logout help
  about policy privacy apps docs business communities activity messaging reblog edit customize
  mega-editor blaze changes jobs tips domains premium tumblrmart support lookup theme themes oauth
  embed timeline safe-mode terms blog
`);

function account(url: URL): AccountFromUrl {
  const subdomain = subdomainUnder(url, ['tumblr.com']);
  if (subdomain === null) return null;
  // Classic blog addresses: `<blog>.tumblr.com`.
  if (subdomain !== '' && subdomain !== 'www') return handle(subdomain, BLOG, SERVICE_SUBDOMAINS);
  const segments = lowerSegments(url);
  const [first, second, third] = segments;
  if (first === undefined) return null;
  // Dashboard tools that name the blog they work on.
  switch (first) {
    case 'dashboard':
      // The dashboard's view of one blog: `/dashboard/blog/<blog>` and `/dashboard/blog/<blog>/<post id>`.
      return second === 'blog' ? handle(third, BLOG) : null;
    case 'blog':
      // `/blog/<blog>/drafts`, and the older `/blog/view/<blog>`.
      return handle(second === 'view' ? third : second, BLOG);
    case 'customize':
      return handle(second, BLOG);
    case 'settings':
      return second === 'blog' ? handle(third, BLOG) : null;
    case 'mega-editor':
      // Mass post editor: `/mega-editor/published/<blog>`.
      return handle(third, BLOG);
  }
  // `tumblr.com/<blog>` and `tumblr.com/<blog>/<post id>`.
  return handle(first, BLOG, RESERVED);
}

export const tumblr: PlatformDefinition = {
  id: 'tumblr',
  name: 'Tumblr',
  hosts: ['tumblr.com'],
  account,
  reservedPaths: [...RESERVED],
  accountFormats: ['<blog>'],
};
