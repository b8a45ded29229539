import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectedKey, platformTable, type FromPageRow, type UrlRow } from './table';

const ROWS: UrlRow[] = [
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
  // Numeric addresses: the trailing id is the account, stored as `profile.php?id=` stores it.
  ['https://www.facebook.com/profile/100064123456789', 'facebook:id/100064123456789'],
  ['https://m.facebook.com/profile/100064123456789/photos/', 'facebook:id/100064123456789'],
  ['https://www.facebook.com/p/Acme-GmbH-100063123456789/', 'facebook:id/100063123456789'],
  ['https://www.facebook.com/p/Acme-GmbH-100063123456789/?locale=de_DE', 'facebook:id/100063123456789'],
  ['https://www.facebook.com/p/B%C3%A4ckerei-M%C3%BCller-100063123456789/', 'facebook:id/100063123456789'],
  ['https://www.facebook.com/p/Acme-2000-100063123456789/', 'facebook:id/100063123456789'],
  ['https://www.facebook.com/p/100063123456789/', 'facebook:id/100063123456789'],
  ['https://www.facebook.com/pages/category/Bakery/Acme-Bakery-123456789/', 'facebook:id/123456789'],
  ['https://www.facebook.com/pages/category/Local-Business/Acme-Bakery-123456789/reviews/', 'facebook:id/123456789'],
  ['https://www.facebook.com/pages/Category/123456789', 'facebook:id/123456789'],
  ['https://www.facebook.com/profile', 'facebook'],
  ['https://www.facebook.com/profile/', 'facebook'],
  ['https://www.facebook.com/profile/acmepage', 'facebook'],
  ['https://www.facebook.com/profile/123456789012345678901', 'facebook'],
  ['https://www.facebook.com/p', 'facebook'],
  ['https://www.facebook.com/p/', 'facebook'],
  ['https://www.facebook.com/p/Acme-GmbH/', 'facebook'],
  ['https://www.facebook.com/p/Acme-GmbH100063123456789/', 'facebook'],
  ['https://www.facebook.com/p/Acme-GmbH-123456789012345678901/', 'facebook'],
  ['https://www.facebook.com/pages/category/', 'facebook'],
  ['https://www.facebook.com/pages/category/Bakery/', 'facebook'],
  ['https://www.facebook.com/pages/category/Bakery/Acme-Bakery/', 'facebook'],
  ['https://l.facebook.com/p/Acme-GmbH-100063123456789/', 'facebook'],
  ['https://developers.facebook.com/profile/100064123456789', null],
];

const FROM_PAGE: FromPageRow[] = [
  ['https://www.facebook.com/reel/123456', true],
  ['https://www.facebook.com/watch/?v=123456', true],
  ['https://www.facebook.com/photo/?fbid=123', true],
  ['https://www.facebook.com/share/p/AbCd/', true],
  ['https://www.facebook.com/events/123456789/', true],
  ['https://www.facebook.com/watch/', false],
  ['https://business.facebook.com/latest/home?business_id=555', false],
];

platformTable('facebook', ROWS, FROM_PAGE);

describe('Facebook numeric ids', () => {
  it('are one channel whichever address names them', () => {
    const id = fc.stringMatching(/^[1-9]\d{0,19}$/);
    // Display names as Facebook writes them in `/p/` and category addresses, digits allowed.
    const name = fc
      .stringMatching(/^[A-Za-z\u00C0-\u017F0-9][A-Za-z\u00C0-\u017F0-9.-]{0,30}$/)
      .map(encodeURIComponent);
    fc.assert(
      fc.property(id, name, name, (value, page, category) => {
        const key = `facebook:id/${value}`;
        for (const path of [
          `profile.php?id=${value}`,
          `profile/${value}`,
          `${value}`,
          `p/${page}-${value}/`,
          `pages/${page}/${value}`,
          `pages/category/${category}/${page}-${value}/`,
        ]) {
          expect(detectedKey(`https://www.facebook.com/${path}`), path).toBe(key);
        }
      }),
      { numRuns: 200 },
    );
  });
});
