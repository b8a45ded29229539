import { describe, expect, it } from 'vitest';
import { channelKey, detectChannel, detectChannelDetailed, parseChannelKey, type UserHost } from '@/utils/channels';
import { PLATFORMS } from '@/utils/platforms';
import type { PlatformId } from '@/utils/platforms/types';

/** A URL and the channel key it must give (`x:acme`, or `x` for no account), or null for no channel. */
export type UrlRow = [url: string, expected: string | null];
/** A URL and whether only the page, not the URL, can name its account. */
export type FromPageRow = [url: string, fromPage: boolean];

/** The channel as its key, or null: one comparable value per row. */
export function detectedKey(url: string): string | null {
  const channel = detectChannel(url);
  return channel === null ? null : channelKey(channel);
}

/** Whether only the page, not the URL, can name the account (the content script then reads it). */
export function needsPage(url: string, userHosts: readonly UserHost[] = []): boolean {
  return detectChannelDetailed(url, userHosts)?.accountFromPage ?? false;
}

// Tracking parameters, fragments and a trailing slash never change the channel.
const QUERIES = ['?utm_source=x&utm_medium=y', '?fbclid=IwAR0', '?si=abc', ''];
const FRAGMENTS = ['#section', ''];

/**
 * One platform's own URL table: each row, plus the checks every table owes as a whole (it names
 * only its platform, tracking noise changes nothing, every key it gives parses back).
 */
export function platformTable(id: PlatformId, rows: readonly UrlRow[], fromPage: readonly FromPageRow[] = []): void {
  describe(`${PLATFORMS[id].name} URL table`, () => {
    it.each(rows)('%s -> %s', (url, expected) => {
      expect(detectedKey(url)).toBe(expected);
    });

    it('expects only its own platform, or no channel', () => {
      for (const [url, expected] of rows) {
        if (expected !== null) expect(expected === id || expected.startsWith(`${id}:`), url).toBe(true);
      }
    });

    it('gives the same channel with query strings, fragments and trailing slashes added', () => {
      const plain = rows.map(([url]) => url).filter((url) => !url.includes('?') && !url.includes('#'));
      for (const url of plain) {
        const slashed = url.endsWith('/') ? url : `${url}/`;
        for (const query of QUERIES) {
          for (const fragment of FRAGMENTS) {
            expect(detectedKey(`${slashed}${query}${fragment}`), url).toBe(detectedKey(url));
          }
        }
      }
    });

    it('gives channel keys that parse back to the same channel', () => {
      for (const [url] of rows) {
        const channel = detectChannel(url);
        if (channel !== null) expect(parseChannelKey(channelKey(channel)), url).toEqual(channel);
      }
    });

    if (fromPage.length > 0) {
      it.each(fromPage)('%s needs the page: %s', (url, expected) => {
        expect(needsPage(url)).toBe(expected);
      });
    }
  });
}
