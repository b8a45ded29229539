import { describe, expect, it } from 'vitest';
import { unifiedAccount } from '@/utils/page-account/unify';

describe('unifiedAccount: an id may give way to the name of the same place', () => {
  it.each([
    // [platform, URL account, page account, counted account]
    ['linkedin', 'company/12345', 'company/acme-gmbh', 'company/acme-gmbh'],
    ['linkedin', 'school/4567', 'school/tu-berlin', 'school/tu-berlin'],
    ['linkedin', 'showcase/4567', 'showcase/acme-labs', 'showcase/acme-labs'],
    ['linkedin', 'in/ACoAABcdefghijklmnop', 'in/jane-doe', 'in/jane-doe'],
    ['facebook', 'id/100064123456789', 'acmebakery', 'acmebakery'],
    ['facebook', 'groups/123456', 'groups/acme-fans', 'groups/acme-fans'],
  ] as const)('%s: %s becomes %s', (platform, urlAccount, pageAccount, counted) => {
    expect(unifiedAccount(platform, urlAccount, pageAccount)).toBe(counted);
  });

  it.each([
    ['a name is never renamed', 'linkedin', 'company/acme', 'company/acme-gmbh'],
    ['an id never becomes another id', 'linkedin', 'company/12345', 'company/67890'],
    ['a company never becomes a person', 'linkedin', 'company/12345', 'in/jane-doe'],
    ['a company never becomes a showcase', 'linkedin', 'company/12345', 'showcase/acme-labs'],
    ['a page never becomes a group', 'facebook', 'id/100064123456789', 'groups/acme-fans'],
    ['a group never becomes a page', 'facebook', 'groups/123456', 'acmebakery'],
    ['a numeric group keeps its id', 'linkedin', 'groups/123456', 'groups/654321'],
    ['platforms without a rule keep the URL', 'youtube', 'channel/UCuAXFkgsw1L7xaCfnd5JJOw', '@acme'],
    ['custom hosts keep the URL', 'custom', 'example.com', 'example.org'],
  ] as const)('%s', (_, platform, urlAccount, pageAccount) => {
    expect(unifiedAccount(platform, urlAccount, pageAccount)).toBe(urlAccount);
  });
});
