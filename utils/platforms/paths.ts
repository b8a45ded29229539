/**
 * Small URL readers shared by the platform parsers, so that every platform splits paths, decodes
 * percent-encoding and checks hosts the same way.
 */

/** The URL cannot name the account, but the page can (see `AccountFromUrl`). */
export const FROM_PAGE: { readonly fromPage: true } = Object.freeze({ fromPage: true });

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw).normalize('NFC');
  } catch {
    // A stray `%` is not worth losing the whole URL over: keep the segment as written.
    return raw;
  }
}

/** Path segments, percent-decoded and NFC-normalised, with empty segments (`//`, trailing `/`) dropped. */
export function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter((segment) => segment !== '').map(decodeSegment);
}

/** `pathSegments`, lower-cased: for platforms whose paths and names ignore case. */
export function lowerSegments(url: URL): string[] {
  return pathSegments(url).map((segment) => segment.toLowerCase());
}

/** A set of reserved words written as one whitespace-separated string. */
export function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((word) => word !== ''));
}

/**
 * `value` lower-cased when it fully matches `pattern` (anchor it) and is not reserved, else null.
 * The pattern is tested against the lower-cased value.
 */
export function handle(
  value: string | undefined,
  pattern: RegExp,
  reserved?: ReadonlySet<string>,
): string | null {
  if (value === undefined) return null;
  const lower = value.toLowerCase();
  if (reserved?.has(lower)) return null;
  return pattern.test(lower) ? lower : null;
}

/** A non-empty query parameter, or null. */
export function queryParam(url: URL, name: string): string | null {
  const value = url.searchParams.get(name);
  return value === null || value === '' ? null : value;
}

/** The host name without a trailing dot. `URL` already lower-cases ASCII hosts and encodes IDN. */
export function hostOf(url: URL): string {
  return url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
}

/** True when `host` is `base` or a proper subdomain of it (label boundary, not text suffix). */
export function isHostUnder(host: string, base: string): boolean {
  return host === base || host.endsWith(`.${base}`);
}

/**
 * The labels in front of the first of `bases` that the URL's host is under: `''` for the bare
 * base, `'de'` for `de.pinterest.com`, `'a.b'` for `a.b.tumblr.com`; null when under none.
 */
export function subdomainUnder(url: URL, bases: readonly string[]): string | null {
  const host = hostOf(url);
  for (const base of bases) {
    if (host === base) return '';
    if (host.endsWith(`.${base}`)) return host.slice(0, -base.length - 1);
  }
  return null;
}

/** True when the URL is on one of `bases` with one of the given subdomains (`''` = bare host). */
export function onSubdomain(url: URL, bases: readonly string[], subdomains: ReadonlySet<string>): boolean {
  const subdomain = subdomainUnder(url, bases);
  return subdomain !== null && subdomains.has(subdomain);
}

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * True for a lower-case ASCII (punycode) DNS name with at least two labels and a top-level label
 * that is not all digits, so IP addresses, `localhost` and wildcards are not hosts.
 */
export function isHostName(value: string): boolean {
  if (value.length > 253) return false;
  const labels = value.split('.');
  const top = labels[labels.length - 1];
  if (labels.length < 2 || top === undefined || /^\d+$/.test(top)) return false;
  return labels.every((label) => HOST_LABEL.test(label));
}

/** The host without a leading `www.` (kept when nothing but a top-level label would remain). */
export function withoutWww(host: string): string {
  return host.startsWith('www.') && host.indexOf('.', 4) !== -1 ? host.slice(4) : host;
}
