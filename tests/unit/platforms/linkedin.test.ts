import { describe, expect, it } from 'vitest';
import { detectedKey, needsPage, platformTable, type FromPageRow, type UrlRow } from './table';

const ROWS: UrlRow[] = [
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
  // LinkedIn Lite (`/mwlite/...`) is the same page as the usual path, country hosts included.
  ['https://www.linkedin.com/mwlite/in/jane-doe-123', 'linkedin:in/jane-doe-123'],
  ['https://de.linkedin.com/mwlite/in/Jane-Doe-123/', 'linkedin:in/jane-doe-123'],
  ['https://www.linkedin.com/mwlite/company/acme/', 'linkedin:company/acme'],
  ['https://fr.linkedin.com/mwlite/company/acme/about', 'linkedin:company/acme'],
  ['https://www.linkedin.com/mwlite/school/tu-muenchen', 'linkedin:school/tu-muenchen'],
  ['https://www.linkedin.com/mwlite/showcase/acme-cloud', 'linkedin:showcase/acme-cloud'],
  ['https://www.linkedin.com/mwlite/groups/1234567', 'linkedin:groups/1234567'],
  ['https://www.linkedin.com/MWLITE/in/jane-doe-123', 'linkedin:in/jane-doe-123'],
  ['https://www.linkedin.com/mwlite', 'linkedin'],
  ['https://www.linkedin.com/mwlite/feed', 'linkedin'],
  ['https://www.linkedin.com/mwlite/company/setup/new', 'linkedin'],
  ['https://www.linkedin.com/mwlite/search/results/all/?keywords=acme', 'linkedin'],
  ['https://www.linkedin.com/mwlite/mwlite/in/jane-doe-123', 'linkedin'],
  ['https://www.linkedin.com/in/jane-doe-123/mwlite', 'linkedin:in/jane-doe-123'],
  ['https://developer.linkedin.com/mwlite/in/jane-doe-123', null],
];

const FROM_PAGE: FromPageRow[] = [
  ['https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000000/', true],
  ['https://www.linkedin.com/posts/acme_launch-activity-7100000000000000000-AbCd', true],
  ['https://www.linkedin.com/in/me/', true],
  ['https://www.linkedin.com/mwlite/in/me', true],
  ['https://www.linkedin.com/mwlite/feed/update/urn:li:activity:7100000000000000000/', true],
  ['https://www.linkedin.com/mwlite/in/jane-doe-123', false],
];

platformTable('linkedin', ROWS, FROM_PAGE);

describe('LinkedIn Lite', () => {
  it('gives every row of the table the same channel with /mwlite in front of its path', () => {
    for (const [url] of ROWS) {
      const parsed = new URL(url);
      if (parsed.pathname.toLowerCase().startsWith('/mwlite')) continue;
      const lite = `${parsed.origin}/mwlite${parsed.pathname}${parsed.search}${parsed.hash}`;
      expect(detectedKey(lite), lite).toBe(detectedKey(url));
      expect(needsPage(lite), lite).toBe(needsPage(url));
    }
  });
});
