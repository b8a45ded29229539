// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { MAX_JSON_LD_CHARS, readJsonLdAuthors } from '@/utils/page-account/json-ld';
import { readPageAccountClues } from '@/utils/page-account/read';
import { jsonLd, pageDocument } from './fixtures';

const PAGE = new URL('https://www.linkedin.com/posts/acme_launch-activity-1-AbCd');
const authors = (...scripts: string[]) => readJsonLdAuthors(pageDocument(scripts.join('')), PAGE);

describe('JSON-LD authors: the shapes the standard allows', () => {
  it('reads author.url, author.@id and mainEntityOfPage, in that order of preference', () => {
    expect(authors(
      jsonLd({ '@type': 'Article', url: 'https://www.linkedin.com/pulse/a', author: { url: 'https://www.linkedin.com/in/by-url', '@id': 'https://www.linkedin.com/in/by-id' } }),
      jsonLd({ '@type': 'Article', author: { '@id': 'https://www.linkedin.com/in/by-id' } }),
      jsonLd({ '@type': 'Article', author: { mainEntityOfPage: { '@id': 'https://www.linkedin.com/in/by-page' } } }),
    )).toEqual([
      { nodeUrl: 'https://www.linkedin.com/pulse/a', authorUrls: ['https://www.linkedin.com/in/by-url'] },
      { nodeUrl: null, authorUrls: ['https://www.linkedin.com/in/by-id'] },
      { nodeUrl: null, authorUrls: ['https://www.linkedin.com/in/by-page'] },
    ]);
  });

  it('reads a list of authors (at most three), a list of urls, top-level arrays and @graph', () => {
    expect(authors(jsonLd([
      { '@type': 'Article', author: ['https://www.linkedin.com/in/a', { url: ['not an address', 'https://www.linkedin.com/in/b'] }, 'https://www.linkedin.com/in/c', 'https://www.linkedin.com/in/d'] },
      { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage' }, { '@type': 'Article', author: { url: '/in/e' } }] },
    ]))).toEqual([
      { nodeUrl: null, authorUrls: ['https://www.linkedin.com/in/a', 'https://www.linkedin.com/in/b', 'https://www.linkedin.com/in/c'] },
      { nodeUrl: null, authorUrls: ['https://www.linkedin.com/in/e'] },
    ]);
  });

  it('reads the author of the page’s mainEntity, and nothing nested deeper', () => {
    expect(authors(jsonLd({
      '@type': 'WebPage',
      mainEntity: { '@type': 'Article', author: { url: 'https://www.linkedin.com/in/main' } },
      hasPart: { '@type': 'Comment', author: { url: 'https://www.linkedin.com/in/nested' } },
    }))).toEqual([{ nodeUrl: null, authorUrls: ['https://www.linkedin.com/in/main'] }]);
  });

  it('accepts the type with parameters and in any case', () => {
    const author = { author: { url: 'https://www.linkedin.com/in/typed' } };
    expect(authors(jsonLd(author, 'application/ld+json; charset=utf-8'), jsonLd(author, 'Application/LD+JSON'))).toHaveLength(2);
    expect(authors(jsonLd(author, 'application/json'), jsonLd(author, 'text/javascript'))).toEqual([]);
  });
});

describe('JSON-LD authors: text that lies or breaks', () => {
  it('skips malformed scripts and keeps reading the others', () => {
    expect(authors(
      jsonLd('{"author": {"url": "https://www.linkedin.com/in/broken"'),
      jsonLd('undefined'),
      jsonLd(''),
      jsonLd('{"author": {"url": "https://www.linkedin.com/in/fine"}}'),
    )).toEqual([{ nodeUrl: null, authorUrls: ['https://www.linkedin.com/in/fine'] }]);
  });

  it('does not parse a huge script, even a valid one', () => {
    const padding = 'x'.repeat(MAX_JSON_LD_CHARS);
    const huge = jsonLd({ author: { url: 'https://www.linkedin.com/in/huge' }, padding });
    expect(huge.length).toBeGreaterThan(MAX_JSON_LD_CHARS);
    expect(authors(huge, jsonLd({ author: { url: 'https://www.linkedin.com/in/small' } })))
      .toEqual([{ nodeUrl: null, authorUrls: ['https://www.linkedin.com/in/small'] }]);
  });

  it('survives nesting deep enough to exhaust a recursive parser', () => {
    const depth = 90_000;
    expect(() => authors(jsonLd('['.repeat(depth) + ']'.repeat(depth)), jsonLd('['.repeat(depth)))).not.toThrow();
    expect(authors(jsonLd('['.repeat(depth) + ']'.repeat(depth)))).toEqual([]);
  });

  it('reads names, numbers, blank nodes and unsafe schemes as no address', () => {
    const values = ['Jane Doe', 42, null, true, [], { name: 'Jane' }, { '@id': '_:b0' }, { url: 'javascript:alert(1)' }, { url: 'linkedin.com/in/bare' }];
    for (const author of values) expect(authors(jsonLd({ author }))).toEqual([]);
    expect(authors(jsonLd('"https://www.linkedin.com/in/just-a-string"'), jsonLd('null'), jsonLd('[1, "x"]'))).toEqual([]);
  });

  it('ignores properties a hostile script hides behind __proto__', () => {
    expect(authors(jsonLd('{"__proto__": {"author": {"url": "https://www.linkedin.com/in/proto"}}}'))).toEqual([]);
    expect(authors(jsonLd('{"author": {"__proto__": {"url": "https://www.linkedin.com/in/proto"}}}'))).toEqual([]);
  });

  it('reads no more than ten scripts', () => {
    const scripts = Array.from({ length: 12 }, (_, index) => jsonLd({ author: { url: `https://www.linkedin.com/in/p${index}` } }));
    expect(authors(...scripts)).toHaveLength(10);
  });

  it('never lets a page give more than eight clues', () => {
    const scripts = Array.from({ length: 10 }, (_, index) => jsonLd({ author: { url: `https://www.linkedin.com/in/p${index}` } }));
    expect(readPageAccountClues(pageDocument(scripts.join('')), PAGE.href)).toHaveLength(8);
  });
});
