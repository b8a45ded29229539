// Unused exports, files and dependencies (part of `npm run lint` and `npm test`). Entries marked `!`
// are what ships: `npx knip --production` lists exports only tests use.
import type { KnipConfig } from 'knip';

export default {
  entry: [
    // WXT's entry points only: knip's WXT plugin would make every file under entrypoints/ an entry
    // and so never report the background's or the panel's unused exports.
    'entrypoints/background/index.ts!',
    'entrypoints/*.content/index.{ts,tsx}!',
    'entrypoints/*/main.tsx!',
    'wxt.config.ts!',
    'scripts/*.mjs',
    'bench/*.{ts,mjs}',
    // Served to the browsers under test by the fixture server.
    'harness/site/**/*.js',
  ],
  project: ['{entrypoints,components,utils}/**/*.{ts,tsx}!', '{scripts,bench,tests}/**/*.{ts,tsx,js,mjs}', '*.{ts,js}'],
  wxt: false,
  vitest: { config: ['vitest.config.ts', 'vitest.e2e.config.ts', 'vitest.bench.config.ts'] },
  // A WXT module, named as a string in wxt.config.ts, and the polyfill (with its types) it builds in.
  ignoreDependencies: ['@wxt-dev/webextension-polyfill', 'webextension-polyfill', '@types/webextension-polyfill'],
  // System tools: the fixture server's certificate, the report e2e test's PDF text.
  ignoreBinaries: ['pdftotext'],
} satisfies KnipConfig;
