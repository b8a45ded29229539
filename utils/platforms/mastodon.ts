import { FROM_PAGE, handle, hostOf, isHostName, pathSegments, withoutWww, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

/**
 * Large instances, chosen by size and by where German- and English-speaking managers are.
 * Users add their own instance as a user host; it is parsed the same way.
 */
const MASTODON_INSTANCES = [
  'mastodon.social', 'mastodon.online', 'mstdn.social', 'mas.to', 'mastodon.world', 'fosstodon.org',
  'hachyderm.io', 'infosec.exchange', 'chaos.social', 'troet.cafe', 'muenchen.social',
  'det.social', 'social.tchncs.de', 'mastodon.de', 'norden.social', 'nrw.social', 'ruhr.social',
  'berlin.social', 'social.bund.de', 'mstdn.jp', 'pawoo.net', 'mastodon.cloud', 'mastodon.art',
  'techhub.social', 'universeodon.com', 'mastodonapp.uk', 'mastodon.scot', 'mastodon.ie',
  'aus.social', 'mastodon.nz', 'mstdn.ca', 'toot.community', 'toot.cafe', 'ioc.exchange',
  'mastodon.green', 'mastodon.nl', 'mastodon.uno', 'piaille.fr', 'mamot.fr', 'framapiaf.org',
  'masto.ai', 'newsie.social', 'journa.host', 'social.vivaldi.net', 'indieweb.social',
  'mathstodon.xyz', 'sciences.social', 'social.coop', 'tech.lgbt', 'kolektiva.social',
] as const;

// Local usernames are `[a-z0-9_]`; other fediverse servers also allow `.` and `-`.
const USERNAME = /^[\p{L}\p{N}_.-]{1,64}$/u;
/** Web-app prefixes in front of the same paths (`/web/@user`, `/deck/@user`). */
const APP_PREFIXES = words('web deck');
/** Internal ids (`/web/accounts/<id>`, `/web/statuses/<id>`): the page shows whose they are. */
const ID_SECTIONS = words('accounts statuses');

/** `@user@domain` from the part after the first `@`, or null. */
function fediverseHandle(value: string, instance: string): string | null {
  const [user, domain, ...rest] = value.split('@');
  if (rest.length > 0) return null;
  const name = handle(user, USERNAME);
  const home = domain === undefined ? instance : domain.toLowerCase();
  return name !== null && isHostName(home) ? `@${name}@${home}` : null;
}

function account(url: URL): AccountFromUrl {
  const instance = withoutWww(hostOf(url));
  const segments = pathSegments(url);
  const start = APP_PREFIXES.has(segments[0]?.toLowerCase() ?? '') ? 1 : 0;
  const first = segments[start];
  const second = segments[start + 1];
  if (first === undefined) return null;
  // `/@user`, `/@user/<post id>`, and remote accounts seen from here `/@user@other.host`.
  if (first.startsWith('@')) return fediverseHandle(first.slice(1), instance);
  // ActivityPub addresses `/users/<user>` redirect to `/@user`.
  if (first.toLowerCase() === 'users' && second !== undefined) return fediverseHandle(second, instance);
  if (ID_SECTIONS.has(first.toLowerCase()) && second !== undefined) return FROM_PAGE;
  return null;
}

export const mastodon: PlatformDefinition = {
  id: 'mastodon',
  name: 'Mastodon',
  hosts: MASTODON_INSTANCES,
  account,
  reservedPaths: [...APP_PREFIXES, ...ID_SECTIONS],
  accountFormats: ['@<user>@<instance>'],
  pageAccount: 'posts under an id: their author, on server-rendered pages',
};
