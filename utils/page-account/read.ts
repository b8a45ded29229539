import { MAX_CLUES, type ClueSource, type PageAccountClue } from './clue';
import { pageUrlOf } from './clue-url';
import { pageSiteFor, type PageSite } from './sites';
import { SOURCES, type SourceContext } from './sources';

/**
 * The content script's half: candidate URLs naming the account a page belongs to, read from its
 * public markup in the site's order of trust, without duplicates, at most `MAX_CLUES`. Empty
 * when the page is on no known site or names nothing. The clues are unchecked: the background
 * keeps one only when the platform's own URL parser accepts it (`accountFromPage`). Never throws.
 */
export function readPageAccountClues(doc: Document, pageUrl: string): PageAccountClue[] {
  const page = pageUrlOf(pageUrl);
  if (page === null) return [];
  const site = pageSiteFor(doc, page);
  if (site === null) return [];
  const context: SourceContext = { doc, page, sameContent: sameContentAs(site, page) };
  const clues: PageAccountClue[] = [];
  const seen = new Set<string>();
  for (const source of site.sources) {
    for (const url of readSource(source, context)) {
      if (clues.length >= MAX_CLUES) return clues;
      if (seen.has(url)) continue;
      seen.add(url);
      clues.push({ url, source });
    }
  }
  return clues;
}

function readSource(source: ClueSource, context: SourceContext): string[] {
  try {
    return SOURCES[source](context);
  } catch {
    // A source meeting markup it did not expect loses its clues, never the others'.
    return [];
  }
}

function contentKeyOf(site: PageSite, url: string): string | null {
  try {
    return site.contentKey?.(new URL(url)) ?? null;
  } catch {
    return null;
  }
}

function sameContentAs(site: PageSite, page: URL): (url: string) => boolean {
  const pageKey = contentKeyOf(site, page.href);
  return (url) => pageKey === null || contentKeyOf(site, url) === pageKey;
}
