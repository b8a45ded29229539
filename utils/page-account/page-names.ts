import { channelKey, type Channel } from '../channels';
import type { PageAccountDecision } from './validate';

/** Enough for a working day's pages; the oldest are forgotten first. */
const KEPT = 500;

/**
 * What pages have said about their accounts, remembered so that `tabs.onUpdated` (which knows
 * only the URL) gives a tab the channel its page named, not the URL's bare guess that the next
 * report would correct:
 * - a page whose URL cannot name its account, by URL (the same video, the same post);
 * - an id the page unified with a name, by the id's channel (every page under that id).
 * Kept in memory: a restarted worker learns it again from the next report, a few seconds later.
 */
export class PageNames {
  private readonly byUrl = new Map<string, Channel>();
  private readonly byIdChannel = new Map<string, Channel>();

  /** Learns from the background's decision on a page's clues. */
  remember(url: string, urlChannel: Channel, decision: PageAccountDecision): void {
    if (decision.reason === 'unified') keep(this.byIdChannel, channelKey(urlChannel), decision.channel);
    else keep(this.byUrl, url, decision.channel);
  }

  /** The channel a page at `url` named before, or the URL's own channel. */
  channelFor(url: string, urlChannel: Channel): Channel {
    return this.byUrl.get(url) ?? this.byIdChannel.get(channelKey(urlChannel)) ?? urlChannel;
  }
}

function keep(map: Map<string, Channel>, key: string, channel: Channel): void {
  map.delete(key);
  map.set(key, channel);
  if (map.size > KEPT) map.delete(map.keys().next().value!);
}
