import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '@/utils/platforms';
import { detectedKey, platformTable, type FromPageRow, type UrlRow } from './table';

const ROWS: UrlRow[] = [
  ['https://x.com/acme', 'x:acme'],
  ['https://x.com/Acme_Corp', 'x:acme_corp'],
  ['https://x.com/acme/status/1790000000000000000', 'x:acme'],
  ['https://x.com/acme/status/1790000000000000000/photo/1', 'x:acme'],
  ['https://x.com/acme/with_replies', 'x:acme'],
  ['https://twitter.com/acme?ref_src=twsrc%5Egoogle', 'x:acme'],
  ['https://mobile.twitter.com/acme/status/1', 'x:acme'],
  ['https://www.twitter.com/acme/', 'x:acme'],
  ['https://x.com/home', 'x'],
  ['https://x.com/explore', 'x'],
  ['https://x.com/search?q=acme&src=typed_query', 'x'],
  ['https://x.com/notifications', 'x'],
  ['https://x.com/messages/123-456', 'x'],
  ['https://x.com/settings/account', 'x'],
  ['https://x.com/i/bookmarks', 'x'],
  ['https://x.com/i/lists/123', 'x'],
  ['https://x.com/compose/post', 'x'],
  ['https://x.com/hashtag/socialmedia', 'x'],
  ['https://x.com/login', 'x'],
  ['https://x.com/i/flow/signup', 'x'],
  ['https://x.com/tos', 'x'],
  ['https://x.com/privacy', 'x'],
  ['https://x.com/intent/post?text=hi', 'x'],
  ['https://pro.x.com/i/decks/123', 'x'],
  ['https://tweetdeck.twitter.com/', 'x'],
  ['https://x.com/', 'x'],
  ['https://developer.x.com/en/docs', null],
  ['https://developer.twitter.com/en/portal', null],
  // `/@<handle>` opens the same profile: one channel with `/<handle>`, on every app host.
  ['https://x.com/@acme', 'x:acme'],
  ['https://x.com/@Acme/status/1790000000000000000', 'x:acme'],
  ['https://www.x.com/@acme/with_replies', 'x:acme'],
  ['https://twitter.com/@acme', 'x:acme'],
  ['https://mobile.twitter.com/@acme/status/1', 'x:acme'],
  ['https://m.twitter.com/@acme/media', 'x:acme'],
  ['https://mobile.x.com/@acme', 'x:acme'],
  ['https://x.com/%40acme', 'x:acme'],
  ['https://x.com/@', 'x'],
  ['https://x.com/@@acme', 'x'],
  ['https://x.com/@home', 'x'],
  ['https://x.com/@Settings/account', 'x'],
  ['https://x.com/@i/status/1790000000000000000', 'x'],
  ['https://x.com/@acme.corp', 'x'],
  ['https://x.com/@this_is_21_characters', 'x'],
  ['https://x.com/acme@example', 'x'],
  ['https://pro.x.com/@acme', 'x'],
  ['https://developer.x.com/@acme', null],
  ['https://developer.twitter.com/@acme', null],
];

const FROM_PAGE: FromPageRow[] = [
  ['https://x.com/i/web/status/1790000000000000000', true],
  ['https://x.com/acme/status/1790000000000000000', false],
  ['https://x.com/home', false],
  ['https://x.com/@acme/status/1790000000000000000', false],
];

platformTable('x', ROWS, FROM_PAGE);

describe('X handles written with @', () => {
  const hosts = ['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'm.twitter.com', 'mobile.twitter.com'];
  const reserved = PLATFORMS.x.reservedPaths ?? [];
  const name = fc
    .stringMatching(/^[A-Za-z0-9_]{1,20}$/)
    .filter((value) => !reserved.includes(value.toLowerCase()));

  it('are one channel with the same handle without @', () => {
    const tails = ['', '/status/1790000000000000000', '/media'];
    fc.assert(
      fc.property(fc.constantFrom(...hosts), name, fc.constantFrom(...tails), (host, handle, tail) => {
        const key = `x:${handle.toLowerCase()}`;
        expect(detectedKey(`https://${host}/@${handle}${tail}`)).toBe(key);
        expect(detectedKey(`https://${host}/${handle}${tail}`)).toBe(key);
      }),
      { numRuns: 200 },
    );
  });

  it('never take a reserved word for a handle', () => {
    expect(reserved.length).toBeGreaterThan(0);
    for (const word of reserved) {
      for (const host of hosts) expect(detectedKey(`https://${host}/@${word}`), `${host}/@${word}`).toBe('x');
    }
  });
});
