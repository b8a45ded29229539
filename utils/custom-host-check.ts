/**
 * Whether a host the user typed can be a custom channel, judged by the Public Suffix List
 * (through `tldts`). A custom host counts every site under it as one channel, so it must lie
 * inside one owner's registrable domain: `co.uk` or `github.io` would join the sites of
 * thousands of owners. IP addresses, `localhost` and single labels are no sites of that kind.
 *
 * Only the options page imports this file (where the user adds a host): the list is large, and
 * the background and the content script never need it.
 */
// The package's minified build (see tldts-bundle.d.ts): a third of the size once bundled.
import { parse } from 'tldts/dist/index.esm.min.js';
import { isValidHost } from '@/utils/channels';

/** Why a host cannot be a custom channel; each has its own sentence on the options page. */
export type CustomHostRefusal =
  /** Empty, or no host name at all (`https://`, `a b`, `-x.com`): the settings' `host-invalid`. */
  | 'not-a-host'
  | 'ip-address'
  | 'localhost'
  /** One label that is no known public suffix (`intranet`). */
  | 'single-label'
  /** A suffix under which anyone can register a name (`com`, `co.uk`, `github.io`). */
  | 'public-suffix'
  /** The list gives no registrable domain for it (`-a.example.com`, a malformed label). */
  | 'no-registrable-domain';

export type CustomHostCheck =
  | { ok: true; host: string; registrableDomain: string }
  | { ok: false; reason: CustomHostRefusal; host: string | null };

/** The host name of what the user typed, as the browser reads it, with brackets and trailing dot removed. */
function rawHostName(input: string): string | null {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  try {
    const host = new URL(hasScheme ? text : `http://${text}`).hostname;
    const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host.replace(/\.$/, '');
    return bare === '' ? null : bare;
  } catch {
    return null;
  }
}

const LOCALHOST = /(^|\.)localhost$/;

/** What the Public Suffix List says about a host: the part of `tldts`'s answer this check reads. */
export interface SuffixFacts {
  isIp: boolean | null;
  /** The suffix itself is on the list's ICANN or private section (not only the default `*` rule). */
  listed: boolean;
  publicSuffix: string | null;
  /** The registrable domain (the suffix plus one label), or null when the list gives none. */
  domain: string | null;
}

/** The list's answer for a host name, private suffixes (`github.io`) included. */
export function suffixFacts(host: string): SuffixFacts {
  const parsed = parse(host, { allowPrivateDomains: true, extractHostname: false, detectIp: true });
  return {
    isIp: parsed.isIp,
    listed: parsed.isIcann === true || parsed.isPrivate === true,
    publicSuffix: parsed.publicSuffix,
    domain: parsed.domain,
  };
}

/**
 * Checks a host as the user typed or pasted it (a full address works too). The host judged is
 * the one that would be stored (`isValidHost`'s normal form: `www.github.io` is `github.io`);
 * input that form refuses is still classified, so that an IP address or `localhost` is named
 * as such. Private suffixes count as suffixes: `name.github.io` is allowed, `github.io` not.
 */
export function checkCustomHost(input: string, lookup: (host: string) => SuffixFacts = suffixFacts): CustomHostCheck {
  const stored = isValidHost(input);
  const host = stored ?? rawHostName(input);
  if (host === null) return { ok: false, reason: 'not-a-host', host: null };
  const refuse = (reason: CustomHostRefusal): CustomHostCheck => ({ ok: false, reason, host });

  const facts = lookup(host);
  if (facts.isIp === true) return refuse('ip-address');
  // RFC 6761: `localhost` and every name under it are the user's own machine.
  if (LOCALHOST.test(host)) return refuse('localhost');
  if (facts.listed && facts.publicSuffix === host) return refuse('public-suffix');
  if (!host.includes('.')) return refuse('single-label');
  // Anything the settings' normal form refuses beyond the cases above is no host name.
  if (stored === null) return refuse('not-a-host');
  if (facts.domain === null || facts.domain === '') return refuse('no-registrable-domain');
  return { ok: true, host: stored, registrableDomain: facts.domain };
}
