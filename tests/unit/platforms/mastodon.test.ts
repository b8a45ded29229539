import { platformTable, type FromPageRow, type UrlRow } from './table';

const ROWS: UrlRow[] = [
  ['https://mastodon.social/@acme', 'mastodon:@acme@mastodon.social'],
  ['https://mastodon.social/@Acme/112233445566778899', 'mastodon:@acme@mastodon.social'],
  ['https://mastodon.social/@acme@chaos.social', 'mastodon:@acme@chaos.social'],
  ['https://mastodon.social/users/acme', 'mastodon:@acme@mastodon.social'],
  ['https://chaos.social/web/@acme', 'mastodon:@acme@chaos.social'],
  ['https://det.social/@bund', 'mastodon:@bund@det.social'],
  ['https://social.tchncs.de/@acme', 'mastodon:@acme@social.tchncs.de'],
  ['https://muenchen.social/@stadt', 'mastodon:@stadt@muenchen.social'],
  ['https://fosstodon.org/@acme/with_replies', 'mastodon:@acme@fosstodon.org'],
  ['https://mastodon.social/home', 'mastodon'],
  ['https://mastodon.social/explore', 'mastodon'],
  ['https://mastodon.social/notifications', 'mastodon'],
  ['https://mastodon.social/tags/fediverse', 'mastodon'],
  ['https://mastodon.social/settings/profile', 'mastodon'],
  ['https://mastodon.social/', 'mastodon'],
];

const FROM_PAGE: FromPageRow[] = [
  ['https://mastodon.social/web/statuses/1122', true],
];

platformTable('mastodon', ROWS, FROM_PAGE);
