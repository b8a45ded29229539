import type { PlatformId } from '../platforms/types';
import type { ClueSource } from './clue';
import {
  instagramContentKey, mastodonContentKey, threadsContentKey, xContentKey, youtubeContentKey, type ContentKey,
} from './content-key';
import { isMastodonPage } from './mastodon-page';

/**
 * Per platform: where its pages name their account, as data. The content script reads this
 * table, not the platform catalog, so it carries no URL parsers; the background checks every
 * clue with the catalog (`validate.ts`). The hosts repeat the catalog's (a test keeps them in it).
 */
export interface PageSite {
  platform: PlatformId;
  /** Hosts the site is on, matched exactly or as a proper subdomain. */
  hosts: readonly string[];
  /** For platforms on any host (Mastodon): the page's markup says it is one. */
  recognise?: (doc: Document) => boolean;
  /** Sources to read, most trusted first. */
  sources: readonly ClueSource[];
  /** Single-page apps: which content a URL shows, so stale markup is told apart. */
  contentKey?: ContentKey;
}

export const PAGE_SITES: readonly PageSite[] = [
  {
    // Watch pages and Shorts: the VideoObject's author microdata. Legacy `/<name>` channel URLs:
    // the canonical `channel/<id>`. YouTube keeps the first page's microdata on navigation.
    platform: 'youtube',
    hosts: ['youtube.com', 'youtu.be'],
    sources: ['microdata-author', 'json-ld-author', 'canonical', 'og-url'],
    contentKey: youtubeContentKey,
  },
  {
    // Posts and reels: the JSON-LD author, or a canonical `/<user>/p/<code>/`.
    platform: 'instagram',
    hosts: ['instagram.com'],
    sources: ['json-ld-author', 'canonical', 'og-url'],
    contentKey: instagramContentKey,
  },
  {
    // `/i/status/<id>`: the canonical `/<handle>/status/<id>`.
    platform: 'x',
    hosts: ['x.com', 'twitter.com'],
    sources: ['json-ld-author', 'canonical', 'og-url'],
    contentKey: xContentKey,
  },
  {
    // `/t/<code>` share links: the JSON-LD author, or the canonical `/@<user>/post/<code>`.
    platform: 'threads',
    hosts: ['threads.com', 'threads.net'],
    sources: ['json-ld-author', 'canonical', 'og-url'],
    contentKey: threadsContentKey,
  },
  {
    // Public posts and articles: the JSON-LD author (`/in/<slug>`, `/company/<slug>`). Company
    // pages under their numeric id: the canonical slug (see `unify.ts`).
    platform: 'linkedin',
    hosts: ['linkedin.com'],
    sources: ['json-ld-author', 'link-author', 'canonical', 'og-url', 'article-author'],
  },
  {
    // Videos, photos and reels: og:url names the page (`/<page>/videos/<id>/`); articles carry
    // `article:author`. Pages under their numeric id: og:url gives the name (see `unify.ts`).
    platform: 'facebook',
    hosts: ['facebook.com'],
    sources: ['json-ld-author', 'og-url', 'canonical', 'article-author', 'link-author'],
  },
  {
    // Any host. Server-rendered pages name the account in og:url and the ActivityPub link; the
    // web app's own routes (`/statuses/<id>`) render no account into the markup.
    platform: 'mastodon',
    hosts: [],
    recognise: isMastodonPage,
    sources: ['og-url', 'activitypub', 'canonical'],
    contentKey: mastodonContentKey,
  },
];

function hostUnder(host: string, base: string): boolean {
  return host === base || host.endsWith(`.${base}`);
}

/** The site a page is on: by host first, then by what the page says about itself; else null. */
export function pageSiteFor(doc: Document, page: URL): PageSite | null {
  const host = page.hostname.replace(/\.$/, '');
  return PAGE_SITES.find((site) => site.hosts.some((base) => hostUnder(host, base)))
    ?? PAGE_SITES.find((site) => site.recognise?.(doc) === true)
    ?? null;
}
