import { hrefClue, textClue } from './clue-url';

/**
 * schema.org microdata: the `author` of a top-level item, as YouTube writes it on watch pages:
 *
 *   <div itemscope itemtype="http://schema.org/VideoObject">
 *     <link itemprop="url" href="https://www.youtube.com/watch?v=…">
 *     <span itemprop="author" itemscope itemtype="http://schema.org/Person">
 *       <link itemprop="url" href="http://www.youtube.com/@handle">
 *       <link itemprop="name" content="…">
 *     </span>
 *   </div>
 *
 * Only authors of top-level items count (an item that is no other item's property): the author
 * of a comment inside the video is somebody else.
 */

export interface MicrodataAuthor {
  /** The author's address. */
  authorUrl: string;
  /** The address of the item the author made (the video), when the item states one. */
  itemUrl: string | null;
}

/** Most `author` properties looked at; a page with more is not describing one piece of content. */
const MAX_AUTHORS = 10;

/** The value of a URL property: `href` of link/a/area, `content` of meta. */
function urlValue(element: Element, page: URL): string | null {
  const tag = element.tagName.toLowerCase();
  if (tag === 'link' || tag === 'a' || tag === 'area') return hrefClue(element.getAttribute('href'), page);
  if (tag === 'meta') return textClue(element.getAttribute('content'), page);
  return null;
}

/** The `url` property of `item` itself, not of an item nested in it. */
function ownUrl(item: Element, page: URL): string | null {
  for (const property of item.querySelectorAll('[itemprop~="url"]')) {
    if (property.closest('[itemscope]') === item) return urlValue(property, page);
  }
  return null;
}

export function readMicrodataAuthors(doc: Document, page: URL): MicrodataAuthor[] {
  const authors: MicrodataAuthor[] = [];
  const properties = doc.querySelectorAll('[itemprop~="author"]');
  for (let index = 0; index < properties.length && index < MAX_AUTHORS; index += 1) {
    const property = properties[index]!;
    const item = property.parentElement?.closest('[itemscope]');
    if (item === null || item === undefined || item.hasAttribute('itemprop')) continue;
    const authorUrl = property.hasAttribute('itemscope') ? ownUrl(property, page) : urlValue(property, page);
    if (authorUrl !== null) authors.push({ authorUrl, itemUrl: ownUrl(item, page) });
  }
  return authors;
}
