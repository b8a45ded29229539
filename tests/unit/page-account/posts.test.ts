// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPageAccountClues } from '@/utils/page-account/read';
import { accountFromPage } from '@/utils/page-account/validate';
import { jsonLd, pageDocument } from './fixtures';

/** The account the page puts the URL on, through both halves, as the background will see it. */
function pageAccount(pageUrl: string, doc: Document): string | null {
  return accountFromPage(pageUrl, readPageAccountClues(doc, pageUrl))?.channel.account ?? null;
}

/** A post as schema.org `SocialMediaPosting`, the way public post pages carry it. */
function posting(url: string, author: unknown, extra: Record<string, unknown> = {}): string {
  return jsonLd({ '@context': 'https://schema.org', '@type': 'SocialMediaPosting', url, author, ...extra });
}

describe('Instagram post permalinks', () => {
  const post = 'https://www.instagram.com/p/C0dEx_12-Ab/';

  it('reads the JSON-LD author, then the canonical that names the user', () => {
    const doc = pageDocument(`
      <link rel="canonical" href="https://www.instagram.com/acme.shop/p/C0dEx_12-Ab/">
      <meta property="og:url" content="${post}">
      ${posting(post, { '@type': 'Person', alternateName: '@acme.shop', url: 'https://www.instagram.com/acme.shop/' })}`);
    expect(readPageAccountClues(doc, post)).toEqual([
      { url: 'https://www.instagram.com/acme.shop/', source: 'json-ld-author' },
      { url: 'https://www.instagram.com/acme.shop/p/C0dEx_12-Ab/', source: 'canonical' },
      { url: post, source: 'og-url' },
    ]);
    expect(pageAccount(post, doc)).toBe('acme.shop');
  });

  it('puts a reel on the user its canonical names', () => {
    const reel = 'https://www.instagram.com/reel/C0dEx_12-Ab/?igsh=abc';
    const doc = pageDocument('<link rel="canonical" href="https://www.instagram.com/Acme.Shop/reel/C0dEx_12-Ab/">');
    expect(pageAccount(reel, doc)).toBe('acme.shop');
  });

  it('names nothing when the only clues are reserved paths, wrong shapes or the post itself', () => {
    const doc = pageDocument(`
      <link rel="canonical" href="${post}">
      ${posting(post, [{ url: 'https://www.instagram.com/explore/' }, { url: 'https://www.instagram.com/this-has-dashes/' }])}`);
    expect(readPageAccountClues(doc, post).map((clue) => clue.url)).toEqual([
      'https://www.instagram.com/explore/',
      'https://www.instagram.com/this-has-dashes/',
      post,
    ]);
    expect(pageAccount(post, doc)).toBeNull();
  });

  it('ignores JSON-LD about another post (left over from the previous page)', () => {
    const doc = pageDocument(posting('https://www.instagram.com/p/OtherPost1/', { url: 'https://www.instagram.com/someone.else/' }));
    expect(readPageAccountClues(doc, post)).toEqual([]);
  });
});

describe('X post permalinks', () => {
  const post = 'https://x.com/i/status/1790000000000000000';

  it('puts /i/status/<id> on the handle of its canonical', () => {
    const doc = pageDocument('<link rel="canonical" href="https://x.com/AcmeCorp/status/1790000000000000000">');
    expect(pageAccount(post, doc)).toBe('acmecorp');
    expect(pageAccount('https://twitter.com/i/web/status/1790000000000000000', doc)).toBe('acmecorp');
  });

  it('ignores a canonical on another host and a stale profile canonical', () => {
    expect(pageAccount(post, pageDocument('<link rel="canonical" href="https://nitter.net/acme/status/1790000000000000000">'))).toBeNull();
    const stale = pageDocument('<link rel="canonical" href="https://x.com/OtherCorp"><meta property="og:url" content="https://x.com/OtherCorp">');
    expect(readPageAccountClues(stale, post)).toEqual([]);
  });

  it('ignores a clue on a page whose URL names the account already', () => {
    const doc = pageDocument('<link rel="canonical" href="https://x.com/OtherCorp/status/1790000000000000000">');
    expect(pageAccount('https://x.com/AcmeCorp/status/1790000000000000000', doc)).toBeNull();
  });

  it('names nothing on the home feed', () => {
    const doc = pageDocument('<link rel="canonical" href="https://x.com/AcmeCorp">');
    expect(pageAccount('https://x.com/home', doc)).toBeNull();
  });
});

describe('Threads share links', () => {
  const share = 'https://www.threads.com/t/CuXFPIeLLod';

  it('reads the JSON-LD author of the post', () => {
    const doc = pageDocument(`
      <link rel="canonical" href="https://www.threads.net/@zuck/post/CuXFPIeLLod">
      ${posting('https://www.threads.net/@zuck/post/CuXFPIeLLod', { '@type': 'Person', name: 'Mark', url: 'https://www.threads.net/@zuck' })}`);
    expect(readPageAccountClues(doc, share)).toEqual([
      { url: 'https://www.threads.net/@zuck', source: 'json-ld-author' },
      { url: 'https://www.threads.net/@zuck/post/CuXFPIeLLod', source: 'canonical' },
    ]);
    expect(pageAccount(share, doc)).toBe('@zuck');
  });

  it('ignores an author on Instagram: same people, another platform', () => {
    const doc = pageDocument(posting('https://www.threads.net/@zuck/post/CuXFPIeLLod', { url: 'https://www.instagram.com/zuck/' }));
    expect(pageAccount(share, doc)).toBeNull();
  });
});

describe('LinkedIn posts and articles', () => {
  const post = 'https://www.linkedin.com/posts/acme-gmbh_launch-activity-7123456789012345678-AbCd';

  it('reads the organisation that posted, not the people commenting', () => {
    const doc = pageDocument(jsonLd({
      '@context': 'http://schema.org',
      '@type': 'DiscussionForumPosting',
      '@id': post,
      author: { '@type': 'Organization', name: 'Acme GmbH', url: 'https://de.linkedin.com/company/acme-gmbh?trk=public_post' },
      comment: [{ '@type': 'Comment', author: { '@type': 'Person', url: 'https://www.linkedin.com/in/commenter' } }],
    }));
    expect(readPageAccountClues(doc, post)).toEqual([
      { url: 'https://de.linkedin.com/company/acme-gmbh?trk=public_post', source: 'json-ld-author' },
    ]);
    expect(pageAccount(post, doc)).toBe('company/acme-gmbh');
  });

  it('reads the person who wrote an article', () => {
    const article = 'https://www.linkedin.com/pulse/why-focus-matters-jane-doe';
    const doc = pageDocument(`
      <meta property="article:author" content="Jane Doe">
      ${jsonLd({ '@type': 'Article', author: { '@type': 'Person', name: 'Jane Doe', url: 'https://www.linkedin.com/in/jane-doe' } })}`);
    expect(pageAccount(article, doc)).toBe('in/jane-doe');
  });

  it('takes a relative link rel=author on a feed update', () => {
    const doc = pageDocument('<link rel="author" href="/in/jane-doe/">');
    expect(pageAccount('https://www.linkedin.com/feed/update/urn:li:activity:7123456789012345678/', doc)).toBe('in/jane-doe');
  });

  it('names nothing on the feed, whatever the markup says', () => {
    const doc = pageDocument(jsonLd({ '@type': 'Article', author: { url: 'https://www.linkedin.com/in/jane-doe' } }));
    expect(pageAccount('https://www.linkedin.com/feed/', doc)).toBeNull();
  });
});

describe('Facebook videos, photos and articles', () => {
  it('puts a watch page on the page its og:url names', () => {
    const watch = 'https://www.facebook.com/watch/?v=1234567890';
    const doc = pageDocument('<meta property="og:url" content="https://www.facebook.com/acmebakery/videos/1234567890/">');
    expect(pageAccount(watch, doc)).toBe('acmebakery');
  });

  it('reads article:author when it is an address, never when it is a name', () => {
    const story = 'https://m.facebook.com/story.php?story_fbid=pfbid0abc';
    expect(pageAccount(story, pageDocument('<meta property="article:author" content="https://www.facebook.com/janedoe">'))).toBe('janedoe');
    expect(readPageAccountClues(pageDocument('<meta property="article:author" content="janedoe">'), story)).toEqual([]);
  });

  it('ignores an og:url that is the photo itself, and one on another platform', () => {
    const photo = 'https://www.facebook.com/photo.php?fbid=987654321';
    expect(pageAccount(photo, pageDocument(`<meta property="og:url" content="${photo}">`))).toBeNull();
    expect(pageAccount(photo, pageDocument('<meta property="og:url" content="https://www.instagram.com/acmebakery/">'))).toBeNull();
  });
});

describe('pages on no known site', () => {
  it('reads nothing on other hosts and on non-web URLs', () => {
    const doc = pageDocument('<link rel="canonical" href="https://x.com/acme">');
    expect(readPageAccountClues(doc, 'https://example.com/post/1')).toEqual([]);
    expect(readPageAccountClues(doc, 'not a url')).toEqual([]);
    expect(readPageAccountClues(doc, 'file:///home/me/x.com/i/status/1.html')).toEqual([]);
  });
});
