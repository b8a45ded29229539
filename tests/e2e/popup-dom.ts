import type { Page } from 'puppeteer-core';

/** Today's channel rows as the popup lists them: name, time, and whether the row is flagged. */
export function channelRows(page: Page) {
  return page.evaluate(() => [...document.querySelectorAll('.cf-channels > li')].map((li) => ({
    name: (li.querySelector(':scope > .cf-row .cf-expand') ?? li.querySelector(':scope > .cf-row .cf-name'))?.textContent?.trim() ?? '',
    time: li.querySelector('.cf-time')?.textContent?.trim() ?? '',
    flagged: !!li.querySelector(':scope > .cf-flag'),
  })));
}
