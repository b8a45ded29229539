import { PLATFORM_LIST, PLATFORMS, isPlatformId } from './platforms';
import { hostOf, isHostName, isHostUnder, withoutWww } from './platforms/paths';
import type { AccountFromUrl, PlatformDefinition, PlatformId } from './platforms/types';

/**
 * A built-in platform, or `custom`: a site the user treats as a social channel. Keeping `custom`
 * one closed value (its account is the host) keeps every stored channel key parseable.
 */
export type ChannelPlatform = PlatformId | 'custom';

/** A platform, or a platform plus an account inside it. Time is counted per channel. */
export interface Channel {
  platform: ChannelPlatform;
  account: string | null;
}

/** A host the user added: their own Mastodon instance, or any site to count as a channel. */
export interface UserHost {
  host: string;
  platform: 'mastodon' | 'custom';
}

/** What a URL says: the channel, and whether the page (not the URL) can name its account. */
export interface ChannelDetection {
  channel: Channel;
  /**
   * True when the URL belongs to an account it does not name (a watch page, a post permalink):
   * `channel.account` is null until the content script reads the account from the page.
   */
  accountFromPage: boolean;
}

/** Stable string form of a channel, used as a storage key: `linkedin` or `linkedin:company/acme`. */
export function channelKey(channel: Channel): string {
  return channel.account ? `${channel.platform}:${channel.account}` : channel.platform;
}

/** The channel a key stands for, or null when the key is not one `channelKey` could produce. */
export function parseChannelKey(key: string): Channel | null {
  const colon = key.indexOf(':');
  const platform = colon === -1 ? key : key.slice(0, colon);
  const account = colon === -1 ? null : key.slice(colon + 1);
  if (account === '') return null;
  if (platform === 'custom') return account === null ? null : { platform, account };
  return isPlatformId(platform) ? { platform, account } : null;
}

/** Display name of a built-in platform. `custom` has none: views show the host or their own word. */
export function platformName(platform: PlatformId): string {
  return PLATFORMS[platform].name;
}

/**
 * A channel's name in its two parts: the platform's name (a custom channel's host) and the account
 * as the platform writes it (`@acme` on X), or null. The side panel writes them on two lines.
 */
export function channelNameParts(channel: Channel): { platformName: string; account: string | null } {
  if (channel.platform === 'custom') return { platformName: channel.account ?? 'custom', account: null };
  const platform = PLATFORMS[channel.platform];
  if (channel.account === null || channel.account === '') return { platformName: platform.name, account: null };
  return { platformName: platform.name, account: platform.accountLabel?.(channel.account) ?? channel.account };
}

/** How a channel reads on screen: `LinkedIn · company/acme`, `X · @acme`, `Facebook`, `example.com`. */
export function channelLabel(channel: Channel): string {
  const { platformName, account } = channelNameParts(channel);
  return account === null ? platformName : `${platformName} · ${account}`;
}

// Host -> platform, and excluded host -> platform, for a walk from the most specific suffix.
const HOST_INDEX = new Map<string, PlatformDefinition>(
  PLATFORM_LIST.flatMap((platform) => platform.hosts.map((host) => [host, platform] as const)),
);
const EXCLUDED_INDEX = new Set<string>(PLATFORM_LIST.flatMap((platform) => platform.excludedHosts ?? []));

/** `a.b.example.com`, `b.example.com`, `example.com`: the host and every parent with two labels or more. */
function hostSuffixes(host: string): string[] {
  const labels = host.split('.');
  return labels.slice(0, -1).map((_, index) => labels.slice(index).join('.'));
}

function builtInPlatform(host: string): PlatformDefinition | null {
  for (const suffix of hostSuffixes(host)) {
    // Excluded hosts lie under their platform's host, so the walk meets them first.
    if (EXCLUDED_INDEX.has(suffix)) return null;
    const platform = HOST_INDEX.get(suffix);
    if (platform) return platform;
  }
  return null;
}

/** The most specific user host the host is on, normalised, or null. */
function matchUserHost(host: string, userHosts: readonly UserHost[]): UserHost | null {
  let best: UserHost | null = null;
  for (const userHost of userHosts) {
    const base = isValidHost(userHost.host);
    if (base === null || !isHostUnder(host, base)) continue;
    if (best === null || base.length > best.host.length) best = { host: base, platform: userHost.platform };
  }
  return best;
}

/** A web URL without credentials and with a well-formed host, its trailing dot removed; else null. */
function webUrl(input: string | URL): URL | null {
  let url: URL;
  try {
    url = new URL(typeof input === 'string' ? input : input.href);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // `https://facebook.com@evil.example` is evil.example; credentials in a URL are never a channel.
  if (url.username !== '' || url.password !== '') return null;
  const host = hostOf(url);
  if (host.split('.').some((label) => label === '')) return null;
  url.hostname = host;
  return url;
}

function readAccount(platform: PlatformDefinition, url: URL): AccountFromUrl {
  try {
    return platform.account(url);
  } catch {
    // Parsers must not throw; should one do so anyway, the platform still counts.
    return null;
  }
}

function detection(platform: ChannelPlatform, account: AccountFromUrl): ChannelDetection {
  if (typeof account === 'string' && account !== '') {
    return { channel: { platform, account }, accountFromPage: false };
  }
  return { channel: { platform, account: null }, accountFromPage: account !== null && typeof account === 'object' };
}

/**
 * The channel a URL belongs to, and whether only the page can name its account; null when the
 * URL is no channel (malformed, not http(s), credentials, lookalike or unknown host). Built-in
 * platforms take precedence over user hosts. Never throws.
 */
export function detectChannelDetailed(
  input: string | URL,
  userHosts: readonly UserHost[] = [],
): ChannelDetection | null {
  const url = webUrl(input);
  if (url === null) return null;
  const host = url.hostname;
  const platform = builtInPlatform(host);
  if (platform) return detection(platform.id, readAccount(platform, url));
  const userHost = matchUserHost(host, userHosts);
  if (userHost === null) return null;
  if (userHost.platform === 'mastodon') return detection('mastodon', readAccount(PLATFORMS.mastodon, url));
  return detection('custom', userHost.host);
}

/** The channel a URL belongs to, or null. Never throws. See `detectChannelDetailed`. */
export function detectChannel(input: string | URL, userHosts: readonly UserHost[] = []): Channel | null {
  return detectChannelDetailed(input, userHosts)?.channel ?? null;
}

/**
 * A user-typed host, normalised (trimmed, lower-case, IDN as punycode, without scheme, path,
 * port, trailing dot and leading `www.`), or null when it is not a host name.
 */
export function isValidHost(input: string): string | null {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `http://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  const host = hostOf(url);
  return isHostName(host) ? withoutWww(host) : null;
}

/**
 * The match pattern for a host and its subdomains, e.g. `*://*.example.com/*`; Chrome and Firefox
 * let `*.` match the bare host too. Throws on input `isValidHost` rejects.
 */
export function hostMatchPattern(host: string): string {
  const valid = isValidHost(host);
  if (valid === null) throw new RangeError(`Not a host name: ${host}`);
  return `*://*.${valid}/*`;
}

/** The catalog's hosts without those lying under another of them (business.facebook.com). */
function minimalHosts(hosts: readonly string[]): string[] {
  const unique = [...new Set(hosts)];
  return unique.filter((host) => !unique.some((other) => other !== host && isHostUnder(host, other)));
}

/**
 * Match patterns for every catalog host, minimal and in catalog order: both the content-script
 * `matches` and the manifest `host_permissions`, so the two cannot drift apart.
 */
export function contentScriptMatches(): string[] {
  return minimalHosts(PLATFORM_LIST.flatMap((platform) => platform.hosts)).map(hostMatchPattern);
}

/** Match patterns for the excluded hosts (developer docs, YouTube Music): content-script `exclude_matches`. */
export function contentScriptExcludeMatches(): string[] {
  return minimalHosts(PLATFORM_LIST.flatMap((platform) => platform.excludedHosts ?? [])).map(hostMatchPattern);
}
