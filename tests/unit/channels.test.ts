import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  channelKey,
  channelLabel,
  channelNeedsPage,
  contentScriptExcludeMatches,
  contentScriptMatches,
  detectChannel,
  detectChannelDetailed,
  hostMatchPattern,
  isValidHost,
  parseChannelKey,
  platformName,
  type Channel,
  type UserHost,
} from '@/utils/channels';
import { PLATFORMS, PLATFORM_LIST } from '@/utils/platforms';
import { PLATFORM_IDS } from '@/utils/platforms/types';

/** The channel as its key (`linkedin:company/acme`, `x`), or null: one comparable value per row. */
function detectedKey(url: string, userHosts?: readonly UserHost[]): string | null {
  const channel = detectChannel(url, userHosts);
  return channel === null ? null : channelKey(channel);
}

// [url, expected channel key or null]
const CATALOG: Array<[string, string | null]> = [
  // LinkedIn
  ['https://www.linkedin.com/company/acme/', 'linkedin:company/acme'],
  ['https://www.linkedin.com/company/Acme-GmbH/about/', 'linkedin:company/acme-gmbh'],
  ['https://www.linkedin.com/company/acme/posts/?feedView=all', 'linkedin:company/acme'],
  ['https://www.linkedin.com/company/12345678/admin/dashboard/', 'linkedin:company/12345678'],
  ['https://www.linkedin.com/company/acme/admin/page-posts/published/', 'linkedin:company/acme'],
  ['https://de.linkedin.com/company/acme?trk=public_profile', 'linkedin:company/acme'],
  ['https://linkedin.com/company/acme#main', 'linkedin:company/acme'],
  ['https://www.linkedin.com/company/setup/new/', 'linkedin'],
  ['https://www.linkedin.com/in/jane-doe-123/', 'linkedin:in/jane-doe-123'],
  ['https://www.linkedin.com/in/Jane-Doe-123/recent-activity/all/', 'linkedin:in/jane-doe-123'],
  ['https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/', 'linkedin:in/jürgen-müller'],
  ['https://www.linkedin.com/in/ACoAAA1b2C3d4E5f6G7h8/', 'linkedin:in/ACoAAA1b2C3d4E5f6G7h8'],
  ['https://www.linkedin.com/school/tu-muenchen/', 'linkedin:school/tu-muenchen'],
  ['https://www.linkedin.com/showcase/acme-cloud/admin/', 'linkedin:showcase/acme-cloud'],
  ['https://www.linkedin.com/groups/1234567/', 'linkedin:groups/1234567'],
  ['https://www.linkedin.com/groups/', 'linkedin'],
  ['https://www.linkedin.com/feed/', 'linkedin'],
  ['https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000000/', 'linkedin'],
  ['https://www.linkedin.com/posts/acme_launch-activity-7100000000000000000-AbCd', 'linkedin'],
  ['https://www.linkedin.com/mynetwork/', 'linkedin'],
  ['https://www.linkedin.com/messaging/thread/2-abc/', 'linkedin'],
  ['https://www.linkedin.com/search/results/all/?keywords=acme', 'linkedin'],
  ['https://www.linkedin.com/notifications/', 'linkedin'],
  ['https://www.linkedin.com/jobs/view/123/', 'linkedin'],
  ['https://www.linkedin.com/', 'linkedin'],
  ['https://developer.linkedin.com/docs', null],
  // XING
  ['https://www.xing.com/pages/acme-gmbh', 'xing:pages/acme-gmbh'],
  ['https://www.xing.com/pages/Acme-GmbH/jobs?sc_o=x', 'xing:pages/acme-gmbh'],
  ['https://www.xing.com/companies/acme-gmbh', 'xing:pages/acme-gmbh'],
  ['https://www.xing.com/profile/Max_Mustermann', 'xing:profile/max_mustermann'],
  ['https://www.xing.com/profile/Max_Mustermann/cv', 'xing:profile/max_mustermann'],
  ['https://www.xing.com/profile/Max_Mustermann/cv?sc_o=da980_e', 'xing:profile/max_mustermann'],
  ['https://www.xing.com/jobs/search?keywords=x', 'xing'],
  ['https://www.xing.com/chats', 'xing'],
  ['https://xing.com/', 'xing'],
  ['https://dev.xing.com/docs', null],
  // Facebook
  ['https://www.facebook.com/acmepage', 'facebook:acmepage'],
  ['https://www.facebook.com/Acme.Page/', 'facebook:acme.page'],
  ['https://www.facebook.com/acmepage/posts/pfbid0abc', 'facebook:acmepage'],
  ['https://www.facebook.com/acmepage/about/?ref=page_internal', 'facebook:acmepage'],
  ['https://www.facebook.com/acmepage/photos/a.123/456/', 'facebook:acmepage'],
  ['https://m.facebook.com/acmepage?fbclid=IwAR0abc', 'facebook:acmepage'],
  ['https://mbasic.facebook.com/acmepage', 'facebook:acmepage'],
  ['https://de-de.facebook.com/acmepage', 'facebook:acmepage'],
  ['https://www.facebook.com/pg/acmepage/posts/', 'facebook:acmepage'],
  ['https://www.facebook.com/profile.php?id=100012345678901', 'facebook:id/100012345678901'],
  ['https://www.facebook.com/profile.php?id=100012345678901&sk=photos', 'facebook:id/100012345678901'],
  ['https://www.facebook.com/100012345678901', 'facebook:id/100012345678901'],
  ['https://www.facebook.com/people/Jane-Doe/100012345678901/', 'facebook:id/100012345678901'],
  ['https://www.facebook.com/pages/Acme-Bakery/123456789', 'facebook:id/123456789'],
  ['https://m.facebook.com/story.php?story_fbid=987&id=123456789', 'facebook:id/123456789'],
  ['https://www.facebook.com/permalink.php?story_fbid=987&id=123456789', 'facebook:id/123456789'],
  ['https://www.facebook.com/groups/123456789012345/', 'facebook:groups/123456789012345'],
  ['https://www.facebook.com/groups/AcmeFans/permalink/987/', 'facebook:groups/acmefans'],
  ['https://www.facebook.com/groups/feed/', 'facebook'],
  ['https://www.facebook.com/groups/discover', 'facebook'],
  ['https://www.facebook.com/', 'facebook'],
  ['https://www.facebook.com/watch/', 'facebook'],
  ['https://www.facebook.com/marketplace/item/123/', 'facebook'],
  ['https://www.facebook.com/gaming/', 'facebook'],
  ['https://www.facebook.com/events/', 'facebook'],
  ['https://www.facebook.com/settings?tab=account', 'facebook'],
  ['https://www.facebook.com/notifications', 'facebook'],
  ['https://www.facebook.com/messages/t/123', 'facebook'],
  ['https://www.facebook.com/login/?next=%2Fsettings', 'facebook'],
  ['https://www.facebook.com/help/123', 'facebook'],
  ['https://www.facebook.com/hashtag/socialmedia', 'facebook'],
  ['https://www.facebook.com/search/top?q=acme', 'facebook'],
  ['https://www.facebook.com/home.php', 'facebook'],
  ['https://www.facebook.com/reel/123456', 'facebook'],
  ['https://business.facebook.com/latest/home?asset_id=123456789&business_id=555', 'facebook:id/123456789'],
  ['https://business.facebook.com/latest/inbox/all?asset_id=123456789', 'facebook:id/123456789'],
  ['https://business.facebook.com/latest/home?business_id=555', 'facebook'],
  ['https://business.facebook.com/settings/pages', 'facebook'],
  ['https://business.facebook.com/', 'facebook'],
  ['https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=123', 'facebook'],
  ['https://apps.facebook.com/somegame/', 'facebook'],
  ['https://www.messenger.com/t/123', 'facebook'],
  ['https://developers.facebook.com/docs/graph-api/', null],
  // Instagram
  ['https://www.instagram.com/acme/', 'instagram:acme'],
  ['https://www.instagram.com/Acme.Official/?hl=de', 'instagram:acme.official'],
  ['https://www.instagram.com/acme/reels/', 'instagram:acme'],
  ['https://www.instagram.com/acme/tagged/', 'instagram:acme'],
  ['https://www.instagram.com/acme/p/C1a2b3/', 'instagram:acme'],
  ['https://www.instagram.com/stories/acme/3210987654321/', 'instagram:acme'],
  ['https://www.instagram.com/stories/highlights/17900000000000000/', 'instagram'],
  ['https://www.instagram.com/p/C1a2b3/', 'instagram'],
  ['https://www.instagram.com/reel/C1a2b3/?igsh=abc', 'instagram'],
  ['https://www.instagram.com/reels/C1a2b3/', 'instagram'],
  ['https://www.instagram.com/reels/', 'instagram'],
  ['https://www.instagram.com/explore/', 'instagram'],
  ['https://www.instagram.com/explore/tags/socialmedia/', 'instagram'],
  ['https://www.instagram.com/direct/inbox/', 'instagram'],
  ['https://www.instagram.com/accounts/edit/', 'instagram'],
  ['https://www.instagram.com/', 'instagram'],
  ['https://m.instagram.com/acme', 'instagram:acme'],
  ['https://help.instagram.com/581066165581870', 'instagram'],
  // Threads
  ['https://www.threads.net/@acme', 'threads:@acme'],
  ['https://www.threads.com/@Acme/post/C1a2b3', 'threads:@acme'],
  ['https://threads.com/@acme?xmt=abc', 'threads:@acme'],
  ['https://www.threads.com/search', 'threads'],
  ['https://www.threads.com/activity', 'threads'],
  ['https://www.threads.com/', 'threads'],
  // X
  ['https://x.com/acme', 'x:acme'],
  ['https://x.com/Acme_Corp', 'x:acme_corp'],
  ['https://x.com/acme/status/1790000000000000000', 'x:acme'],
  ['https://x.com/acme/status/1790000000000000000/photo/1', 'x:acme'],
  ['https://x.com/acme/with_replies', 'x:acme'],
  ['https://twitter.com/acme?ref_src=twsrc%5Egoogle', 'x:acme'],
  ['https://mobile.twitter.com/acme/status/1', 'x:acme'],
  ['https://www.twitter.com/acme/', 'x:acme'],
  ['https://x.com/home', 'x'],
  ['https://x.com/explore', 'x'],
  ['https://x.com/search?q=acme&src=typed_query', 'x'],
  ['https://x.com/notifications', 'x'],
  ['https://x.com/messages/123-456', 'x'],
  ['https://x.com/settings/account', 'x'],
  ['https://x.com/i/bookmarks', 'x'],
  ['https://x.com/i/lists/123', 'x'],
  ['https://x.com/compose/post', 'x'],
  ['https://x.com/hashtag/socialmedia', 'x'],
  ['https://x.com/login', 'x'],
  ['https://x.com/i/flow/signup', 'x'],
  ['https://x.com/tos', 'x'],
  ['https://x.com/privacy', 'x'],
  ['https://x.com/intent/post?text=hi', 'x'],
  ['https://pro.x.com/i/decks/123', 'x'],
  ['https://tweetdeck.twitter.com/', 'x'],
  ['https://x.com/', 'x'],
  ['https://developer.x.com/en/docs', null],
  ['https://developer.twitter.com/en/portal', null],
  // Bluesky
  ['https://bsky.app/profile/acme.bsky.social', 'bluesky:acme.bsky.social'],
  ['https://bsky.app/profile/Acme.com/post/3kabc', 'bluesky:acme.com'],
  ['https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx', 'bluesky:did:plc:abcdefghijklmnopqrstuvwx'],
  ['https://bsky.app/profile/acme.bsky.social/feed/news', 'bluesky:acme.bsky.social'],
  ['https://bsky.app/', 'bluesky'],
  ['https://bsky.app/notifications', 'bluesky'],
  ['https://bsky.app/search?q=acme', 'bluesky'],
  ['https://bsky.app/settings', 'bluesky'],
  ['https://docs.bsky.app/docs/get-started', null],
  // Mastodon
  ['https://mastodon.social/@acme', 'mastodon:@acme@mastodon.social'],
  ['https://mastodon.social/@Acme/112233445566778899', 'mastodon:@acme@mastodon.social'],
  ['https://mastodon.social/@acme@chaos.social', 'mastodon:@acme@chaos.social'],
  ['https://mastodon.social/users/acme', 'mastodon:@acme@mastodon.social'],
  ['https://chaos.social/web/@acme', 'mastodon:@acme@chaos.social'],
  ['https://det.social/@bund', 'mastodon:@bund@det.social'],
  ['https://social.tchncs.de/@acme', 'mastodon:@acme@social.tchncs.de'],
  ['https://muenchen.social/@stadt', 'mastodon:@stadt@muenchen.social'],
  ['https://fosstodon.org/@acme/with_replies', 'mastodon:@acme@fosstodon.org'],
  ['https://mastodon.social/home', 'mastodon'],
  ['https://mastodon.social/explore', 'mastodon'],
  ['https://mastodon.social/notifications', 'mastodon'],
  ['https://mastodon.social/tags/fediverse', 'mastodon'],
  ['https://mastodon.social/settings/profile', 'mastodon'],
  ['https://mastodon.social/', 'mastodon'],
  // YouTube
  ['https://www.youtube.com/@acme', 'youtube:@acme'],
  ['https://www.youtube.com/@Acme/videos', 'youtube:@acme'],
  ['https://www.youtube.com/@acme/community?lb=abc', 'youtube:@acme'],
  ['https://m.youtube.com/@acme/shorts', 'youtube:@acme'],
  ['https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv', 'youtube:channel/UCabcdefghijklmnopqrstuv'],
  ['https://www.youtube.com/channel/UCabcdefghijklmnopqrstuv/about', 'youtube:channel/UCabcdefghijklmnopqrstuv'],
  ['https://studio.youtube.com/channel/UCabcdefghijklmnopqrstuv/videos/upload', 'youtube:channel/UCabcdefghijklmnopqrstuv'],
  ['https://studio.youtube.com/channel/UCabcdefghijklmnopqrstuv/analytics/tab-overview/period-default', 'youtube:channel/UCabcdefghijklmnopqrstuv'],
  ['https://studio.youtube.com/video/dQw4w9WgXcQ/edit', 'youtube'],
  ['https://studio.youtube.com/', 'youtube'],
  ['https://www.youtube.com/c/AcmeTV', 'youtube:c/acmetv'],
  ['https://www.youtube.com/user/AcmeTV/videos', 'youtube:user/acmetv'],
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'youtube'],
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&ab_channel=Acme', 'youtube'],
  ['https://www.youtube.com/shorts/abc123', 'youtube'],
  ['https://youtu.be/dQw4w9WgXcQ?si=abc', 'youtube'],
  ['https://www.youtube.com/', 'youtube'],
  ['https://www.youtube.com/feed/subscriptions', 'youtube'],
  ['https://www.youtube.com/results?search_query=acme', 'youtube'],
  ['https://www.youtube.com/account', 'youtube'],
  ['https://music.youtube.com/watch?v=abc', null],
  ['https://tv.youtube.com/welcome', null],
  // TikTok
  ['https://www.tiktok.com/@acme', 'tiktok:@acme'],
  ['https://www.tiktok.com/@Acme.Official?lang=de-DE', 'tiktok:@acme.official'],
  ['https://www.tiktok.com/@acme/video/7300000000000000000', 'tiktok:@acme'],
  ['https://www.tiktok.com/@acme/live', 'tiktok:@acme'],
  ['https://m.tiktok.com/@acme', 'tiktok:@acme'],
  ['https://www.tiktok.com/tiktokstudio/upload', 'tiktok'],
  ['https://www.tiktok.com/tiktokstudio', 'tiktok'],
  ['https://www.tiktok.com/foryou', 'tiktok'],
  ['https://www.tiktok.com/explore', 'tiktok'],
  ['https://www.tiktok.com/messages', 'tiktok'],
  ['https://www.tiktok.com/tag/socialmedia', 'tiktok'],
  ['https://vm.tiktok.com/ZMabc123/', 'tiktok'],
  ['https://ads.tiktok.com/i18n/dashboard', 'tiktok'],
  ['https://developers.tiktok.com/doc', null],
  // Pinterest
  ['https://www.pinterest.com/acme/', 'pinterest:acme'],
  ['https://www.pinterest.com/acme/spring-recipes/', 'pinterest:acme'],
  ['https://de.pinterest.com/acme/', 'pinterest:acme'],
  ['https://www.pinterest.de/Acme/_created/', 'pinterest:acme'],
  ['https://www.pinterest.co.uk/acme/', 'pinterest:acme'],
  ['https://www.pinterest.com.au/acme/boards/', 'pinterest:acme'],
  ['https://www.pinterest.com/pin/123456789012345678/', 'pinterest'],
  ['https://pin.it/abc123', 'pinterest'],
  ['https://www.pinterest.com/search/pins/?q=cake', 'pinterest'],
  ['https://www.pinterest.com/ideas/', 'pinterest'],
  ['https://www.pinterest.com/today/', 'pinterest'],
  ['https://www.pinterest.com/business/hub/', 'pinterest'],
  ['https://www.pinterest.com/settings/', 'pinterest'],
  ['https://analytics.pinterest.com/overview', 'pinterest'],
  ['https://www.pinterest.com/', 'pinterest'],
  // Reddit
  ['https://www.reddit.com/r/socialmedia/', 'reddit:r/socialmedia'],
  ['https://www.reddit.com/r/SocialMedia/comments/abc123/some_title/', 'reddit:r/socialmedia'],
  ['https://old.reddit.com/r/socialmedia/new/', 'reddit:r/socialmedia'],
  ['https://new.reddit.com/r/socialmedia/about/modqueue', 'reddit:r/socialmedia'],
  ['https://www.reddit.com/r/socialmedia/s/AbCdEf', 'reddit:r/socialmedia'],
  ['https://www.reddit.com/mod/socialmedia/queue', 'reddit:r/socialmedia'],
  ['https://www.reddit.com/mod/queue', 'reddit'],
  ['https://www.reddit.com/u/Acme_Co', 'reddit:u/acme_co'],
  ['https://www.reddit.com/user/acme_co/submitted/', 'reddit:u/acme_co'],
  ['https://www.reddit.com/r/all/', 'reddit'],
  ['https://www.reddit.com/r/popular/', 'reddit'],
  ['https://www.reddit.com/r/a+b/', 'reddit'],
  ['https://www.reddit.com/comments/abc123/', 'reddit'],
  ['https://redd.it/abc123', 'reddit'],
  ['https://www.reddit.com/message/inbox', 'reddit'],
  ['https://www.reddit.com/settings/', 'reddit'],
  ['https://www.reddit.com/search/?q=acme', 'reddit'],
  ['https://www.reddit.com/', 'reddit'],
  ['https://developers.reddit.com/docs', null],
  // Tumblr
  ['https://acme.tumblr.com/', 'tumblr:acme'],
  ['https://Acme.tumblr.com/post/123/title', 'tumblr:acme'],
  ['https://www.tumblr.com/acme', 'tumblr:acme'],
  ['https://www.tumblr.com/acme/123456789/post-title', 'tumblr:acme'],
  ['https://www.tumblr.com/blog/acme/drafts', 'tumblr:acme'],
  ['https://www.tumblr.com/blog/view/acme', 'tumblr:acme'],
  ['https://www.tumblr.com/settings/blog/acme', 'tumblr:acme'],
  ['https://www.tumblr.com/settings/account', 'tumblr'],
  ['https://www.tumblr.com/dashboard', 'tumblr'],
  ['https://www.tumblr.com/explore/trending', 'tumblr'],
  ['https://www.tumblr.com/tagged/art', 'tumblr'],
  ['https://64.media.tumblr.com/abc/s640x960/def.jpg', 'tumblr'],
  ['https://www.tumblr.com/', 'tumblr'],
  // Twitch
  ['https://www.twitch.tv/acme', 'twitch:acme'],
  ['https://www.twitch.tv/Acme/videos?filter=archives', 'twitch:acme'],
  ['https://www.twitch.tv/acme/clip/FunnyClip-abc', 'twitch:acme'],
  ['https://m.twitch.tv/acme', 'twitch:acme'],
  ['https://www.twitch.tv/moderator/acme', 'twitch:acme'],
  ['https://www.twitch.tv/popout/acme/chat?popout=', 'twitch:acme'],
  ['https://dashboard.twitch.tv/u/acme/stream-manager', 'twitch:acme'],
  ['https://dashboard.twitch.tv/', 'twitch'],
  ['https://www.twitch.tv/videos/123456789', 'twitch'],
  ['https://clips.twitch.tv/FunnyClip-abc', 'twitch'],
  ['https://www.twitch.tv/directory/category/just-chatting', 'twitch'],
  ['https://www.twitch.tv/settings/profile', 'twitch'],
  ['https://www.twitch.tv/subscriptions', 'twitch'],
  ['https://www.twitch.tv/search?term=acme', 'twitch'],
  ['https://www.twitch.tv/', 'twitch'],
  ['https://dev.twitch.tv/docs', null],
  // Snapchat
  ['https://www.snapchat.com/add/acme', 'snapchat:acme'],
  ['https://www.snapchat.com/add/Acme.Official?share_id=abc', 'snapchat:acme.official'],
  ['https://www.snapchat.com/@acme', 'snapchat:acme'],
  ['https://www.snapchat.com/spotlight/W7_abc', 'snapchat'],
  ['https://www.snapchat.com/', 'snapchat'],
  ['https://web.snapchat.com/', 'snapchat'],
  ['https://ads.snapchat.com/', 'snapchat'],
  // WhatsApp
  ['https://www.whatsapp.com/channel/0029VaAbCdEfGhIjKlMnOp3q', 'whatsapp:channel/0029VaAbCdEfGhIjKlMnOp3q'],
  ['https://whatsapp.com/channel/0029VaAbCdEfGhIjKlMnOp3q/123', 'whatsapp:channel/0029VaAbCdEfGhIjKlMnOp3q'],
  ['https://web.whatsapp.com/', 'whatsapp'],
  ['https://business.whatsapp.com/', 'whatsapp'],
  ['https://api.whatsapp.com/send?phone=491701234567', 'whatsapp'],
  // Telegram
  ['https://t.me/acmenews', 'telegram:acmenews'],
  ['https://t.me/AcmeNews/1234', 'telegram:acmenews'],
  ['https://t.me/s/acmenews', 'telegram:acmenews'],
  ['https://telegram.me/acmenews', 'telegram:acmenews'],
  ['https://acmenews.t.me/', 'telegram:acmenews'],
  ['https://t.me/+AbCdEfGhIjKl', 'telegram'],
  ['https://t.me/joinchat/AbCdEfGhIjKl', 'telegram'],
  ['https://t.me/c/1234567890/55', 'telegram'],
  ['https://t.me/addstickers/acme', 'telegram'],
  ['https://web.telegram.org/k/#@acmenews', 'telegram:acmenews'],
  ['https://web.telegram.org/a/#-1001234567890', 'telegram'],
  ['https://web.telegram.org/k/', 'telegram'],
  ['https://telegram.org/blog', 'telegram'],
  ['https://core.telegram.org/bots/api', null],
  // Discord
  ['https://discord.com/channels/123456789012345678/234567890123456789', 'discord:123456789012345678'],
  ['https://discord.com/channels/123456789012345678/234567890123456789/345678901234567890', 'discord:123456789012345678'],
  ['https://ptb.discord.com/channels/123456789012345678/234567890123456789', 'discord:123456789012345678'],
  ['https://discord.com/channels/@me', 'discord'],
  ['https://discord.com/channels/@me/234567890123456789', 'discord'],
  ['https://discord.com/app', 'discord'],
  ['https://discord.com/invite/acme', 'discord'],
  ['https://support.discord.com/hc/en-us', 'discord'],
];

const VARIANTS: Array<[string, string | null]> = [
  // Case, trailing dot, ports, schemes, percent-encoding, fragments.
  ['HTTPS://WWW.LINKEDIN.COM/company/acme', 'linkedin:company/acme'],
  ['https://www.linkedin.com./company/acme', 'linkedin:company/acme'],
  ['https://www.linkedin.com:443/company/acme', 'linkedin:company/acme'],
  ['http://www.linkedin.com:8080/company/acme', 'linkedin:company/acme'],
  ['http://x.com/acme', 'x:acme'],
  ['https://x.com/acme#top', 'x:acme'],
  ['https://x.com//acme//', 'x:acme'],
  ['https://www.reddit.com/r/social%6Dedia/', 'reddit:r/socialmedia'],
  ['https://www.youtube.com/@%E3%82%A2%E3%82%AF%E3%83%A1', 'youtube:@アクメ'],
  ['https://www.youtube.com/@acme?utm_source=newsletter&utm_medium=email', 'youtube:@acme'],
  ['https://www.facebook.com/acmepage/?utm_campaign=x&fbclid=abc', 'facebook:acmepage'],
  ['  https://x.com/acme  ', 'x:acme'],
  ['https://www.linkedin.com/in/bad%ZZslug/', 'linkedin'],
];

const NOT_CHANNELS: Array<[string, null]> = [
  // Lookalike hosts.
  ['https://linkedin.com.evil.example/company/acme', null],
  ['https://notfacebook.com/acmepage', null],
  ['https://x.company.com/acme', null],
  ['https://facebook.com@evil.example/acmepage', null],
  ['https://user:pass@www.facebook.com/acmepage', null],
  ['https://evil.example/?u=https://facebook.com/acmepage', null],
  ['https://evil.example/facebook.com/acmepage', null],
  ['https://facebook.com%2eevil.example/', null],
  ['https://fakelinkedin.com/in/jane', null],
  ['https://linkedin.co/company/acme', null],
  ['https://youtube.com.example.org/@acme', null],
  ['https://mytwitter.com/acme', null],
  ['https://reddit.comm/r/x', null],
  ['https://tumblr.co/acme', null],
  ['https://xn--facebok-vxa.com/', null],
  ['https://tme.example/acme', null],
  ['https://bsky.app.evil.example/profile/acme.com', null],
  ['https://mastodon.social.evil.example/@acme', null],
  // Not web URLs.
  ['data:text/html,<a href="https://x.com/acme">x</a>', null],
  ['javascript:alert("https://x.com/acme")', null],
  ['file:///home/user/x.com/acme.html', null],
  ['chrome://extensions/', null],
  ['about:blank', null],
  ['chrome-extension://abcdefghijklmnop/popup.html', null],
  ['moz-extension://1234/options.html', null],
  ['ftp://x.com/acme', null],
  ['ws://x.com/acme', null],
  ['view-source:https://x.com/acme', null],
  ['blob:https://x.com/1234-5678', null],
  // Malformed.
  ['', null],
  ['x.com/acme', null],
  ['https://', null],
  ['https://x..com/acme', null],
  ['https://www.linkedin.com../company/acme', null],
  ['http://[::1]/acme', null],
  ['https://127.0.0.1/acme', null],
  ['not a url', null],
  ['https://exa mple.com/', null],
  ['https://%zz/', null],
  // Unknown hosts.
  ['https://example.com/', null],
  ['https://news.ycombinator.com/item?id=1', null],
  ['https://t.co/abc123', null],
  ['https://fb.com/acmepage', null],
  ['https://discord.gg/acme', null],
  ['https://wa.me/491701234567', null],
];

describe('detectChannel: the catalog', () => {
  it.each(CATALOG)('%s -> %s', (url, expected) => {
    expect(detectedKey(url)).toBe(expected);
  });
});

describe('detectChannel: URL variants of the same place', () => {
  it.each(VARIANTS)('%s -> %s', (url, expected) => {
    expect(detectedKey(url)).toBe(expected);
  });
});

describe('detectChannel: lookalikes, other schemes, malformed and unknown URLs', () => {
  it.each(NOT_CHANNELS)('%s is no channel', (url) => {
    expect(detectChannel(url)).toBeNull();
  });
});

const USER_HOSTS: readonly UserHost[] = [
  { host: 'social.example', platform: 'mastodon' },
  { host: 'www.acme-community.example', platform: 'custom' },
  { host: 'forum.example.org', platform: 'custom' },
  { host: 'example.org', platform: 'custom' },
  { host: 'linkedin.com', platform: 'custom' },
  { host: 'mastodon.social', platform: 'custom' },
  { host: 'music.youtube.com', platform: 'custom' },
  { host: 'not a host', platform: 'custom' },
];

const WITH_USER_HOSTS: Array<[string, string | null]> = [
  ['https://social.example/@bob', 'mastodon:@bob@social.example'],
  ['https://social.example/@Bob/1122334455', 'mastodon:@bob@social.example'],
  ['https://social.example/@bob@mastodon.social', 'mastodon:@bob@mastodon.social'],
  ['https://social.example/home', 'mastodon'],
  ['https://SOCIAL.example./@bob', 'mastodon:@bob@social.example'],
  ['https://acme-community.example/threads/42', 'custom:acme-community.example'],
  ['https://www.acme-community.example/', 'custom:acme-community.example'],
  ['https://forum.example.org/t/welcome', 'custom:forum.example.org'],
  ['https://blog.example.org/post', 'custom:example.org'],
  ['https://example.org/', 'custom:example.org'],
  // Built-in platforms win over user hosts.
  ['https://www.linkedin.com/company/acme', 'linkedin:company/acme'],
  ['https://mastodon.social/@acme', 'mastodon:@acme@mastodon.social'],
  // An excluded built-in host is free for the user to claim.
  ['https://music.youtube.com/watch?v=abc', 'custom:music.youtube.com'],
  // Lookalikes of user hosts are not theirs.
  ['https://social.example.evil.example/@bob', null],
  ['https://notsocial.example/@bob', null],
  ['https://anexample.org/', null],
  ['https://user@social.example/@bob', null],
  ['javascript://social.example/%0aalert(1)', null],
  ['https://not a host/', null],
];

describe('detectChannel: user hosts', () => {
  it.each(WITH_USER_HOSTS)('%s -> %s', (url, expected) => {
    expect(detectedKey(url, USER_HOSTS)).toBe(expected);
  });

  it('ignores user hosts that are not given', () => {
    expect(detectChannel('https://social.example/@bob')).toBeNull();
  });

  it('prefers the most specific user host', () => {
    const hosts: UserHost[] = [
      { host: 'example.org', platform: 'custom' },
      { host: 'social.example.org', platform: 'mastodon' },
    ];
    expect(detectedKey('https://social.example.org/@ann', hosts)).toBe('mastodon:@ann@social.example.org');
    expect(detectedKey('https://shop.example.org/', hosts)).toBe('custom:example.org');
  });
});

// [url, whether the page has to name the account]
const FROM_PAGE: Array<[string, boolean]> = [
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', true],
  ['https://youtu.be/dQw4w9WgXcQ', true],
  ['https://www.youtube.com/shorts/abc123', true],
  ['https://www.youtube.com/playlist?list=PL123', true],
  ['https://www.youtube.com/AcmeTV', true],
  ['https://studio.youtube.com/video/dQw4w9WgXcQ/edit', true],
  ['https://www.instagram.com/p/C1a2b3/', true],
  ['https://www.instagram.com/reel/C1a2b3/', true],
  ['https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000000/', true],
  ['https://www.linkedin.com/posts/acme_launch-activity-7100000000000000000-AbCd', true],
  ['https://www.linkedin.com/in/me/', true],
  ['https://www.facebook.com/reel/123456', true],
  ['https://www.facebook.com/watch/?v=123456', true],
  ['https://www.facebook.com/photo/?fbid=123', true],
  ['https://www.facebook.com/share/p/AbCd/', true],
  ['https://www.facebook.com/events/123456789/', true],
  ['https://x.com/i/web/status/1790000000000000000', true],
  ['https://www.threads.com/t/C1a2b3', true],
  ['https://www.tiktok.com/t/ZTabc/', true],
  ['https://vm.tiktok.com/ZMabc123/', true],
  ['https://www.pinterest.com/pin/123456789012345678/', true],
  ['https://pin.it/abc123', true],
  ['https://www.reddit.com/comments/abc123/', true],
  ['https://redd.it/abc123', true],
  ['https://www.reddit.com/user/me/', true],
  ['https://www.twitch.tv/videos/123456789', true],
  ['https://clips.twitch.tv/FunnyClip-abc', true],
  ['https://t.me/c/1234567890/55', true],
  ['https://web.telegram.org/a/#-1001234567890', true],
  ['https://mastodon.social/web/statuses/1122', true],
  ['https://www.snapchat.com/spotlight/W7_abc', true],
  // Pages that name their account, or belong to none.
  ['https://www.youtube.com/@acme', false],
  ['https://www.youtube.com/', false],
  ['https://www.youtube.com/watch', false],
  ['https://www.instagram.com/acme/', false],
  ['https://www.instagram.com/explore/', false],
  ['https://x.com/acme/status/1790000000000000000', false],
  ['https://x.com/home', false],
  ['https://www.facebook.com/watch/', false],
  ['https://business.facebook.com/latest/home?business_id=555', false],
  ['https://www.tiktok.com/tiktokstudio', false],
  ['https://example.com/', false],
  ['not a url', false],
];

describe('channelNeedsPage and detectChannelDetailed', () => {
  it.each(FROM_PAGE)('%s needs the page: %s', (url, expected) => {
    expect(channelNeedsPage(url)).toBe(expected);
  });

  it('gives the platform without an account until the page names it', () => {
    expect(detectChannelDetailed('https://www.youtube.com/watch?v=abc')).toEqual({
      channel: { platform: 'youtube', account: null },
      accountFromPage: true,
    });
    expect(detectChannelDetailed('https://www.youtube.com/@acme')).toEqual({
      channel: { platform: 'youtube', account: '@acme' },
      accountFromPage: false,
    });
    expect(detectChannelDetailed('https://example.com/')).toBeNull();
  });

  it('reads user hosts the same way', () => {
    const hosts: UserHost[] = [{ host: 'social.example', platform: 'mastodon' }];
    expect(channelNeedsPage('https://social.example/web/accounts/123', hosts)).toBe(true);
    expect(channelNeedsPage('https://social.example/@bob', hosts)).toBe(false);
  });
});

describe('detectChannel: input kinds and robustness', () => {
  it('accepts URL objects like strings', () => {
    expect(detectChannel(new URL('https://www.linkedin.com/company/acme/'))).toEqual({
      platform: 'linkedin',
      account: 'company/acme',
    });
  });

  it('does not change the URL object it is given', () => {
    const url = new URL('https://www.linkedin.com./company/acme/');
    detectChannel(url);
    expect(url.href).toBe('https://www.linkedin.com./company/acme/');
  });

  it('never throws, and returns a known platform or null, for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const channel = detectChannel(text);
        return channel === null || (PLATFORM_IDS as readonly string[]).includes(channel.platform);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws for arbitrary web URLs, with or without user hosts', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        detectChannel(url);
        detectChannel(url, USER_HOSTS);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws for arbitrary paths on every catalog host', () => {
    const hosts = PLATFORM_LIST.flatMap((platform) => platform.hosts);
    const segment = fc.oneof(fc.string(), fc.constantFrom('@', '%', '%E0%A4%A', 'status', '..', 'channel'));
    fc.assert(
      fc.property(fc.constantFrom(...hosts), fc.array(segment, { maxLength: 5 }), fc.string(), (host, segments, query) => {
        const path = segments.map(encodeURIComponent).join('/');
        const channel = detectChannel(`https://www.${host}/${path}?${encodeURIComponent(query)}`);
        expect(channel).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same channel with query strings, fragments and trailing slashes added', () => {
    const urls = CATALOG.map(([url]) => url).filter((url) => !url.includes('?') && !url.includes('#'));
    fc.assert(
      fc.property(
        fc.constantFrom(...urls),
        fc.constantFrom('?utm_source=x&utm_medium=y', '?fbclid=IwAR0', '?si=abc', ''),
        fc.constantFrom('#section', ''),
        (url, query, fragment) => {
          const slashed = url.endsWith('/') ? url : `${url}/`;
          expect(detectedKey(`${slashed}${query}${fragment}`)).toBe(detectedKey(url));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the catalog', () => {
  it('defines every platform id once, under its own id', () => {
    expect(Object.keys(PLATFORMS).sort()).toEqual([...PLATFORM_IDS].sort());
    for (const id of PLATFORM_IDS) expect(PLATFORMS[id].id).toBe(id);
    expect(PLATFORM_LIST.map((platform) => platform.id)).toEqual([...PLATFORM_IDS]);
  });

  it('has the display names', () => {
    expect(PLATFORM_IDS.map(platformName)).toEqual([
      'LinkedIn', 'XING', 'Facebook', 'Instagram', 'Threads', 'X', 'Bluesky', 'Mastodon', 'YouTube',
      'TikTok', 'Pinterest', 'Reddit', 'Tumblr', 'Twitch', 'Snapchat', 'WhatsApp', 'Telegram', 'Discord',
    ]);
  });

  it('lists normalised hosts, each on exactly one platform', () => {
    const seen = new Map<string, string>();
    for (const platform of PLATFORM_LIST) {
      expect(platform.hosts.length).toBeGreaterThan(0);
      expect(platform.accountFormats.length).toBeGreaterThan(0);
      for (const host of platform.hosts) {
        expect(isValidHost(host)).toBe(host);
        expect(seen.get(host), host).toBeUndefined();
        seen.set(host, platform.id);
      }
    }
  });

  it('detects every catalog host, bare and with www., as its platform', () => {
    for (const platform of PLATFORM_LIST) {
      for (const host of platform.hosts) {
        expect(detectChannel(`https://${host}/`)?.platform, host).toBe(platform.id);
        expect(detectChannel(`https://www.${host}/`)?.platform, host).toBe(platform.id);
      }
    }
  });

  it('excludes only hosts that lie under the platform’s own hosts', () => {
    for (const platform of PLATFORM_LIST) {
      for (const excluded of platform.excludedHosts ?? []) {
        expect(isValidHost(excluded)).toBe(excluded);
        expect(platform.hosts.some((host) => excluded.endsWith(`.${host}`)), excluded).toBe(true);
        expect(detectChannel(`https://${excluded}/`)).toBeNull();
        expect(detectChannel(`https://sub.${excluded}/page`)).toBeNull();
      }
    }
  });
});

describe('contentScriptMatches', () => {
  const matches = contentScriptMatches();
  const patternHosts = matches.map((pattern) => /^\*:\/\/\*\.([^/]+)\/\*$/.exec(pattern)?.[1]);

  it('is made of host patterns only, never <all_urls>', () => {
    expect(matches.length).toBeGreaterThan(0);
    expect(matches).not.toContain('<all_urls>');
    expect(patternHosts.every((host) => host !== undefined && isValidHost(host) === host)).toBe(true);
  });

  it('covers every catalog host and its subdomains', () => {
    for (const host of PLATFORM_LIST.flatMap((platform) => platform.hosts)) {
      const covered = patternHosts.some((base) => base !== undefined && (host === base || host.endsWith(`.${base}`)));
      expect(covered, host).toBe(true);
    }
  });

  it('is minimal: no duplicate and no pattern inside another', () => {
    expect(new Set(matches).size).toBe(matches.length);
    for (const host of patternHosts) {
      const inside = patternHosts.some((other) => other !== host && host?.endsWith(`.${other}`));
      expect(inside, host).toBe(false);
    }
  });

  it('leaves out subdomains already covered', () => {
    expect(matches).toContain('*://*.facebook.com/*');
    expect(matches).toContain('*://*.youtube.com/*');
    expect(matches).toContain('*://*.t.me/*');
    expect(matches).not.toContain('*://*.business.facebook.com/*');
  });

  it('gives exclude patterns for the excluded hosts', () => {
    expect(contentScriptExcludeMatches()).toContain('*://*.music.youtube.com/*');
    expect(contentScriptExcludeMatches()).toContain('*://*.developers.facebook.com/*');
  });
});

describe('hostMatchPattern', () => {
  it.each([
    ['social.example', '*://*.social.example/*'],
    ['www.Example.org', '*://*.example.org/*'],
    ['https://münchen.social/@bob', '*://*.xn--mnchen-3ya.social/*'],
  ])('%s -> %s', (host, pattern) => {
    expect(hostMatchPattern(host)).toBe(pattern);
  });

  it('refuses what is not a host', () => {
    expect(() => hostMatchPattern('*.example.com')).toThrow(RangeError);
    expect(() => hostMatchPattern('')).toThrow(RangeError);
  });
});

describe('isValidHost', () => {
  it.each([
    ['mastodon.social', 'mastodon.social'],
    ['  Mastodon.Social  ', 'mastodon.social'],
    ['https://mastodon.social/@bob', 'mastodon.social'],
    ['http://social.example:8443/about', 'social.example'],
    ['social.example.', 'social.example'],
    ['www.example.com', 'example.com'],
    ['www.com', 'www.com'],
    ['münchen.social', 'xn--mnchen-3ya.social'],
    ['social.example?x=1', 'social.example'],
    ['social.example#top', 'social.example'],
    ['a-b.example.co.uk', 'a-b.example.co.uk'],
  ])('%s -> %s', (input, expected) => {
    expect(isValidHost(input)).toBe(expected);
  });

  it.each([
    '', '   ', 'localhost', 'example', '192.168.0.1', '[::1]', '*.example.com', 'exa mple.com',
    'user@example.com', 'https://user:pw@example.com', 'ftp://example.com', 'javascript:alert(1)',
    'example..com', '-example.com', 'example-.com', 'under_score.example', `${'a'.repeat(64)}.com`,
    '@bob@mastodon.social', 'http://', 'example.123',
  ])('rejects %j', (input) => {
    expect(isValidHost(input)).toBeNull();
  });
});

describe('channelKey and parseChannelKey', () => {
  it('joins platform and account, and leaves out a missing account', () => {
    expect(channelKey({ platform: 'linkedin', account: 'company/acme' })).toBe('linkedin:company/acme');
    expect(channelKey({ platform: 'x', account: null })).toBe('x');
    expect(channelKey({ platform: 'custom', account: 'example.org' })).toBe('custom:example.org');
  });

  it('round-trips every detected channel', () => {
    const channels = [...CATALOG, ...WITH_USER_HOSTS]
      .map(([url]) => detectChannel(url, USER_HOSTS))
      .filter((channel): channel is Channel => channel !== null);
    expect(channels.length).toBeGreaterThan(200);
    for (const channel of channels) expect(parseChannelKey(channelKey(channel))).toEqual(channel);
  });

  it('splits on the first colon only', () => {
    expect(parseChannelKey('bluesky:did:plc:abcdefghijklmnopqrstuvwx')).toEqual({
      platform: 'bluesky',
      account: 'did:plc:abcdefghijklmnopqrstuvwx',
    });
  });

  it.each(['', 'myspace', 'myspace:tom', 'linkedin:', 'custom', 'custom:', 'LinkedIn:company/acme', ':acme'])(
    'rejects %j',
    (key) => {
      expect(parseChannelKey(key)).toBeNull();
    },
  );
});

describe('channelLabel', () => {
  it.each<[Channel, string]>([
    [{ platform: 'linkedin', account: 'company/acme' }, 'LinkedIn · company/acme'],
    [{ platform: 'x', account: 'acme' }, 'X · @acme'],
    [{ platform: 'instagram', account: 'acme' }, 'Instagram · @acme'],
    [{ platform: 'bluesky', account: 'acme.bsky.social' }, 'Bluesky · @acme.bsky.social'],
    [{ platform: 'mastodon', account: '@bob@mastodon.social' }, 'Mastodon · @bob@mastodon.social'],
    [{ platform: 'reddit', account: 'r/socialmedia' }, 'Reddit · r/socialmedia'],
    [{ platform: 'facebook', account: null }, 'Facebook'],
    [{ platform: 'custom', account: 'example.org' }, 'example.org'],
  ])('%j -> %s', (channel, label) => {
    expect(channelLabel(channel)).toBe(label);
  });
});
