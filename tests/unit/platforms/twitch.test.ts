import { platformTable, type FromPageRow, type UrlRow } from './table';

const ROWS: UrlRow[] = [
  ['https://www.twitch.tv/acme', 'twitch:acme'],
  ['https://www.twitch.tv/Acme/videos?filter=archives', 'twitch:acme'],
  ['https://www.twitch.tv/acme/clip/FunnyClip-abc', 'twitch:acme'],
  ['https://m.twitch.tv/acme', 'twitch:acme'],
  ['https://www.twitch.tv/moderator/acme', 'twitch:acme'],
  ['https://www.twitch.tv/popout/acme/chat?popout=', 'twitch:acme'],
  ['https://dashboard.twitch.tv/u/acme/stream-manager', 'twitch:acme'],
  ['https://dashboard.twitch.tv/', 'twitch'],
  ['https://www.twitch.tv/videos/123456789', 'twitch'],
  ['https://clips.twitch.tv/FunnyClip-abc', 'twitch'],
  ['https://www.twitch.tv/directory/category/just-chatting', 'twitch'],
  ['https://www.twitch.tv/settings/profile', 'twitch'],
  ['https://www.twitch.tv/subscriptions', 'twitch'],
  ['https://www.twitch.tv/search?term=acme', 'twitch'],
  ['https://www.twitch.tv/', 'twitch'],
  ['https://dev.twitch.tv/docs', null],
  // Language hosts and the old go. address serve the main site's paths.
  ['https://zh-tw.twitch.tv/acme', 'twitch:acme'],
  ['https://pt-br.twitch.tv/Acme/videos', 'twitch:acme'],
  ['https://go.twitch.tv/acme', 'twitch:acme'],
  ['https://go.twitch.tv/popout/acme/chat', 'twitch:acme'],
  ['https://m.twitch.tv/acme/clip/FunnyClip-abc', 'twitch:acme'],
  ['https://zh-tw.twitch.tv/directory', 'twitch'],
  ['https://go.twitch.tv/videos/123456789', 'twitch'],
  ['https://m.twitch.tv/', 'twitch'],
  // Other hosts of Twitch are tools and documents, never a channel page.
  ['https://id.twitch.tv/oauth2/authorize?client_id=abc', 'twitch'],
  ['https://help.twitch.tv/s/article/acme', 'twitch'],
  ['https://blog.twitch.tv/en/2024/01/01/acme/', 'twitch'],
  ['https://safety.twitch.tv/s/article/Community-Guidelines', 'twitch'],
  ['https://zh-tw.clips.twitch.tv/acme', 'twitch'],
  ['https://dev.twitch.tv/acme', null],
  ['https://zh-tw.dev.twitch.tv/acme', null],
  ['https://twitch.tv.evil.example/acme', null],
];

const FROM_PAGE: FromPageRow[] = [
  ['https://www.twitch.tv/videos/123456789', true],
  ['https://clips.twitch.tv/FunnyClip-abc', true],
  ['https://go.twitch.tv/videos/123456789', true],
  ['https://zh-tw.twitch.tv/acme', false],
];

platformTable('twitch', ROWS, FROM_PAGE);
