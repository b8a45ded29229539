import { MAX_CLUE_URL_LENGTH } from './clue';

/**
 * Turning markup values into clue URLs. Two kinds of value:
 * - an `href` is a URL by definition, so a relative one resolves against the page URL;
 * - a text value (`content`, a JSON-LD string) may be a name as well as an address, so only
 *   what is written as an address counts: `scheme:…`, `//host/…` or `/path`. A bare word
 *   (`"acme"`, `"Jane Doe"`) is a name, never resolved into a path of the page's host.
 * Either way only http(s) survives (`javascript:`, `data:` and the like are dropped), and the
 * page URL's own base is used, not the document's `<base>` element: the result depends on the
 * two inputs alone.
 */

function webHref(raw: string, page: URL): string | null {
  if (raw === '' || raw.length > MAX_CLUE_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(raw, page);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href.length > MAX_CLUE_URL_LENGTH ? null : url.href;
}

/** An `href` attribute as an absolute http(s) URL, resolved against the page; else null. */
export function hrefClue(raw: string | null | undefined, page: URL): string | null {
  return typeof raw === 'string' ? webHref(raw.trim(), page) : null;
}

const WRITTEN_AS_ADDRESS = /^(?:[a-z][a-z0-9+.-]*:|\/)/i;

/** A text value as an absolute http(s) URL when it is written as an address; else null. */
export function textClue(raw: unknown, page: URL): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  return WRITTEN_AS_ADDRESS.test(text) ? webHref(text, page) : null;
}

/** The page URL when it is an http(s) URL, else null. */
export function pageUrlOf(pageUrl: string): URL | null {
  try {
    const url = new URL(pageUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
