import { platformTable, type FromPageRow, type UrlRow } from './table';

const ROWS: UrlRow[] = [
  ['https://www.tiktok.com/@acme', 'tiktok:@acme'],
  ['https://www.tiktok.com/@Acme.Official?lang=de-DE', 'tiktok:@acme.official'],
  ['https://www.tiktok.com/@acme/video/7300000000000000000', 'tiktok:@acme'],
  ['https://www.tiktok.com/@acme/live', 'tiktok:@acme'],
  ['https://m.tiktok.com/@acme', 'tiktok:@acme'],
  ['https://www.tiktok.com/tiktokstudio/upload', 'tiktok'],
  ['https://www.tiktok.com/tiktokstudio', 'tiktok'],
  ['https://www.tiktok.com/foryou', 'tiktok'],
  ['https://www.tiktok.com/explore', 'tiktok'],
  ['https://www.tiktok.com/messages', 'tiktok'],
  ['https://www.tiktok.com/tag/socialmedia', 'tiktok'],
  ['https://vm.tiktok.com/ZMabc123/', 'tiktok'],
  ['https://ads.tiktok.com/i18n/dashboard', 'tiktok'],
  ['https://developers.tiktok.com/doc', null],
];

const FROM_PAGE: FromPageRow[] = [
  ['https://www.tiktok.com/t/ZTabc/', true],
  ['https://vm.tiktok.com/ZMabc123/', true],
  ['https://www.tiktok.com/tiktokstudio', false],
];

platformTable('tiktok', ROWS, FROM_PAGE);
