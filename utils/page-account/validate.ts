import { detectChannelDetailed, type Channel, type ChannelPlatform, type UserHost } from '../channels';
import { CLUE_ROLES, MAX_CLUES, MAX_CLUE_URL_LENGTH, isClueSource, type ClueSource } from './clue';
import { unifiedAccount } from './unify';

/**
 * The background's half: which clues from the page it believes. A clue is only ever a URL, and
 * the platform's own parser (through `detectChannel`) decides what account, if any, it names, so
 * the shape check is the one every URL gets: a link to another host or platform, a profile URL
 * of the wrong shape, a feed or a post URL name nothing.
 */

/** A clue as it arrives in a message: checked here, not trusted. */
export interface ClueInput {
  url: unknown;
  source: unknown;
}

/** The account a clue URL names on `platform` (hosts may differ: m.youtube.com, youtu.be), or null. */
function accountOn(platform: ChannelPlatform, clueUrl: string, userHosts: readonly UserHost[]): string | null {
  if (clueUrl.length > MAX_CLUE_URL_LENGTH) return null;
  const clue = detectChannelDetailed(clueUrl, userHosts);
  return clue !== null && clue.channel.platform === platform ? clue.channel.account : null;
}

/** How the page changed the URL's channel. */
type PageAccountReason =
  /** The URL cannot name the account (`{ fromPage: true }`); the page did. */
  | 'named-by-page'
  /** The URL named the account under an id; the page's own address names it (`unify.ts`). */
  | 'unified';

export interface PageAccountDecision {
  /** The channel to count instead of the one the URL alone gives. */
  channel: Channel;
  reason: PageAccountReason;
  /** The clue that decided. */
  source: ClueSource;
}

/**
 * The channel the page's clues put it on, when that differs from what the URL alone says; null
 * when the clues change nothing. Clues are taken in the order given (the reader's order of
 * trust), at most `MAX_CLUES`, the first that holds wins:
 * - URL says `{ fromPage: true }`: any clue naming an account of the page's platform;
 * - URL names an account: the first `self` clue (canonical, og:url) naming an account of the
 *   platform, when `unifiedAccount` lets it replace the URL's;
 * - URL names no account (a feed, search, settings): nothing.
 * Never throws.
 */
export function accountFromPage(
  pageUrl: string,
  clues: readonly ClueInput[],
  userHosts: readonly UserHost[] = [],
): PageAccountDecision | null {
  const page = detectChannelDetailed(pageUrl, userHosts);
  if (page === null) return null;
  const { platform, account: urlAccount } = page.channel;
  if (!page.accountFromPage && urlAccount === null) return null;
  for (const clue of clues.slice(0, MAX_CLUES)) {
    if (typeof clue.url !== 'string' || !isClueSource(clue.source)) continue;
    const account = accountOn(platform, clue.url, userHosts);
    if (account === null) continue;
    if (page.accountFromPage) return { channel: { platform, account }, reason: 'named-by-page', source: clue.source };
    if (urlAccount === null || CLUE_ROLES[clue.source] !== 'self') continue;
    // The most trusted self-address decides: a later one may not overrule it.
    const unified = unifiedAccount(platform, urlAccount, account);
    return unified === urlAccount ? null : { channel: { platform, account: unified }, reason: 'unified', source: clue.source };
  }
  return null;
}
