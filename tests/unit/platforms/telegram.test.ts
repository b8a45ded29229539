import { platformTable, type FromPageRow, type UrlRow } from './table';

const ROWS: UrlRow[] = [
  ['https://t.me/acmenews', 'telegram:acmenews'],
  ['https://t.me/AcmeNews/1234', 'telegram:acmenews'],
  ['https://t.me/s/acmenews', 'telegram:acmenews'],
  ['https://telegram.me/acmenews', 'telegram:acmenews'],
  ['https://acmenews.t.me/', 'telegram:acmenews'],
  ['https://t.me/+AbCdEfGhIjKl', 'telegram'],
  ['https://t.me/joinchat/AbCdEfGhIjKl', 'telegram'],
  ['https://t.me/c/1234567890/55', 'telegram'],
  ['https://t.me/addstickers/acme', 'telegram'],
  ['https://web.telegram.org/k/#@acmenews', 'telegram:acmenews'],
  ['https://web.telegram.org/a/#-1001234567890', 'telegram'],
  ['https://web.telegram.org/k/', 'telegram'],
  ['https://telegram.org/blog', 'telegram'],
  ['https://core.telegram.org/bots/api', null],
];

const FROM_PAGE: FromPageRow[] = [
  ['https://t.me/c/1234567890/55', true],
  ['https://web.telegram.org/a/#-1001234567890', true],
];

platformTable('telegram', ROWS, FROM_PAGE);
