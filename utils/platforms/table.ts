import { PLATFORM_LIST } from './index';

export const PLATFORMS_START = '<!-- platforms:start -->';
export const PLATFORMS_END = '<!-- platforms:end -->';

function code(values: readonly string[]): string {
  // A `|` would end the table cell.
  return values.map((value) => `\`${value.replaceAll('|', '\\|')}\``).join(', ');
}

/** The README's "Supported platforms" table, generated from the catalog. */
export function platformsTable(): string {
  const rows = PLATFORM_LIST.map((platform) => {
    const excluded = platform.excludedHosts?.length ? ` (not ${code(platform.excludedHosts)})` : '';
    return `| \`${platform.id}\` | ${platform.name} | ${code(platform.hosts)}${excluded} | ${code(platform.accountFormats)} | ${platform.pageAccount ?? '—'} |`;
  });
  return [
    'Generated from `utils/platforms/` by `UPDATE_README=1 npx vitest run tests/unit/platforms-table.test.ts`.',
    'Every host includes its subdomains. Mastodon instances and other sites can be added as user hosts.',
    '"Read from the page": where the address cannot name the account, the page\'s public markup',
    '(schema.org microdata, JSON-LD, `rel=author`, canonical link, `og:url`) does, checked by the',
    'platform\'s own address rules.',
    '',
    '| Id | Name | Hosts | Account formats | Read from the page |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/**
 * The README with the text between the platform markers replaced by `platformsTable()`; when the
 * markers are missing, a "Supported platforms" section holding them is appended.
 */
export function withPlatformsTable(readme: string): string {
  const section = `${PLATFORMS_START}\n${platformsTable()}\n${PLATFORMS_END}`;
  const start = readme.indexOf(PLATFORMS_START);
  const end = readme.indexOf(PLATFORMS_END, start);
  if (start === -1 || end === -1) {
    const body = readme.trimEnd();
    return `${body}${body === '' ? '' : '\n\n'}## Supported platforms\n\n${section}\n`;
  }
  return readme.slice(0, start) + section + readme.slice(end + PLATFORMS_END.length);
}
