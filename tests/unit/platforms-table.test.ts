import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLATFORM_LIST } from '@/utils/platforms';
import { PLATFORMS_END, PLATFORMS_START, platformsTable, withPlatformsTable } from '@/utils/platforms/table';

const README = resolve(__dirname, '../../README.md');

describe('platformsTable', () => {
  const table = platformsTable();

  it('has one row per platform with its id, name, hosts and account formats', () => {
    const rows = table.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(PLATFORM_LIST.length);
    PLATFORM_LIST.forEach((platform, index) => {
      const row = rows[index] ?? '';
      expect(row.startsWith(`| \`${platform.id}\` | ${platform.name} |`)).toBe(true);
      for (const host of platform.hosts) expect(row).toContain(`\`${host}\``);
      for (const format of platform.accountFormats) expect(row).toContain(`\`${format}\``);
    });
  });

  it('replaces only the text between the markers', () => {
    const readme = `# Title\n\nIntro.\n\n${PLATFORMS_START}\nold table\n${PLATFORMS_END}\n\n## After\n`;
    expect(withPlatformsTable(readme)).toBe(
      `# Title\n\nIntro.\n\n${PLATFORMS_START}\n${table}\n${PLATFORMS_END}\n\n## After\n`,
    );
    expect(withPlatformsTable(withPlatformsTable(readme))).toBe(withPlatformsTable(readme));
  });

  it('appends a section with the markers when they are missing', () => {
    expect(withPlatformsTable('# Title\n')).toBe(
      `# Title\n\n## Supported platforms\n\n${PLATFORMS_START}\n${table}\n${PLATFORMS_END}\n`,
    );
  });
});

describe('README', () => {
  // `UPDATE_README=1 npx vitest run tests/unit/platforms-table.test.ts` rewrites the section.
  it('documents the catalog exactly as platformsTable() renders it', () => {
    const current = existsSync(README) ? readFileSync(README, 'utf8') : '';
    const expected = withPlatformsTable(current);
    if (process.env.UPDATE_README === '1' && current !== expected) writeFileSync(README, expected);
    const written = existsSync(README) ? readFileSync(README, 'utf8') : '';
    expect(written, 'README platforms section is stale: run with UPDATE_README=1').toBe(expected);
  });
});

describe('accounts read from the page', () => {
  it('the README names them for exactly the platforms whose pages are read', async () => {
    const { PAGE_SITES } = await import('@/utils/page-account/sites');
    const read = new Set(PAGE_SITES.map((site) => site.platform));
    expect(new Set(PLATFORM_LIST.filter((platform) => platform.pageAccount).map((platform) => platform.id))).toEqual(read);
  });
});
