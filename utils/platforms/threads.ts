import { FROM_PAGE, handle, pathSegments, onSubdomain, words } from './paths';
import { INSTAGRAM_USERNAME } from './instagram';
import type { AccountFromUrl, PlatformDefinition } from './types';

// threads.net is the old name; it redirects to threads.com.
const HOSTS = ['threads.com', 'threads.net'] as const;
const APP_HOSTS = new Set(['', 'www']);

function account(url: URL): AccountFromUrl {
  if (!onSubdomain(url, HOSTS, APP_HOSTS)) return null;
  const [first, second] = pathSegments(url);
  if (first === undefined) return null;
  // Threads handles are Instagram usernames, written `/@<user>`; `/@<user>/post/<code>` too.
  if (first.startsWith('@')) {
    const user = handle(first.slice(1), INSTAGRAM_USERNAME);
    return user === null ? null : `@${user}`;
  }
  // Short share links `/t/<code>` point at a post.
  if (first === 't' && second !== undefined) return FROM_PAGE;
  return null;
}

export const threads: PlatformDefinition = {
  id: 'threads',
  name: 'Threads',
  hosts: HOSTS,
  account,
  accountFormats: ['@<username>'],
  pageAccount: "`/t/<code>` share links: the post's author",
};
