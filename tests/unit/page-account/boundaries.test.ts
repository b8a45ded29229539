import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The content script bundles the page half; it must stay small: no platform catalog, no URL
 * parsers, no valibot, no tldts. Walks the value imports (type-only imports vanish in the build).
 */
const ROOT = resolve(__dirname, '../../..');

function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  const pattern = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const match of text.matchAll(pattern)) found.push(match[1]!);
  return found;
}

function resolveImport(from: string, specifier: string): string {
  const base = specifier.startsWith('@/') ? join(ROOT, specifier.slice(2)) : resolve(dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
  const file = candidates.find((candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate));
  if (file === undefined) throw new Error(`Cannot resolve ${specifier} from ${from}`);
  return file;
}

/** Every file a module reaches through value imports, relative to the root; bare packages as `pkg:<name>`. */
function reach(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [join(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const name = relative(ROOT, file);
    if (seen.has(name)) continue;
    seen.add(name);
    for (const specifier of valueImports(file)) {
      if (specifier.startsWith('.') || specifier.startsWith('@/')) queue.push(resolveImport(file, specifier));
      else seen.add(`pkg:${specifier}`);
    }
  }
  return seen;
}

describe('the page half stays out of the catalog', () => {
  it.each(['utils/page-account/read.ts', 'utils/page-account/mastodon-page.ts'])('%s reaches only page-account files', (entry) => {
    const reached = [...reach(entry)];
    expect(reached.filter((file) => !file.startsWith('utils/page-account/'))).toEqual([]);
    expect(reached).not.toContain('utils/page-account/validate.ts');
    expect(reached).not.toContain('utils/page-account/unify.ts');
  });

  it('the background half does reach the catalog (the walk sees imports)', () => {
    const reached = reach('utils/page-account/validate.ts');
    expect(reached).toContain('utils/channels.ts');
    expect(reached).toContain('utils/platforms/index.ts');
  });
});
