import { platformTable, type FromPageRow, type UrlRow } from './table';

const ROWS: UrlRow[] = [
  ['https://www.snapchat.com/add/acme', 'snapchat:acme'],
  ['https://www.snapchat.com/add/Acme.Official?share_id=abc', 'snapchat:acme.official'],
  ['https://www.snapchat.com/@acme', 'snapchat:acme'],
  ['https://www.snapchat.com/spotlight/W7_abc', 'snapchat'],
  ['https://www.snapchat.com/', 'snapchat'],
  ['https://web.snapchat.com/', 'snapchat'],
  ['https://ads.snapchat.com/', 'snapchat'],
];

const FROM_PAGE: FromPageRow[] = [
  ['https://www.snapchat.com/spotlight/W7_abc', true],
];

platformTable('snapchat', ROWS, FROM_PAGE);
