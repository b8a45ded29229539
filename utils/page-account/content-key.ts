/**
 * Which single piece of content (a video, a post) a URL shows, as a comparable key, or null when
 * the URL shows no single piece. Single-page apps (YouTube, Instagram, X, Threads) keep the markup
 * of the first page they loaded while the address bar moves on: a clue tied to other content than
 * the page URL's is stale and must not name the account of what is on screen now.
 */

export type ContentKey = (url: URL) => string | null;

function segments(url: URL): string[] {
  return url.pathname.split('/').filter((segment) => segment !== '');
}

function keyed(kind: string, id: string | null | undefined): string | null {
  return id === null || id === undefined || id === '' ? null : `${kind}:${id}`;
}

/** `kind:<id>` when the segment at one of `positions` is one of `sections` and an id follows. */
function idAfter(parts: readonly string[], sections: ReadonlySet<string>, positions: readonly number[], kind: string): string | null {
  for (const position of positions) {
    const section = parts[position]?.toLowerCase();
    if (section !== undefined && sections.has(section)) return keyed(kind, parts[position + 1]);
  }
  return null;
}

/** Sections of youtube.com whose second segment is one piece of content, and its kind. */
const YOUTUBE_SECTIONS = new Map([
  ['shorts', 'video'], ['live', 'video'], ['embed', 'video'], ['v', 'video'], ['post', 'post'], ['clip', 'clip'],
]);

/** A watch page, a Short, a live or embedded video and a youtu.be link to it share one key. */
export const youtubeContentKey: ContentKey = (url) => {
  const parts = segments(url);
  if (url.hostname === 'youtu.be' || url.hostname.endsWith('.youtu.be')) return keyed('video', parts[0]);
  const section = parts[0]?.toLowerCase() ?? '';
  if (section === 'watch') return keyed('video', url.searchParams.get('v'));
  if (section === 'playlist') return keyed('playlist', url.searchParams.get('list'));
  const kind = YOUTUBE_SECTIONS.get(section);
  return kind === undefined ? null : keyed(kind, parts[1]);
};

const INSTAGRAM_POSTS = new Set(['p', 'reel', 'reels', 'tv']);
const HIGHLIGHTS = new Set(['highlights']);

/** `/p/<code>`, `/reel/<code>` and the newer `/<user>/p/<code>`: one post, whichever form. */
export const instagramContentKey: ContentKey = (url) => {
  const parts = segments(url);
  if (parts[0]?.toLowerCase() === 'stories') return idAfter(parts, HIGHLIGHTS, [1], 'highlight');
  return idAfter(parts, INSTAGRAM_POSTS, [0, 1], 'post');
};

const STATUS = new Set(['status']);
const STATUS_ID = /^\d{1,25}$/;

/** `/<handle>/status/<id>`, `/i/status/<id>`, `/i/web/status/<id>`: one post. */
export const xContentKey: ContentKey = (url) => {
  const key = idAfter(segments(url), STATUS, [1, 2], 'status');
  return key !== null && STATUS_ID.test(key.slice('status:'.length)) ? key : null;
};

const THREADS_SHARE = new Set(['t']);
const THREADS_POST = new Set(['post']);

/** `/@<user>/post/<code>` and the share link `/t/<code>` carry the same post code. */
export const threadsContentKey: ContentKey = (url) => {
  const parts = segments(url);
  return idAfter(parts, THREADS_SHARE, [0], 'post') ?? (parts[0]?.startsWith('@') ? idAfter(parts, THREADS_POST, [1], 'post') : null);
};

/**
 * Mastodon posts: `/@<user>/<id>`, `/statuses/<id>`, `/web/statuses/<id>` and the ActivityPub
 * `/users/<user>/statuses/<id>`. Account pages under an internal id (`/web/accounts/<id>`) get no
 * key: the addresses that name the account (`/@user`) could never match it.
 */
export const mastodonContentKey: ContentKey = (url) => {
  const parts = segments(url);
  const index = parts.findIndex((part) => part.startsWith('@') || part.toLowerCase() === 'statuses');
  const id = index === -1 ? undefined : parts[index + 1];
  return id !== undefined && STATUS_ID.test(id) ? `status:${id}` : null;
};
