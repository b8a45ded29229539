import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCustomHost, suffixFacts, type SuffixFacts } from '@/utils/custom-host-check';

describe('checkCustomHost', () => {
  it.each([
    ['example.com', 'example.com', 'example.com'],
    ['blog.example.co.uk', 'blog.example.co.uk', 'example.co.uk'],
    // A registrable domain under a private suffix: one owner's site.
    ['name.github.io', 'name.github.io', 'name.github.io'],
    ['social.example.org', 'social.example.org', 'example.org'],
    // What the user pastes is normalised first, as the settings store it.
    ['https://WWW.Example.com/@me?x=1', 'example.com', 'example.com'],
    ['name.github.io.', 'name.github.io', 'name.github.io'],
    // An exception rule of the list (`!www.ck` under `*.ck`).
    ['www.ck', 'www.ck', 'www.ck'],
    // IDN as punycode, under an IDN suffix (公司.cn).
    ['forum.公司.cn', 'forum.xn--55qx5d.cn', 'forum.xn--55qx5d.cn'],
    // A top-level label the list does not know: its default rule still names the domain.
    ['mastodon.example', 'mastodon.example', 'mastodon.example'],
  ])('allows %j as %j (domain %j)', (input, host, registrableDomain) => {
    expect(checkCustomHost(input)).toEqual({ ok: true, host, registrableDomain });
  });

  it.each([
    // Public suffixes, ICANN and private.
    ['co.uk', 'public-suffix', 'co.uk'],
    ['github.io', 'public-suffix', 'github.io'],
    ['com', 'public-suffix', 'com'],
    ['https://www.github.io/', 'public-suffix', 'github.io'],
    ['s3.amazonaws.com', 'public-suffix', 's3.amazonaws.com'],
    ['foo.ck', 'public-suffix', 'foo.ck'],
    ['公司.cn', 'public-suffix', 'xn--55qx5d.cn'],
    // IP addresses, v4 (in any notation the browser reads) and v6.
    ['192.168.0.1', 'ip-address', '192.168.0.1'],
    ['http://127.0.0.1:8080/', 'ip-address', '127.0.0.1'],
    ['0x7f.1', 'ip-address', '127.0.0.1'],
    ['[::1]', 'ip-address', '::1'],
    ['https://[2001:db8::1]/feed', 'ip-address', '2001:db8::1'],
    ['localhost', 'localhost', 'localhost'],
    ['http://localhost:3000', 'localhost', 'localhost'],
    ['app.localhost', 'localhost', 'app.localhost'],
    ['intranet', 'single-label', 'intranet'],
    ['http://wiki/', 'public-suffix', 'wiki'], // .wiki is a top-level domain
    ['http://my-nas:5000/', 'single-label', 'my-nas'],
  ])('refuses %j: %s', (input, reason, host) => {
    expect(checkCustomHost(input)).toEqual({ ok: false, reason, host });
  });

  it.each(['', '   ', 'not a host!', 'https://', 'mailto:someone@example.com', '-a.example.com', 'a..example.com', 'example.123'])(
    'calls %j no host at all', (input) => {
      expect(checkCustomHost(input)).toMatchObject({ ok: false, reason: 'not-a-host' });
    },
  );

  it('refuses a host for which the list gives no registrable domain', () => {
    // The real list names a domain for every well-formed host that is no suffix; a list that
    // cannot must not let the host through.
    const noDomain = (host: string): SuffixFacts => ({ ...suffixFacts(host), domain: null });
    expect(checkCustomHost('forum.example.com', noDomain)).toEqual({ ok: false, reason: 'no-registrable-domain', host: 'forum.example.com' });
  });
});

describe('suffixFacts', () => {
  it('reads private suffixes as suffixes and tells listed ones from the default rule', () => {
    expect(suffixFacts('name.github.io')).toEqual({ isIp: false, listed: true, publicSuffix: 'github.io', domain: 'name.github.io' });
    expect(suffixFacts('forum.example.co.uk')).toEqual({ isIp: false, listed: true, publicSuffix: 'co.uk', domain: 'example.co.uk' });
    expect(suffixFacts('intranet')).toMatchObject({ listed: false, domain: null });
  });
});

describe('where the Public Suffix List is loaded', () => {
  const root = resolve(import.meta.dirname, '../..');

  /** Every module of ours an entry point imports, directly or not, and every package it names. */
  function importGraph(entry: string): { files: Set<string>; packages: Set<string> } {
    const files = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (files.has(file)) return;
      files.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/(?:^|\n)\s*(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]/g)) {
        if (specifier === undefined) continue;
        const local = specifier.startsWith('@/') ? resolve(root, specifier.slice(2))
          : specifier.startsWith('.') ? resolve(dirname(file), specifier) : null;
        if (local === null) {
          packages.add(specifier);
          continue;
        }
        const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => local + ext)
          .find((path) => existsSync(path) && statSync(path).isFile());
        if (found && !found.endsWith('.d.ts')) visit(found);
      }
    };
    visit(resolve(root, entry));
    return { files, packages };
  }

  it.each(['entrypoints/background/index.ts', 'entrypoints/panel.content/index.tsx'])('is no part of %s', (entry) => {
    const { files, packages } = importGraph(entry);
    expect(files.size).toBeGreaterThan(3);
    expect([...packages].filter((name) => name.startsWith('tldts'))).toEqual([]);
    expect([...files].filter((file) => file.endsWith('custom-host-check.ts'))).toEqual([]);
  });

  it('is part of the options page', () => {
    const { files } = importGraph('entrypoints/options/main.tsx');
    expect([...files].some((file) => file.endsWith('custom-host-check.ts'))).toBe(true);
  });
});
