import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '@/utils/platforms';
import { detectedKey, platformTable, type FromPageRow, type UrlRow } from './table';

const ROWS: UrlRow[] = [
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
  // Country domains, and language hosts of the countries without one.
  ['https://www.pinterest.fr/acme/', 'pinterest:acme'],
  ['https://www.pinterest.ca/Acme/spring-recipes/', 'pinterest:acme'],
  ['https://www.pinterest.nl/acme/', 'pinterest:acme'],
  ['https://pinterest.be/acme/', 'pinterest:acme'],
  ['https://www.pinterest.co.nz/acme/spring-recipes/', 'pinterest:acme'],
  ['https://www.pinterest.co.in/acme/', 'pinterest:acme'],
  ['https://www.pinterest.com.pe/acme/', 'pinterest:acme'],
  ['https://www.pinterest.co.kr/acme/', 'pinterest:acme'],
  ['https://www.pinterest.uk/acme/', 'pinterest:acme'],
  ['https://www.pinterest.co/acme/', 'pinterest:acme'],
  ['https://br.pinterest.com/acme/', 'pinterest:acme'],
  ['https://pl.pinterest.com/acme/', 'pinterest:acme'],
  ['https://fr.pinterest.ca/acme/', 'pinterest:acme'],
  ['https://www.pinterest.com.mx/pin/123456789012345678/', 'pinterest'],
  ['https://www.pinterest.jp/ideas/', 'pinterest'],
  ['https://analytics.pinterest.co.uk/overview', 'pinterest'],
  ['https://ads.pinterest.nl/acme/', 'pinterest'],
  ['https://developers.pinterest.com/acme/', null],
  // Look-alikes of the country domains.
  ['https://pinterest.evil.com/acme/', null],
  ['https://www.pinterest.com.evil.example/acme/', null],
  ['https://pinterest.co.evil.example/acme/', null],
  ['https://pinterest.de.example/acme/', null],
  ['https://mypinterest.de/acme/', null],
  ['https://pinterest-de.com/acme/', null],
  ['https://pinterest.com.br/acme/', null],
  ['https://pinterest.pl/acme/', null],
  ['https://pinterest.co.za/acme/', null],
];

const FROM_PAGE: FromPageRow[] = [
  ['https://www.pinterest.com/pin/123456789012345678/', true],
  ['https://pin.it/abc123', true],
  ['https://www.pinterest.com.mx/pin/123456789012345678/', true],
  ['https://www.pinterest.nl/acme/', false],
];

platformTable('pinterest', ROWS, FROM_PAGE);

describe('Pinterest country domains', () => {
  const sites = PLATFORMS.pinterest.hosts.filter((host) => host.startsWith('pinterest.'));

  it('all read a profile the same way, bare, with www. and with a language host', () => {
    expect(sites.length).toBeGreaterThan(20);
    for (const site of sites) {
      for (const host of [site, `www.${site}`, `de.${site}`]) {
        expect(detectedKey(`https://${host}/Acme/spring-recipes/`), host).toBe('pinterest:acme');
        expect(detectedKey(`https://${host}/search/pins/?q=cake`), host).toBe('pinterest');
      }
    }
  });

  it('are not matched by hosts that only contain them', () => {
    for (const site of sites) {
      for (const host of [`${site}.evil.example`, `my${site}`, site.replace('pinterest.', 'pinterest-')]) {
        expect(detectedKey(`https://${host}/acme/`), host).toBeNull();
      }
    }
  });
});
