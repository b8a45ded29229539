import { FROM_PAGE, handle, lowerSegments, subdomainUnder, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

const LINK_HOSTS = ['t.me', 'telegram.me'] as const;
const USERNAME = /^[a-z0-9_]{4,32}$/;
/** Telegram Web clients; the open chat is in the fragment. */
const WEB_SUBDOMAINS = words('web webk webz weba');

/** t.me paths that are Telegram features, never a username. */
const RESERVED = words(`
  joinchat addstickers addemoji addtheme addlist share proxy socks setlanguage login iv contact
  invoice confirmphone bg boost
`);

function linkAccount(url: URL, subdomain: string): AccountFromUrl {
  // `<name>.t.me` is the same place as `t.me/<name>`.
  if (subdomain !== '' && subdomain !== 'www') return handle(subdomain, USERNAME, RESERVED);
  const [first, second] = lowerSegments(url);
  switch (first) {
    case undefined:
      return null;
    case 's':
    case 'boost':
      // Web preview `/s/<channel>` and boost links `/boost/<channel>`.
      return handle(second, USERNAME, RESERVED);
    case 'c':
      // `/c/<internal id>/<post>`: a private channel's post, named only on the page.
      return second === undefined ? null : FROM_PAGE;
  }
  // `/<name>` and `/<name>/<post id>`. Invite links (`/+<hash>`, `/joinchat/...`) fail the pattern.
  return handle(first, USERNAME, RESERVED);
}

function webAccount(url: URL): AccountFromUrl {
  // `#@name` (current clients) or `#/im?p=@name` (the old one) name the chat; `#-100123...` and
  // other peer ids are internal, so only the page can tell.
  const fragment = url.hash.toLowerCase();
  const named = /^#(?:\/im\?p=)?@([a-z0-9_]{4,32})$/.exec(fragment);
  if (named?.[1] !== undefined) return named[1];
  return /^#(?:\/im\?p=)?-?\d+$/.test(fragment) ? FROM_PAGE : null;
}

function account(url: URL): AccountFromUrl {
  const link = subdomainUnder(url, LINK_HOSTS);
  if (link !== null) return linkAccount(url, link);
  const subdomain = subdomainUnder(url, ['telegram.org']);
  return subdomain !== null && WEB_SUBDOMAINS.has(subdomain) ? webAccount(url) : null;
}

export const telegram: PlatformDefinition = {
  id: 'telegram',
  name: 'Telegram',
  hosts: ['telegram.org', ...LINK_HOSTS],
  // The Bot API and MTProto documentation.
  excludedHosts: ['core.telegram.org'],
  account,
  reservedPaths: [...RESERVED],
  accountFormats: ['<username>'],
  accountLabel: (name) => `@${name}`,
};
