// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPageAccountClues } from '@/utils/page-account/read';
import { accountFromPage } from '@/utils/page-account/validate';
import { pageDocument } from './fixtures';

/** The account the page puts the URL on, through both halves, as the background will see it. */
function pageAccount(pageUrl: string, doc: Document): string | null {
  return accountFromPage(pageUrl, readPageAccountClues(doc, pageUrl))?.channel.account ?? null;
}

const VIDEO = 'dQw4w9WgXcQ';
const WATCH = `https://www.youtube.com/watch?v=${VIDEO}`;

/** A watch page as YouTube serves it: head links, and the VideoObject microdata in the body. */
function watchPage(options: { itemUrl?: string; authorUrl?: string; canonical?: string; extra?: string } = {}): Document {
  const itemUrl = options.itemUrl ?? WATCH;
  const canonical = options.canonical ?? itemUrl;
  return pageDocument(
    `<title>Never Gonna Give You Up - YouTube</title>
     <link rel="canonical" href="${canonical}">
     <meta property="og:url" content="${canonical}">
     <meta property="og:site_name" content="YouTube">`,
    `<div id="watch7-content" class="watch-main-col" itemscope itemid="" itemtype="http://schema.org/VideoObject">
       <link itemprop="url" href="${itemUrl}">
       <meta itemprop="name" content="Never Gonna Give You Up">
       <meta itemprop="identifier" content="${VIDEO}">
       <span itemprop="author" itemscope itemtype="http://schema.org/Person">
         <link itemprop="url" href="${options.authorUrl ?? 'http://www.youtube.com/@RickAstleyYT'}">
         <link itemprop="name" content="Rick Astley">
       </span>
       ${options.extra ?? ''}
     </div>`,
  );
}

describe('YouTube: the watch page names its channel in the VideoObject microdata', () => {
  it('reads the author first, then the page’s own address, without duplicates', () => {
    expect(readPageAccountClues(watchPage(), WATCH)).toEqual([
      { url: 'http://www.youtube.com/@RickAstleyYT', source: 'microdata-author' },
      { url: WATCH, source: 'canonical' },
    ]);
  });

  it('puts the watch page on the author’s handle, as the platform parser writes it', () => {
    expect(pageAccount(WATCH, watchPage())).toBe('@rickastleyyt');
    expect(accountFromPage(WATCH, readPageAccountClues(watchPage(), WATCH))).toEqual({
      channel: { platform: 'youtube', account: '@rickastleyyt' },
      reason: 'named-by-page',
      source: 'microdata-author',
    });
  });

  it('reads the same markup on m.youtube.com, youtu.be links and Shorts', () => {
    expect(pageAccount(`https://m.youtube.com/watch?v=${VIDEO}&t=42`, watchPage())).toBe('@rickastleyyt');
    expect(pageAccount(`https://youtu.be/${VIDEO}`, watchPage())).toBe('@rickastleyyt');
    const short = `https://www.youtube.com/shorts/${VIDEO}`;
    expect(pageAccount(short, watchPage({ itemUrl: short }))).toBe('@rickastleyyt');
    // A Short's item may carry the watch address: the same video either way.
    expect(pageAccount(short, watchPage())).toBe('@rickastleyyt');
  });

  it('takes a channel id or legacy name as written in the author link', () => {
    expect(pageAccount(WATCH, watchPage({ authorUrl: 'https://www.youtube.com/channel/UCuAXFkgsw1L7xaCfnd5JJOw' })))
      .toBe('channel/UCuAXFkgsw1L7xaCfnd5JJOw');
    expect(pageAccount(WATCH, watchPage({ authorUrl: 'http://www.youtube.com/user/RickAstleyVEVO' }))).toBe('user/rickastleyvevo');
  });

  it('resolves a relative author link against the page URL', () => {
    expect(readPageAccountClues(watchPage({ authorUrl: '/@relative.handle' }), WATCH)[0])
      .toEqual({ url: 'https://www.youtube.com/@relative.handle', source: 'microdata-author' });
    expect(pageAccount(WATCH, watchPage({ authorUrl: '/@relative.handle' }))).toBe('@relative.handle');
  });

  it('puts a legacy `/<name>` channel URL on the canonical channel id', () => {
    const legacy = 'https://www.youtube.com/RickAstleyVEVO';
    const doc = pageDocument('<link rel="canonical" href="https://www.youtube.com/channel/UCuAXFkgsw1L7xaCfnd5JJOw">');
    expect(pageAccount(legacy, doc)).toBe('channel/UCuAXFkgsw1L7xaCfnd5JJOw');
  });
});

describe('YouTube: markup that lies names nothing', () => {
  it('ignores an author on another host, and takes no canonical that is the video itself', () => {
    const doc = watchPage({ authorUrl: 'https://evil.example/@RickAstleyYT' });
    expect(readPageAccountClues(doc, WATCH).map((clue) => clue.url)).toEqual(['https://evil.example/@RickAstleyYT', WATCH]);
    expect(pageAccount(WATCH, doc)).toBeNull();
  });

  it('ignores an author link of the wrong shape', () => {
    expect(pageAccount(WATCH, watchPage({ authorUrl: 'https://www.youtube.com/@not%20a%20handle' }))).toBeNull();
    expect(pageAccount(WATCH, watchPage({ authorUrl: 'https://www.youtube.com/feed/subscriptions' }))).toBeNull();
    expect(pageAccount(WATCH, watchPage({ authorUrl: 'https://music.youtube.com/@RickAstleyYT' }))).toBeNull();
  });

  it('drops javascript: and data: author links in the reader', () => {
    for (const authorUrl of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<b>x</b>']) {
      expect(readPageAccountClues(watchPage({ authorUrl }), WATCH)).toEqual([{ url: WATCH, source: 'canonical' }]);
    }
  });

  it('ignores the author of an item nested in the video (a comment)', () => {
    const doc = pageDocument('', `
      <div itemscope itemtype="http://schema.org/VideoObject">
        <link itemprop="url" href="${WATCH}">
        <div itemprop="comment" itemscope itemtype="http://schema.org/Comment">
          <span itemprop="author" itemscope itemtype="http://schema.org/Person">
            <link itemprop="url" href="https://www.youtube.com/@commenter">
          </span>
        </div>
      </div>`);
    expect(readPageAccountClues(doc, WATCH)).toEqual([]);
  });

  it('ignores microdata left over from the previous video of the single-page app', () => {
    const next = 'https://www.youtube.com/watch?v=OTHERvideo1';
    expect(readPageAccountClues(watchPage(), next)).toEqual([]);
    expect(pageAccount(next, watchPage())).toBeNull();
    // A stale channel canonical on a watch page is another page's address, not this video's.
    const staleChannel = watchPage({ canonical: 'https://www.youtube.com/@SomeoneElse', itemUrl: WATCH });
    expect(readPageAccountClues(staleChannel, next)).toEqual([]);
  });

  it('keeps the URL’s own channel on channel pages: a clue there changes nothing', () => {
    expect(pageAccount('https://www.youtube.com/@acme/videos', watchPage())).toBeNull();
    expect(pageAccount('https://www.youtube.com/feed/subscriptions', watchPage())).toBeNull();
  });
});
