import { FROM_PAGE, handle, pathSegments, queryParam, subdomainUnder, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

// Handles allow letters of any script, digits, `_`, `-` and `.`.
const HANDLE = /^[\p{L}\p{M}\p{N}_.-]{1,100}$/u;
// Channel ids (`UC` + 22 characters) are case-sensitive: kept as written.
const CHANNEL_ID = /^[A-Za-z0-9_-]{1,64}$/;
const LEGACY_NAME = /^[\p{L}\p{M}\p{N}_.-]{1,100}$/u;
const APP_HOSTS = new Set(['', 'www', 'm']);

/** Single videos, shorts, posts and playlists: the channel is on the page, not in the URL. */
const CONTENT_SECTIONS = words('shorts live embed post clip source');

/** Root paths that are YouTube features; anything else at the root is a legacy channel name. */
const FEATURES = words(`
  feed results account account_notifications account_privacy account_playback premium
  reporthistory paid_memberships upload signin logout t about howyoutubeworks creators ads yt
  kids jobs new trending gaming sports news learning fashion hashtag podcasts channel_switcher
  create_channel select_site subscription_manager storefront movies redirect attribution_link
  supported_browsers oembed api s sw.js manifest.webmanifest opensearch iframe_api error verify
  verify_age youtubei playables courses originals music
`);

function channelPath(segments: readonly string[]): AccountFromUrl | undefined {
  const [section, name] = segments;
  switch (section?.toLowerCase()) {
    case 'channel':
      return name !== undefined && CHANNEL_ID.test(name) ? `channel/${name}` : null;
    case 'c':
    case 'user': {
      // Legacy custom URLs and usernames: still the channel, in its older name.
      const legacy = handle(name, LEGACY_NAME);
      return legacy === null ? null : `${section.toLowerCase()}/${legacy}`;
    }
  }
  return undefined;
}

function mainSite(url: URL): AccountFromUrl {
  const segments = pathSegments(url);
  const first = segments[0];
  if (first === undefined) return null;
  if (first.startsWith('@')) {
    const name = handle(first.slice(1), HANDLE);
    return name === null ? null : `@${name}`;
  }
  const channel = channelPath(segments);
  if (channel !== undefined) return channel;
  const section = first.toLowerCase();
  if (section === 'watch') return queryParam(url, 'v') === null ? null : FROM_PAGE;
  if (section === 'playlist') return queryParam(url, 'list') === null ? null : FROM_PAGE;
  if (CONTENT_SECTIONS.has(section)) return segments[1] === undefined ? null : FROM_PAGE;
  if (FEATURES.has(section)) return null;
  // `youtube.com/<name>` resolves a legacy custom URL or username; which one, only the page knows.
  return LEGACY_NAME.test(first) ? FROM_PAGE : null;
}

function studio(url: URL): AccountFromUrl {
  const segments = pathSegments(url);
  const section = segments[0]?.toLowerCase();
  // Studio URLs carry the channel id: `/channel/<id>/videos`, `/channel/<id>/analytics/...`.
  if (section === 'channel') return channelPath(segments) ?? null;
  if (section === 'video' && segments[1] !== undefined) return FROM_PAGE;
  return null;
}

function account(url: URL): AccountFromUrl {
  // youtu.be/<video id> is a share link to a watch page.
  if (subdomainUnder(url, ['youtu.be']) !== null) return pathSegments(url).length > 0 ? FROM_PAGE : null;
  const subdomain = subdomainUnder(url, ['youtube.com']);
  if (subdomain === 'studio') return studio(url);
  return subdomain !== null && APP_HOSTS.has(subdomain) ? mainSite(url) : null;
}

export const youtube: PlatformDefinition = {
  id: 'youtube',
  name: 'YouTube',
  hosts: ['youtube.com', 'youtu.be'],
  // YouTube Music and YouTube TV are listening and television: they often play in the background
  // while the manager works elsewhere, and are not work on a channel.
  excludedHosts: ['music.youtube.com', 'tv.youtube.com'],
  account,
  reservedPaths: [...FEATURES, ...CONTENT_SECTIONS],
  accountFormats: ['@<handle>', 'channel/<channel id>', 'c/<custom name>', 'user/<username>'],
  pageAccount: 'watch, Shorts and live pages, playlists, legacy `/<name>` links: the channel that published it',
};
