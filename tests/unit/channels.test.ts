import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  channelKey,
  channelLabel,
  channelNameParts,
  contentScriptExcludeMatches,
  contentScriptMatches,
  detectChannel,
  detectChannelDetailed,
  hostMatchPattern,
  isValidHost,
  parseChannelKey,
  platformName,
  type Channel,
  type UserHost,
} from '@/utils/channels';
import { PLATFORMS, PLATFORM_LIST } from '@/utils/platforms';
import { PLATFORM_IDS } from '@/utils/platforms/types';
import { needsPage } from './platforms/table';

/** The channel as its key (`linkedin:company/acme`, `x`), or null: one comparable value per row. */
function detectedKey(url: string, userHosts?: readonly UserHost[]): string | null {
  const channel = detectChannel(url, userHosts);
  return channel === null ? null : channelKey(channel);
}

// Each platform's own URLs are in its table, tests/unit/platforms/<id>.test.ts. These rows are
// about URLs in general: [url, expected channel key or null].
const VARIANTS: Array<[string, string | null]> = [
  // Case, trailing dot, ports, schemes, percent-encoding, fragments.
  ['HTTPS://WWW.LINKEDIN.COM/company/acme', 'linkedin:company/acme'],
  ['https://www.linkedin.com./company/acme', 'linkedin:company/acme'],
  ['https://www.linkedin.com:443/company/acme', 'linkedin:company/acme'],
  ['http://www.linkedin.com:8080/company/acme', 'linkedin:company/acme'],
  ['http://x.com/acme', 'x:acme'],
  ['https://x.com/acme#top', 'x:acme'],
  ['https://x.com//acme//', 'x:acme'],
  ['https://www.reddit.com/r/social%6Dedia/', 'reddit:r/socialmedia'],
  ['https://www.youtube.com/@%E3%82%A2%E3%82%AF%E3%83%A1', 'youtube:@アクメ'],
  ['https://www.youtube.com/@acme?utm_source=newsletter&utm_medium=email', 'youtube:@acme'],
  ['https://www.facebook.com/acmepage/?utm_campaign=x&fbclid=abc', 'facebook:acmepage'],
  ['  https://x.com/acme  ', 'x:acme'],
  ['https://www.linkedin.com/in/bad%ZZslug/', 'linkedin'],
];

const NOT_CHANNELS: Array<[string, null]> = [
  // Lookalike hosts.
  ['https://linkedin.com.evil.example/company/acme', null],
  ['https://notfacebook.com/acmepage', null],
  ['https://x.company.com/acme', null],
  ['https://facebook.com@evil.example/acmepage', null],
  ['https://user:pass@www.facebook.com/acmepage', null],
  ['https://evil.example/?u=https://facebook.com/acmepage', null],
  ['https://evil.example/facebook.com/acmepage', null],
  ['https://facebook.com%2eevil.example/', null],
  ['https://fakelinkedin.com/in/jane', null],
  ['https://linkedin.co/company/acme', null],
  ['https://youtube.com.example.org/@acme', null],
  ['https://mytwitter.com/acme', null],
  ['https://reddit.comm/r/x', null],
  ['https://tumblr.co/acme', null],
  ['https://xn--facebok-vxa.com/', null],
  ['https://tme.example/acme', null],
  ['https://bsky.app.evil.example/profile/acme.com', null],
  ['https://mastodon.social.evil.example/@acme', null],
  // Not web URLs.
  ['data:text/html,<a href="https://x.com/acme">x</a>', null],
  ['javascript:alert("https://x.com/acme")', null],
  ['file:///home/user/x.com/acme.html', null],
  ['chrome://extensions/', null],
  ['about:blank', null],
  ['chrome-extension://abcdefghijklmnop/popup.html', null],
  ['moz-extension://1234/options.html', null],
  ['ftp://x.com/acme', null],
  ['ws://x.com/acme', null],
  ['view-source:https://x.com/acme', null],
  ['blob:https://x.com/1234-5678', null],
  // Malformed.
  ['', null],
  ['x.com/acme', null],
  ['https://', null],
  ['https://x..com/acme', null],
  ['https://www.linkedin.com../company/acme', null],
  ['http://[::1]/acme', null],
  ['https://127.0.0.1/acme', null],
  ['not a url', null],
  ['https://exa mple.com/', null],
  ['https://%zz/', null],
  // Unknown hosts.
  ['https://example.com/', null],
  ['https://news.ycombinator.com/item?id=1', null],
  ['https://t.co/abc123', null],
  ['https://fb.com/acmepage', null],
  ['https://discord.gg/acme', null],
  ['https://wa.me/491701234567', null],
];

describe('detectChannel: URL variants of the same place', () => {
  it.each(VARIANTS)('%s -> %s', (url, expected) => {
    expect(detectedKey(url)).toBe(expected);
  });
});

describe('detectChannel: lookalikes, other schemes, malformed and unknown URLs', () => {
  it.each(NOT_CHANNELS)('%s is no channel', (url) => {
    expect(detectChannel(url)).toBeNull();
  });
});

const USER_HOSTS: readonly UserHost[] = [
  { host: 'social.example', platform: 'mastodon' },
  { host: 'www.acme-community.example', platform: 'custom' },
  { host: 'forum.example.org', platform: 'custom' },
  { host: 'example.org', platform: 'custom' },
  { host: 'linkedin.com', platform: 'custom' },
  { host: 'mastodon.social', platform: 'custom' },
  { host: 'music.youtube.com', platform: 'custom' },
  { host: 'not a host', platform: 'custom' },
];

const WITH_USER_HOSTS: Array<[string, string | null]> = [
  ['https://social.example/@bob', 'mastodon:@bob@social.example'],
  ['https://social.example/@Bob/1122334455', 'mastodon:@bob@social.example'],
  ['https://social.example/@bob@mastodon.social', 'mastodon:@bob@mastodon.social'],
  ['https://social.example/home', 'mastodon'],
  ['https://SOCIAL.example./@bob', 'mastodon:@bob@social.example'],
  ['https://acme-community.example/threads/42', 'custom:acme-community.example'],
  ['https://www.acme-community.example/', 'custom:acme-community.example'],
  ['https://forum.example.org/t/welcome', 'custom:forum.example.org'],
  ['https://blog.example.org/post', 'custom:example.org'],
  ['https://example.org/', 'custom:example.org'],
  // Built-in platforms win over user hosts.
  ['https://www.linkedin.com/company/acme', 'linkedin:company/acme'],
  ['https://mastodon.social/@acme', 'mastodon:@acme@mastodon.social'],
  // An excluded built-in host is free for the user to claim.
  ['https://music.youtube.com/watch?v=abc', 'custom:music.youtube.com'],
  // Lookalikes of user hosts are not theirs.
  ['https://social.example.evil.example/@bob', null],
  ['https://notsocial.example/@bob', null],
  ['https://anexample.org/', null],
  ['https://user@social.example/@bob', null],
  ['javascript://social.example/%0aalert(1)', null],
  ['https://not a host/', null],
];

describe('detectChannel: user hosts', () => {
  it.each(WITH_USER_HOSTS)('%s -> %s', (url, expected) => {
    expect(detectedKey(url, USER_HOSTS)).toBe(expected);
  });

  it('ignores user hosts that are not given', () => {
    expect(detectChannel('https://social.example/@bob')).toBeNull();
  });

  it('prefers the most specific user host', () => {
    const hosts: UserHost[] = [
      { host: 'example.org', platform: 'custom' },
      { host: 'social.example.org', platform: 'mastodon' },
    ];
    expect(detectedKey('https://social.example.org/@ann', hosts)).toBe('mastodon:@ann@social.example.org');
    expect(detectedKey('https://shop.example.org/', hosts)).toBe('custom:example.org');
  });
});

// [url, whether the page has to name the account]; each platform's rows are in its table.
const FROM_PAGE: Array<[string, boolean]> = [
  ['https://example.com/', false],
  ['not a url', false],
];

describe('detectChannelDetailed: whether the page has to name the account', () => {
  it.each(FROM_PAGE)('%s needs the page: %s', (url, expected) => {
    expect(needsPage(url)).toBe(expected);
  });

  it('gives the platform without an account until the page names it', () => {
    expect(detectChannelDetailed('https://www.youtube.com/watch?v=abc')).toEqual({
      channel: { platform: 'youtube', account: null },
      accountFromPage: true,
    });
    expect(detectChannelDetailed('https://www.youtube.com/@acme')).toEqual({
      channel: { platform: 'youtube', account: '@acme' },
      accountFromPage: false,
    });
    expect(detectChannelDetailed('https://example.com/')).toBeNull();
  });

  it('reads user hosts the same way', () => {
    const hosts: UserHost[] = [{ host: 'social.example', platform: 'mastodon' }];
    expect(needsPage('https://social.example/web/accounts/123', hosts)).toBe(true);
    expect(needsPage('https://social.example/@bob', hosts)).toBe(false);
  });
});

describe('detectChannel: input kinds and robustness', () => {
  it('accepts URL objects like strings', () => {
    expect(detectChannel(new URL('https://www.linkedin.com/company/acme/'))).toEqual({
      platform: 'linkedin',
      account: 'company/acme',
    });
  });

  it('does not change the URL object it is given', () => {
    const url = new URL('https://www.linkedin.com./company/acme/');
    detectChannel(url);
    expect(url.href).toBe('https://www.linkedin.com./company/acme/');
  });

  it('never throws, and returns a known platform or null, for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const channel = detectChannel(text);
        return channel === null || (PLATFORM_IDS as readonly string[]).includes(channel.platform);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws for arbitrary web URLs, with or without user hosts', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        detectChannel(url);
        detectChannel(url, USER_HOSTS);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws for arbitrary paths on every catalog host', () => {
    const hosts = PLATFORM_LIST.flatMap((platform) => platform.hosts);
    const segment = fc.oneof(fc.string(), fc.constantFrom('@', '%', '%E0%A4%A', 'status', '..', 'channel'));
    fc.assert(
      fc.property(fc.constantFrom(...hosts), fc.array(segment, { maxLength: 5 }), fc.string(), (host, segments, query) => {
        const path = segments.map(encodeURIComponent).join('/');
        const channel = detectChannel(`https://www.${host}/${path}?${encodeURIComponent(query)}`);
        expect(channel).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe('the catalog', () => {
  it('defines every platform id once, under its own id', () => {
    expect(Object.keys(PLATFORMS).sort()).toEqual([...PLATFORM_IDS].sort());
    for (const id of PLATFORM_IDS) expect(PLATFORMS[id].id).toBe(id);
    expect(PLATFORM_LIST.map((platform) => platform.id)).toEqual([...PLATFORM_IDS]);
  });

  it('has the display names', () => {
    expect(PLATFORM_IDS.map(platformName)).toEqual([
      'LinkedIn', 'XING', 'Facebook', 'Instagram', 'Threads', 'X', 'Bluesky', 'Mastodon', 'YouTube',
      'TikTok', 'Pinterest', 'Reddit', 'Tumblr', 'Twitch', 'Snapchat', 'WhatsApp', 'Telegram', 'Discord',
    ]);
  });

  it('lists normalised hosts, each on exactly one platform', () => {
    const seen = new Map<string, string>();
    for (const platform of PLATFORM_LIST) {
      expect(platform.hosts.length).toBeGreaterThan(0);
      expect(platform.accountFormats.length).toBeGreaterThan(0);
      for (const host of platform.hosts) {
        expect(isValidHost(host)).toBe(host);
        expect(seen.get(host), host).toBeUndefined();
        seen.set(host, platform.id);
      }
    }
  });

  it('detects every catalog host, bare and with www., as its platform', () => {
    for (const platform of PLATFORM_LIST) {
      for (const host of platform.hosts) {
        expect(detectChannel(`https://${host}/`)?.platform, host).toBe(platform.id);
        expect(detectChannel(`https://www.${host}/`)?.platform, host).toBe(platform.id);
      }
    }
  });

  it('excludes only hosts that lie under the platform’s own hosts', () => {
    for (const platform of PLATFORM_LIST) {
      for (const excluded of platform.excludedHosts ?? []) {
        expect(isValidHost(excluded)).toBe(excluded);
        expect(platform.hosts.some((host) => excluded.endsWith(`.${host}`)), excluded).toBe(true);
        expect(detectChannel(`https://${excluded}/`)).toBeNull();
        expect(detectChannel(`https://sub.${excluded}/page`)).toBeNull();
      }
    }
  });
});

describe('contentScriptMatches', () => {
  const matches = contentScriptMatches();
  const patternHosts = matches.map((pattern) => /^\*:\/\/\*\.([^/]+)\/\*$/.exec(pattern)?.[1]);

  it('is made of host patterns only, never <all_urls>', () => {
    expect(matches.length).toBeGreaterThan(0);
    expect(matches).not.toContain('<all_urls>');
    expect(patternHosts.every((host) => host !== undefined && isValidHost(host) === host)).toBe(true);
  });

  it('covers every catalog host and its subdomains', () => {
    for (const host of PLATFORM_LIST.flatMap((platform) => platform.hosts)) {
      const covered = patternHosts.some((base) => base !== undefined && (host === base || host.endsWith(`.${base}`)));
      expect(covered, host).toBe(true);
    }
  });

  it('is minimal: no duplicate and no pattern inside another', () => {
    expect(new Set(matches).size).toBe(matches.length);
    for (const host of patternHosts) {
      const inside = patternHosts.some((other) => other !== host && host?.endsWith(`.${other}`));
      expect(inside, host).toBe(false);
    }
  });

  it('leaves out subdomains already covered', () => {
    expect(matches).toContain('*://*.facebook.com/*');
    expect(matches).toContain('*://*.youtube.com/*');
    expect(matches).toContain('*://*.t.me/*');
    expect(matches).not.toContain('*://*.business.facebook.com/*');
  });

  it('gives exclude patterns for the excluded hosts', () => {
    expect(contentScriptExcludeMatches()).toContain('*://*.music.youtube.com/*');
    expect(contentScriptExcludeMatches()).toContain('*://*.developers.facebook.com/*');
  });
});

describe('hostMatchPattern', () => {
  it.each([
    ['social.example', '*://*.social.example/*'],
    ['www.Example.org', '*://*.example.org/*'],
    ['https://münchen.social/@bob', '*://*.xn--mnchen-3ya.social/*'],
  ])('%s -> %s', (host, pattern) => {
    expect(hostMatchPattern(host)).toBe(pattern);
  });

  it('refuses what is not a host', () => {
    expect(() => hostMatchPattern('*.example.com')).toThrow(RangeError);
    expect(() => hostMatchPattern('')).toThrow(RangeError);
  });
});

describe('isValidHost', () => {
  it.each([
    ['mastodon.social', 'mastodon.social'],
    ['  Mastodon.Social  ', 'mastodon.social'],
    ['https://mastodon.social/@bob', 'mastodon.social'],
    ['http://social.example:8443/about', 'social.example'],
    ['social.example.', 'social.example'],
    ['www.example.com', 'example.com'],
    ['www.com', 'www.com'],
    ['münchen.social', 'xn--mnchen-3ya.social'],
    ['social.example?x=1', 'social.example'],
    ['social.example#top', 'social.example'],
    ['a-b.example.co.uk', 'a-b.example.co.uk'],
  ])('%s -> %s', (input, expected) => {
    expect(isValidHost(input)).toBe(expected);
  });

  it.each([
    '', '   ', 'localhost', 'example', '192.168.0.1', '[::1]', '*.example.com', 'exa mple.com',
    'user@example.com', 'https://user:pw@example.com', 'ftp://example.com', 'javascript:alert(1)',
    'example..com', '-example.com', 'example-.com', 'under_score.example', `${'a'.repeat(64)}.com`,
    '@bob@mastodon.social', 'http://', 'example.123',
  ])('rejects %j', (input) => {
    expect(isValidHost(input)).toBeNull();
  });
});

describe('channelKey and parseChannelKey', () => {
  it('joins platform and account, and leaves out a missing account', () => {
    expect(channelKey({ platform: 'linkedin', account: 'company/acme' })).toBe('linkedin:company/acme');
    expect(channelKey({ platform: 'x', account: null })).toBe('x');
    expect(channelKey({ platform: 'custom', account: 'example.org' })).toBe('custom:example.org');
  });

  it('round-trips every detected channel', () => {
    // Each platform's table checks its own rows the same way.
    const channels = [...VARIANTS, ...WITH_USER_HOSTS]
      .map(([url]) => detectChannel(url, USER_HOSTS))
      .filter((channel): channel is Channel => channel !== null);
    expect(channels.length).toBeGreaterThan(25);
    for (const channel of channels) expect(parseChannelKey(channelKey(channel))).toEqual(channel);
  });

  it('splits on the first colon only', () => {
    expect(parseChannelKey('bluesky:did:plc:abcdefghijklmnopqrstuvwx')).toEqual({
      platform: 'bluesky',
      account: 'did:plc:abcdefghijklmnopqrstuvwx',
    });
  });

  it.each(['', 'myspace', 'myspace:tom', 'linkedin:', 'custom', 'custom:', 'LinkedIn:company/acme', ':acme'])(
    'rejects %j',
    (key) => {
      expect(parseChannelKey(key)).toBeNull();
    },
  );
});

describe('channelLabel', () => {
  it.each<[Channel, string]>([
    [{ platform: 'linkedin', account: 'company/acme' }, 'LinkedIn · company/acme'],
    [{ platform: 'x', account: 'acme' }, 'X · @acme'],
    [{ platform: 'instagram', account: 'acme' }, 'Instagram · @acme'],
    [{ platform: 'bluesky', account: 'acme.bsky.social' }, 'Bluesky · @acme.bsky.social'],
    [{ platform: 'mastodon', account: '@bob@mastodon.social' }, 'Mastodon · @bob@mastodon.social'],
    [{ platform: 'reddit', account: 'r/socialmedia' }, 'Reddit · r/socialmedia'],
    [{ platform: 'facebook', account: null }, 'Facebook'],
    [{ platform: 'custom', account: 'example.org' }, 'example.org'],
  ])('%j -> %s', (channel, label) => {
    expect(channelLabel(channel)).toBe(label);
  });
});

describe('channelNameParts', () => {
  it.each<[Channel, { platformName: string; account: string | null }]>([
    [{ platform: 'linkedin', account: 'company/acme' }, { platformName: 'LinkedIn', account: 'company/acme' }],
    [{ platform: 'x', account: 'acme' }, { platformName: 'X', account: '@acme' }],
    [{ platform: 'facebook', account: null }, { platformName: 'Facebook', account: null }],
    [{ platform: 'custom', account: 'example.org' }, { platformName: 'example.org', account: null }],
  ])('%j -> %j', (channel, parts) => {
    expect(channelNameParts(channel)).toEqual(parts);
  });
});
