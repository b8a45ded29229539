/** Fixed ids of the built-in platforms. Stored in history and exports: never rename one. */
export const PLATFORM_IDS = [
  'linkedin', 'xing', 'facebook', 'instagram', 'threads', 'x', 'bluesky', 'mastodon', 'youtube',
  'tiktok', 'pinterest', 'reddit', 'tumblr', 'twitch', 'snapchat', 'whatsapp', 'telegram', 'discord',
] as const;

export type PlatformId = (typeof PLATFORM_IDS)[number];

/**
 * What a URL says about the account inside a platform.
 * - `string`: the normalised account (e.g. `company/acme`).
 * - `null`: the page belongs to no account (feed, search, settings, ...).
 * - `{ fromPage: true }`: the URL cannot name the account but the page can (watch page, permalink);
 *   the content script may read it from the page later. Until then the channel has no account.
 */
export type AccountFromUrl = string | null | { fromPage: true };

export interface PlatformDefinition {
  id: PlatformId;
  /** Display name, the same in every language (brand names). */
  name: string;
  /**
   * Hosts the platform lives on. A URL matches a host exactly or as a proper subdomain of it
   * (`m.facebook.com` matches `facebook.com`), never by suffix text.
   */
  hosts: readonly string[];
  /** Hosts under the matched ones that are not this platform (e.g. developer docs). */
  excludedHosts?: readonly string[];
  /** Reads the account from an already host-matched URL. Must never throw. */
  account(url: URL): AccountFromUrl;
  /**
   * Paths the platform keeps for its own pages, written like a stored account (`home`,
   * `r/popular`, `company/setup`): they look like an account but never are one. Taken from the
   * sets the parser reads, so that a property test can check each of them.
   */
  reservedPaths?: readonly string[];
  /**
   * Where the page names the account that its URL cannot (utils/page-account reads it), in the
   * README's words; absent where no page is read.
   */
  pageAccount?: string;
  /** One line per account shape, for the README table, e.g. `company/<slug>`. */
  accountFormats: readonly string[];
  /**
   * How the platform itself writes an account, when that differs from the stored form
   * (X shows `@acme` for the stored `acme`). Display only; storage keeps the stored form.
   */
  accountLabel?(account: string): string;
}
