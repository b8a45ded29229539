import { platformTable, type UrlRow } from './table';

const ROWS: UrlRow[] = [
  ['https://bsky.app/profile/acme.bsky.social', 'bluesky:acme.bsky.social'],
  ['https://bsky.app/profile/Acme.com/post/3kabc', 'bluesky:acme.com'],
  ['https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx', 'bluesky:did:plc:abcdefghijklmnopqrstuvwx'],
  ['https://bsky.app/profile/acme.bsky.social/feed/news', 'bluesky:acme.bsky.social'],
  ['https://bsky.app/', 'bluesky'],
  ['https://bsky.app/notifications', 'bluesky'],
  ['https://bsky.app/search?q=acme', 'bluesky'],
  ['https://bsky.app/settings', 'bluesky'],
  ['https://docs.bsky.app/docs/get-started', null],
];

platformTable('bluesky', ROWS);
