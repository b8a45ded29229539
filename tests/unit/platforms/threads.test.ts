import { platformTable, type FromPageRow, type UrlRow } from './table';

const ROWS: UrlRow[] = [
  ['https://www.threads.net/@acme', 'threads:@acme'],
  ['https://www.threads.com/@Acme/post/C1a2b3', 'threads:@acme'],
  ['https://threads.com/@acme?xmt=abc', 'threads:@acme'],
  ['https://www.threads.com/search', 'threads'],
  ['https://www.threads.com/activity', 'threads'],
  ['https://www.threads.com/', 'threads'],
  // Profiles are only ever `/@<user>`, on threads.com and the old threads.net alike.
  ['https://threads.net/@acme/post/C1a2b3', 'threads:@acme'],
  ['https://www.threads.com/@acme', 'threads:@acme'],
  ['https://www.threads.com/%40Acme', 'threads:@acme'],
  ['https://www.threads.com/@acme.official_1', 'threads:@acme.official_1'],
  ['https://www.threads.com/@', 'threads'],
  ['https://www.threads.com/@@acme', 'threads'],
  ['https://www.threads.com/@acme@mastodon.social', 'threads'],
  ['https://www.threads.com/@acme-corp', 'threads'],
  ['https://www.threads.com/acme', 'threads'],
  ['https://threads.com.evil.example/@acme', null],
  ['https://mythreads.net/@acme', null],
];

const FROM_PAGE: FromPageRow[] = [
  ['https://www.threads.com/t/C1a2b3', true],
];

platformTable('threads', ROWS, FROM_PAGE);
