import type { ChannelPlatform } from '../channels';

/**
 * One place, one channel: a page reached under an id (`linkedin.com/company/12345/admin/`) that
 * states its canonical address (`linkedin.com/company/acme-gmbh/`) counts for the canonical
 * account, so the admin view and the public page are one channel.
 *
 * The rule, for an account the URL already names and an account the page states as its own
 * address (canonical or og:url, never an author):
 * - only from an id to a name: an id says nothing the manager recognises, a name does; a name
 *   the URL gives is kept, so a stale head left by a single-page app can never move time from
 *   one named account to another, and history already stored under that name stays put;
 * - only to a name (never to another id): two ids for one place mean the markup is stale;
 * - only within one kind: a company stays a company, a group a group. A company page whose
 *   canonical names a person is lying or stale.
 * Platforms without a table entry keep what the URL says.
 */
interface AccountForms {
  /** True when the account is written as an opaque id rather than as a name. */
  isId(account: string): boolean;
  /** What sort of place the account is. */
  kind(account: string): string;
}

const FORMS: Partial<Record<ChannelPlatform, AccountForms>> = {
  linkedin: {
    // `company/<digits>` (and school, showcase) from admin and old links; `in/ACoA…` member ids
    // from Sales Navigator and Recruiter. Groups have numeric ids only: nothing to unify.
    isId: (account) => /^(?:company|school|showcase)\/\d+$/.test(account) || /^in\/ACoA/.test(account),
    kind: (account) => account.slice(0, account.indexOf('/')),
  },
  facebook: {
    // `id/<digits>` (`/profile.php?id=`, `/<digits>`, Business Suite's `asset_id`) is the same
    // page or profile as its username; `groups/<digits>` the same group as its slug.
    isId: (account) => /^(?:id|groups)\/\d+$/.test(account),
    kind: (account) => (account.startsWith('groups/') ? 'group' : 'page'),
  },
};

/** The account to count: `pageAccount` when the rule above lets it replace `urlAccount`. */
export function unifiedAccount(platform: ChannelPlatform, urlAccount: string, pageAccount: string): string {
  const forms = FORMS[platform];
  if (forms === undefined || urlAccount === pageAccount) return urlAccount;
  const replaces = forms.isId(urlAccount) && !forms.isId(pageAccount) && forms.kind(urlAccount) === forms.kind(pageAccount);
  return replaces ? pageAccount : urlAccount;
}
