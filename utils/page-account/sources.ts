import type { ClueSource } from './clue';
import { hrefClue, textClue } from './clue-url';
import { readJsonLdAuthors } from './json-ld';
import { readMicrodataAuthors } from './microdata';

/** What a source reads from: the document, the page URL, and a test for stale content. */
export interface SourceContext {
  doc: Document;
  page: URL;
  /**
   * False when `url` shows a different piece of content than the page URL (markup left over
   * from an earlier page of a single-page app). True when the platform or the page has no
   * content to compare.
   */
  sameContent(url: string): boolean;
}

/** Authors per source at most: a post has one, an article a few. */
const MAX_PER_SOURCE = 3;

function hrefs(context: SourceContext, selector: string, limit: number): string[] {
  return [...context.doc.querySelectorAll(selector)]
    .slice(0, limit)
    .map((element) => hrefClue(element.getAttribute('href'), context.page))
    .filter((url) => url !== null);
}

function contents(context: SourceContext, selector: string, limit: number): string[] {
  return [...context.doc.querySelectorAll(selector)]
    .slice(0, limit)
    .map((element) => textClue(element.getAttribute('content'), context.page))
    .filter((url) => url !== null);
}

/**
 * Each source: how to read its candidate URLs. Author sources tied to an item or entity with its
 * own address are dropped when that address shows other content; the page's own address
 * (canonical, og:url, ActivityPub) must show the same content as the page URL.
 */
export const SOURCES: Readonly<Record<ClueSource, (context: SourceContext) => string[]>> = {
  'microdata-author': (context) => readMicrodataAuthors(context.doc, context.page)
    .filter((author) => author.itemUrl === null || context.sameContent(author.itemUrl))
    .map((author) => author.authorUrl),
  'json-ld-author': (context) => readJsonLdAuthors(context.doc, context.page)
    .filter((entity) => entity.nodeUrl === null || context.sameContent(entity.nodeUrl))
    .flatMap((entity) => entity.authorUrls),
  'link-author': (context) => hrefs(context, 'link[rel~="author" i][href]', MAX_PER_SOURCE),
  canonical: (context) => hrefs(context, 'link[rel~="canonical" i][href]', 1).filter(context.sameContent),
  'og-url': (context) => contents(context, 'meta[property="og:url"][content]', 1).filter(context.sameContent),
  activitypub: (context) => hrefs(context, 'link[rel~="alternate" i][type="application/activity+json"][href]', 1)
    .filter(context.sameContent),
  'article-author': (context) => contents(context, 'meta[property="article:author"][content]', MAX_PER_SOURCE),
};
