// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { UserHost } from '@/utils/channels';
import { isMastodonPage } from '@/utils/page-account/mastodon-page';
import { readPageAccountClues } from '@/utils/page-account/read';
import { accountFromPage } from '@/utils/page-account/validate';
import { pageDocument } from './fixtures';

/** Mastodon's web-app shell (`layouts/application` + `shared/_web_app`), with a page's own head tags. */
function mastodonPage(headTags = ''): Document {
  return pageDocument(
    `<meta charset="utf-8">
     <link rel="manifest" href="/manifest">
     <meta name="theme-color" content="#191b22">
     <title>Mastodon</title>
     ${headTags}
     <script id="initial-state" type="application/json">{"meta":{"domain":"mastodon.social"}}</script>`,
    `<div class="notranslate app-holder" id="mastodon" data-props="{&quot;locale&quot;:&quot;en&quot;}">
       <noscript><img alt="Mastodon" src="/logo.svg"><div>To use the Mastodon web application, please enable JavaScript.</div></noscript>
     </div>`,
  );
}

describe('isMastodonPage: the markup Mastodon’s server writes, not text', () => {
  it('recognises the web-app shell', () => {
    expect(isMastodonPage(mastodonPage())).toBe(true);
  });

  it('recognises it from two signals, one of them Mastodon’s own', () => {
    expect(isMastodonPage(pageDocument('', '<div id="mastodon" data-props="{}"></div><script id="initial-state" type="application/json">{}</script>'))).toBe(true);
    expect(isMastodonPage(pageDocument('<link rel="manifest" href="/manifest">', '<div id="mastodon" data-props="{}"></div>'))).toBe(true);
    expect(isMastodonPage(pageDocument(
      '<link rel="alternate" type="application/activity+json" href="https://a.example/users/x">',
      '<script id="initial-state" type="application/json">{}</script>',
    ))).toBe(true);
  });

  it('is not fooled by a page that talks about Mastodon', () => {
    const blog = pageDocument(
      `<title>Why we moved to Mastodon</title>
       <meta name="description" content="Mastodon, Mastodon, Mastodon">
       <meta property="og:site_name" content="Mastodon fan blog">`,
      `<article><h1>Mastodon</h1><p>Follow us on <a id="mastodon" href="https://mastodon.social/@us">Mastodon</a>.</p>
       <pre>&lt;div id="mastodon" data-props="{}"&gt;&lt;/div&gt;</pre></article>`,
    );
    expect(isMastodonPage(blog)).toBe(false);
  });

  it('is not fooled by one signal alone, nor by shared ones only', () => {
    // A share button that happens to carry Mastodon's root id and a data attribute.
    expect(isMastodonPage(pageDocument('', '<div id="mastodon" data-props="{}"></div>'))).toBe(false);
    // A Rails 8 app with the default manifest route, federating through a plugin.
    expect(isMastodonPage(pageDocument(
      '<link rel="manifest" href="/manifest"><link rel="alternate" type="application/activity+json" href="https://blog.example/author/me">',
    ))).toBe(false);
    // Near misses of each own signal.
    expect(isMastodonPage(pageDocument('<link rel="manifest" href="/manifest">', '<span id="mastodon" data-props="{}"></span><div id="mastodon-root" data-props="{}"></div><script id="initial-state">{}</script>'))).toBe(false);
    expect(isMastodonPage(pageDocument('<link rel="manifest" href="/manifest.json">', '<div id="mastodon" data-props="{}"></div>'))).toBe(false);
  });
});

describe('Mastodon pages name their account in og:url and their ActivityPub link', () => {
  const userHosts: UserHost[] = [{ host: 'social.example.org', platform: 'mastodon' }];

  it('reads the server-rendered addresses of a post on a known instance', () => {
    const page = 'https://mastodon.social/web/statuses/110000000000000001';
    const doc = mastodonPage(`
      <meta property="og:url" content="https://mastodon.social/@Gargron/110000000000000001">
      <link rel="alternate" type="application/activity+json" href="https://mastodon.social/users/Gargron/statuses/110000000000000001">`);
    expect(readPageAccountClues(doc, page)).toEqual([
      { url: 'https://mastodon.social/@Gargron/110000000000000001', source: 'og-url' },
      { url: 'https://mastodon.social/users/Gargron/statuses/110000000000000001', source: 'activitypub' },
    ]);
    expect(accountFromPage(page, readPageAccountClues(doc, page))?.channel).toEqual({ platform: 'mastodon', account: '@gargron@mastodon.social' });
  });

  it('ignores an og:url left over from another post', () => {
    const page = 'https://mastodon.social/web/statuses/110000000000000001';
    const doc = mastodonPage('<meta property="og:url" content="https://mastodon.social/@Other/109999999999999999">');
    expect(readPageAccountClues(doc, page)).toEqual([]);
  });

  it('reads the user’s own instance through their user hosts only', () => {
    const page = 'https://social.example.org/web/accounts/109000000000000001';
    const doc = mastodonPage('<link rel="alternate" type="application/activity+json" href="/users/alice">');
    expect(accountFromPage(page, readPageAccountClues(doc, page), userHosts)?.channel.account).toBe('@alice@social.example.org');
    expect(accountFromPage(page, readPageAccountClues(doc, page))).toBeNull();
  });

  it('reads nothing from a page that is no Mastodon page', () => {
    const page = 'https://social.example.org/web/accounts/109000000000000001';
    const doc = pageDocument('<meta property="og:url" content="https://social.example.org/@alice">');
    expect(readPageAccountClues(doc, page)).toEqual([]);
  });

  it('gets nothing from the web app’s own routes: they render no account', () => {
    const page = 'https://mastodon.social/statuses/110000000000000001';
    expect(readPageAccountClues(mastodonPage(), page)).toEqual([]);
  });
});
