import { platformTable, type FromPageRow, type UrlRow } from './table';

const ROWS: UrlRow[] = [
  ['https://www.youtube.com/@acme', 'youtube:@acme'],
  ['https://www.youtube.com/@Acme/videos', 'youtube:@acme'],
  ['https://www.youtube.com/@acme/community?lb=abc', 'youtube:@acme'],
  ['https://m.youtube.com/@acme/shorts', 'youtube:@acme'],
  ['https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv', 'youtube:channel/UCabcdefghijklmnopqrstuv'],
  ['https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv/about', 'youtube:channel/UCabcdefghijklmnopqrstuv'],
  ['https://studio.youtube.com/channel/UCabcdefghijklmnopqrstuv/videos/upload', 'youtube:channel/UCabcdefghijklmnopqrstuv'],
  ['https://studio.youtube.com/channel/UCabcdefghijklmnopqrstuv/analytics/tab-overview/period-default', 'youtube:channel/UCabcdefghijklmnopqrstuv'],
  ['https://studio.youtube.com/video/dQw4w9WgXcQ/edit', 'youtube'],
  ['https://studio.youtube.com/', 'youtube'],
  ['https://www.youtube.com/c/AcmeTV', 'youtube:c/acmetv'],
  ['https://www.youtube.com/user/AcmeTV/videos', 'youtube:user/acmetv'],
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube'],
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&ab_channel=Acme', 'youtube'],
  ['https://www.youtube.com/shorts/abc123', 'youtube'],
  ['https://youtu.be/dQw4w9WgXcQ?si=abc', 'youtube'],
  ['https://www.youtube.com/', 'youtube'],
  ['https://www.youtube.com/feed/subscriptions', 'youtube'],
  ['https://www.youtube.com/results?search_query=acme', 'youtube'],
  ['https://www.youtube.com/account', 'youtube'],
  ['https://music.youtube.com/watch?v=abc', null],
  ['https://tv.youtube.com/welcome', null],
];

const FROM_PAGE: FromPageRow[] = [
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', true],
  ['https://youtu.be/dQw4w9WgXcQ', true],
  ['https://www.youtube.com/shorts/abc123', true],
  ['https://www.youtube.com/playlist?list=PL123', true],
  ['https://www.youtube.com/AcmeTV', true],
  ['https://studio.youtube.com/video/dQw4w9WgXcQ/edit', true],
  ['https://www.youtube.com/@acme', false],
  ['https://www.youtube.com/', false],
  ['https://www.youtube.com/watch', false],
];

platformTable('youtube', ROWS, FROM_PAGE);
