import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectChannelDetailed } from '@/utils/channels';
import { PLATFORM_LIST } from '@/utils/platforms';
import { PLATFORM_IDS } from '@/utils/platforms/types';

describe('platform tables', () => {
  it.each(PLATFORM_IDS)('%s has its own URL table', (id) => {
    expect(existsSync(resolve(__dirname, `${id}.test.ts`))).toBe(true);
  });
});

/** The account a URL gives, when it gives one as a string. */
function accountOf(url: string): string | null {
  return detectChannelDetailed(url)?.channel.account ?? null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `word` with the letters the mask marks in upper case. */
function withCase(word: string, upper: readonly boolean[]): string {
  return [...word].map((char, index) => (upper[index] ? char.toUpperCase() : char)).join('');
}

// Hosts are tried bare and with www.; other subdomains mean different things on each platform
// (a blog on tumblr.com, a tool on twitch.tv), so their own tables cover them.
const PREFIXES = ['', 'www.'];
// What may follow a reserved path: plain names, anything percent-encoded (so it stays one
// segment), and words the parsers look for.
const SEGMENT = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_.-]{1,16}$/),
  fc.string({ minLength: 1, maxLength: 8 }).map(encodeURIComponent),
  fc.constantFrom('acme', '@acme', '123456789', 'status', 'blog', 'about', 'posts'),
);

// Paths the platforms keep for their own pages must never come back as the account.
const WITH_RESERVED = PLATFORM_LIST.filter((platform) => (platform.reservedPaths?.length ?? 0) > 0);

it('declares reserved paths for every platform whose parser keeps words', () => {
  expect(WITH_RESERVED.map((platform) => platform.id)).toEqual([
    'linkedin', 'facebook', 'instagram', 'x', 'mastodon', 'youtube', 'tiktok', 'pinterest', 'reddit',
    'tumblr', 'twitch', 'snapchat', 'telegram',
  ]);
});

describe.each(WITH_RESERVED.map((platform) => [platform.id, platform] as const))('%s: reserved paths', (_id, platform) => {
  const paths = platform.reservedPaths ?? [];

  it('are not accounts, alone, with a slash, query, fragment or in upper case', () => {
    for (const path of paths) {
      for (const host of platform.hosts) {
        for (const prefix of PREFIXES) {
          for (const tail of [path, `${path}/`, `${path}?x=1`, `${path}#top`, path.toUpperCase()]) {
            const url = `https://${prefix}${host}/${tail}`;
            expect(accountOf(url), url).toBeNull();
          }
        }
      }
    }
  });

  it.each(paths)('%s is never the account, in any case and with anything after it', (path) => {
    // A suffix may name an account of its own (`/blog/<name>`), so it must not be the word itself.
    const segment = SEGMENT.filter((value) => safeDecode(value).toLowerCase() !== path);
    fc.assert(
      fc.property(
        fc.constantFrom(...platform.hosts),
        fc.constantFrom(...PREFIXES),
        fc.array(fc.boolean(), { minLength: path.length, maxLength: path.length }),
        fc.array(segment, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('', '/', '?x=1'),
        (host, prefix, upper, suffix, tail) => {
          const url = `https://${prefix}${host}/${withCase(path, upper)}/${suffix.join('/')}${tail}`;
          expect(accountOf(url)?.toLowerCase(), url).not.toBe(path);
        },
      ),
      { numRuns: 25 },
    );
  });
});
