import { describe, expect, it } from 'vitest';
import type { UserHost } from '@/utils/channels';
import { accountFromPage, type ClueInput } from '@/utils/page-account/validate';

/** The account one author clue names for the page, or null. */
const named = (pageUrl: string, clueUrl: string, userHosts?: readonly UserHost[]) =>
  accountFromPage(pageUrl, [{ url: clueUrl, source: 'json-ld-author' }], userHosts)?.channel.account ?? null;

describe('accountFromPage: the platform’s own parser decides what a clue names', () => {
  const watch = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';

  it.each([
    // [page URL, clue URL, account]
    [watch, 'https://www.youtube.com/@Acme', '@acme'],
    [watch, 'http://m.youtube.com/channel/UCuAXFkgsw1L7xaCfnd5JJOw', 'channel/UCuAXFkgsw1L7xaCfnd5JJOw'],
    ['https://m.youtube.com/shorts/abc', 'https://www.youtube.com/@Acme/shorts', '@acme'],
    ['https://www.instagram.com/p/C0dE/', 'https://instagram.com/acme.shop', 'acme.shop'],
    ['https://x.com/i/status/1', 'https://twitter.com/AcmeCorp/status/1', 'acmecorp'],
    ['https://www.threads.com/t/C0dE', 'https://threads.net/@acme', '@acme'],
    ['https://www.linkedin.com/posts/acme_x-activity-1-a', 'https://de.linkedin.com/company/acme-gmbh', 'company/acme-gmbh'],
    ['https://www.facebook.com/reel/123', 'https://m.facebook.com/acmebakery/', 'acmebakery'],
  ])('%s with clue %s names %s', (pageUrl, clueUrl, account) => {
    expect(named(pageUrl, clueUrl)).toBe(account);
  });

  it.each([
    ['a lookalike host', 'https://www.youtube.com.evil.example/@acme'],
    ['another platform', 'https://www.instagram.com/acme/'],
    ['credentials in the URL', 'https://www.youtube.com@evil.example/@acme'],
    ['an excluded host of the platform', 'https://music.youtube.com/@acme'],
    ['a handle of the wrong shape', 'https://www.youtube.com/@a%20b'],
    ['a feature, not a channel', 'https://www.youtube.com/feed/trending'],
    ['another video (its account is on its page again)', 'https://www.youtube.com/watch?v=other'],
    ['no web URL', 'javascript:alert("https://www.youtube.com/@acme")'],
    ['relative text (the reader resolves; the background never guesses)', '/@acme'],
    ['an absurdly long URL', `https://www.youtube.com/@${'a'.repeat(2100)}`],
  ])('ignores %s', (_, clueUrl) => {
    expect(named(watch, clueUrl)).toBeNull();
  });

  it('ignores an author clue when the page URL names its account, or names none', () => {
    expect(named('https://www.youtube.com/@acme', 'https://www.youtube.com/@other')).toBeNull();
    expect(named('https://www.youtube.com/feed/subscriptions', 'https://www.youtube.com/@other')).toBeNull();
    expect(named('https://example.com/watch?v=1', 'https://www.youtube.com/@other')).toBeNull();
    expect(named('not a url', 'https://www.youtube.com/@other')).toBeNull();
  });

  it('reads a Mastodon instance the user added, and a remote account seen from it', () => {
    const userHosts: UserHost[] = [{ host: 'social.example.org', platform: 'mastodon' }];
    const page = 'https://social.example.org/web/statuses/110000000000000001';
    expect(named(page, 'https://social.example.org/@Alice/110000000000000001', userHosts)).toBe('@alice@social.example.org');
    expect(named(page, 'https://social.example.org/@bob@mastodon.social', userHosts)).toBe('@bob@mastodon.social');
    expect(named(page, 'https://social.example.org/@Alice')).toBeNull();
    // An unknown instance is no Mastodon host the background knows: not the page's platform.
    expect(named(page, 'https://unknown.example/@alice', userHosts)).toBeNull();
  });

  it('keeps a custom host out: it is another platform, even for the same place', () => {
    const userHosts: UserHost[] = [{ host: 'example.com', platform: 'custom' }];
    expect(named('https://x.com/i/status/1', 'https://example.com/acme', userHosts)).toBeNull();
  });
});

describe('accountFromPage: clues in order of trust', () => {
  const post = 'https://x.com/i/status/1790000000000000000';

  it('takes the first clue that names an account, skipping those that do not', () => {
    const clues: ClueInput[] = [
      { url: 'https://nitter.net/first/status/1790000000000000000', source: 'json-ld-author' },
      { url: 'https://x.com/i/status/1790000000000000000', source: 'canonical' },
      { url: 'https://x.com/Second/status/1790000000000000000', source: 'og-url' },
      { url: 'https://x.com/third', source: 'og-url' },
    ];
    expect(accountFromPage(post, clues)).toEqual({
      channel: { platform: 'x', account: 'second' }, reason: 'named-by-page', source: 'og-url',
    });
  });

  it('ignores clues that are not what the reader sends (a message from somewhere else)', () => {
    const clues = [
      { url: 'https://x.com/acme', source: 'whatever' },
      { url: 42, source: 'canonical' },
      { url: ['https://x.com/acme'], source: 'canonical' },
    ] as ClueInput[];
    expect(accountFromPage(post, clues)).toBeNull();
  });

  it('reads no more than eight clues', () => {
    const useless = Array.from({ length: 8 }, (): ClueInput => ({ url: 'https://x.com/home', source: 'canonical' }));
    expect(accountFromPage(post, [...useless, { url: 'https://x.com/acme', source: 'canonical' }])).toBeNull();
  });

  it('changes nothing without clues, on a feed, or off any channel', () => {
    expect(accountFromPage(post, [])).toBeNull();
    expect(accountFromPage('https://x.com/home', [{ url: 'https://x.com/acme', source: 'canonical' }])).toBeNull();
    expect(accountFromPage('https://example.com/', [{ url: 'https://x.com/acme', source: 'canonical' }])).toBeNull();
  });
});

describe('accountFromPage: unifying an id with the page’s own name', () => {
  const admin = 'https://www.linkedin.com/company/12345/admin/';

  it('counts the LinkedIn admin view under the company’s canonical slug', () => {
    expect(accountFromPage(admin, [{ url: 'https://www.linkedin.com/company/acme-gmbh/', source: 'canonical' }])).toEqual({
      channel: { platform: 'linkedin', account: 'company/acme-gmbh' }, reason: 'unified', source: 'canonical',
    });
    expect(accountFromPage(admin, [{ url: 'https://de.linkedin.com/company/acme-gmbh', source: 'og-url' }])?.channel.account)
      .toBe('company/acme-gmbh');
  });

  it('never unifies through an author: a company page shows other people’s posts', () => {
    expect(accountFromPage(admin, [{ url: 'https://www.linkedin.com/company/other/', source: 'json-ld-author' }])).toBeNull();
    expect(accountFromPage(admin, [{ url: 'https://www.linkedin.com/company/other/', source: 'link-author' }])).toBeNull();
  });

  it('lets the first self-address decide: a later one cannot overrule it', () => {
    expect(accountFromPage(admin, [
      { url: 'https://www.linkedin.com/company/12345/', source: 'canonical' },
      { url: 'https://www.linkedin.com/company/acme-gmbh/', source: 'og-url' },
    ])).toBeNull();
  });

  it('keeps the URL’s account against another kind, another id, another name or another host', () => {
    for (const url of [
      'https://www.linkedin.com/in/jane-doe/',
      'https://www.linkedin.com/company/67890/',
      'https://www.linkedin.com/showcase/acme-labs/',
      'https://evil.example/company/acme-gmbh/',
    ]) expect(accountFromPage(admin, [{ url, source: 'canonical' }])).toBeNull();
    expect(accountFromPage('https://www.linkedin.com/company/acme/', [{ url: 'https://www.linkedin.com/company/other/', source: 'canonical' }]))
      .toBeNull();
  });

  it('counts a Facebook page under its username, however the URL reached it', () => {
    const name = [{ url: 'https://www.facebook.com/acmebakery', source: 'og-url' }] as const;
    expect(accountFromPage('https://www.facebook.com/100064123456789', name)?.channel).toEqual({ platform: 'facebook', account: 'acmebakery' });
    expect(accountFromPage('https://www.facebook.com/profile.php?id=100064123456789', name)?.channel.account).toBe('acmebakery');
    // Business Suite names the page by `asset_id`; the rule holds should its markup ever name the page.
    expect(accountFromPage('https://business.facebook.com/latest/home?asset_id=100064123456789', name)?.channel.account).toBe('acmebakery');
  });

  it('keeps other platforms’ accounts as the URL names them', () => {
    expect(accountFromPage('https://www.youtube.com/channel/UCuAXFkgsw1L7xaCfnd5JJOw', [
      { url: 'https://www.youtube.com/@acme', source: 'canonical' },
    ])).toBeNull();
  });
});
