import { platformTable, type UrlRow } from './table';

const ROWS: UrlRow[] = [
  ['https://acme.tumblr.com/', 'tumblr:acme'],
  ['https://Acme.tumblr.com/post/123/title', 'tumblr:acme'],
  ['https://www.tumblr.com/acme', 'tumblr:acme'],
  ['https://www.tumblr.com/acme/123456789/post-title', 'tumblr:acme'],
  ['https://www.tumblr.com/blog/acme/drafts', 'tumblr:acme'],
  ['https://www.tumblr.com/blog/view/acme', 'tumblr:acme'],
  ['https://www.tumblr.com/settings/blog/acme', 'tumblr:acme'],
  ['https://www.tumblr.com/settings/account', 'tumblr'],
  ['https://www.tumblr.com/dashboard', 'tumblr'],
  ['https://www.tumblr.com/explore/trending', 'tumblr'],
  ['https://www.tumblr.com/tagged/art', 'tumblr'],
  ['https://64.media.tumblr.com/abc/s640x960/def.jpg', 'tumblr'],
  ['https://www.tumblr.com/', 'tumblr'],
  // The dashboard's view of a blog and of one of its posts.
  ['https://www.tumblr.com/dashboard/blog/acme', 'tumblr:acme'],
  ['https://www.tumblr.com/dashboard/blog/Acme/123456789', 'tumblr:acme'],
  ['https://tumblr.com/dashboard/blog/acme-art/123456789/', 'tumblr:acme-art'],
  ['https://www.tumblr.com/dashboard/blog', 'tumblr'],
  ['https://www.tumblr.com/dashboard/acme', 'tumblr'],
  ['https://www.tumblr.com/dashboard/blog/not_a_blog', 'tumblr'],
  ['https://www.tumblr.com/dashboard/blog/a-name-longer-than-thirty-two-chars', 'tumblr'],
  ['https://api.tumblr.com/dashboard/blog/acme', 'tumblr'],
  ['https://acme.tumblr.com/dashboard/blog/other', 'tumblr:acme'],
  ['https://tumblr.com.evil.example/dashboard/blog/acme', null],
];

platformTable('tumblr', ROWS);
