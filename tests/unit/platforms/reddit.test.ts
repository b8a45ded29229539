import { platformTable, type FromPageRow, type UrlRow } from './table';

const ROWS: UrlRow[] = [
  ['https://www.reddit.com/r/socialmedia/', 'reddit:r/socialmedia'],
  ['https://www.reddit.com/r/SocialMedia/comments/abc123/some_title/', 'reddit:r/socialmedia'],
  ['https://old.reddit.com/r/socialmedia/new/', 'reddit:r/socialmedia'],
  ['https://new.reddit.com/r/socialmedia/about/modqueue', 'reddit:r/socialmedia'],
  ['https://www.reddit.com/r/socialmedia/s/AbCdEf', 'reddit:r/socialmedia'],
  ['https://www.reddit.com/mod/socialmedia/queue', 'reddit:r/socialmedia'],
  ['https://www.reddit.com/mod/queue', 'reddit'],
  ['https://www.reddit.com/u/Acme_Co', 'reddit:u/acme_co'],
  ['https://www.reddit.com/user/acme_co/submitted/', 'reddit:u/acme_co'],
  ['https://www.reddit.com/r/all/', 'reddit'],
  ['https://www.reddit.com/r/popular/', 'reddit'],
  ['https://www.reddit.com/r/a+b/', 'reddit'],
  ['https://www.reddit.com/comments/abc123/', 'reddit'],
  ['https://redd.it/abc123', 'reddit'],
  ['https://www.reddit.com/message/inbox', 'reddit'],
  ['https://www.reddit.com/settings/', 'reddit'],
  ['https://www.reddit.com/search/?q=acme', 'reddit'],
  ['https://www.reddit.com/', 'reddit'],
  ['https://developers.reddit.com/docs', null],
  // Design, mobile and language hosts serve the same paths.
  ['https://nm.reddit.com/r/socialmedia/', 'reddit:r/socialmedia'],
  ['https://np.reddit.com/r/socialmedia/comments/abc123/some_title/', 'reddit:r/socialmedia'],
  ['https://new.reddit.com/user/acme_co/', 'reddit:u/acme_co'],
  ['https://i.reddit.com/r/socialmedia', 'reddit:r/socialmedia'],
  ['https://old.reddit.com/u/Acme_Co/', 'reddit:u/acme_co'],
  ['https://m.reddit.com/r/socialmedia', 'reddit:r/socialmedia'],
  ['https://de.reddit.com/r/socialmedia/', 'reddit:r/socialmedia'],
  ['https://fr.reddit.com/user/acme_co', 'reddit:u/acme_co'],
  ['https://DE.Reddit.com/r/SocialMedia', 'reddit:r/socialmedia'],
  ['https://de.reddit.com/r/all/', 'reddit'],
  ['https://nm.reddit.com/', 'reddit'],
  ['https://np.reddit.com/message/inbox', 'reddit'],
  // Other hosts of Reddit are tools, never a community or user page.
  ['https://ads.reddit.com/r/socialmedia', 'reddit'],
  ['https://mod.reddit.com/mail/all', 'reddit'],
  ['https://en-us.reddit.com/r/socialmedia', 'reddit'],
  ['https://www.de.reddit.com/r/socialmedia', 'reddit'],
  ['https://developers.reddit.com/r/socialmedia', null],
  ['https://de.developers.reddit.com/r/socialmedia', null],
  ['https://reddit.com.evil.example/r/socialmedia', null],
];

const FROM_PAGE: FromPageRow[] = [
  ['https://www.reddit.com/comments/abc123/', true],
  ['https://redd.it/abc123', true],
  ['https://www.reddit.com/user/me/', true],
  ['https://np.reddit.com/comments/abc123/', true],
  ['https://de.reddit.com/r/socialmedia/', false],
];

platformTable('reddit', ROWS, FROM_PAGE);
