import { FROM_PAGE, handle, pathSegments, queryParam, subdomainUnder, words } from './paths';
import type { AccountFromUrl, PlatformDefinition } from './types';

const NUMERIC_ID = /^\d{1,20}$/;
// `Acme-GmbH-100063…`: a display name and the numeric id, joined by `-`; the id is what lasts.
const NAME_THEN_ID = /(?:^|-)(\d{1,20})$/;
// Usernames are letters, digits and dots; older pages also carry `-` or `_`.
const PAGE_NAME = /^[\p{L}\p{M}\p{N}._-]{1,80}$/u;
const FILE_NAME = /\.(?:php|html?|txt|ico|js|css|xml|json)$/;

/** Subdomains that never show a page or profile (link shim, apps canvas, Ads Manager). */
const NOT_PAGE_SUBDOMAINS = words('apps adsmanager l lm graph upload');

/** First segments that are content of some page the URL does not name. */
const CONTENT_SECTIONS = words('reel photo photo.php video.php share stories me');

/** First segments that are features of Facebook itself, never a page name. */
const RESERVED = words(`
  home.php watch marketplace gaming events settings settings.php notifications messages login
  login.php logout.php help friends saved memories bookmarks feeds ads adsmanager business
  business_help search hashtag photos reels sharer sharer.php dialog plugins privacy policies
  policy.php terms legal careers recover checkpoint r.php reg signup games fundraisers donate jobs
  live media notes offers l.php latest creatorstudio ad_center composer places community lists
  pokes onthisday instant_games apps appcenter mobile find-friends confirmemail.php language.php
  campaign professional_dashboard video videos tr ajax api commerce_manager pages people
  profile.php groups pg permalink.php story.php about profile p
`);

/** Second segments under `/groups/` that are group tools, not a group. */
const GROUP_TOOLS = words('feed discover joins create notifications your_groups search');

function numericId(value: string | null | undefined): string | null {
  return value !== null && value !== undefined && NUMERIC_ID.test(value) ? `id/${value}` : null;
}

/** The id at the end of a `<Name>-<id>` segment, stored as `numericId` stores it. */
function trailingId(value: string | undefined): string | null {
  return numericId(value === undefined ? null : NAME_THEN_ID.exec(value)?.[1]);
}

function pageName(value: string | undefined): string | null {
  const name = handle(value, PAGE_NAME);
  return name === null || FILE_NAME.test(name) ? null : name;
}

function account(url: URL): AccountFromUrl {
  // messenger.com is Facebook's chat: platform time, never a page.
  const subdomain = subdomainUnder(url, ['facebook.com']);
  if (subdomain === null || NOT_PAGE_SUBDOMAINS.has(subdomain)) return null;
  const segments = pathSegments(url);
  const first = segments[0]?.toLowerCase();
  if (first === undefined) return null;
  switch (first) {
    case 'profile.php':
      return numericId(queryParam(url, 'id')) ?? FROM_PAGE;
    case 'permalink.php':
    case 'story.php':
      // A post permalink carries its author's numeric id in `id`.
      return numericId(queryParam(url, 'id')) ?? FROM_PAGE;
    case 'profile':
      // `/profile/<id>` is another address of `profile.php?id=<id>`.
      return numericId(segments[1]);
    case 'p':
      // Pages without a username: `/p/<Name>-<id>/`.
      return trailingId(segments[1]);
    case 'pages':
      // Directory pages `/pages/category/<Category>/<Name>-<id>/`.
      if (segments[1]?.toLowerCase() === 'category' && segments[3] !== undefined) return trailingId(segments[3]);
      // Legacy `/pages/<Name>/<id>`.
      return numericId(segments[2]);
    case 'people':
      // Name-less profiles `/people/<Name>/<id>`.
      return numericId(segments[2]);
    case 'groups': {
      const group = segments[1]?.toLowerCase();
      if (group === undefined || GROUP_TOOLS.has(group)) return null;
      const name = handle(group, PAGE_NAME);
      return name === null ? null : `groups/${name}`;
    }
    case 'pg':
      // Old page tabs: `/pg/<page>/posts/`.
      return pageName(segments[1]);
    case 'latest':
      // Meta Business Suite: `asset_id` is the page being managed; without it, no page.
      return numericId(queryParam(url, 'asset_id'));
    case 'watch':
      return queryParam(url, 'v') === null ? null : FROM_PAGE;
    case 'events':
      return segments[1] !== undefined && NUMERIC_ID.test(segments[1]) ? FROM_PAGE : null;
  }
  if (CONTENT_SECTIONS.has(first)) return FROM_PAGE;
  if (RESERVED.has(first)) return null;
  // A bare number is a profile or page id, the same one `profile.php?id=` names.
  return numericId(first) ?? pageName(first);
}

export const facebook: PlatformDefinition = {
  id: 'facebook',
  name: 'Facebook',
  // Business Suite, m., mbasic., web. and language hosts are subdomains. fb.com is left out: it only
  // redirects here, and its subdomains are Meta's corporate sites (about.fb.com).
  hosts: ['facebook.com', 'messenger.com'],
  excludedHosts: ['developers.facebook.com'],
  account,
  reservedPaths: [
    ...RESERVED,
    ...CONTENT_SECTIONS,
    ...[...GROUP_TOOLS].map((tool) => `groups/${tool}`),
  ],
  accountFormats: ['<page or username>', 'id/<numeric id>', 'groups/<id or slug>'],
  pageAccount: "videos, photos, reels, posts: the page or person; `id/<numeric id>` counts for the page's name",
};
