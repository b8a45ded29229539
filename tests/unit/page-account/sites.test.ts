import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '@/utils/platforms';
import {
  instagramContentKey, mastodonContentKey, threadsContentKey, xContentKey, youtubeContentKey,
} from '@/utils/page-account/content-key';
import { PAGE_SITES } from '@/utils/page-account/sites';

describe('the page sites table', () => {
  it('lists each platform once, on hosts the catalog gives that platform', () => {
    expect(PAGE_SITES.map((site) => site.platform)).toEqual(['youtube', 'instagram', 'x', 'threads', 'linkedin', 'facebook', 'mastodon']);
    for (const site of PAGE_SITES) {
      for (const host of site.hosts) expect(PLATFORMS[site.platform].hosts).toContain(host);
    }
  });

  it('finds every site by host or by markup, and reads at least one source', () => {
    for (const site of PAGE_SITES) {
      expect(site.hosts.length > 0 || site.recognise !== undefined).toBe(true);
      expect(site.sources.length).toBeGreaterThan(0);
      expect(new Set(site.sources).size).toBe(site.sources.length);
    }
  });
});

describe('content keys: one piece of content, whichever URL shows it', () => {
  const key = (read: (url: URL) => string | null, url: string) => read(new URL(url));

  it.each([
    ['https://www.youtube.com/watch?v=abc&list=PL1&t=3', 'video:abc'],
    ['https://m.youtube.com/shorts/abc', 'video:abc'],
    ['https://www.youtube.com/live/abc?si=x', 'video:abc'],
    ['https://www.youtube.com/embed/abc', 'video:abc'],
    ['https://youtu.be/abc?t=1', 'video:abc'],
    ['https://www.youtube.com/playlist?list=PL1', 'playlist:PL1'],
    ['https://www.youtube.com/post/Ugkx1', 'post:Ugkx1'],
    ['https://www.youtube.com/watch', null],
    ['https://www.youtube.com/@acme', null],
    ['https://www.youtube.com/channel/UC1', null],
  ])('YouTube %s → %s', (url, expected) => {
    expect(key(youtubeContentKey, url)).toBe(expected);
  });

  it.each([
    ['https://www.instagram.com/p/C0dE/', 'post:C0dE'],
    ['https://www.instagram.com/reel/C0dE/', 'post:C0dE'],
    ['https://www.instagram.com/acme/p/C0dE/', 'post:C0dE'],
    ['https://www.instagram.com/stories/highlights/1790/', 'highlight:1790'],
    ['https://www.instagram.com/acme/', null],
    ['https://www.instagram.com/p/', null],
  ])('Instagram %s → %s', (url, expected) => {
    expect(key(instagramContentKey, url)).toBe(expected);
  });

  it.each([
    ['https://x.com/acme/status/123', 'status:123'],
    ['https://x.com/i/status/123', 'status:123'],
    ['https://twitter.com/i/web/status/123', 'status:123'],
    ['https://x.com/acme/status/123/photo/1', 'status:123'],
    ['https://x.com/acme', null],
    ['https://x.com/acme/status/notanumber', null],
  ])('X %s → %s', (url, expected) => {
    expect(key(xContentKey, url)).toBe(expected);
  });

  it.each([
    ['https://www.threads.com/t/CuX', 'post:CuX'],
    ['https://www.threads.net/@zuck/post/CuX', 'post:CuX'],
    ['https://www.threads.net/@zuck', null],
    ['https://www.threads.net/post/CuX', null],
  ])('Threads %s → %s', (url, expected) => {
    expect(key(threadsContentKey, url)).toBe(expected);
  });

  it.each([
    ['https://mastodon.social/@Gargron/110', 'status:110'],
    ['https://mastodon.social/@bob@other.example/110', 'status:110'],
    ['https://mastodon.social/web/statuses/110', 'status:110'],
    ['https://mastodon.social/statuses/110', 'status:110'],
    ['https://mastodon.social/users/Gargron/statuses/110', 'status:110'],
    ['https://mastodon.social/@Gargron', null],
    ['https://mastodon.social/@Gargron/with_replies', null],
    ['https://mastodon.social/web/accounts/109', null],
  ])('Mastodon %s → %s', (url, expected) => {
    expect(key(mastodonContentKey, url)).toBe(expected);
  });
});
