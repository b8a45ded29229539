/**
 * Whether a page says, in markup Mastodon's own server writes, that it is a Mastodon instance.
 * Instances live on any host, so the host cannot tell; the page's structure can. Text never
 * counts: a blog post about Mastodon is not an instance.
 *
 * Signals, from Mastodon's templates (`shared/_web_app`, `layouts/application`, `accounts/show`):
 * - own (only Mastodon writes them): the web app's root `<div id="mastodon" data-props=…>`, and
 *   its state `<script id="initial-state" type="application/json">`;
 * - shared (other software writes them too): `<link rel="manifest" href="/manifest">` (also the
 *   Rails 8 default), `<link rel="alternate" type="application/activity+json">` (any fediverse
 *   server).
 * A page is Mastodon with two signals of which at least one is Mastodon's own: one element a
 * page may happen to carry (an `id="mastodon"` share button) is not enough.
 */

/**
 * Self-contained (no outer names), so that the popup can run this very function in a tab through
 * `scripting.executeScript({ func })`, where only its own text travels.
 */
export function isMastodonPage(doc: Document = document): boolean {
  const manifestAtRoot = () => {
    const href = doc.querySelector('link[rel~="manifest" i][href]')?.getAttribute('href')?.trim() ?? '';
    // `/manifest` on the page's own host: written root-relative, with no query or extension.
    return href === '/manifest';
  };
  const signals: { own: boolean; present: () => boolean }[] = [
    { own: true, present: () => doc.querySelector('div#mastodon[data-props]') !== null },
    { own: true, present: () => doc.querySelector('script#initial-state[type="application/json"]') !== null },
    { own: false, present: manifestAtRoot },
    { own: false, present: () => doc.querySelector('link[rel~="alternate" i][type="application/activity+json"][href]') !== null },
  ];
  let own = 0;
  let all = 0;
  for (const signal of signals) {
    if (!signal.present()) continue;
    all += 1;
    if (signal.own) own += 1;
  }
  return own >= 1 && all >= 2;
}
