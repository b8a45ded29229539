import { platformTable, type FromPageRow, type UrlRow } from './table';

const ROWS: UrlRow[] = [
  ['https://www.instagram.com/acme/', 'instagram:acme'],
  ['https://www.instagram.com/Acme.Official/?hl=de', 'instagram:acme.official'],
  ['https://www.instagram.com/acme/reels/', 'instagram:acme'],
  ['https://www.instagram.com/acme/tagged/', 'instagram:acme'],
  ['https://www.instagram.com/acme/p/C1a2b3/', 'instagram:acme'],
  ['https://www.instagram.com/stories/acme/3210987654321/', 'instagram:acme'],
  ['https://www.instagram.com/stories/highlights/17900000000000000/', 'instagram'],
  ['https://www.instagram.com/p/C1a2b3/', 'instagram'],
  ['https://www.instagram.com/reel/C1a2b3/?igsh=abc', 'instagram'],
  ['https://www.instagram.com/reels/C1a2b3/', 'instagram'],
  ['https://www.instagram.com/reels/', 'instagram'],
  ['https://www.instagram.com/explore/', 'instagram'],
  ['https://www.instagram.com/explore/tags/socialmedia/', 'instagram'],
  ['https://www.instagram.com/direct/inbox/', 'instagram'],
  ['https://www.instagram.com/accounts/edit/', 'instagram'],
  ['https://www.instagram.com/', 'instagram'],
  ['https://m.instagram.com/acme', 'instagram:acme'],
  ['https://help.instagram.com/581066165581870', 'instagram'],
];

const FROM_PAGE: FromPageRow[] = [
  ['https://www.instagram.com/p/C1a2b3/', true],
  ['https://www.instagram.com/reel/C1a2b3/', true],
  ['https://www.instagram.com/acme/', false],
  ['https://www.instagram.com/explore/', false],
];

platformTable('instagram', ROWS, FROM_PAGE);
