/**
 * What the content script hands the background about a page's account: candidate addresses read
 * from the page's public markup, most trusted first. Shared by both sides, so it imports nothing.
 */

/** Where in the markup a clue was read. */
export const CLUE_SOURCES = [
  'microdata-author', // <span itemprop="author" itemscope><link itemprop="url" href=…></span>
  'json-ld-author', // <script type="application/ld+json"> … "author": {"url": …} …
  'link-author', // <link rel="author" href=…>
  'canonical', // <link rel="canonical" href=…>
  'og-url', // <meta property="og:url" content=…>
  'activitypub', // <link rel="alternate" type="application/activity+json" href=…> (Mastodon)
  'article-author', // <meta property="article:author" content=…>
] as const;

export type ClueSource = (typeof CLUE_SOURCES)[number];

/**
 * - `author`: the address of whoever made the page's content (a post's author).
 * - `self`: the page's own address as the page states it. Only these may rename an account the
 *   URL already names (see `unify.ts`): an author is someone else's account as often as not.
 */
export type ClueRole = 'author' | 'self';

export const CLUE_ROLES: Readonly<Record<ClueSource, ClueRole>> = {
  'microdata-author': 'author',
  'json-ld-author': 'author',
  'link-author': 'author',
  canonical: 'self',
  'og-url': 'self',
  activitypub: 'self',
  'article-author': 'author',
};

/** One candidate: an absolute http(s) URL naming the account, and where it was read. */
export interface PageAccountClue {
  url: string;
  source: ClueSource;
}

/** Most clues one page yields; the background reads no more than this either. */
export const MAX_CLUES = 8;
/** Longest clue URL kept; longer ones are no profile address. */
export const MAX_CLUE_URL_LENGTH = 2048;

export function isClueSource(value: unknown): value is ClueSource {
  return typeof value === 'string' && (CLUE_SOURCES as readonly string[]).includes(value);
}
